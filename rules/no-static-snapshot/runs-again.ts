import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, isFunctionNode, staticPropertyName } from '../../src/analysis/ast.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { REFRESH_TIMERS } from '../../src/knowledge/index.js';
import type { Node, SnapshotContext } from './context.js';

export interface RunsAgainOptions {
  /** Calls whose callback runs again besides timers (`onIdTokenChanged`). */
  readonly renewHosts?: readonly string[];
  /** Handler properties the connection calls when it drops (`onConnectionLost`). */
  readonly renewHandlers?: readonly string[];
  /** A path that passes through a function this accepts does not count (it reloads what the call reads). */
  readonly stopAt?: (fn: TSESTree.FunctionLike) => boolean;
}

/**
 * The call sits in a callback of a timer or of a connection event that renews keys (`device.on('reconnect', fn)`,
 * or one of `renewHandlers`, such as Paho's `client.onConnectionLost = fn`), directly or through a named function of
 * the file that such a callback calls (`device.on('reconnect', () => handKeys())`) or is given.
 */
export function runsAgain(
  call: Node,
  renewEvents: readonly string[],
  ctx: SnapshotContext,
  options: RunsAgainOptions = {},
  depth = 0,
): boolean {
  const { renewHosts = [], renewHandlers = [], stopAt } = options;
  for (let node: Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    if (stopAt?.(node)) return false;
    if (node.parent?.type === AST_NODE_TYPES.CallExpression && isRenewingHost(node.parent, renewEvents, renewHosts))
      return true;
    if (isRenewingHandler(node, renewHandlers)) return true;
    const name = nameOf(node);
    if (name === null || depth > 1) continue;
    for (const other of fileIndex(ctx.sourceCode).calls) {
      if (calleeName(other) === name && runsAgain(other, renewEvents, ctx, options, depth + 1)) return true;
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

/** `client.onConnectionLost = fn`, `connect({ onFailure: fn })`: a handler the connection calls when it drops. */
function isRenewingHandler(fn: TSESTree.FunctionLike, renewHandlers: readonly string[]): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn)
    return (
      parent.left.type === AST_NODE_TYPES.MemberExpression &&
      renewHandlers.includes(staticPropertyName(parent.left) ?? '')
    );
  return (
    parent?.type === AST_NODE_TYPES.Property &&
    parent.value === fn &&
    renewHandlers.includes(staticPropertyName(parent) ?? '')
  );
}

/** `function f() {}`, `const f = () => {}`, a method `f() {}`, `obj.f = function () {}`. */
function nameOf(fn: TSESTree.FunctionLike): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property)
    return staticPropertyName(parent);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression)
    return staticPropertyName(parent.left);
  return null;
}
