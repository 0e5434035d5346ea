import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { TOKEN_RENEWING_FIELDS } from '../knowledge/index.js';
import { staticPropertyName } from './ast.js';

const RENEWING: ReadonlySet<string> = new Set(TOKEN_RENEWING_FIELDS.names);

/**
 * An object literal that carries a refresh token (TOKEN_RENEWING_FIELDS) and is handed to a call or constructor,
 * directly or nested in its options (`createTransport({ auth: { accessToken, refreshToken } })`): the library
 * fetches the next token itself.
 */
export function isHandedOverWithRefreshToken(object: TSESTree.ObjectExpression): boolean {
  if (!object.properties.some((p) => p.type === AST_NODE_TYPES.Property && RENEWING.has(staticPropertyName(p) ?? '')))
    return false;
  let current: TSESTree.Node = object;
  while (
    current.parent?.type === AST_NODE_TYPES.Property &&
    current.parent.parent.type === AST_NODE_TYPES.ObjectExpression
  )
    current = current.parent.parent;
  const parent = current.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(current)
  );
}
