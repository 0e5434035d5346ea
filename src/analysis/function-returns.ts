// What a function of the file hands back through its callback parameter: the arguments that parameter is called with
// (`(done) => done(null, token)`). Its `return` values are returned-values.ts's.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;

/** `(done) => { done(null, token); }`: the arguments at `index` of the calls of the function's first parameter. */
export function callbackArguments(
  fn: TSESTree.FunctionLike,
  index: number,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Node[] {
  const callback = fn.params[0];
  if (callback?.type !== AST_NODE_TYPES.Identifier) return [];
  const found: Node[] = [];
  forEachDescendant(fn, sourceCode, (node) => {
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      unwrap(node.callee).type === AST_NODE_TYPES.Identifier &&
      (unwrap(node.callee) as TSESTree.Identifier).name === callback.name &&
      node.arguments[index]
    )
      found.push(node.arguments[index]);
  });
  return found;
}
