import type { FlowNode } from '../../src/analysis/value-flow.js';
import type { Yield } from '../../src/knowledge/index.js';
import { type Finding, type SnapshotContext } from './context.js';
import { cachedAtModuleLevel, keptBeyondCall } from './kept.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

const WHAT: Partial<Record<Yield, string>> = {
  'access-token': 'access token',
  'request-headers': 'request headers',
  'id-token': 'ID token',
};

/**
 * Shape 7: a Google token or header map fetched once and kept beyond the request (a field, a closure stored on a
 * long-lived object). Used within the request that fetched it, it is fine. Kept in module-level storage, it is
 * no-module-token-cache's finding.
 */
export function checkGoogleTokenStored(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  if (
    resolution.kind !== 'google-token' ||
    !resolution.token ||
    cachedAtModuleLevel(flow, ctx, resolution.token.id, true)
  )
    return null;
  const kept = keptBeyondCall(resolution.reportNode, flow, ctx);
  if (!kept) return null;
  const { phrase } = sessionWords(resolution.sessionId, ctx.settings);
  return {
    node: resolution.reportNode,
    messageId: 'googleTokenStored',
    data: { what: WHAT[resolution.token.yields] ?? 'token', method: resolution.sourceName, where: kept.where, phrase },
  };
}
