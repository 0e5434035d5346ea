import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from '../../src/analysis/ast.js';
import { addNamedImport, isMovable, isRepeatable } from '../../src/analysis/edits.js';
import { flowPath, type FlowNode } from '../../src/analysis/value-flow.js';
import {
  AWS_V2_CONFIG_UPDATE,
  AWS_V2_CREDENTIAL_FIELDS,
  AWS_V2_GLOBAL_CREDENTIALS,
  AWS_V2_STATIC_CREDENTIALS,
  AWS_V3_CREDENTIAL_FIELDS,
  STS_CREDENTIAL_FIELDS,
  type StsRenewal,
} from '../../src/knowledge/index.js';
import { credentialsSlot } from './clients.js';
import { type Finding, type Node, resolvesTo, type SnapshotContext, type Suggestion } from './context.js';
import { cachedAtModuleLevel, keptBeyondCall } from './kept.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';
import { replaceV2Keys } from './v2-remedy.js';
import { renewsTheSame } from './sts-renewal.js';
import { resolvedOnEveryEntryCall } from './per-invocation.js';

const STS_FIELDS: ReadonlySet<string> = new Set(STS_CREDENTIAL_FIELDS);
const STATIC_FIELDS: ReadonlySet<string> = new Set([...AWS_V3_CREDENTIAL_FIELDS, ...AWS_V2_CREDENTIAL_FIELDS]);

/** Where STS keys became static credentials: an object literal of keys, `new AWS.Credentials(...)`, or `AWS.config.update(...)`. */
interface StaticCopy {
  readonly node: FlowNode;
  /** The object literal `{ accessKeyId, ... }` or the `new AWS.Credentials(...)` expression. */
  readonly credentials: Node;
  /** `AWS.config.update(...)`: the global config, long-lived by definition. */
  readonly globalUpdate: TSESTree.CallExpression | null;
}

/**
 * Shape 5: STS output (AssumeRole, GetSessionToken...) copied into static credentials that outlive the call (or
 * into the global v2 config: `AWS.config.update(...)`, `AWS.config.credentials = new AWS.Credentials(...)`). Per-request use (a client built and dropped within the request) is fine. STS output
 * kept as such in module-level storage is no-module-token-cache's finding, unless it also feeds the global config.
 */
export function checkStsCopy(resolution: Resolution, flow: readonly FlowNode[], ctx: SnapshotContext): Finding | null {
  if (resolution.kind !== 'sts' || !resolution.sts) return null;
  const copies = flow.map((n) => staticCopyAt(n, ctx)).filter((c): c is StaticCopy => c !== null);
  if (copies.length === 0) return null;
  const global = copies.find((c) => c.globalUpdate) ?? copies.find((c) => setsGlobalCredentials(c, flow, ctx));
  if (!global && cachedAtModuleLevel(flow, ctx)) return null;
  const kept = global
    ? null
    : keptBeyondCall(resolution.reportNode, flow, ctx, (n) => copies.some((c) => flowPath(n).includes(c.node)));
  if (!global && !kept) return null;
  // The global config rewritten from a role assumed again on every invocation of the file's entry point.
  if (global && resolvedOnEveryEntryCall(resolution.call)) return null;
  const copy = global ?? copies.find((c) => kept && flowPath(kept.step).includes(c.node))!;
  const refreshing = resolution.sts.operation.renewedBy;
  const suggestion =
    refreshing && resolution.sts.input
      ? refreshingSuggestion(
          copy,
          refreshing,
          resolution.sts.input,
          ctx,
          renewsTheSame(resolution.call, resolution.sts.input, ctx),
        )
      : null;
  return {
    node: resolution.reportNode,
    messageId: 'stsCopied',
    data: {
      operation: resolution.sourceName,
      service: resolution.sts.operation.service ?? 'STS',
      where: kept ? kept.where : 'in the global AWS config',
      replacement: resolution.sts.operation.replacement.code,
      ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
    },
    ...(suggestion ? { suggest: [suggestion] } : {}),
  };
}

/** A step where a key read from STS output (`k.AccessKeyId`) lands in static credentials. */
function staticCopyAt(node: FlowNode, ctx: SnapshotContext): StaticCopy | null {
  const { step } = node;
  if (!flowPath(node).some((n) => n.step.kind === 'field' && n.step.name !== null && STS_FIELDS.has(n.step.name)))
    return null;
  if (step.kind === 'property' && step.name !== null && STATIC_FIELDS.has(step.name)) {
    const holder = step.object.parent;
    const update = holder?.type === AST_NODE_TYPES.CallExpression && isGlobalUpdate(holder, ctx) ? holder : null;
    const v2New =
      holder?.type === AST_NODE_TYPES.NewExpression && resolvesTo(holder.callee, AWS_V2_STATIC_CREDENTIALS, ctx);
    return { node, credentials: v2New ? holder : step.object, globalUpdate: update };
  }
  if (
    step.kind === 'argument' &&
    step.node.type === AST_NODE_TYPES.NewExpression &&
    resolvesTo(step.node.callee, AWS_V2_STATIC_CREDENTIALS, ctx)
  ) {
    return { node, credentials: step.node, globalUpdate: null };
  }
  return null;
}

/** `AWS.config.credentials = new AWS.Credentials(...)`: the copy becomes every later client's credentials. */
function setsGlobalCredentials(copy: StaticCopy, flow: readonly FlowNode[], ctx: SnapshotContext): boolean {
  return flow.some(
    (n) =>
      n.step.kind === 'store' &&
      resolvesTo(n.step.target, AWS_V2_GLOBAL_CREDENTIALS, ctx) &&
      flowPath(n).includes(copy.node),
  );
}

function isGlobalUpdate(call: TSESTree.CallExpression, ctx: SnapshotContext): boolean {
  return resolvesTo(call.callee, AWS_V2_CONFIG_UPDATE, ctx);
}

/** `fromTemporaryCredentials({ params: <input> })` in the client's `credentials`, or `new AWS.ChainableTemporaryCredentials({ params })` for v2. */
function refreshingSuggestion(
  copy: StaticCopy,
  refreshing: StsRenewal,
  input: Node,
  ctx: SnapshotContext,
  same: boolean,
): Suggestion | null {
  // The provider sends the input again at each refresh: it must mean the same there and have no effect of its own.
  if (!isRepeatable(input)) return null;
  const messageId = same ? 'renewFromSameSource' : 'useRefreshingSource';
  const params = `{ ${refreshing.paramsOption}: ${ctx.sourceCode.getText(input)} }`;
  const name = refreshing.api.path.at(-1)!;
  if (refreshing.kind === 'factory') {
    const target = copy.credentials;
    if (
      target.type !== AST_NODE_TYPES.ObjectExpression ||
      !credentialsSlot(target, ctx) ||
      !isMovable(input, target, ctx.sourceCode)
    )
      return null;
    const module = refreshing.api.modules[0];
    return {
      messageId,
      data: { replacement: `${name}(${params})` },
      fix: (fixer) => {
        const imported = addNamedImport(fixer, module, name, ctx.refs, ctx.sourceCode);
        return [...imported.fixes, fixer.replaceText(target, `${imported.local}(${params})`)];
      },
    };
  }
  const namespace = v2Namespace(copy, ctx);
  if (!namespace) return null;
  const replacement = `new ${namespace}.${name}(${params})`;
  if (copy.globalUpdate) {
    const config = unwrap(copy.globalUpdate.arguments[0]);
    if (config.type !== AST_NODE_TYPES.ObjectExpression || !isMovable(input, config, ctx.sourceCode)) return null;
    return {
      messageId,
      data: { replacement },
      fix: (fixer) => replaceV2Keys(fixer, ctx.sourceCode, config, replacement),
    };
  }
  if (copy.credentials.type !== AST_NODE_TYPES.NewExpression || !isMovable(input, copy.credentials, ctx.sourceCode))
    return null;
  const target = copy.credentials;
  return {
    messageId,
    data: { replacement },
    fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(target, replacement),
  };
}

/** The local name of the aws-sdk namespace at the sink: `AWS` in `new AWS.Credentials(...)` / `AWS.config.update(...)`. */
function v2Namespace(copy: StaticCopy, ctx: SnapshotContext): string | null {
  const sink = copy.globalUpdate ?? copy.credentials;
  if (sink.type !== AST_NODE_TYPES.NewExpression && sink.type !== AST_NODE_TYPES.CallExpression) return null;
  let callee = unwrap(sink.callee);
  while (callee.type === AST_NODE_TYPES.MemberExpression) callee = unwrap(callee.object);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const ref = ctx.refs.resolve(callee);
  return ref && ref.path.length === 0 ? callee.name : null;
}
