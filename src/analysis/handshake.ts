import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { HANDSHAKE_ONLY_CONNECTIONS, refMatches } from '../knowledge/index.js';
import { unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

/**
 * `new WebSocket(url)` of the unshadowed global or of the `ws` package (HANDSHAKE_ONLY_CONNECTIONS): the token in its
 * URL or headers is spent when the socket opens, and the socket never opens again with it, so keeping the socket
 * keeps no token.
 */
export function spendsAtHandshake(call: TSESTree.CallExpression | TSESTree.NewExpression, refs: ModuleRefs): boolean {
  if (call.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = unwrap(call.callee);
  if (
    callee.type === AST_NODE_TYPES.Identifier &&
    (HANDSHAKE_ONLY_CONNECTIONS.globals as readonly string[]).includes(callee.name) &&
    !refs.variableOf(callee)?.defs.length
  )
    return true;
  const ref = refs.resolve(callee);
  return ref !== null && HANDSHAKE_ONLY_CONNECTIONS.apis.some((api) => refMatches(ref, api));
}
