import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

const PROMISE_GLOBAL = 'Promise';
/** `resolve(x)` calls followed per executor: more are a dispatcher, not a wrapper around one callback. */
const MAX_RESOLUTIONS = 8;

/**
 * The values a hand-made promise settles to: `new Promise((resolve, reject) => sdk.call(params, (err, data) =>
 * (err ? reject(err) : resolve(data.token))))` settles to what `resolve` is called with, in the executor or in the
 * callbacks nested in it (the usual wrapper around a callback API). Empty when `node` is not such a construction of
 * the global `Promise`, or when `resolve` is handed on rather than called.
 */
export function promiseResolutions(node: TSESTree.NewExpression, refs: ModuleRefs): Node[] {
  const callee = unwrap(node.callee);
  const executor = node.arguments[0];
  if (
    callee.type !== AST_NODE_TYPES.Identifier ||
    callee.name !== PROMISE_GLOBAL ||
    refs.variableOf(callee)?.defs.length ||
    !executor ||
    !isFunctionNode(executor)
  )
    return [];
  const resolve = executor.params[0];
  const variable = resolve?.type === AST_NODE_TYPES.Identifier ? refs.variableOf(resolve) : null;
  if (!variable) return [];
  const found: Node[] = [];
  for (const reference of variable.references) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return [];
    const value = call.arguments[0];
    if (value && value.type !== AST_NODE_TYPES.SpreadElement && found.length < MAX_RESOLUTIONS) found.push(value);
  }
  return found;
}
