import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isLongLived } from '../../src/analysis/storage.js';
import { flowPath, type FlowNode, forEachDescendant } from '../../src/analysis/value-flow.js';
import { AWS_V2_CREDENTIAL_FIELDS, AWS_V2_REFRESH_METHODS, type SessionId } from '../../src/knowledge/index.js';
import { type Finding, type SnapshotContext } from './context.js';
import { copiesWithoutSessionToken, keptBeyondCall } from './kept.js';
import { isConstantOnPlatform, sessionWords } from './session.js';
import { isV2KeySink } from './v2-sinks.js';
import type { Resolution } from './sources.js';

const KEY_FIELDS: ReadonlySet<string> = new Set(AWS_V2_CREDENTIAL_FIELDS);
const REFRESH_METHODS: ReadonlySet<string> = new Set(AWS_V2_REFRESH_METHODS);

/**
 * A v2 provider chain resolves a live `AWS.Credentials` object: passing or keeping the object is fine
 * (aws/aws-sdk-js: lib/credentials/credential_provider_chain.js); copying its keys into something long-lived (a connection on `this`, a module
 * variable) is the snapshot. Heuristic for code that re-syncs: when the live object itself is also kept in a
 * long-lived field and some `<field>.get()` / `.getPromise()` / `.refresh()` call in the file reloads it,
 * the copies are taken to be refreshed from it, and nothing is reported.
 */
export function checkV2ChainCopy(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  if (resolution.kind !== 'v2-chain') return null;
  return checkV2KeysCopied(resolution.reportNode, resolution.sessionId, flow, ctx);
}

/**
 * The same for keys read off a live v2 object at `read` (its session `sessionId`), whoever loaded it: reported when
 * the copy carries the session token and is kept.
 */
export function checkV2KeysCopied(
  read: TSESTree.Node,
  sessionId: SessionId,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  if (isConstantOnPlatform(sessionId, ctx)) return null;
  // Keys that pass through `new AWS.Credentials(...)` / `AWS.config.update(...)` are reported at that sink instead.
  const copied = (node: FlowNode) => {
    const path = flowPath(node);
    return (
      path.some((n) => n.step.kind === 'field' && n.step.name !== null && KEY_FIELDS.has(n.step.name)) &&
      !path.some((n) => n.step.kind === 'argument' && isV2KeySink(n.step.node, ctx))
    );
  };
  if (copiesWithoutSessionToken(flow)) return null;
  const kept = keptBeyondCall(read, flow, ctx, copied);
  if (!kept || keepsAndRefreshesLiveObject(flow, copied, ctx)) return null;
  return {
    node: kept.keeper ?? read,
    messageId: 'v2ChainCopied',
    data: { where: kept.where, ...sessionWords(sessionId, ctx.settings) },
  };
}

function keepsAndRefreshesLiveObject(
  flow: readonly FlowNode[],
  copied: (node: FlowNode) => boolean,
  ctx: SnapshotContext,
): boolean {
  const fields = new Set<string>();
  for (const node of flow) {
    const { step } = node;
    if (step.kind !== 'store' || !isLongLived(step.storage) || copied(node)) continue;
    const name = slotName(step.target);
    if (name !== null) fields.add(name);
  }
  if (fields.size === 0) return false;
  let refreshed = false;
  forEachDescendant(ctx.sourceCode.ast, ctx.sourceCode, (node) => {
    if (refreshed || node.type !== AST_NODE_TYPES.CallExpression) return;
    refreshed = isRefreshOfField(node, fields);
  });
  return refreshed;
}

/** `self.liveCreds.get(cb)` / `live.getPromise()` on one of `fields`. */
function isRefreshOfField(call: TSESTree.CallExpression, fields: ReadonlySet<string>): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !REFRESH_METHODS.has(staticPropertyName(callee) ?? ''))
    return false;
  return fields.has(slotName(callee.object) ?? '');
}

/** The name a stored value is found under again: `live`, `this.live`, `self.live`. */
function slotName(target: TSESTree.Node): string | null {
  const inner = unwrap(target);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  return inner.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(inner) : null;
}
