import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isRequestSession } from '../../src/analysis/storage-slot.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import { forEachDescendant } from '../../src/analysis/value-flow.js';
import {
  moduleMatches,
  SECRET_CARRYING_FIELDS,
  SIGN_IN_SESSIONS,
  type SignInCallback,
} from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext } from './context.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

/**
 * Credentials resolved once in a sign-in callback whose result the sign-in library stores with the user's session
 * (Auth.js `profile()`, the sign-in branch of the `jwt` callback): returned, or written into the callback's `token`,
 * they are read back on every request of a session that outlives them by days; so are keys written into the request's
 * session (`req.session.aws = keys`, express-session and the like).
 */
export function checkKeptInSignInSession(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  if (!PROVIDER_RESOLUTIONS.has(resolution.kind)) return null;
  const signIn = [...ctx.imports].some((m) => SIGN_IN_SESSIONS.modules.some((pattern) => moduleMatches(pattern, m)));
  for (const node of flow) {
    if (writesRequestSession(node) && carriesKeys(node))
      return finding(resolution, ctx, 'in a request handler', REQUEST_SESSION);
    if (!signIn) continue;
    const fn = storedBy(node);
    const callback = fn && signInCallbackOf(fn);
    if (!callback || !carriesKeys(node)) continue;
    if (callback.signInBranch && !onSignInBranch(resolution.call, fn, callback.signInBranch.parameters, ctx)) continue;
    return finding(resolution, ctx, `in the \`${callback.property}\` callback`, SIGN_IN_SESSION);
  }
  return null;
}

/** What a provider resolved (STS output or a token kept in a session is no-module-token-cache's). */
const PROVIDER_RESOLUTIONS: ReadonlySet<Resolution['kind']> = new Set([
  'provider',
  'client-provider',
  'v2-chain',
  'helper',
]);
const REQUEST_SESSION = {
  keeper: "the request's session (`req.session`)",
  again: 'before the next request once it has passed',
};
const SIGN_IN_SESSION = { keeper: SIGN_IN_SESSIONS.label, again: 'in the `jwt` callback once it has passed' };

function finding(
  resolution: Resolution,
  ctx: SnapshotContext,
  where: string,
  words: { readonly keeper: string; readonly again: string },
): Finding {
  return {
    node: resolution.reportNode,
    messageId: 'keptInSignInSession',
    data: {
      source: `\`${resolution.sourceName}\``,
      where,
      ...words,
      ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
    },
  };
}

/** `req.session.aws = keys` (REQUEST_SESSIONS): the session of the request the handler serves. */
function writesRequestSession(node: FlowNode): boolean {
  if (node.step.kind !== 'store') return false;
  const target = unwrap(node.step.target);
  return target.type === AST_NODE_TYPES.MemberExpression && isRequestSession(target.object);
}

/** The function whose result the step hands on (`return { ..., awsKeys }`) or whose `token` parameter it writes. */
function storedBy(node: FlowNode): TSESTree.FunctionLike | null {
  const { step } = node;
  if (step.kind === 'return') return step.fn;
  if (step.kind !== 'store') return null;
  let target = unwrap(step.target);
  while (target.type === AST_NODE_TYPES.MemberExpression) target = unwrap(target.object);
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  for (let p: TSESTree.Node | undefined = step.target.parent; p; p = p.parent)
    if (isFunctionNode(p)) return parameterNames(p).includes(target.name) ? p : null;
  return null;
}

/** `profile: async (profile, tokens) => ...`, `callbacks: { async jwt({ token, account }) { ... } }`. */
function signInCallbackOf(fn: TSESTree.FunctionLike): SignInCallback | null {
  const property = fn.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== fn) return null;
  const name = staticPropertyName(property);
  const holder = property.parent.parent;
  const within = holder?.type === AST_NODE_TYPES.Property ? staticPropertyName(holder) : null;
  return (
    SIGN_IN_SESSIONS.callbacks.find((c) => c.property === name && (!('within' in c) || c.within === within)) ?? null
  );
}

/** The keys themselves, or an object with them, reach the keeper: no field but a secret one read on the way. */
function carriesKeys(node: FlowNode): boolean {
  return flowPath(node).every(
    ({ step }) => step.kind !== 'field' || (step.name !== null && SECRET_CARRYING_FIELDS.has(step.name)),
  );
}

/** The resolution sits under a test of a parameter the library gives on sign-in only (`if (account) { ... }`). */
function onSignInBranch(
  call: TSESTree.Node,
  fn: TSESTree.FunctionLike,
  parameters: readonly string[],
  ctx: SnapshotContext,
): boolean {
  const names = new Set(parameterNames(fn).filter((n) => parameters.includes(n)));
  if (names.size === 0) return false;
  for (let p: TSESTree.Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    const test =
      p.type === AST_NODE_TYPES.IfStatement || p.type === AST_NODE_TYPES.ConditionalExpression
        ? p.test
        : p.type === AST_NODE_TYPES.LogicalExpression
          ? p.left
          : null;
    if (test && mentions(test, names, ctx)) return true;
  }
  return false;
}

function mentions(node: TSESTree.Node, names: ReadonlySet<string>, ctx: SnapshotContext): boolean {
  let found = false;
  forEachDescendant(node, ctx.sourceCode, (n) => {
    if (n.type === AST_NODE_TYPES.Identifier && names.has(n.name)) found = true;
    return found ? 'stop' : undefined;
  });
  return found;
}

/** The names a function's parameters bind, also destructured from its first one (`{ token, account }`). */
function parameterNames(fn: TSESTree.FunctionLike): string[] {
  return fn.params.flatMap((param) => {
    const inner = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (inner.type === AST_NODE_TYPES.Identifier) return [inner.name];
    if (inner.type !== AST_NODE_TYPES.ObjectPattern) return [];
    return inner.properties.flatMap((p) =>
      p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Identifier ? [p.value.name] : [],
    );
  });
}
