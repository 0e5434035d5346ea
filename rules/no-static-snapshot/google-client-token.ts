import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { importsAnyOf, madeFromAny } from '../../src/analysis/receiver.js';
import { traceValue } from '../../src/analysis/value-flow.js';
import { GOOGLE_CLIENT_TOKEN_FIELD } from '../../src/knowledge/index.js';
import { type Finding, type SnapshotContext, snippet } from './context.js';
import { cachedAtModuleLevel, keptBeyondCall } from './kept.js';
import { sessionWords } from './session.js';

const [CREDENTIALS, TOKEN] = GOOGLE_CLIENT_TOKEN_FIELD.path;

/**
 * `client.credentials.access_token` of a Google auth client, copied and kept beyond the request (an object's field,
 * a long-lived object built with it): the client refreshes its own `credentials`, the copy never changes. Kept at
 * module level it is a cache, which no-module-token-cache owns; used within the request, it is fine.
 */
export function checkGoogleClientTokenRead(node: TSESTree.MemberExpression, ctx: SnapshotContext): Finding | null {
  if (staticPropertyName(node) !== TOKEN) return null;
  const holder = unwrap(node.object);
  if (holder.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(holder) !== CREDENTIALS) return null;
  const client = holder.object;
  const isClient =
    madeFromAny(client, GOOGLE_CLIENT_TOKEN_FIELD.receivers, ctx.refs) ??
    importsAnyOf(ctx.imports, GOOGLE_CLIENT_TOKEN_FIELD.gateModules);
  if (!isClient) return null;
  const flow = traceValue(node, ctx.refs, ctx.sourceCode);
  if (cachedAtModuleLevel(flow, ctx, undefined, true)) return null;
  const kept = keptBeyondCall(node, flow, ctx);
  if (!kept) return null;
  return {
    node,
    messageId: 'googleClientTokenCopied',
    data: {
      read: snippet(ctx.sourceCode, node, 50),
      where: kept.where,
      phrase: sessionWords(GOOGLE_CLIENT_TOKEN_FIELD.session, ctx.settings).phrase,
      replacement: GOOGLE_CLIENT_TOKEN_FIELD.replacement.code,
    },
  };
}
