import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, isFunctionNode, staticPropertyName } from '../../src/analysis/ast.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { REFRESH_TIMERS } from '../../src/knowledge/index.js';
import type { Node, SnapshotContext } from './context.js';

/**
 * The call sits in a callback of a timer or of a connection event that renews keys, directly or through a named
 * function of the file that such a callback calls (`device.on('reconnect', () => handKeys())`) or is given.
 */
export function runsAgain(
  call: Node,
  renewEvents: readonly string[],
  ctx: SnapshotContext,
  depth = 0,
  renewHosts: readonly string[] = [],
): boolean {
  for (let node: Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    if (node.parent?.type === AST_NODE_TYPES.CallExpression && isRenewingHost(node.parent, renewEvents, renewHosts))
      return true;
    const name = nameOf(node);
    if (name === null || depth > 1) continue;
    for (const other of fileIndex(ctx.sourceCode).calls) {
      if (calleeName(other) === name && runsAgain(other, renewEvents, ctx, depth + 1, renewHosts)) return true;
      if (
        isRenewingHost(other, renewEvents, renewHosts) &&
        other.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === name)
      )
        return true;
    }
  }
  return false;
}

function isRenewingHost(
  host: TSESTree.CallExpression,
  renewEvents: readonly string[],
  renewHosts: readonly string[],
): boolean {
  const hostName = calleeName(host);
  if (hostName !== null && (REFRESH_TIMERS.includes(hostName) || renewHosts.includes(hostName))) return true;
  const event = host.arguments[0];
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && renewEvents.includes(event.value);
}

/** `function f() {}`, `const f = () => {}`, a method `f() {}`. */
function nameOf(fn: TSESTree.FunctionLike): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property)
    return staticPropertyName(parent);
  return null;
}
