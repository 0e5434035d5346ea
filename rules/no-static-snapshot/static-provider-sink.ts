import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, isNullish, unwrap } from '../../src/analysis/ast.js';
import { constInitializer } from '../../src/analysis/module-refs.js';
import { traceValue } from '../../src/analysis/value-flow.js';
import {
  findByApi,
  LIVE_CONNECTION_SIGNS,
  STATIC_PROVIDER_SINKS,
  type StaticProviderSink,
} from '../../src/knowledge/index.js';
import { type Finding, type Node, type SnapshotContext, snippet } from './context.js';
import { keptBeyondCall } from './kept.js';
import { runsAgain } from './runs-again.js';
import { runsOnSchedule } from './runs-on-schedule.js';
import { sessionWords } from './session.js';
import { resolutionOf } from './sources.js';
import { isProcessEnv } from '../../src/analysis/storage.js';

const MAX_HOPS = 6;

/**
 * A static provider of another library (aws-crt's `AwsCredentialsProvider.newStatic(key, secret, token)`) given
 * temporary keys, a session token among them, and built into something that outlives the call (an MQTT connection
 * kept on a field, or left open with its listeners): it signs with those keys until they expire and cannot
 * reconnect after. Silent for long-term keys (no session token), keys read from the environment or written out,
 * keys of a source the rule reports where it is resolved (`await fromCognitoIdentityPool(...)()` in the file), and
 * a provider built again on a timer or when the connection drops.
 */
export function checkStaticProviderSink(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  ctx: SnapshotContext,
): Finding | null {
  const sink = sinkOf(node, ctx);
  if (!sink) return null;
  const token = sessionTokenOf(node, sink, ctx);
  if (!token || !isRuntimeValue(token, ctx) || resolvedInFile(token, ctx, 0)) return null;
  if (
    runsOnSchedule(node, ctx) ||
    runsAgain(node, LIVE_CONNECTION_SIGNS.renewEvents, ctx, { renewHandlers: LIVE_CONNECTION_SIGNS.renewHandlers })
  )
    return null;
  const kept = keptBeyondCall(node, traceValue(node, ctx.refs, ctx.sourceCode), ctx);
  if (!kept) return null;
  return {
    node,
    messageId: 'staticProviderKeys',
    data: {
      sink: snippet(ctx.sourceCode, node.callee, 50),
      token: snippet(ctx.sourceCode, token, 40),
      where: kept.where,
      replacement: sink.replacement,
      ...sessionWords('unknown-temporary', ctx.settings),
    },
  };
}

function sinkOf(node: TSESTree.CallExpression | TSESTree.NewExpression, ctx: SnapshotContext) {
  const how = node.type === AST_NODE_TYPES.NewExpression ? 'construct' : 'call';
  const entry = findByApi(STATIC_PROVIDER_SINKS, ctx.refs.resolve(node.callee));
  return entry?.how === how ? entry : null;
}

/** The session-token argument (or field of the options object), when the call has one. */
function sessionTokenOf(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  sink: StaticProviderSink,
  ctx: SnapshotContext,
): Node | null {
  const argument = node.arguments[sink.sessionToken.argument];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
  if (!sink.sessionToken.field) return argument;
  let options = unwrap(argument);
  if (options.type === AST_NODE_TYPES.Identifier)
    options = constInitializer(options, ctx.sourceCode.getScope(options)) ?? options;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return null;
  return findProperty(options, sink.sessionToken.field)?.value ?? null;
}

/** A value the program got while running: not a literal, `undefined`, or a read of the process environment. */
function isRuntimeValue(node: Node, ctx: SnapshotContext): boolean {
  const inner = unwrap(node);
  if (isNullish(inner) || inner.type === AST_NODE_TYPES.Literal || inner.type === AST_NODE_TYPES.TemplateLiteral)
    return false;
  return !readsEnvironment(inner, ctx, 0);
}

function readsEnvironment(node: Node, ctx: SnapshotContext, hops: number): boolean {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.LogicalExpression)
    return readsEnvironment(inner.left, ctx, hops) || readsEnvironment(inner.right, ctx, hops);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const init = hops < MAX_HOPS ? constInitializer(inner, ctx.sourceCode.getScope(inner)) : null;
    return init !== null && readsEnvironment(init, ctx, hops + 1);
  }
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(inner.object);
  if (isProcessEnv(object, ctx.refs)) return true;
  return readsEnvironment(object, ctx, hops + 1);
}

/**
 * The keys come from a source the rule follows from where it is resolved (`c.sessionToken` of `const c = await
 * fromCognitoIdentityPool(...)()`): that resolution is the one finding of the defect.
 */
function resolvedInFile(node: Node, ctx: SnapshotContext, hops: number): boolean {
  if (hops > MAX_HOPS) return false;
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return resolvedInFile(inner.argument, ctx, hops + 1);
    case AST_NODE_TYPES.MemberExpression:
      return resolvedInFile(inner.object, ctx, hops + 1);
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(inner, ctx.sourceCode.getScope(inner));
      return init !== null && resolvedInFile(init, ctx, hops + 1);
    }
    case AST_NODE_TYPES.CallExpression:
      return resolutionOf(inner, ctx) !== null;
    default:
      return false;
  }
}
