import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from '../../src/analysis/ast.js';
import { returnedValues } from '../../src/analysis/returned-values.js';
import { climb, type FlowNode } from '../../src/analysis/value-flow.js';
import { AWS_V2_PROMISE_METHOD } from '../../src/knowledge/index.js';
import { type Finding, type SnapshotContext, snippet } from './context.js';
import { heldForOneCall } from './per-call-holder.js';
import { resolveInside } from './resolve-inside.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

type Node = TSESTree.Node;

const MAX_OPTION_DEPTH = 4;
/** `Promise.resolve(x)`: the same value, as a promise. */
const PROMISE_GLOBAL = 'Promise';
const PROMISE_RESOLVE = 'resolve';

/**
 * A function handed to another object as an option (`getCredentials: () => creds`, `oauthBearerProvider: async
 * () => ({ value: token })`, `credentials: async () => creds`) that returns a value resolved once outside it. The
 * object calls the function whenever it needs fresh credentials or a fresh token and gets the same copy each time.
 */
export function checkCapturedProvider(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  for (const node of flow) {
    if (node.step.kind !== 'capture') continue;
    const closure = node.step.node;
    if (!returnsReference(closure, node.step.reference)) continue;
    const holder = optionHolder(closure);
    if (!holder || heldForOneCall(holder, node.step.reference, ctx)) continue;
    return {
      node: resolution.reportNode,
      messageId: 'capturedProvider',
      data: {
        source: `\`${resolution.sourceName}\``,
        option: optionName(closure, ctx),
        ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
      },
      suggest: resolveInside(closure, node.step.reference, ctx),
    };
  }
  return null;
}

/** The closure's result is the captured reference: `() => creds`, `return creds`, `Promise.resolve(creds)`, `({ value: token })`. */
function returnsReference(closure: TSESTree.FunctionLike, reference: TSESTree.Identifier): boolean {
  return returnedValues(closure).some((expression) => carriedIdentifiers(expression).includes(reference));
}

/** The identifiers whose value an expression hands on as it is: `x`, `await x`, `x.token`, `{ value: x }`, `Promise.resolve(x)`. */
export function carriedIdentifiers(expression: Node, depth = 0): TSESTree.Identifier[] {
  if (depth > MAX_OPTION_DEPTH) return [];
  const inner = unwrap(expression);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return [inner];
    case AST_NODE_TYPES.AwaitExpression:
      return carriedIdentifiers(inner.argument, depth + 1);
    case AST_NODE_TYPES.MemberExpression:
      // `captured.token`: a field of the captured value.
      return carriedIdentifiers(inner.object, depth + 1);
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.flatMap((p) =>
        carriedIdentifiers(p.type === AST_NODE_TYPES.Property ? p.value : p.argument, depth + 1),
      );
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(inner.callee);
      const isPromiseResolve =
        callee.type === AST_NODE_TYPES.MemberExpression &&
        unwrap(callee.object).type === AST_NODE_TYPES.Identifier &&
        (unwrap(callee.object) as TSESTree.Identifier).name === PROMISE_GLOBAL &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.property.name === PROMISE_RESOLVE;
      return isPromiseResolve && inner.arguments[0] ? carriedIdentifiers(inner.arguments[0], depth + 1) : [];
    }
    default:
      return [];
  }
}

/**
 * The call or constructor the closure is handed to as an option: `new Client({ getCredentials: fn })`,
 * `AwsSigv4Signer({ getCredentials: fn })`, `new Kafka({ sasl: { oauthBearerProvider: fn } })`. Callbacks passed
 * directly (`items.map(() => token)`, `.then(() => creds)`) run at once and are not providers.
 */
function optionHolder(closure: TSESTree.FunctionLike): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let node: Node = climb(closure);
  if (node.parent?.type !== AST_NODE_TYPES.Property || node.parent.value !== node) return null;
  for (let depth = 0; depth <= MAX_OPTION_DEPTH; depth++) {
    const property = node.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.parent.type !== AST_NODE_TYPES.ObjectExpression)
      return null;
    const object: Node = climb(property.parent);
    const holder = object.parent;
    if (
      (holder?.type === AST_NODE_TYPES.CallExpression || holder?.type === AST_NODE_TYPES.NewExpression) &&
      holder.arguments.includes(object as TSESTree.CallExpressionArgument)
    ) {
      return isPromiseMethod(holder) ? null : holder;
    }
    node = object;
  }
  return null;
}

/** `.promise()`-style calls are not option consumers. */
function isPromiseMethod(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === AWS_V2_PROMISE_METHOD
  );
}

function optionName(closure: TSESTree.FunctionLike, ctx: SnapshotContext): string {
  const property = climb(closure).parent;
  return property?.type === AST_NODE_TYPES.Property ? snippet(ctx.sourceCode, property.key, 40) : 'provider';
}
