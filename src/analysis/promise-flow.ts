import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

const PROMISE_GLOBAL = 'Promise';
const THEN = 'then';

/**
 * `resolve(value)` inside `new Promise((resolve, reject) => ...)`: the promise the executor settles, which now
 * carries the value (a v2 callback API wrapped by hand). Null for any other call.
 */
export function promiseSettledBy(call: TSESTree.CallExpression, refs: ModuleRefs): TSESTree.NewExpression | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || call.arguments.length === 0) return null;
  const def = refs.variableOf(callee)?.defs[0];
  if (def?.type !== DefinitionType.Parameter) return null;
  const executor = def.node;
  if (!isFunctionNode(executor) || executor.params[0] !== def.name) return null;
  const construction = executor.parent;
  if (
    construction?.type !== AST_NODE_TYPES.NewExpression ||
    construction.arguments[0] !== executor ||
    unwrap(construction.callee).type !== AST_NODE_TYPES.Identifier
  )
    return null;
  const promise = unwrap(construction.callee) as TSESTree.Identifier;
  return promise.name === PROMISE_GLOBAL && !refs.variableOf(promise)?.defs.length ? construction : null;
}

/**
 * The function of the file a `.then(callback)` runs when its callback is named (`.then(keepCredentials)`): a function
 * declaration, or a variable bound once to a function expression. Inline callbacks are the walker's own case.
 */
export function namedThenCallback(call: TSESTree.CallExpression, refs: ModuleRefs): TSESTree.FunctionLike | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== THEN) return null;
  const callback = call.arguments[0] ? unwrap(call.arguments[0]) : null;
  if (callback?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = refs.variableOf(callback);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type === DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
  if (def.type !== DefinitionType.Variable || !def.node.init) return null;
  const init = unwrap(def.node.init);
  return isFunctionNode(init) && !variable.references.some((r) => r.isWrite() && r.writeExpr !== def.node.init)
    ? init
    : null;
}

/** The `.then(fn)` calls that run `fn` (named by `reads`, the reads of its binding): each settles to what `fn` returns. */
export function thenCallsOf(reads: readonly TSESTree.Identifier[]): Node[] {
  const calls: Node[] = [];
  for (const identifier of reads) {
    const call = identifier.parent;
    if (
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments[0] !== identifier ||
      call.callee.type !== AST_NODE_TYPES.MemberExpression ||
      staticPropertyName(call.callee) !== THEN
    )
      continue;
    calls.push(call);
  }
  return calls;
}

/**
 * `await runAction(async () => build(), options)`: an inline callback handed to a call that is awaited. Helpers of
 * that shape (retry, a mutex's `runExclusive`, a tracing span, an error wrapper) settle to what the callback returns;
 * one that only registers it (`setTimeout`, `emitter.on`) is not awaited for its result. Null otherwise.
 */
export function awaitedCallRunning(fn: TSESTree.FunctionLike): TSESTree.CallExpression | null {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument))
    return null;
  let outer: Node = call;
  while (
    outer.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression
  )
    outer = outer.parent;
  return outer.parent?.type === AST_NODE_TYPES.AwaitExpression ? call : null;
}
