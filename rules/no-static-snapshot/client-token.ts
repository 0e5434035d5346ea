import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { constInitializer } from '../../src/analysis/module-refs.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import {
  AUTH_FUNCTION_FACTORIES,
  type AuthFunctionFactory,
  refMatches,
  SECRET_CARRYING_FIELDS,
  SESSIONS,
  TOKEN_KEEPING_CLIENTS,
  type TokenKeepingClient,
  type SessionId,
} from '../../src/knowledge/index.js';
import { lifetimeDestructuredBeside } from '../../src/analysis/token-shape.js';

/** A token of no known library whose response gives its lifetime: an OAuth-style token (RFC 6749 §5.1). */
const SELF_DECLARED_SESSION: SessionId = 'oauth-token';
import { type Finding, type Node, type SnapshotContext, snippet } from './context.js';
import { authStrategyRemedy } from './auth-strategy.js';
import { keptBeyondCall } from './kept.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

/**
 * A token handed out once and built into a client that keeps it (TOKEN_KEEPING_CLIENTS) where the client outlives
 * the call: `repoClient = new Octokit({ auth: token })` memoised in module scope with the token of
 * `await appAuth({ type: 'installation' })`, `this.connection = new WebApi(url, getBearerHandler(await tokenSource()))`.
 * The sources: the call of an auth function (AUTH_FUNCTION_FACTORIES), or any value resolved by an awaited call and
 * handed to a client slot whose knowledge entry says what it holds (`impliedSession`).
 */
/** `await auth({ type: 'installation', installationId })` with `const auth = createAppAuth(...)`. */
export function clientTokenResolution(call: TSESTree.CallExpression, ctx: SnapshotContext): Resolution | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const init = constInitializer(callee, ctx.sourceCode.getScope(callee));
  const made = init && unwrap(init);
  if (made?.type !== AST_NODE_TYPES.CallExpression) return null;
  const ref = ctx.refs.resolve(made.callee);
  const factory = ref && AUTH_FUNCTION_FACTORIES.find((f) => refMatches(ref, f.factory));
  const kind = factory && call.arguments[0] ? findProperty(call.arguments[0], factory.kindOption)?.value : undefined;
  if (!factory || kind?.type !== AST_NODE_TYPES.Literal || typeof kind.value !== 'string') return null;
  const sessionId = factory.sessions[kind.value];
  if (!sessionId) return null;
  return {
    kind: 'client-token',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart: call,
    sourceName: `${callee.name}({ ${factory.kindOption}: '${kind.value}' })`,
    sessionId,
    clientToken: { label: factory.label, factory },
  };
}

/**
 * The value in a keeping client's slot, when it says it expires: resolved by an awaited call for a slot whose entry
 * says what it holds (`getBearerHandler(await tokenSource())`), or, for any keeping client, a token whose own shape
 * names its lifetime (`const { token, expiresAt } = await mint()`).
 */
export function keepingClientResolution(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  ctx: SnapshotContext,
): Resolution | null {
  const ref = ctx.refs.resolve(call.callee);
  const client = ref && TOKEN_KEEPING_CLIENTS.find((c) => refMatches(ref, c.api));
  const value = client && slotValue(call, client);
  if (!client || !value) return null;
  return (
    (client.impliedSession && impliedSessionResolution(value, client.impliedSession, ctx)) ||
    selfDeclaredResolution(value, ctx)
  );
}

function slotValue(call: TSESTree.CallExpression | TSESTree.NewExpression, client: TokenKeepingClient): Node | null {
  if ('argument' in client.slot) return call.arguments[client.slot.argument] ?? null;
  const options = call.arguments[0];
  return options ? (findProperty(options, client.slot.option)?.value ?? null) : null;
}

/**
 * `const { token, expiresAt } = await mint()`. (`res.token` read beside `res.expires_at` and built into a kept client
 * is no-module-token-cache's `moduleTokenCache`, whose recogniser follows that shape into the client.)
 */
function selfDeclaredResolution(value: Node, ctx: SnapshotContext): Resolution | null {
  const inner = unwrap(value);
  let lifetime: string | null = null;
  let origin: Node | null = null;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const def = ctx.refs.variableOf(inner)?.defs[0];
    const declarator = def?.node;
    if (
      !def ||
      declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
      declarator.id.type !== AST_NODE_TYPES.ObjectPattern
    )
      return null;
    lifetime = def.name.type === AST_NODE_TYPES.Identifier ? lifetimeDestructuredBeside(def.name) : null;
    origin = declarator.init;
  }
  const resolved = lifetime !== null && origin ? awaitedCallOf(origin, ctx) : null;
  if (!resolved || lifetime === null) return null;
  return {
    kind: 'client-token',
    call: resolved,
    reportNode: awaitedOrSelf(resolved),
    valueStart: resolved,
    sourceName: `${snippet(ctx.sourceCode, resolved.callee, 40)}()`,
    sessionId: SELF_DECLARED_SESSION,
    clientToken: {
      label: `a token whose \`${lifetime}\` says it expires`,
      phrase: `after its ${lifetime} (typically 1 h)`,
    },
  };
}

function impliedSessionResolution(value: Node, sessionId: SessionId, ctx: SnapshotContext): Resolution | null {
  const resolved = awaitedCallOf(value, ctx);
  if (!resolved) return null;
  return {
    kind: 'client-token',
    call: resolved,
    reportNode: awaitedOrSelf(resolved),
    valueStart: resolved,
    sourceName: `${snippet(ctx.sourceCode, resolved.callee, 40)}()`,
    sessionId,
    clientToken: { label: SESSIONS[sessionId].label },
  };
}

/** The awaited call a value comes from: `await f()` itself, its `.token`, or a const bound to either. */
function awaitedCallOf(expression: Node, ctx: SnapshotContext): TSESTree.CallExpression | null {
  let inner = unwrap(expression);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(inner, ctx.sourceCode.getScope(inner));
    if (!init) return null;
    inner = unwrap(init);
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression && SECRET_CARRYING_FIELDS.has(staticPropertyName(inner) ?? ''))
    inner = unwrap(inner.object);
  if (inner.type !== AST_NODE_TYPES.AwaitExpression) return null;
  const awaited = unwrap(inner.argument);
  return awaited.type === AST_NODE_TYPES.CallExpression ? awaited : null;
}

/** The token, or a client built with it, kept beyond the call by a client that never renews it. */
export function checkTokenKeptByClient(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  const origin = resolution.clientToken;
  if (resolution.kind !== 'client-token' || !origin) return null;
  const entries = flow.flatMap((node) => {
    const entry = keepingClientAt(node, ctx);
    return entry && carriesToken(node, origin.factory) ? [{ node, ...entry }] : [];
  });
  if (entries.length === 0) return null;
  const kept = keptBeyondCall(resolution.reportNode, flow, ctx, (n) =>
    entries.some((e) => flowPath(n).includes(e.node)),
  );
  if (!kept) return null;
  const entry = entries.find((e) => flowPath(kept.step).includes(e.node)) ?? entries[0];
  const phrase = origin.phrase ?? sessionWords(resolution.sessionId, ctx.settings).phrase;
  const made = entry.call.type === AST_NODE_TYPES.NewExpression ? 'new ' : '';
  const suggest = origin.factory
    ? authStrategyRemedy(resolution.call, origin.factory, entry.client, entry.call, ctx)
    : [];
  return {
    node: resolution.reportNode,
    messageId: 'tokenKeptByClient',
    data: {
      what: origin.label.charAt(0).toUpperCase() + origin.label.slice(1),
      source: resolution.sourceName,
      client: `${made}${snippet(ctx.sourceCode, entry.call.callee, 40)}(...)`,
      where: kept.where,
      phrase,
      instead: entry.client.renewal,
    },
    ...(suggest.length > 0 ? { suggest } : {}),
  };
}

interface Entry {
  readonly client: TokenKeepingClient;
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
}

/** The flow step that puts the value into a keeping client's slot: its argument, or an option of its first argument. */
function keepingClientAt(node: FlowNode, ctx: SnapshotContext): Entry | null {
  const { step } = node;
  let call: TSESTree.CallExpression | TSESTree.NewExpression | null = null;
  let fits: (client: TokenKeepingClient) => boolean = () => false;
  if (step.kind === 'argument') {
    call = step.node;
    fits = (client) => 'argument' in client.slot && client.slot.argument === step.index;
  } else if (step.kind === 'property') {
    const parent = step.object.parent;
    if (
      (parent.type === AST_NODE_TYPES.NewExpression || parent.type === AST_NODE_TYPES.CallExpression) &&
      parent.arguments[0] === step.object
    ) {
      call = parent;
      fits = (client) => 'option' in client.slot && client.slot.option === step.name;
    }
  }
  if (!call) return null;
  const ref = ctx.refs.resolve(call.callee);
  const client = ref && TOKEN_KEEPING_CLIENTS.find((c) => fits(c) && refMatches(ref, c.api));
  return client ? { client, call } : null;
}

/** What reaches the slot is the token: no field read on the way but the token field (or a secret-carrying one). */
function carriesToken(node: FlowNode, factory: AuthFunctionFactory | undefined): boolean {
  return flowPath(node).every(
    ({ step }) =>
      step.kind !== 'field' ||
      step.name === factory?.tokenField ||
      (step.name !== null && SECRET_CARRYING_FIELDS.has(step.name)),
  );
}

function awaitedOrSelf(node: Node): Node {
  return node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : node;
}
