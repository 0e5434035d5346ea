import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { flowPath, type FlowNode } from '../../src/analysis/value-flow.js';
import { expirationCheck } from './expiration-check.js';
import { AWS_V3_CREDENTIAL_FIELDS, SECRET_CARRYING_FIELDS } from '../../src/knowledge/index.js';
import { type Finding, type Node, type SnapshotContext, snippet } from './context.js';
import { unwrap } from '../../src/analysis/ast.js';
import { copiesWithoutSessionToken, keptBeyondCall } from './kept.js';
import { providerRemedy } from './provider-remedy.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

const FIELDS: ReadonlySet<string> = new Set(AWS_V3_CREDENTIAL_FIELDS);

/**
 * The keeper gets the credentials or their keys, not only what was read off them (`String(c.expiration)`): fields
 * read before the value enters a call are secret ones. What a call built from the keys (`aws4.sign(...).headers`)
 * carries them on.
 */
function carriesSecret(node: FlowNode): boolean {
  const path = flowPath(node);
  const call = path.findIndex(({ step }) => step.kind === 'argument' || step.kind === 'method');
  return path
    .slice(0, call < 0 ? path.length : call)
    .every(({ step }) => step.kind !== 'field' || SECRET_CARRYING_FIELDS.has(step.name ?? ''));
}

/**
 * Shapes 1 and 2: v3 credentials resolved once (from a provider or `client.config.credentials()`) whose value,
 * or keys copied from it, or a client built from them, outlive the call: module scope, a field, a global.
 */
export function checkStoredCredentials(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  if ((resolution.kind !== 'provider' && resolution.kind !== 'client-provider') || !resolution.provider) return null;
  const kept = keptBeyondCall(resolution.reportNode, flow, ctx, carriesSecret);
  if (!kept) return null;
  const copied = flowPath(kept.step).some(
    (n) => n.step.kind === 'field' && n.step.name !== null && FIELDS.has(n.step.name),
  );
  if (copied && copiesWithoutSessionToken(flow)) return null;
  const remedy = providerRemedy(resolution.reportNode, resolution.provider, ctx);
  const check =
    remedy.fix || remedy.suggest?.length || copied ? null : expiryCheckOf(kept.step, resolution.reportNode, ctx);
  return {
    node: resolution.reportNode,
    messageId: copied ? 'copiedCredentials' : 'storedCredentials',
    data: {
      source: `\`${resolution.sourceName}\``,
      where: kept.where,
      provider: snippet(ctx.sourceCode, resolution.provider),
      ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
    },
    ...(check ? { suggest: [check] } : remedy),
  };
}

/** A store `slot = await P()()` (the resolved value itself, not a part of it) whose slot is tested before reuse. */
function expiryCheckOf(step: FlowNode, resolved: Node, ctx: SnapshotContext) {
  if (step.step.kind !== 'store') return null;
  const assignment = step.step.node;
  if (
    assignment.type !== AST_NODE_TYPES.AssignmentExpression ||
    assignment.operator !== '=' ||
    unwrap(assignment.right) !== unwrap(resolved)
  )
    return null;
  return expirationCheck(step.step.target, ctx);
}
