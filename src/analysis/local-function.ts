import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { DefinitionType, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { isConstLike } from './module-refs.js';

type Node = TSESTree.Node;

/**
 * The function of this file that a call runs: `helper(x)` (a function declaration or a written-once variable bound
 * to a function) or `this.method(x)` (a method of the enclosing class). Null for anything else.
 */
export function localFunction(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.FunctionLike | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
    const def = variable?.defs[0];
    if (def?.type === DefinitionType.FunctionName) return def.node;
    if (
      def?.type === DefinitionType.Variable &&
      def.node.init &&
      isFunctionNode(def.node.init) &&
      isConstLike(variable!)
    )
      return def.node.init;
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrap(callee.object).type !== AST_NODE_TYPES.ThisExpression)
    return null;
  const name = staticPropertyName(callee);
  for (let p: Node | undefined = callee.parent; p; p = p.parent) {
    if (p.type !== AST_NODE_TYPES.ClassBody) continue;
    const method = p.body.find((m) => m.type === AST_NODE_TYPES.MethodDefinition && staticPropertyName(m) === name);
    return method?.type === AST_NODE_TYPES.MethodDefinition ? method.value : null;
  }
  return null;
}
