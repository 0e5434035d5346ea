// What a function of the file hands back: its `return` values, and the arguments its callback parameter is called
// with (`(done) => done(null, token)`).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, unwrap } from './ast.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;

/** The expressions a function returns (not those of nested functions). */
export function returnedValues(fn: TSESTree.FunctionLike): Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: Node[] = [];
  const visit = (node: Node | null | undefined): void => {
    if (!node || isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      return;
    }
    for (const child of statementChildren(node)) visit(child);
  };
  for (const statement of fn.body.body) visit(statement);
  return found;
}

/** Child statements of a statement (enough to find `return`s: blocks, ifs, loops, try, switch). */
function statementChildren(node: Node): (Node | null | undefined)[] {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return node.body;
    case AST_NODE_TYPES.IfStatement:
      return [node.consequent, node.alternate];
    case AST_NODE_TYPES.TryStatement:
      return [node.block, node.handler?.body, node.finalizer];
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return [node.body];
    case AST_NODE_TYPES.SwitchStatement:
      return node.cases.flatMap((c) => c.consequent);
    default:
      return [];
  }
}

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
