import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, enclosingFunction, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { AWS_V2_CREDENTIAL_FIELDS, STATE_STORE_WRITES } from '../../src/knowledge/index.js';
import { isComponentStateWrite } from '../../src/analysis/component-state.js';
import { isExpiryGuarded } from '../../src/analysis/expiry-guard.js';
import { ownerOfKeptValue } from '../../src/analysis/kept-owner.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { refreshedBeforeEachUse } from '../../src/analysis/refreshed-before-use.js';
import { isLongLived, type StorageKind } from '../../src/analysis/storage.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import { isPromiseCombinator, keepsWhatItIsBuiltWith } from '../../src/analysis/value-keepers.js';
import { instanceFieldOutlivesCalls } from '../../src/analysis/instance-field-lifetime.js';
import { slotOf } from '../../src/analysis/storage-slot.js';
import { type Kept, type Node, type SnapshotContext, snippet } from './context.js';
import { keptOpenByConnection } from './live-connection.js';
import { assignedPerUse } from './assigned-per-use.js';
import { isHandedOverWithRefreshToken } from '../../src/analysis/renewing-options.js';
import { isReadOnlyInWriterChain } from './writer-chain.js';
import { diesWithItsCall } from './call-scoped-instance.js';
import { isRenewedBySdkRefresh } from '../../src/analysis/sdk-refreshed-fields.js';

/**
 * Whether the value (or something built from it, as `accept` allows) outlives the code that resolved it:
 * resolved outside every function (module load) and bound or handed to a constructor, or stored in long-lived
 * storage (module scope, a static or instance field, a global, an export) whose reuse is not guarded by an expiry
 * check (src/analysis/expiry-guard.ts). Values that stay in locals or are only returned to unknown callers are
 * per-request resolution: not kept. A one-shot script keeps nothing longer than itself.
 */
export function keptBeyondCall(
  resolved: Node,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
  accept: (node: FlowNode) => boolean = () => true,
): Kept | null {
  const kept = keptByFlow(resolved, flow, ctx, accept);
  // Asked last, when something is kept: the answer walks the whole file.
  return kept && !isOneShotScript(ctx.sourceCode) ? kept : null;
}

/** Where `flow` keeps the value beyond the call, in a program that runs for long. */
function keptByFlow(
  resolved: Node,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
  accept: (node: FlowNode) => boolean,
): Kept | null {
  let guarded = false;
  for (const node of flow) {
    const { step } = node;
    if (renewedWhereHandedOver(node)) continue;
    if (step.kind === 'argument' && isStateStoreWrite(step.node) && accept(node))
      return {
        storage: 'module',
        where: `in an app-wide state store (\`${snippet(ctx.sourceCode, step.node.callee, 40)}(...)\`)`,
        step: node,
        keeper: step.node,
      };
    if (
      step.kind === 'argument' &&
      step.node.type === AST_NODE_TYPES.CallExpression &&
      isComponentStateWrite(step.node, ctx.refs) &&
      accept(node)
    )
      return {
        storage: 'instance-field',
        where: `in component state (\`${snippet(ctx.sourceCode, step.node.callee, 40)}(...)\`), which every later render and handler reads for as long as the component is mounted`,
        step: node,
        keeper: step.node,
      };
    const open = accept(node) ? keptOpenByConnection(node, resolved, ctx) : null;
    if (open) return open;
    if (step.kind !== 'store' || !isLongLived(step.storage) || !accept(node)) continue;
    if (
      step.storage === 'instance-field' &&
      (isReadOnlyInWriterChain(step.target, ctx.sourceCode) ||
        diesWithItsCall(step.target, ctx.sourceCode) ||
        isRenewedBySdkRefresh(step.target, ctx.refs, ctx.sourceCode))
    )
      continue;
    if (
      isExpiryGuarded(step.target, ctx) ||
      refreshedBeforeEachUse(step.target, resolved, ctx.sourceCode) ||
      assignedPerUse(step.target, resolved, ctx)
    ) {
      guarded = true;
      continue;
    }
    return { storage: step.storage, where: describeStorage(step.storage, step.target, ctx), step: node };
  }
  if (guarded || enclosingFunction(resolved) !== null) return null;
  const used = flow.find(
    (n) =>
      accept(n) &&
      (n.step.kind === 'store' || (n.step.kind === 'argument' && n.step.node.type === AST_NODE_TYPES.NewExpression)),
  );
  return used ? { storage: 'module', where: 'in module scope (resolved when the module loads)', step: used } : null;
}

/** On the way, the value went into options that also hand over a refresh token: the library renews it there. */
function renewedWhereHandedOver(node: FlowNode): boolean {
  return flowPath(node).some((n) => n.step.kind === 'property' && isHandedOverWithRefreshToken(n.step.object));
}

const STORE_WRITES: ReadonlySet<string> = new Set(STATE_STORE_WRITES.methods);
const STORE_METHODS: ReadonlySet<string> = new Set(STATE_STORE_WRITES.storeMethods);

function isStateStoreWrite(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(call) ?? '';
  if (STORE_WRITES.has(name)) return true;
  const callee = unwrap(call.callee);
  return (
    STORE_METHODS.has(name) &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    unwrap(callee.object).type !== AST_NODE_TYPES.ThisExpression
  );
}

/**
 * Temporary keys work only with their session token (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html):
 * a flow that copies key fields but never reads the token can only ever work with long-term keys, which do not expire.
 */
export function copiesWithoutSessionToken(flow: readonly FlowNode[]): boolean {
  const [accessKeyId, secretAccessKey, sessionToken] = AWS_V2_CREDENTIAL_FIELDS;
  let copiesKey = false;
  for (const { step } of flow) {
    if (step.kind === 'field' && step.name === sessionToken) return false;
    if (step.kind === 'field' && (step.name === accessKeyId || step.name === secretAccessKey)) copiesKey = true;
    // The token may come from another read of the same object: `{ accessKeyId: c.accessKeyId, sessionToken: c.sessionToken }`,
    // `new AWS.Credentials(c.accessKeyId, c.secretAccessKey, c.sessionToken)`.
    if (
      step.kind === 'property' &&
      step.object.properties.some((p) => p.type !== AST_NODE_TYPES.Property || staticPropertyName(p) === sessionToken)
    )
      return false;
    if (step.kind === 'argument' && step.node.arguments.length >= AWS_V2_CREDENTIAL_FIELDS.length) return false;
  }
  return copiesKey;
}

const HOLDS_VALUE: ReadonlySet<FlowNode['step']['kind']> = new Set(['store', 'field', 'property', 'return']);
const SETTLES = 'then';

/**
 * Whether the value itself (or a part of it, or a plain object such as a header map holding it) is kept where
 * no-module-token-cache reports it, with its expiry-check suggestions (`ownerOfKeptValue`): this rule stays silent
 * there, one finding per defect. On the way it may be returned by a function of the file, settled (`await`,
 * `.then`), picked out of `Promise.all`, put in a `Map`, or, for a token (`builtInto`), built into another library's
 * object (`new Pool({ password })`), all of which no-module-token-cache follows back.
 */
export function cachedAtModuleLevel(
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
  method?: string,
  builtInto = false,
): boolean {
  return flow.some((node) => {
    const { step } = node;
    if (step.kind !== 'store') return false;
    const outlivesCalls = step.storage === 'instance-field' && fieldOutlivesCalls(step.target, ctx);
    if (ownerOfKeptValue(step.storage, method, outlivesCalls) !== 'token-cache') return false;
    const path = flowPath(node);
    return path.every((n, i) => holdsValue(n, path[i - 1], path[i + 1], ctx, builtInto));
  });
}

function holdsValue(
  node: FlowNode,
  previous: FlowNode | undefined,
  next: FlowNode | undefined,
  ctx: SnapshotContext,
  builtInto: boolean,
): boolean {
  const { step } = node;
  if (HOLDS_VALUE.has(step.kind)) return true;
  if (step.kind === 'method') return step.name === SETTLES;
  if (step.kind !== 'argument') return false;
  // `cache.set(key, value)`: the walk's next step is the container's store at the same call.
  if (next?.step.kind === 'store' && next.step.node === step.node) return true;
  if (step.node.type === AST_NODE_TYPES.CallExpression && isPromiseCombinator(step.node.callee, ctx.refs)) return true;
  // Only a top-level option (`new Pool({ password })`), as no-module-token-cache reads it; nested options stay A's.
  const option = previous?.step.kind === 'property' && previous.step.object.parent === step.node;
  if (!builtInto || !option || previous.previous?.step.kind === 'property') return false;
  const ref = ctx.refs.resolve(step.node.callee);
  return ref !== null && keepsWhatItIsBuiltWith(ref.module);
}

function fieldOutlivesCalls(target: Node, ctx: SnapshotContext): boolean {
  const slot = slotOf(target, ctx.sourceCode);
  return slot !== null && instanceFieldOutlivesCalls(slot, ctx.sourceCode);
}

function describeStorage(storage: StorageKind, target: Node, ctx: SnapshotContext): string {
  const name =
    target.type === AST_NODE_TYPES.PropertyDefinition || target.type === AST_NODE_TYPES.Property
      ? snippet(ctx.sourceCode, target.key, 40)
      : target.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? 'the default export'
        : snippet(ctx.sourceCode, target, 40);
  // `{ provide, useFactory }`: the container keeps what the factory returned for the life of the process.
  if (target.type === AST_NODE_TYPES.Property) return `in a singleton built once by \`${name}\``;
  switch (storage) {
    case 'module':
      return `in module scope (\`${name}\`)`;
    case 'static-field':
      return `in the static field \`${name}\``;
    case 'instance-field':
      return `on a long-lived object (\`${name}\`)`;
    case 'global':
      return `in a global (\`${name}\`)`;
    default:
      return `in \`${name}\``;
  }
}
