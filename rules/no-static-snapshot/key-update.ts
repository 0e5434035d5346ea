import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { KEY_UPDATE_METHODS, moduleMatches } from '../../src/knowledge/index.js';
import { type Finding, type Node, type SnapshotContext, snippet } from './context.js';
import { runsAgain } from './runs-again.js';
import { isConstantOnPlatform, sessionWords } from './session.js';
import { liveSession } from './v2-sinks.js';

/**
 * Keys handed once to a long-lived connection (`device.updateWebSocketCredentials(k, s, t)`): the connection signs
 * every reconnect with them, so it stops authenticating when their session ends. Renewed when the file hands keys
 * again (a second call), or the call runs from a timer or a reconnect/offline handler.
 */
export function checkKeysHandedOnce(call: TSESTree.CallExpression, ctx: SnapshotContext): Finding | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = staticPropertyName(callee);
  const method = KEY_UPDATE_METHODS.find((m) => m.method === name);
  if (!method || !method.modules.some((m) => [...ctx.imports].some((specifier) => moduleMatches(m, specifier))))
    return null;
  const keys = call.arguments.slice(0, method.keyArguments);
  if (keys.length < method.keyArguments) return null;
  const source = keySource(keys, ctx);
  if (!source) return null;
  const calls = fileIndex(ctx.sourceCode).calls.filter((c) => calleeName(c) === method.method);
  if (calls.length > 1 || runsAgain(call, method.renewEvents, ctx)) return null;
  return {
    node: call,
    messageId: 'keysHandedOnce',
    data: { call: `${snippet(ctx.sourceCode, callee, 40)}(...)`, what: source.what, phrase: source.phrase },
  };
}

/** The keys' origin: a live v2 credentials object's fields, or resolved credentials the engine follows. */
function keySource(keys: readonly Node[], ctx: SnapshotContext): { what: string; phrase: string } | null {
  const first = unwrap(keys[0]);
  if (first.type === AST_NODE_TYPES.MemberExpression) {
    const session = liveSession(first.object, ctx);
    if (session && isConstantOnPlatform(session, ctx)) return null;
    if (session) {
      const words = sessionWords(session, ctx.settings);
      return { what: `keys copied out of \`${snippet(ctx.sourceCode, first.object, 40)}\``, phrase: words.phrase };
    }
  }
  const held = HeldValues.for(ctx.rule, ctx.refs, ctx.imports).heldBy(keys[2]);
  if (held && (held.kind === 'aws-credentials' || held.kind === 'sts-output'))
    return { what: held.what, phrase: held.lifetime };
  return null;
}
