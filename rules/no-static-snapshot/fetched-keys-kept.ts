import { alongTokenPath } from '../../src/analysis/token-path.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import type { Held } from '../../src/analysis/held.js';
import type { Finding, Node, SnapshotContext } from './context.js';
import { checkFetchedKeysIntoClient } from './fetched-keys.js';
import { cachedAtModuleLevel, keptBeyondCall } from './kept.js';
import { type Resolution, tokenPathsOf } from './sources.js';

const KEY_KINDS: ReadonlySet<Held['kind']> = new Set(['aws-credentials', 'sts-output']);

/**
 * Temporary AWS keys fetched by hand from STS or a metadata endpoint (`fetch(imdsUrl)`, a query with
 * `Action=AssumeRoleWithWebIdentity`), in any runtime, and kept on a long-lived object (`this.keys`, a client built
 * with them and memoised there): nothing fetches them again, so they expire under the object. Kept at module level
 * they are no-module-token-cache's. When the keys reach the keeper through a function of the file that returns them
 * (`this.keys = await this.resolveKeys()`), the finding is where they are kept: every fetch in that function leads
 * there.
 */
export function checkFetchedKeysKept(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  const { held, request } = resolution;
  if (resolution.kind !== 'kept-elsewhere' || !request || !held || !KEY_KINDS.has(held.kind)) return null;
  // Handed field by field to a v3 client: that check words it and offers the SDK's provider for the same endpoint.
  const intoClient = checkFetchedKeysIntoClient(resolution.call, ctx);
  if (intoClient || cachedAtModuleLevel(flow, ctx)) return intoClient;
  const tokenPaths = tokenPathsOf(resolution);
  const carries = (n: FlowNode) => !tokenPaths || alongTokenPath(flowPath(n), tokenPaths);
  const kept = keptBeyondCall(resolution.reportNode, flow, ctx, carries);
  if (!kept || kept.storage !== 'instance-field') return null;
  const returned = flowPath(kept.step).some((n) => n.step.kind === 'return');
  const node: Node = returned && kept.step.step.kind === 'store' ? kept.step.step.node : resolution.reportNode;
  return {
    node,
    messageId: 'fetchedCredentialsCopied',
    data: {
      what: held.what,
      sink: kept.where.replace(/^(?:on|in) /, ''),
      phrase: held.lifetime,
      fix: held.fix,
    },
  };
}
