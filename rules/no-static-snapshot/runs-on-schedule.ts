import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, isFunctionNode, staticPropertyName } from '../../src/analysis/ast.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { LONG_LIVED_CALLBACKS, REFRESH_TIMERS } from '../../src/knowledge/index.js';
import type { Node, SnapshotContext } from './context.js';

/** Named functions of the file followed back to the schedule that calls them (`onTick → refresh → write`). */
const MAX_CALLERS = 3;
/** Handler options a scheduler calls on each tick (cron `onTick`). */
const TICK_OPTIONS: readonly string[] = ['onTick'];

/**
 * The call runs again on a schedule: in a callback of a timer (`setInterval`, node-cron `schedule`, `new CronJob(expr,
 * fn)`, a cron `onTick` option), directly or through functions of the file that such a callback calls, callbacks on
 * the way included (`child.stdout.on('data', () => write())`). What it resolves and writes is written anew on every
 * tick, so the sink never holds a value older than one period.
 */
export function runsOnSchedule(call: Node, ctx: SnapshotContext, depth = 0): boolean {
  for (let node: Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    if (isScheduled(node)) return true;
    const name = functionName(node);
    if (name === null || depth >= MAX_CALLERS) continue;
    for (const other of fileIndex(ctx.sourceCode).calls) {
      if (calleeName(other) === name && other !== call && runsOnSchedule(other, ctx, depth + 1)) return true;
    }
  }
  return false;
}

function isScheduled(fn: TSESTree.FunctionLike): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) {
    if (!parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
    const host = calleeName(parent);
    if (host === null) return false;
    if (parent.type === AST_NODE_TYPES.NewExpression)
      return (LONG_LIVED_CALLBACKS.repeatingConstructors as readonly string[]).includes(host);
    return REFRESH_TIMERS.includes(host) || (LONG_LIVED_CALLBACKS.repeatingCalls as readonly string[]).includes(host);
  }
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== fn) return false;
  const options = parent.parent;
  const host = options.parent;
  return (
    TICK_OPTIONS.includes(staticPropertyName(parent) ?? '') &&
    (host?.type === AST_NODE_TYPES.CallExpression || host?.type === AST_NODE_TYPES.NewExpression) &&
    host.arguments.includes(options)
  );
}

function functionName(fn: TSESTree.FunctionLike): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : null;
}
