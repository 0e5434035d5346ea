import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { AWS_V3_PROVIDER_FACTORIES, findByApi, type ProviderFactory } from '../knowledge/index.js';
import { DefinitionType, unwrap } from './ast.js';
import { localFunction } from './local-function.js';
import { returnedValues } from './returned-values.js';
import { isConstLike, type ModuleRefs } from './module-refs.js';

const MAX_ALIASES = 3;

/**
 * The v3 provider factory behind a provider expression: `fromX(init)`, a const bound to one, or a function of this
 * file that returns one (`makeProvider(profile)`), through up to three such hops. Both rules ask it: a call of what
 * it finds resolves credentials once.
 */
export function providerFactoryOf(
  expression: TSESTree.Node,
  refs: ModuleRefs,
  depth = 0,
): { factory: ProviderFactory; call: TSESTree.CallExpression } | null {
  const inner = unwrap(expression);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const factory = findByApi(AWS_V3_PROVIDER_FACTORIES, refs.resolve(inner.callee));
    if (factory) return { factory, call: inner };
    return depth < MAX_ALIASES ? returnedProvider(inner, refs, depth + 1) : null;
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

/** `makeProvider('ops')`: a function of this file whose every return is a provider (a plain function, not async). */
function returnedProvider(
  call: TSESTree.CallExpression,
  refs: ModuleRefs,
  depth: number,
): { factory: ProviderFactory; call: TSESTree.CallExpression } | null {
  const fn = localFunction(call, refs, { bindings: 'written-once', thisMethods: true });
  if (!fn || fn.async) return null;
  const returned = returnedValues(fn);
  const found = returned.map((node) => providerFactoryOf(node, refs, depth));
  return found.length > 0 && found.every((f) => f !== null) ? found[0] : null;
}
