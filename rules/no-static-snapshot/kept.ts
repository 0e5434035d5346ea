import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { isExpiryGuarded } from '../../src/analysis/expiry-guard.js';
import { ownerOfKeptValue } from '../../src/analysis/kept-owner.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { isLongLived, type StorageKind } from '../../src/analysis/storage.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import { type Node, type SnapshotContext, snippet } from './context.js';

/** Where a resolved value outlives the call that resolved it, in words for the message. */
export interface Kept {
  readonly storage: StorageKind;
  readonly where: string;
  readonly step: FlowNode;
}

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
  if (isOneShotScript(ctx.sourceCode)) return null;
  let guarded = false;
  for (const node of flow) {
    const { step } = node;
    if (step.kind !== 'store' || !isLongLived(step.storage) || !accept(node)) continue;
    if (isExpiryGuarded(step.target, ctx)) {
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

const HOLDS_VALUE: ReadonlySet<FlowNode['step']['kind']> = new Set(['store', 'field', 'property']);

/**
 * Whether the value itself (or a part of it, or a plain object such as a header map holding it) is kept where
 * no-module-token-cache reports it, with its expiry-check suggestions (`ownerOfKeptValue`): this rule stays silent
 * there, one finding per defect.
 */
export function cachedAtModuleLevel(flow: readonly FlowNode[], method?: string): boolean {
  return flow.some(
    (node) =>
      node.step.kind === 'store' &&
      ownerOfKeptValue(node.step.storage, method) === 'token-cache' &&
      flowPath(node).every((step) => HOLDS_VALUE.has(step.step.kind)),
  );
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
