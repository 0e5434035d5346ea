// What fills a slot: values that fill nothing (`let token = null`), and the name the function that fills it goes by.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isNullish, staticPropertyName, unwrap } from './ast.js';

type Node = TSESTree.Node;
type FunctionLike = TSESTree.FunctionLike;

/** Values that fill nothing: `let x = null`, `= 0`, `= {}`, `= new Map()`. */
export function isPlaceholderValue(node: Node | undefined): boolean {
  if (!node) return true;
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.Identifier:
      return isNullish(inner);
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
      return (inner.type === AST_NODE_TYPES.ObjectExpression ? inner.properties : inner.elements).length === 0;
    case AST_NODE_TYPES.NewExpression:
      return inner.arguments.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator === 'void' || inner.operator === '-';
    default:
      return false;
  }
}

/** The name `fn` is called by: its own, its declarator's, or its key's. */
export function functionName(fn: FunctionLike): string | null {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id)
    return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  if (
    parent?.type === AST_NODE_TYPES.MethodDefinition ||
    parent?.type === AST_NODE_TYPES.Property ||
    parent?.type === AST_NODE_TYPES.PropertyDefinition
  ) {
    return staticPropertyName(parent);
  }
  return null;
}

/** `node` lies inside a function called `name` (a retry of it reuses what it kept). */
export function insideFunctionNamed(node: Node, name: string): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (functionName(fn) === name) return true;
  return false;
}
