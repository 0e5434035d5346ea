import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { forEachDescendant, traceValue } from '../../src/analysis/value-flow.js';
import {
  AWS_V2_CREDENTIAL_FIELDS,
  AWS_V2_GLOBAL_CREDENTIALS,
  AWS_V2_GLOBAL_LOADERS,
  AWS_V2_REFRESH_METHODS,
  AWS_V2_REFRESHING_CLASSES,
  findByApi,
  refMatches,
  type SessionId,
} from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext } from './context.js';
import type { Resolution } from './sources.js';
import { checkCapturedByLongLivedCallback } from './long-lived-callback.js';
import { checkOutlivingSink } from './outliving-sink.js';
import { checkV2ChainCopy, checkV2KeysCopied } from './v2-chain-copy.js';
import { globalSession } from './v2-sinks.js';
import { checkKeysReadOnReconnect } from './v2-reconnect-read.js';

const REFRESH_METHODS: ReadonlySet<string> = new Set(AWS_V2_REFRESH_METHODS);
const KEY_FIELDS: ReadonlySet<string> = new Set(AWS_V2_CREDENTIAL_FIELDS);
const LOADS = new WeakMap<object, TSESTree.CallExpression | null>();
const REPORTED = new WeakMap<object, Set<TSESTree.Node>>();

/**
 * Keys read off the global `AWS.config.credentials` once it is loaded (`get(cb)`, `await getPromise()`,
 * `AWS.config.getCredentials(cb)`): the live object refreshes when something calls `get()` again, the keys copied
 * out of it do not. A read whose copy is kept is a v2 chain copy (checkV2ChainCopy), reported once per keeper; one
 * whose copy a callback registered for the life of the process reads is that callback's (long-lived-callback.ts).
 */
export function checkV2GlobalRead(member: TSESTree.MemberExpression, ctx: SnapshotContext): Finding | null {
  const object = unwrap(member.object);
  // `AWS.config.credentials.get()` itself is the load, not a read.
  if (member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) return null;
  const sessionId = liveObjectRead(member, object, ctx);
  if (!sessionId) return null;
  const load = loadCall(ctx);
  const flow = traceValue(object, ctx.refs, ctx.sourceCode);
  // Loaded elsewhere (at sign-in, by another module): a copy that carries the session token is of temporary keys.
  const isLive = (node: TSESTree.Node) => isLiveObject(node, ctx);
  if (!load) {
    const finding =
      (isGlobalOrBoundToIt(object, ctx) ? checkV2KeysCopied(member, sessionId, flow, ctx) : null) ??
      checkKeysReadOnReconnect(member, object, sessionId, flow, isLive, ctx);
    return finding && firstForKeeper(finding, member, ctx);
  }
  const resolution: Resolution = {
    kind: 'v2-chain',
    call: load,
    reportNode: member,
    valueStart: object,
    sourceName: ctx.sourceCode.getText(object),
    sessionId,
  };
  const finding =
    checkOutlivingSink(resolution, flow, ctx) ??
    checkV2ChainCopy(resolution, flow, ctx) ??
    checkCapturedByLongLivedCallback(resolution, flow, ctx) ??
    checkKeysReadOnReconnect(member, object, sessionId, flow, isLive, ctx);
  return finding && firstForKeeper(finding, member, ctx);
}

/**
 * The session of the live v2 object `object` is when `member` reads off it: the global itself (any member), or,
 * for a key field, a name bound to the global (`const creds = AWS.config.credentials`) or to a refreshing class's
 * instance (`const live = new AWS.EC2MetadataCredentials()`). Only key reads of names are looked up: the listener
 * sees every member expression of the file.
 */
function liveObjectRead(
  member: TSESTree.MemberExpression,
  object: TSESTree.Node,
  ctx: SnapshotContext,
): SessionId | null {
  if (isGlobalCredentials(object, ctx)) return globalSession(ctx);
  return KEY_FIELDS.has(staticPropertyName(member) ?? '') ? liveSessionOf(object, ctx) : null;
}

function liveSessionOf(object: TSESTree.Node, ctx: SnapshotContext): SessionId | null {
  if (object.type !== AST_NODE_TYPES.Identifier && object.type !== AST_NODE_TYPES.MemberExpression) return null;
  const ref = ctx.refs.resolve(object);
  if (ref && refMatches(ref, AWS_V2_GLOBAL_CREDENTIALS)) return globalSession(ctx);
  return findByApi(AWS_V2_REFRESHING_CLASSES, ctx.refs.instanceOf(object))?.session ?? null;
}

/** `const { accessKeyId } = AWS.config.credentials` reads it too. */
export function checkV2GlobalDestructure(
  declarator: TSESTree.VariableDeclarator,
  ctx: SnapshotContext,
): Finding | null {
  if (!declarator.init || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return null;
  const object = unwrap(declarator.init);
  const sessionId = liveSessionOf(object, ctx);
  if (!sessionId) return null;
  const load = loadCall(ctx);
  if (!load) return null;
  const resolution: Resolution = {
    kind: 'v2-chain',
    call: load,
    reportNode: declarator.init,
    valueStart: object,
    sourceName: ctx.sourceCode.getText(object),
    sessionId,
  };
  const flow = traceValue(object, ctx.refs, ctx.sourceCode);
  return (
    checkV2ChainCopy(resolution, flow, ctx) ??
    checkKeysReadOnReconnect(declarator.init, object, sessionId, flow, (node) => isLiveObject(node, ctx), ctx)
  );
}

function isGlobalCredentials(node: TSESTree.Node, ctx: SnapshotContext): boolean {
  // Checked by name first: the listener sees every member expression of the file.
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    staticPropertyName(node) !== AWS_V2_GLOBAL_CREDENTIALS.path.at(-1)
  )
    return false;
  const ref = ctx.refs.resolve(node);
  return ref !== null && refMatches(ref, AWS_V2_GLOBAL_CREDENTIALS);
}

/** `AWS.config.credentials`, or a name bound to it (`const creds = AWS.config.credentials`). */
function isGlobalOrBoundToIt(node: TSESTree.Node, ctx: SnapshotContext): boolean {
  if (isGlobalCredentials(node, ctx)) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const ref = ctx.refs.resolve(node);
  return ref !== null && refMatches(ref, AWS_V2_GLOBAL_CREDENTIALS);
}

/** The global credentials, or an instance of a refreshing v2 class. */
function isLiveObject(node: TSESTree.Node, ctx: SnapshotContext): boolean {
  return isGlobalCredentials(node, ctx) || liveSessionOf(node, ctx) !== null;
}

/** The file's first call that loads live v2 credentials (the global's, or a refreshing instance's), memoized per file. */
function loadCall(ctx: SnapshotContext): TSESTree.CallExpression | null {
  const known = LOADS.get(ctx.sourceCode);
  if (known !== undefined) return known;
  let found: TSESTree.CallExpression | null = null;
  forEachDescendant(ctx.sourceCode.ast, ctx.sourceCode, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const name = staticPropertyName(callee) ?? '';
    const onLive = REFRESH_METHODS.has(name) && isLiveObject(unwrap(callee.object), ctx);
    const ref = onLive ? null : ctx.refs.resolve(callee);
    if (onLive || (ref && AWS_V2_GLOBAL_LOADERS.some((api) => refMatches(ref, api)))) found = node;
  });
  LOADS.set(ctx.sourceCode, found);
  return found;
}

/** Three keys copied into one object are one defect: report the first read only. */
function firstForKeeper(finding: Finding, read: TSESTree.MemberExpression, ctx: SnapshotContext): Finding | null {
  let seen = REPORTED.get(ctx.sourceCode);
  if (!seen) REPORTED.set(ctx.sourceCode, (seen = new Set()));
  const statement = enclosingStatement(read);
  if (seen.has(statement)) return null;
  seen.add(statement);
  return finding;
}

function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !/Statement|Declaration$/.test(current.parent.type)) current = current.parent;
  return current.parent ?? current;
}
