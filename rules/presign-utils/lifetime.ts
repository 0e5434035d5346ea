import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../../src/analysis/find-variable.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, findProperty, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import {
  type NumberSource,
  staticNumberSource,
  staticObjectSource,
  staticString,
  staticTime,
} from '../../src/analysis/static-value.js';
import type { Presigner } from '../../src/knowledge/index.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Epoch milliseconds below this (September 2001) are durations written where a time belongs (googleapis/nodejs-storage: src/signer.ts reads `expires` as a time). */
const EPOCH_MS_FLOOR = 1e12;

/** The lifetime a call asks for, known statically. */
export type Requested =
  | {
      readonly kind: 'duration';
      readonly seconds: number;
      /** The expression that writes the number, and its unit (1: seconds; 1000: milliseconds after `Date.now() +`). */
      readonly source: NumberSource;
      readonly scale: 1 | 1000;
      /** The lifetime as written in the call (`expiresIn: ttl` → `ttl`). */
      readonly valueNode: TSESTree.Node;
      /** Passed in by a caller in this file (the lifetime is a parameter of the function that presigns). */
      readonly viaParameter?: true;
    }
  | {
      /** An absolute-time option given a small number (`expires: 3600`): 1970, so the call throws. */
      readonly kind: 'time-as-duration';
      readonly source: NumberSource;
      readonly valueNode: TSESTree.Node;
    };

/** The lifetime option as written in the call, or null when it is absent (the default) or hidden behind a spread. */
function lifetimeNode(call: TSESTree.CallExpression, presigner: Presigner, context: Context): TSESTree.Node | null {
  const { argument: index, property, within = [] } = presigner.expiry;
  if (call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const argument = call.arguments[index];
  if (!argument || property === undefined) return argument ?? null;
  let options = staticObjectSource(argument, context);
  for (const name of within) {
    const inner = options && findProperty(options, name)?.value;
    options = inner ? staticObjectSource(inner, context) : null;
  }
  return (options && findProperty(options, property)?.value) ?? null;
}

export function requestedLifetime(
  call: TSESTree.CallExpression,
  presigner: Presigner,
  context: Context,
): Requested | null {
  const valueNode = lifetimeNode(call, presigner, context);
  if (!valueNode) return null;
  if (presigner.expiry.unit === 'seconds') {
    const source = staticNumberSource(valueNode, context);
    if (source) return { kind: 'duration', seconds: source.value, source, scale: 1, valueNode };
    const passed = longestPassedValue(valueNode, context);
    return passed
      ? { kind: 'duration', seconds: passed.value, source: passed, scale: 1, valueNode, viaParameter: true }
      : null;
  }
  const time = staticTime(valueNode, context);
  if (!time) return null;
  if (time.kind === 'epoch') {
    return time.source.value >= 0 && time.source.value < EPOCH_MS_FLOOR
      ? { kind: 'time-as-duration', source: time.source, valueNode }
      : null;
  }
  return time.source
    ? { kind: 'duration', seconds: time.offsetMs / 1000, source: time.source, scale: 1000, valueNode }
    : null;
}

/** The service maximum that applies to this call, if any (GCS: only V4 URLs are capped; an unknown version is not). */
export function applicableMaximum(
  call: TSESTree.CallExpression,
  presigner: Presigner,
  context: Context,
): number | undefined {
  const { maxSeconds } = presigner.expiry;
  const version = presigner.versionOption;
  if (maxSeconds === undefined || !version) return maxSeconds;
  const argument = call.arguments[presigner.expiry.argument];
  const options = argument && staticObjectSource(argument, context);
  if (!options) return undefined;
  const property = findProperty(options, version.property);
  const value = property ? staticString(property.value, context) : version.defaultVersion;
  return value === version.capped ? maxSeconds : undefined;
}

/**
 * A lifetime that is a parameter of a function in this file, with no default (`async function sign(key, expiresIn)`):
 * the longest value a call in the same file passes for it (`sign(k, request.linkLifetime)` with a const object
 * `{ linkLifetime: 3600 * 24 * 30 }`). Calls whose argument is unknown say nothing; the file's other callers may
 * pass anything, but a call here that passes too much is a defect of its own.
 */
function longestPassedValue(node: TSESTree.Node, context: Context): NumberSource | null {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context.sourceCode.getScope(inner), inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def || def.type !== DefinitionType.Parameter || variable!.references.some((r) => r.isWrite())) return null;
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.indexOf(def.name);
  const callee = functionName(fn);
  if (index < 0 || !callee) return null;
  const binding = findVariable(context.sourceCode.getScope(callee), callee);
  let longest: NumberSource | null = null;
  for (const reference of binding?.references ?? []) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
    if (call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) continue;
    const argument = call.arguments[index];
    const source = argument && staticNumberSource(argument, context);
    if (source && (!longest || source.value > longest.value)) longest = source;
  }
  return longest;
}

/** The name a function is called by: `function f()`, `const f = () => ...`, `const f = function () {}`. */
function functionName(fn: TSESTree.FunctionLike): TSESTree.Identifier | null {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id)
    return fn.id;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === fn &&
    parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id
    : null;
}

/**
 * The constant a lifetime is written in, when one names it: `const TEN_YEARS = ...`, `{ linkLifetime: ... }`, a
 * parameter default (`expiresIn = 31536000`). The messages name it, so the reader finds the number to change.
 */
export function constantName(source: NumberSource): string | undefined {
  let node: TSESTree.Node | undefined = source.node;
  while (
    node?.parent &&
    (node.parent.type === AST_NODE_TYPES.BinaryExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression)
  )
    node = node.parent;
  const parent = node?.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) return staticPropertyName(parent) ?? undefined;
  if (
    parent?.type === AST_NODE_TYPES.AssignmentPattern &&
    parent.right === node &&
    parent.left.type === AST_NODE_TYPES.Identifier
  )
    return parent.left.name;
  return undefined;
}
