import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { type FlowNode, forEachDescendant } from '../../src/analysis/value-flow.js';
import {
  AWS_V2_CREDENTIAL_FIELDS,
  AWS_V2_REFRESH_METHODS,
  LIVE_CONNECTION_SIGNS,
  type SessionId,
} from '../../src/knowledge/index.js';
import { type Finding, type SnapshotContext, snippet } from './context.js';
import { runsAgain } from './runs-again.js';
import { sessionWords } from './session.js';

const KEY_FIELDS: ReadonlySet<string> = new Set(AWS_V2_CREDENTIAL_FIELDS);
const REFRESH_METHODS: ReadonlySet<string> = new Set(AWS_V2_REFRESH_METHODS);

/**
 * Keys read off a live v2 credentials object in code that runs again on every reconnect (a connection's `reconnect`
 * or `close` listener, Paho's `onConnectionLost`, a connect `onFailure`): each new connection is signed with what the
 * object holds, but the object refreshes only when something calls `get()` (or `refresh()`) on it, and nothing on
 * that path does. Once the session ends every reconnect signs with the expired keys.
 */
export function checkKeysReadOnReconnect(
  read: TSESTree.Node,
  object: TSESTree.Node,
  sessionId: SessionId,
  flow: readonly FlowNode[],
  isLive: (node: TSESTree.Node) => boolean,
  ctx: SnapshotContext,
): Finding | null {
  if (!readsKeys(read, flow)) return null;
  const reloads = (fn: TSESTree.FunctionLike) => isReloadCallback(fn, isLive) || reloadsInBody(fn, isLive, ctx);
  if (
    !runsAgain(read, LIVE_CONNECTION_SIGNS.renewEvents, ctx, {
      renewHandlers: LIVE_CONNECTION_SIGNS.renewHandlers,
      stopAt: reloads,
    })
  )
    return null;
  const words = sessionWords(sessionId, ctx.settings);
  return {
    node: read,
    messageId: 'keysReadOnReconnect',
    data: { object: snippet(ctx.sourceCode, object, 40), session: words.session, phrase: words.phrase },
  };
}

/** `creds.accessKeyId`, `const { accessKeyId } = creds`, or a read of the object whose key fields the flow reads. */
function readsKeys(read: TSESTree.Node, flow: readonly FlowNode[]): boolean {
  if (read.type === AST_NODE_TYPES.MemberExpression && KEY_FIELDS.has(staticPropertyName(read) ?? '')) return true;
  const declarator = read.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.ObjectPattern)
    return declarator.id.properties.some(
      (p) => p.type === AST_NODE_TYPES.Property && KEY_FIELDS.has(staticPropertyName(p) ?? ''),
    );
  return flow.some((n) => n.step.kind === 'field' && KEY_FIELDS.has(n.step.name ?? ''));
}

/** `creds.get(() => ...)`, `creds.getPromise().then(() => ...)`: the function runs after the object was reloaded. */
function isReloadCallback(fn: TSESTree.FunctionLike, isLive: (node: TSESTree.Node) => boolean): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument))
    return false;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (isReloadCall(call, isLive)) return true;
  const settled = unwrap(callee.object);
  return (
    staticPropertyName(callee) === 'then' &&
    settled.type === AST_NODE_TYPES.CallExpression &&
    isReloadCall(settled, isLive)
  );
}

/** The function itself reloads the object before it reads it (`await creds.getPromise()`, `creds.refresh(cb)`). */
function reloadsInBody(
  fn: TSESTree.FunctionLike,
  isLive: (node: TSESTree.Node) => boolean,
  ctx: SnapshotContext,
): boolean {
  let found = false;
  forEachDescendant(fn.body ?? fn, ctx.sourceCode, (node) => {
    if (node !== fn.body && isFunctionNode(node)) return 'skip';
    if (node.type !== AST_NODE_TYPES.CallExpression || !isReloadCall(node, isLive)) return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

function isReloadCall(call: TSESTree.CallExpression, isLive: (node: TSESTree.Node) => boolean): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    REFRESH_METHODS.has(staticPropertyName(callee) ?? '') &&
    isLive(unwrap(callee.object))
  );
}
