import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from './ast.js';
import { LIVE_CONNECTION_SIGNS } from '../knowledge/index.js';

const LISTENER_METHODS: ReadonlySet<string> = new Set(LIVE_CONNECTION_SIGNS.listenerMethods);
const EVENTS: ReadonlySet<string> = new Set(LIVE_CONNECTION_SIGNS.events);
const RECONNECT_OPTIONS: ReadonlySet<string> = new Set(LIVE_CONNECTION_SIGNS.reconnectOptions);

/** `conn.on('connect', ...)`: the connection event the listener is registered for, else null. */
export function connectionEventOf(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(staticPropertyName(callee) ?? ''))
    return null;
  const event = call.arguments[0];
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && EVENTS.has(event.value)
    ? event.value
    : null;
}

/** The option that makes a connection reconnect by itself (`maximumReconnectTimeMs`), among `options`. */
export function reconnectOptionOf(options: TSESTree.ObjectExpression): TSESTree.Property | null {
  const option = options.properties.find(
    (p): p is TSESTree.Property =>
      p.type === AST_NODE_TYPES.Property && RECONNECT_OPTIONS.has(staticPropertyName(p) ?? ''),
  );
  return option ?? null;
}

/**
 * What shows that the connection `built` (bound to `variable`) stays open after the call that built it and signs
 * each reconnect with what it was built with: a listener for its connection events on the variable, or a reconnect
 * option among its options. Null when neither shows.
 */
export function staysOpenSign(
  built: TSESTree.CallExpression | TSESTree.NewExpression,
  variable: TSESLint.Scope.Variable | null,
): string | null {
  const options = built.arguments[0] ? unwrap(built.arguments[0]) : null;
  const option = options?.type === AST_NODE_TYPES.ObjectExpression ? reconnectOptionOf(options) : null;
  if (option) return `\`${staticPropertyName(option)}\` makes it reconnect`;
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    const event = connectionEventOf(call);
    if (event) return `its \`${event}\` listener`;
  }
  return null;
}
