import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FlowNode } from '../../src/analysis/value-flow.js';
import { type Finding, type SnapshotContext, snippet } from './context.js';
import { providerRemedy, snapshotWrapperOf } from './provider-remedy.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

/** Shape 3: `fromStatic(await P())` / `fromValue(c)`: a provider that returns one resolved value forever. Always reported. */
export function checkStaticWrapper(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  if ((resolution.kind !== 'provider' && resolution.kind !== 'client-provider') || !resolution.provider) return null;
  const wrapped = flow.find((n) => {
    const { step } = n;
    if (step.kind !== 'argument' || step.index !== 0 || step.node.type !== AST_NODE_TYPES.CallExpression) return false;
    for (let p = n.previous; p; p = p.previous) if (p.step.kind !== 'store') return false;
    return snapshotWrapperOf(step.node, ctx)?.wraps === 'value';
  });
  if (!wrapped || wrapped.step.kind !== 'argument') return null;
  return {
    node: resolution.reportNode,
    messageId: 'staticWrapper',
    data: {
      wrapper: snippet(ctx.sourceCode, wrapped.step.node.callee, 30),
      source: `\`${resolution.sourceName}\``,
      provider: snippet(ctx.sourceCode, resolution.provider),
      ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
    },
    ...providerRemedy(resolution.reportNode, resolution.provider, ctx),
  };
}
