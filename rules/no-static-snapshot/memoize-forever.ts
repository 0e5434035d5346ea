import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { formatDuration } from '../../src/analysis/format.js';
import { AWS_V3_EXPIRATION_FIELD, AWS_V3_REFRESH_WINDOW_MS } from '../../src/knowledge/index.js';
import { type Finding, type SnapshotContext, snippet } from './context.js';
import { snapshotWrapperOf } from './provider-remedy.js';
import { isConstantOnPlatform, sessionWords } from './session.js';
import { providerFactoryOf } from './sources.js';

const EXPIRY = AWS_V3_EXPIRATION_FIELD;
const IS_EXPIRED = `(credentials) => credentials.${EXPIRY} !== undefined && credentials.${EXPIRY}.getTime() - Date.now() < ${AWS_V3_REFRESH_WINDOW_MS}`;
const REQUIRES_REFRESH = `(credentials) => credentials.${EXPIRY} !== undefined`;

/**
 * Shape 3: `memoize(P)` with fewer arguments than it needs to refresh (one: no `isExpired`) caches the first
 * credentials forever. Suggest the expiry checks the SDK's own memoizer uses (5 min before `expiration`).
 */
export function checkMemoizeForever(call: TSESTree.CallExpression, ctx: SnapshotContext): Finding | null {
  const wrapper = snapshotWrapperOf(call, ctx);
  if (wrapper?.wraps !== 'provider' || call.arguments.length === 0) return null;
  if (wrapper.refreshingArity !== undefined && call.arguments.length >= wrapper.refreshingArity) return null;
  const [provider] = call.arguments;
  if (provider.type === AST_NODE_TYPES.SpreadElement) return null;
  const found = providerFactoryOf(provider, ctx);
  if (!found || isConstantOnPlatform(found.factory.session, ctx)) return null;
  return {
    node: call,
    messageId: 'memoizeForever',
    data: {
      wrapper: snippet(ctx.sourceCode, call.callee, 30),
      source: `\`${found.factory.api.path.at(-1)}()\``,
      provider: snippet(ctx.sourceCode, provider),
      ...sessionWords(found.factory.session, ctx.settings),
    },
    suggest: [
      {
        messageId: 'addExpiryChecks',
        data: { window: formatDuration(AWS_V3_REFRESH_WINDOW_MS / 1000) },
        fix: (fixer) => fixer.insertTextAfter(provider, `, ${IS_EXPIRED}, ${REQUIRES_REFRESH}`),
      },
    ],
  };
}
