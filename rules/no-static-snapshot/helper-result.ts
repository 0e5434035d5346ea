import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from '../../src/analysis/ast.js';
import { type ForeignFunction, foreignFunction } from '../../src/analysis/foreign-function.js';
import { ModuleRefs, moduleSpecifiers } from '../../src/analysis/module-refs.js';
import { type FlowNode, flowPath, forEachDescendant, traceValue } from '../../src/analysis/value-flow.js';
import { NAMED_CREDENTIAL_HELPER_PATTERN, SECRET_CARRYING_FIELDS } from '../../src/knowledge/index.js';
import type { Finding, HelperOrigin, SnapshotContext } from './context.js';
import { mayMakeSnapshots, mentionsSourceModule } from './gate.js';
import { cachedAtModuleLevel, keptBeyondCall } from './kept.js';
import { sessionWords } from './session.js';
import { parseTypeScriptForESLint } from '../../src/util/typescript-parser.js';
import { type Resolution, resolutionOf } from './sources.js';

const WHAT: Record<HelperOrigin['returns'], string> = {
  credentials: 'credentials',
  token: 'a token',
  built: 'a client or signed request built from credentials',
};

/** Calls inside a helper looked at for a summary: a bound on the work per helper. */
const MAX_CALLS = 200;
interface Summary {
  readonly resolution: Resolution;
  /** The helper returns something built from the value (a client, a signed request), not the value. */
  readonly built: boolean;
}

const SUMMARIES = new WeakMap<TSESTree.FunctionLike, Summary | null>();
const CARRYING_STEPS: ReadonlySet<FlowNode['step']['kind']> = new Set(['store', 'field', 'property', 'return']);

/**
 * `await getCreds()` where `getCreds` is imported from a module of the app: with type information, the checker
 * finds its declaration and the engine summarises it (a source resolved in its body whose value it returns); without,
 * only a name that promises temporary credentials counts (NAMED_CREDENTIAL_HELPER_PATTERN). One hop: the helper's
 * own imported helpers are not followed.
 */
export function helperResolution(call: TSESTree.CallExpression, ctx: SnapshotContext): Resolution | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const ref = ctx.refs.resolve(callee);
  if (!ref || !ref.module.startsWith('.') || ref.path.length !== 1) return null;
  const foreign = foreignFunction(callee, ctx.sourceCode, mentionsSourceModule, parseTypeScriptForESLint);
  const found = foreign ? summary(foreign, ctx) : null;
  const inner = found?.resolution;
  const named =
    !foreign && !ctx.sourceCode.parserServices?.program && NAMED_CREDENTIAL_HELPER_PATTERN.test(callee.name);
  if (!inner && !named) return null;
  const returnsToken = inner?.kind === 'google-token' || inner?.kind === 'auth-token';
  const returns = found?.built ? 'built' : returnsToken ? 'token' : 'credentials';
  return {
    kind: 'helper',
    call,
    reportNode: call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call,
    valueStart: call,
    sourceName: `${callee.name}()`,
    sessionId: inner?.sessionId ?? 'unknown-temporary',
    durationSeconds: inner?.durationSeconds,
    token: inner?.token,
    helper: {
      returns,
      from: inner && foreign ? `\`${inner.sourceName}\` in ${foreign.fileName}` : 'its name',
    },
  };
}

/** The resolution in the helper's body whose value (or its secret fields) the helper returns, once per helper. */
function summary(foreign: ForeignFunction, ctx: SnapshotContext): Summary | null {
  if (SUMMARIES.has(foreign.fn)) return SUMMARIES.get(foreign.fn)!;
  SUMMARIES.set(foreign.fn, null);
  const imports = moduleSpecifiers(foreign.sourceCode);
  if (!mayMakeSnapshots(foreign.sourceCode, imports)) return null;
  const there: SnapshotContext = {
    rule: contextFor(ctx.rule, foreign.sourceCode),
    sourceCode: foreign.sourceCode,
    refs: ModuleRefs.for(foreign.sourceCode),
    settings: ctx.settings,
    imports,
  };
  const calls: TSESTree.CallExpression[] = [];
  if (!foreign.fn.body) return null;
  forEachDescendant(foreign.fn.body, foreign.sourceCode, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && calls.length < MAX_CALLS) calls.push(node);
  });
  for (const call of calls) {
    const resolution = resolutionOf(call, there);
    // A v2 chain resolves a live object that refreshes itself: handing it on is fine.
    if (!resolution || resolution.kind === 'v2-chain') continue;
    const flow = traceValue(resolution.valueStart, there.refs, there.sourceCode);
    const returned = flow.map((node) => returnsValue(node, foreign.fn, there)).find((how) => how !== null);
    if (returned) {
      const result = { resolution, built: returned === 'built' };
      SUMMARIES.set(foreign.fn, result);
      return result;
    }
  }
  return null;
}

/**
 * How the helper returns the value: itself, or an object or field that carries its secret parts (`'value'`), or a
 * client, connection or signed request built from them by a constructor or an imported library (`'built'`).
 */
function returnsValue(node: FlowNode, fn: TSESTree.FunctionLike, ctx: SnapshotContext): 'value' | 'built' | null {
  if (node.step.kind !== 'return' || node.step.fn !== fn) return null;
  let built = false;
  for (const { step } of flowPath(node)) {
    if (step.kind === 'argument' && buildsFrom(step.node, ctx)) built = true;
    else if (!CARRYING_STEPS.has(step.kind)) return null;
    else if (step.kind === 'field' && (step.name === null || !SECRET_CARRYING_FIELDS.has(step.name))) return null;
  }
  return built ? 'built' : 'value';
}

/** `new Client({ credentials })`, `aws4.sign(request, credentials)`: not `String(c)` or `console.log(c)`. */
function buildsFrom(call: TSESTree.CallExpression | TSESTree.NewExpression, ctx: SnapshotContext): boolean {
  if (call.type === AST_NODE_TYPES.NewExpression) return true;
  const ref = ctx.refs.resolve(call.callee);
  return ref !== null && !ref.module.startsWith('.');
}

/** The rule context, seen from the helper's file (what the engine reads of it is the file). */
function contextFor(rule: SnapshotContext['rule'], sourceCode: Readonly<TSESLint.SourceCode>): SnapshotContext['rule'] {
  return Object.create(rule, { sourceCode: { value: sourceCode } }) as SnapshotContext['rule'];
}

/**
 * What an imported helper returned (credentials or a token resolved once) is kept beyond the call: module scope, a
 * field, a client or connection built once. A token kept as such in module-level storage is no-module-token-cache's,
 * as for a token the file fetches itself.
 */
export function checkHelperResult(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  const { helper } = resolution;
  if (resolution.kind !== 'helper' || !helper) return null;
  if (helper.returns === 'token' && cachedAtModuleLevel(flow, ctx, resolution.token?.id, true)) return null;
  const kept = keptBeyondCall(resolution.reportNode, flow, ctx);
  if (!kept) return null;
  return {
    node: resolution.reportNode,
    messageId: 'helperResultKept',
    data: {
      helper: resolution.sourceName,
      what: WHAT[helper.returns],
      from: helper.from,
      where: kept.where,
      ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
    },
  };
}
