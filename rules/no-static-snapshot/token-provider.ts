import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import { ownerOfKeptValue } from '../../src/analysis/kept-owner.js';
import { SNAPSHOT_RULE_MODULES, TOKEN_PROVIDER_OPTIONS } from '../../src/knowledge/index.js';
import { traceValue } from '../../src/analysis/value-flow.js';
import { carriedIdentifiers } from './captured-provider.js';
import { returnedValues } from '../../src/analysis/returned-values.js';
import { type Finding, type Node, type SnapshotContext, snippet } from './context.js';
import { fetchInside } from './fetch-inside.js';
import { keptBeyondCall } from './kept.js';
import { resolutionOf } from './sources.js';

type Variable = TSESLint.Scope.Variable;

const MODULE_SCOPES: ReadonlySet<string> = new Set(['module', 'global']);
const OPTIONS = new Map<string, (typeof TOKEN_PROVIDER_OPTIONS)[number]>(
  TOKEN_PROVIDER_OPTIONS.map((o) => [o.option, o]),
);
const TOKEN_ONLY_MODULES: ReadonlySet<string> = new Set(SNAPSHOT_RULE_MODULES.tokenOnly);

/**
 * A file importing a client that takes a token-only option (kafkajs) is looked at even when it imports no SDK;
 * the common names (`credentials`, `getToken`) are looked at only in files that pass the rule's gate.
 */
export function mayHandTokenProviders(imports: ReadonlySet<string>): boolean {
  return [...imports].some((specifier) => TOKEN_ONLY_MODULES.has(specifier));
}

/** Short-lived kinds a provider function must not hand back as a captured copy. */
const SHORT_LIVED = new Set([
  'aws-credentials',
  'sts-output',
  'access-token',
  'id-token',
  'auth-token',
  'token-response',
]);

/** Whether `property` is named like a token provider option: the only properties checkTokenProviderOption reads. */
export function mayBeTokenProviderOption(property: TSESTree.Property): boolean {
  return OPTIONS.has(staticPropertyName(property) ?? '');
}

/**
 * A provider option (`sasl: { oauthBearerProvider: async () => ({ value: token }) }`, `getToken: () => token`) whose
 * function returns a value fetched once outside it: the client calls the function whenever it needs a fresh token
 * and gets the same one each time. Sources the engine knows are reported by checkCapturedProvider at the
 * resolution; this check covers the rest: what the engine holds as short-lived (a token endpoint's response, a
 * token method's result), and for options that only ever hold a token, any awaited call (an imported helper).
 * A variable written again (a timer that refetches it) is taken as renewed.
 */
export function checkTokenProviderOption(property: TSESTree.Property, ctx: SnapshotContext): Finding | null {
  const option = OPTIONS.get(staticPropertyName(property) ?? '');
  const fn = unwrap(property.value);
  if (!option || !isFunctionNode(fn) || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
  if ('clientMustBeKept' in option && !isClientKept(property.parent, ctx)) return null;
  const handedBack =
    'callbackTokenArgument' in option ? callbackArguments(fn, option.callbackTokenArgument, ctx) : returnedValues(fn);
  for (const returned of handedBack) {
    for (const identifier of carriedIdentifiers(returned)) {
      const variable = ctx.refs.variableOf(identifier);
      const fetched = variable && fetchedOnceOutside(variable, fn);
      if (!fetched || resolutionOf(fetched, ctx)) continue;
      const held = HeldValues.for(ctx.rule, ctx.refs, ctx.imports).heldBy(fetched);
      const shortLived = held !== null && SHORT_LIVED.has(held.kind);
      // A known short-lived value in module scope is no-module-token-cache's (ownerOfKeptValue).
      if (
        shortLived &&
        ownerOfKeptValue(MODULE_SCOPES.has(variable.scope.type) ? 'module' : 'local', held.method) === 'token-cache'
      )
        continue;
      if (!shortLived && !(option.tokenOnly && isAwaited(fetched))) continue;
      return {
        node: fetched,
        messageId: 'capturedTokenProvider',
        data: {
          option: option.option,
          what: shortLived ? held.what : `the token from \`${snippet(ctx.sourceCode, fetched.callee, 40)}(...)\``,
          phrase: shortLived ? held.lifetime : 'when that token expires',
        },
        suggest: fetchInside(fn, identifier, fetched, ctx),
      };
    }
  }
  return null;
}

/** `(done) => { done(null, token); }`: the arguments at `index` of the calls of the function's first parameter. */
function callbackArguments(fn: TSESTree.FunctionLike, index: number, ctx: SnapshotContext): Node[] {
  const callback = fn.params[0];
  const variable = callback?.type === AST_NODE_TYPES.Identifier ? ctx.refs.variableOf(callback) : null;
  if (!variable) return [];
  return variable.references.flatMap((reference) => {
    const call = reference.identifier.parent;
    const argument =
      call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier
        ? call.arguments[index]
        : null;
    return argument && isInside(argument, fn) ? [argument] : [];
  });
}

/** `Client.init({ authProvider })`: the client built from these options reaches storage that outlives the call. */
function isClientKept(options: TSESTree.ObjectExpression, ctx: SnapshotContext): boolean {
  const client = options.parent;
  if (client.type !== AST_NODE_TYPES.CallExpression && client.type !== AST_NODE_TYPES.NewExpression) return false;
  return keptBeyondCall(client, traceValue(client, ctx.refs, ctx.sourceCode), ctx) !== null;
}

/** The call whose result `variable` holds, when it is declared outside `fn` and written exactly once. */
function fetchedOnceOutside(variable: Variable, fn: TSESTree.FunctionLike): TSESTree.CallExpression | null {
  if (isInside(variable.scope.block, fn)) return null;
  const writes = variable.references.filter((r) => r.isWrite());
  if (writes.length !== 1 || !writes[0].writeExpr) return null;
  let value: Node = unwrap(writes[0].writeExpr);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  return value.type === AST_NODE_TYPES.CallExpression ? value : null;
}

function isAwaited(call: TSESTree.CallExpression): boolean {
  let node: Node = call;
  while (node.parent && unwrap(node.parent) === call) node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.AwaitExpression;
}

function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}
