import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import { SECRET_CARRYING_FIELDS } from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext } from './context.js';
import { keptBeyondCall } from './kept.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

/**
 * What a cloud CLI printed once (credentials or a token), or something built from it (a client, a header map), kept
 * where it outlives the code that ran the command: module scope, a field, a client built when the module loads.
 * Nothing runs the command again. (no-module-token-cache does not know CLI output: a token kept in module scope is this
 * rule's too.)
 */
export function checkCliOutputKept(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  const command = resolution.cli;
  if (resolution.kind !== 'cli' || !command) return null;
  const kept = keptBeyondCall(resolution.reportNode, flow, ctx, (node) => carriesSecret(node, command.yields));
  if (!kept) return null;
  return {
    node: resolution.reportNode,
    messageId: 'cliOutputKept',
    data: {
      command: resolution.sourceName,
      what: command.yields === 'token' ? 'an access token' : 'temporary credentials',
      where: kept.where,
      instead: command.instead,
      ...sessionWords(resolution.sessionId, ctx.settings),
    },
  };
}

/** Credentials reach the keeper through their key fields (JSON output is read field by field); a token as it is. */
function carriesSecret(node: FlowNode, yields: 'credentials' | 'token'): boolean {
  const fields = flowPath(node).filter((n) => n.step.kind === 'field');
  if (yields === 'token')
    return fields.every((n) => n.step.kind === 'field' && SECRET_CARRYING_FIELDS.has(n.step.name ?? ''));
  return (
    fields.length > 0 && fields.every((n) => n.step.kind === 'field' && SECRET_CARRYING_FIELDS.has(n.step.name ?? ''))
  );
}
