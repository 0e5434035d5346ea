import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { AWS_V3_PROVIDER_FACTORIES, findByApi, type ProviderFactory } from '../knowledge/index.js';
import { DefinitionType, unwrap } from './ast.js';
import { isConstLike, type ModuleRefs } from './module-refs.js';

const MAX_ALIASES = 3;

/**
 * The v3 provider factory behind a provider expression: `fromX(init)`, or a const bound to one (through up to three
 * aliases). Both rules ask it: a call of what it finds resolves credentials once.
 */
export function providerFactoryOf(
  expression: TSESTree.Node,
  refs: ModuleRefs,
  depth = 0,
): { factory: ProviderFactory; call: TSESTree.CallExpression } | null {
  const inner = unwrap(expression);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const factory = findByApi(AWS_V3_PROVIDER_FACTORIES, refs.resolve(inner.callee));
    return factory ? { factory, call: inner } : null;
  }
  if (inner.type === AST_NODE_TYPES.Identifier && depth < MAX_ALIASES) {
    const variable = refs.variableOf(inner);
    const def = variable?.defs[0];
    if (
      def?.type === DefinitionType.Variable &&
      def.node.id.type === AST_NODE_TYPES.Identifier &&
      def.node.init &&
      isConstLike(variable!)
    ) {
      return providerFactoryOf(def.node.init, refs, depth + 1);
    }
  }
  return null;
}
