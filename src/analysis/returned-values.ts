import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode } from './ast.js';

type Node = TSESTree.Node;

/** The expressions a function returns: an arrow's expression body, or each `return x` outside nested functions. */
export function returnedValues(fn: TSESTree.FunctionLike): Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: Node[] = [];
  const visit = (node: Node): void => {
    if (isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      return;
    }
    for (const child of statementsIn(node)) visit(child);
  };
  for (const statement of fn.body.body) visit(statement);
  return found;
}

/** The statements directly inside a statement (blocks, branches, loops, try, switch): where a `return` may sit. */
function statementsIn(node: Node): Node[] {
  const children: (Node | null | undefined)[] = (() => {
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
  })();
  return children.filter((child): child is Node => child !== null && child !== undefined);
}
