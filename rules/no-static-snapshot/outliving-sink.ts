import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { localFunction } from '../../src/analysis/local-function.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { alongTokenPath } from '../../src/analysis/token-path.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import {
  OUTLIVING_SINKS,
  type OutlivingSink,
  refMatches,
  SECRET_CARRYING_FIELDS,
  SERIALIZERS,
} from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext } from './context.js';
import { runsOnSchedule } from './runs-on-schedule.js';
import { sessionWords } from './session.js';
import { valueWords } from './keeper-words.js';
import { type Resolution, tokenPathsOf } from './sources.js';

/** What a refreshing provider resolved: a snapshot wherever it is kept (other values in a page's cache are B's). */
const PROVIDER_RESOLUTIONS: ReadonlySet<Resolution['kind']> = new Set([
  'provider',
  'client-provider',
  'v2-chain',
  'helper',
]);

/**
 * A resolved value (or text built from it) written where it outlives the code that resolved it without any variable
 * holding it: a file, a CI step output, a bundle constant, `localStorage`. Whoever reads it later cannot refresh it.
 */
export function checkOutlivingSink(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  for (const node of flow) {
    const handedTo = sinkArgument(node);
    if (!handedTo) continue;
    const sink = sinkOf(handedTo.call, handedTo.index, ctx);
    if (sink?.cacheOfThePage && !PROVIDER_RESOLUTIONS.has(resolution.kind)) continue;
    // isOneShotScript walks the whole file: asked last, for a sink that dies with the process.
    if (
      !sink ||
      throughModuleVariable(node, handedTo.call) ||
      !arrivesUnderOption(node, sink) ||
      !carriesSecret(node, resolution, ctx) ||
      handedOnRenewable(node, resolution) ||
      (!sink.outlivesProcess && isOneShotScript(ctx.sourceCode)) ||
      rewrittenOnSchedule(resolution, handedTo.call, ctx)
    )
      continue;
    return {
      node: resolution.reportNode,
      messageId: 'writtenToOutlivingSink',
      data: {
        ...valueWords(resolution, 'sink', ctx),
        sink: sink.label,
        ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
      },
    };
  }
  return null;
}

/**
 * The value reaches the sink only through a module-scope variable that another function reads (`accessToken = token`
 * in one handler, `writeFileSync(path, accessToken)` in another): the variable is what keeps it, and the sink gets
 * whatever it holds then. That variable is the finding (no-module-token-cache's for a token, stored credentials for
 * a provider's value), not this resolution's hand-over.
 */
function throughModuleVariable(node: FlowNode, sink: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const sinkFunction = enclosingFunction(sink);
  return flowPath(node).some(
    ({ step }) => step.kind === 'store' && step.storage === 'module' && enclosingFunction(step.node) !== sinkFunction,
  );
}

/**
 * The value reaches the sink as the part of the result that also carries its refresh token (Google's `tokens` written
 * whole): whoever reads it can renew the token. A copy of the token field alone (`tokens.access_token`) cannot.
 */
function handedOnRenewable(node: FlowNode, resolution: Resolution): boolean {
  const whole = resolution.token?.renewableWhole;
  if (!whole) return false;
  const fields = flowPath(node).flatMap(({ step }) => (step.kind === 'field' ? [step.name] : []));
  return fields.length === whole.path.length && fields.every((name, i) => name === whole.path[i]);
}

/**
 * The call that receives the value: as an argument, or as what a config function passed to it returns
 * (`defineConfig(async () => ({ define: { X: value } }))`).
 */
function sinkArgument(
  node: FlowNode,
): { call: TSESTree.CallExpression | TSESTree.NewExpression; index: number } | null {
  const { step } = node;
  if (step.kind === 'argument') return { call: step.node, index: step.index };
  if (step.kind !== 'return') return null;
  const call = step.fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return null;
  const index = call.arguments.indexOf(step.fn as TSESTree.CallExpressionArgument);
  return index >= 0 ? { call, index } : null;
}

function sinkOf(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  ctx: SnapshotContext,
): OutlivingSink | null {
  const how = call.type === AST_NODE_TYPES.NewExpression ? 'construct' : 'call';
  const candidates = OUTLIVING_SINKS.filter((sink: OutlivingSink) => sink.how === how && sink.argument === index);
  if (candidates.length === 0) return null;
  const callee = unwrap(call.callee);
  const ref = ctx.refs.resolve(callee);
  for (const sink of candidates as readonly OutlivingSink[]) {
    if (sink.api && ref && refMatches(ref, sink.api)) return sink;
    if (
      sink.globalMethod &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(callee) === sink.globalMethod[1]
    ) {
      const object = unwrap(callee.object);
      if (
        object.type === AST_NODE_TYPES.Identifier &&
        object.name === sink.globalMethod[0] &&
        !ctx.refs.variableOf(object)?.defs.length
      )
        return sink;
    }
  }
  return null;
}

/**
 * The value reaches the sink whole or through its secret fields, placed in objects or serialised on the way:
 * `String(c.expiration)` or `Boolean(c)` carries no credential. A token whose result carries more (a signed request,
 * a command's output) carries it along its knowledge entry's `tokenPaths` only (`signed.headers.authorization`,
 * `authorizationData[0].authorizationToken`, or an object on the way there).
 */
function carriesSecret(node: FlowNode, resolution: Resolution, ctx: SnapshotContext): boolean {
  const path = flowPath(node);
  const tokenPaths = tokenPathsOf(resolution);
  if (tokenPaths && !alongTokenPath(path, tokenPaths)) return false;
  return path.slice(0, -1).every(({ step }, index) => {
    switch (step.kind) {
      case 'store':
      case 'property':
      case 'return':
        return true;
      case 'field':
        return tokenPaths !== undefined || (step.name !== null && SECRET_CARRYING_FIELDS.has(step.name));
      case 'argument': {
        if (entersLocalFunction(step.node, path[index + 1].step.node, ctx)) return true;
        const callee = unwrap(step.node.callee);
        return (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          SERIALIZERS.some(
            ([object, method]) =>
              staticPropertyName(callee) === method &&
              unwrap(callee.object).type === AST_NODE_TYPES.Identifier &&
              (unwrap(callee.object) as TSESTree.Identifier).name === object,
          )
        );
      }
      default:
        return false;
    }
  });
}

/** For `defineConfig({ define: { X: value } })`: the value went through the `define` property. */
function arrivesUnderOption(node: FlowNode, sink: OutlivingSink): boolean {
  if (!sink.option) return true;
  return flowPath(node).some((n) => n.step.kind === 'property' && n.step.name === sink.option);
}

/** `save(c)` where `save` is a function of this file and the walk went on inside it (through its parameter). */
function entersLocalFunction(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  next: TSESTree.Node,
  ctx: SnapshotContext,
): boolean {
  const fn =
    call.type === AST_NODE_TYPES.CallExpression
      ? localFunction(call, ctx.refs, { bindings: 'written-once', thisMethods: true })
      : null;
  return fn !== null && fn.range[0] <= next.range[0] && next.range[1] <= fn.range[1];
}

/** Resolved and written in one function that a schedule runs again (a cron job rewriting the file on every tick). */
function rewrittenOnSchedule(
  resolution: Resolution,
  sink: TSESTree.CallExpression | TSESTree.NewExpression,
  ctx: SnapshotContext,
): boolean {
  return enclosingFunction(sink) === enclosingFunction(resolution.call) && runsOnSchedule(resolution.call, ctx);
}
