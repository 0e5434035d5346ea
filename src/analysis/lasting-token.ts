import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { LASTING_TOKEN_ISSUERS, type LastingTokenIssuer } from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import { forEachDescendant } from './value-flow.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `slack.oauth.v2.access(...)`: the issuer whose method path ends the callee, or null. */
export function lastingIssuerOfCall(call: TSESTree.CallExpression): LastingTokenIssuer | null {
  const path = calleePath(call.callee);
  return (
    LASTING_TOKEN_ISSUERS.find((issuer) =>
      issuer.methodPaths.some(
        (method) =>
          path.length > method.length && method.every((step, i) => path[path.length - method.length + i] === step),
      ),
    ) ?? null
  );
}

/** The issuer whose exchange `url` (as far as it is known statically) is, or null. */
export function lastingIssuerOfUrl(url: string): LastingTokenIssuer | null {
  return LASTING_TOKEN_ISSUERS.find((issuer) => issuer.urlPattern.test(url)) ?? null;
}

/**
 * The file reads or names a field the issuer's response carries only when its token expires (`refresh_token`,
 * `expires_in`): the app turned expiring tokens on, so a token kept without a check is a defect again.
 */
export function showsExpiringShape(issuer: LastingTokenIssuer, sourceCode: SourceCode): boolean {
  const fields = new Set(issuer.expiringFields);
  let found = false;
  forEachDescendant(sourceCode.ast, sourceCode, (node) => {
    if (found) return 'stop';
    if (
      (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Property) &&
      fields.has(staticPropertyName(node) ?? '')
    )
      found = true;
    return undefined;
  });
  return found;
}

/** A token from a lasting issuer's exchange, in a file that never shows the expiring shape: kept, it stays valid. */
export function lastsUntilRevoked(issuer: LastingTokenIssuer | null, sourceCode: SourceCode): boolean {
  return issuer !== null && !showsExpiringShape(issuer, sourceCode);
}

function calleePath(callee: TSESTree.Node): string[] {
  const path: string[] = [];
  let node = unwrap(callee);
  while (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(node);
    if (name === null) return [];
    path.unshift(name);
    node = unwrap(node.object);
  }
  if (node.type === AST_NODE_TYPES.Identifier) path.unshift(node.name);
  return path;
}
