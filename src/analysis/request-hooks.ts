import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { HTTP_CLIENT_KEEPERS } from '../knowledge/index.js';
import { isFunctionNode, memberChain } from './ast.js';

/**
 * The node sits in a callback an HTTP client runs for each request or each failed one
 * (`api.interceptors.request.use(fn)`, `Vue.http.interceptors.push(fn)`; HTTP_CLIENT_KEEPERS.interceptorPath):
 * what it writes there is asked for again per request.
 */
export function runsPerRequest(node: TSESTree.Node): boolean {
  for (let p: TSESTree.Node | undefined = node.parent; p; p = p.parent) {
    if (!isFunctionNode(p) || p.parent?.type !== AST_NODE_TYPES.CallExpression) continue;
    const host = p.parent;
    if (!host.arguments.includes(p as TSESTree.CallExpressionArgument)) continue;
    const chain = memberChain(host.callee);
    if (chain?.some((name) => HTTP_CLIENT_KEEPERS.interceptorPath.includes(name))) return true;
  }
  return false;
}
