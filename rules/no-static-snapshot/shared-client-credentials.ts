import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FlowNode } from '../../src/analysis/value-flow.js';
import { AWS_V3_CREDENTIALS_OPTION } from '../../src/knowledge/index.js';
import { credentialsSlot } from './clients.js';
import { type Finding, type SnapshotContext, snippet } from './context.js';
import { providerRemedy } from './provider-remedy.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

/**
 * Shape 3: `credentials: await s3.config.credentials()` (directly or through a variable) gives another client a
 * one-time copy. Reported wherever it happens (aws/aws-sdk-js-v3: packages/credential-providers/README.md); sharing the function itself is fine.
 */
export function checkSharedClientCredentials(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  if (resolution.kind !== 'client-provider' || !resolution.provider) return null;
  const intoClient = flow.some((n) => isValueIntoCredentialsSlot(n, ctx));
  if (!intoClient) return null;
  return {
    node: resolution.reportNode,
    messageId: 'sharedClientCredentials',
    data: {
      call: snippet(ctx.sourceCode, resolution.reportNode),
      provider: snippet(ctx.sourceCode, resolution.provider),
      ...sessionWords(resolution.sessionId, ctx.settings),
    },
    ...providerRemedy(resolution.reportNode, resolution.provider, ctx),
  };
}

/** The value itself (not a field of it, nor something built from it) is the `credentials` of a v3 client. */
function isValueIntoCredentialsSlot(node: FlowNode, ctx: SnapshotContext): boolean {
  const { step } = node;
  if (step.kind !== 'property' || step.name !== AWS_V3_CREDENTIALS_OPTION || step.node.type !== AST_NODE_TYPES.Property)
    return false;
  if (credentialsSlot(step.node.value, ctx) !== step.node) return false;
  for (let n = node.previous; n; n = n.previous) if (n.step.kind !== 'store') return false;
  return true;
}
