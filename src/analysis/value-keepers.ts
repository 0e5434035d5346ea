import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { HTTP_CLIENTS, isKnowledgeModule } from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

const PROMISE_GLOBAL = 'Promise';
const PROMISE_COMBINATORS: readonly string[] = ['all', 'race', 'any'];

/** `Promise.all` / `Promise.race` / `Promise.any` of the global `Promise`: a promise of what the array holds. */
export function isPromiseCombinator(callee: Node, refs: ModuleRefs): boolean {
  const inner = unwrap(callee);
  return (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    inner.object.type === AST_NODE_TYPES.Identifier &&
    inner.object.name === PROMISE_GLOBAL &&
    PROMISE_COMBINATORS.includes(staticPropertyName(inner) ?? '') &&
    !refs.variableOf(inner.object)?.defs.length
  );
}

/**
 * A module whose objects keep a short-lived value they are built with (`new Pool({ password })`): another library's.
 * SDK objects are no-static-snapshot's (they could have been given a provider), and HTTP clients send the value
 * instead of keeping it.
 */
export function keepsWhatItIsBuiltWith(module: string): boolean {
  return !isKnowledgeModule(module) && !HTTP_CLIENTS.some((api) => api.modules.includes(module));
}
