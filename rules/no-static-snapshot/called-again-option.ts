import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from '../../src/analysis/ast.js';
import { calledAgainHandOver, setsOptionAgain } from '../../src/analysis/called-again-option.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import type { CalledAgainOption } from '../../src/knowledge/index.js';
import { type Finding, type SnapshotContext, snippet } from './context.js';
import { keptBeyondCall } from './kept.js';
import { valueWords } from './keeper-words.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

/**
 * A short-lived token handed as a plain value to an option the library also accepts as a function it calls again
 * (CALLED_AGAIN_OPTIONS: AppSync's `auth.jwtToken`, socket.io's `auth`), where the client lives longer than the
 * token: kept beyond the call (module scope, a memo), or a socket that re-sends the value at each reconnection for
 * as long as it is open. Silent for the function form, and for a socket whose `auth` the file sets again.
 */
export function checkFixedCalledAgainOption(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  const handOver = calledAgainHandOver(flow, ctx.refs);
  if (!handOver) return null;
  const { entry, node, call } = handOver;
  const where = entry.reusedWhileOpen
    ? reusedWhileOpen(entry, ctx)
    : keptBeyondCall(resolution.reportNode, flow, ctx, (n) => flowPath(n).includes(node))?.where;
  if (!where) return null;
  const made = call.type === AST_NODE_TYPES.NewExpression ? 'new ' : '';
  const words = valueWords(resolution, 'callback', ctx);
  return {
    node: resolution.reportNode,
    messageId: 'fixedCalledAgainOption',
    data: {
      what: words.what,
      option: entry.path.join('.'),
      client: `${made}${snippet(ctx.sourceCode, call.callee, 40)}(...)`,
      where,
      per: entry.calledPer,
      phrase: sessionWords(resolution.sessionId, ctx.settings).phrase,
      error: words.error,
      functionForm: entry.functionForm,
    },
  };
}

/** A socket re-sends its fixed `auth` at every reconnection while open, unless the file sets `.auth` again. */
function reusedWhileOpen(entry: CalledAgainOption, ctx: SnapshotContext): string | null {
  const [option] = entry.path;
  if (setsOptionAgain(option, fileIndex(ctx.sourceCode).assignments, staticPropertyName)) return null;
  return isOneShotScript(ctx.sourceCode) ? null : 'by the open connection, which reconnects by itself';
}
