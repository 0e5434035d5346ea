import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, enclosingFunction, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { climb, type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import { connectionEventOf, reconnectOptionOf } from '../../src/analysis/live-connection.js';
import { KEY_UPDATE_METHODS, LIVE_CONNECTION_SIGNS, SECRET_CARRYING_FIELDS } from '../../src/knowledge/index.js';
import type { Kept, Node, SnapshotContext } from './context.js';
import { runsAgain } from './runs-again.js';

const CLOSE_METHODS: ReadonlySet<string> = new Set(LIVE_CONNECTION_SIGNS.closeMethods);
const KEY_UPDATES: ReadonlySet<string> = new Set(KEY_UPDATE_METHODS.map((m) => m.method));

/**
 * A connection built from the value that stays open after the call that built it, though no variable outlives the
 * call: listeners for its connection events keep it alive (`shadows.on('connect', ...)`), or its options make it
 * reconnect by itself (`maximumReconnectTimeMs`). It signs each reconnect with the keys it was built with, so it
 * stops authenticating when they expire. Not kept: a connection the same function closes, one whose builder runs
 * again from a reconnect/close handler or a timer, or one the file hands fresh keys (`updateWebSocketCredentials`).
 */
export function keptOpenByConnection(node: FlowNode, resolved: Node, ctx: SnapshotContext): Kept | null {
  const connection = connectionAt(node);
  if (!connection || !carriesKeysInto(node, connection.built)) return null;
  if (closedInCall(connection, ctx) || renewed(resolved, ctx)) return null;
  return {
    storage: 'instance-field',
    where: `in a connection that stays open after the call (${connection.sign})`,
    step: node,
  };
}

interface Connection {
  /** The call or construction that built it from the value. */
  readonly built: TSESTree.CallExpression | TSESTree.NewExpression;
  /** What shows that it stays open, for the message. */
  readonly sign: string;
  /** The variable that holds it, when one does. */
  readonly name: string | null;
}

function connectionAt(node: FlowNode): Connection | null {
  const { step } = node;
  if (step.kind === 'method' && step.name !== null) {
    const event = connectionEventOf(step.node);
    if (event === null) return null;
    const built = builtFrom(node);
    const receiver = unwrap((step.node.callee as TSESTree.MemberExpression).object);
    const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : null;
    return built ? { built, sign: `its \`${event}\` listener`, name } : null;
  }
  if (step.kind === 'property' && step.name !== null) {
    const option = reconnectOptionOf(step.object);
    const call = step.object.parent;
    if (!option || (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression))
      return null;
    const holder = climb(call).parent;
    const name =
      holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier
        ? holder.id.name
        : null;
    return { built: call, sign: `\`${staticPropertyName(option)}\` makes it reconnect`, name };
  }
  return null;
}

/** The last call the value was handed to before it reached the listener: the connection's construction. */
function builtFrom(node: FlowNode): TSESTree.CallExpression | TSESTree.NewExpression | null {
  for (let n = node.previous; n; n = n.previous) if (n.step.kind === 'argument') return n.step.node;
  return null;
}

/**
 * The keys themselves reach the connection: the path holds only bindings, secret fields, object literals, calls
 * and builder links, so `{ region: c.region }` or a closure that reads the value later is not this.
 */
function carriesKeysInto(node: FlowNode, built: Node): boolean {
  const path = flowPath(node).slice(0, -1);
  let reached = false;
  for (const { step } of path) {
    if (step.kind === 'field' && (step.name === null || !SECRET_CARRYING_FIELDS.has(step.name))) return false;
    if (step.kind === 'capture' || step.kind === 'discard') return false;
    if (step.kind === 'argument' && step.node === built) reached = true;
  }
  return reached || node.step.kind === 'property';
}

/** `conn.end()` (or close, disconnect, ...) on the connection, in the function that built it (not in a callback). */
function closedInCall(connection: Connection, ctx: SnapshotContext): boolean {
  const home = enclosingFunction(connection.built);
  if (!home || connection.name === null) return false;
  return fileIndex(ctx.sourceCode).calls.some((call) => {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CLOSE_METHODS.has(staticPropertyName(callee) ?? ''))
      return false;
    const receiver = unwrap(callee.object);
    return (
      receiver.type === AST_NODE_TYPES.Identifier &&
      receiver.name === connection.name &&
      enclosingFunction(call) === home
    );
  });
}

function renewed(resolved: Node, ctx: SnapshotContext): boolean {
  if (
    runsAgain(resolved, LIVE_CONNECTION_SIGNS.renewEvents, ctx, {
      renewHandlers: LIVE_CONNECTION_SIGNS.renewHandlers,
    })
  )
    return true;
  return fileIndex(ctx.sourceCode).calls.some((call) => KEY_UPDATES.has(calleeName(call) ?? ''));
}
