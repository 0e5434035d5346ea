import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, DefinitionType, enclosingFunction, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isAskableAgain, isMovable } from '../../src/analysis/edits.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import { isConstLike } from '../../src/analysis/module-refs.js';
import {
  type AskedAgainAtUse,
  COMPONENT_STATE,
  PROMISE_AWAITING_CALLBACKS,
  refMatches,
  RENEWING_TOKEN_METHODS,
} from '../../src/knowledge/index.js';
import type { Node, SnapshotContext, Suggestion } from './context.js';

/**
 * What a read of the kept token does: tests whether there is one (`if (!idToken) return`), names it as a hook's
 * dependency, stands in for the SDK's answer when it has none (`(await auth.currentUser?.getIdToken()) ?? idToken`),
 * or uses the value (sends it, hands it on).
 */
type ReadRole = 'presence' | 'dependency' | 'fallback' | 'use';

const PRESENCE_COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '===', '!==']);
const CATCH_METHOD = 'catch';

/** The reads of a token kept in a hook's state, each with its role; null for any other keeper (`this.state`, a store). */
export function readRoles(
  candidate: Candidate,
  ctx: SnapshotContext,
): { read: TSESTree.Identifier | TSESTree.JSXIdentifier; role: ReadRole }[] | null {
  // A hook's state only: an app-wide keeper (a signal, a store, the app's client) is read through its own API.
  if (candidate.slot.kind !== 'variable' || candidate.componentState !== true || candidate.appState) return null;
  return candidate.slot.variable.references
    .filter((r) => r.isRead())
    .map((r) => ({ read: r.identifier, role: roleOf(r.identifier, ctx) }));
}

function roleOf(read: Node, ctx: SnapshotContext): ReadRole {
  if (isPresenceTest(read)) return 'presence';
  if (isHookDependency(read, ctx)) return 'dependency';
  if (isFallbackOfAsk(read)) return 'fallback';
  return 'use';
}

function isPresenceTest(read: Node): boolean {
  const parent = read.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === read;
    case AST_NODE_TYPES.LogicalExpression:
      // `token && …` gives the token only when it is empty.
      return parent.operator === '&&' && parent.left === read;
    case AST_NODE_TYPES.BinaryExpression: {
      if (!PRESENCE_COMPARISONS.has(parent.operator)) return false;
      const other = parent.left === read ? parent.right : parent.left;
      return (
        (other.type === AST_NODE_TYPES.Literal && (other.value === null || other.value === '')) ||
        (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined')
      );
    }
    default:
      return false;
  }
}

function isHookDependency(read: Node, ctx: SnapshotContext): boolean {
  const list = read.parent;
  const hook = list?.parent;
  if (list?.type !== AST_NODE_TYPES.ArrayExpression || hook?.type !== AST_NODE_TYPES.CallExpression) return false;
  if (hook.arguments[COMPONENT_STATE.dependencyArgument] !== list) return false;
  const ref = ctx.refs.resolve(hook.callee);
  return ref !== null && COMPONENT_STATE.dependencyHooks.some((api) => refMatches(ref, api));
}

/** `(await <ask>) ?? token` or `await <ask>.catch(() => token)`: the SDK is asked first. */
function isFallbackOfAsk(read: Node): boolean {
  const parent = read.parent;
  if (parent?.type === AST_NODE_TYPES.LogicalExpression)
    return (
      parent.operator === '??' &&
      parent.right === read &&
      unwrap(parent.left).type === AST_NODE_TYPES.AwaitExpression &&
      isTokenAsk((unwrap(parent.left) as TSESTree.AwaitExpression).argument)
    );
  if (parent?.type !== AST_NODE_TYPES.ArrowFunctionExpression || parent.body !== read || parent.params.length > 0)
    return false;
  const catching = parent.parent;
  if (catching?.type !== AST_NODE_TYPES.CallExpression || catching.arguments[0] !== parent) return false;
  const callee = unwrap(catching.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(callee) === CATCH_METHOD &&
    isTokenAsk(callee.object) &&
    catching.parent?.type === AST_NODE_TYPES.AwaitExpression
  );
}

/** A call of one of the methods whose SDK renews the token when asked (RENEWING_TOKEN_METHODS). */
function isTokenAsk(node: Node): boolean {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(call);
  return name !== null && RENEWING_TOKEN_METHODS.includes(name);
}

/**
 * `setIdToken(await user.getIdToken())`, the token then sent from async handlers of the component: each of those
 * reads asks the SDK instead (`(await auth.currentUser?.getIdToken()) ?? idToken`, `await getAccessTokenSilently()
 * .catch(() => token)`), which answers from its cache and renews the token once it nears expiry. The state stays for
 * the presence tests, the hooks' dependencies, and as what is sent when the SDK has no user or no token, as before.
 * Only when every other read is one of those, every use is in an async function (or a callback its library awaits,
 * made async: PROMISE_AWAITING_CALLBACKS), and the SDK can be asked there the same way (the auth object or the call's names bound once, and the same at the use).
 */
export function askAtUse(candidate: Candidate, ctx: SnapshotContext): Suggestion[] {
  const asked = candidate.held.askedAgain;
  const value = unwrap(candidate.value);
  const roles = readRoles(candidate, ctx);
  // Only a hook's state is read where the rewrite asks instead; a signal's, a store's or a client's reads are not.
  if (candidate.appState !== undefined) return [];
  if (!asked || !roles || value.type !== AST_NODE_TYPES.AwaitExpression) return [];
  const call = unwrap(value.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return [];
  const uses: TSESTree.Identifier[] = [];
  // Sync callbacks whose library awaits what they return (Apollo's `setContext`): made `async` to ask there.
  const madeAsync = new Set<TSESTree.FunctionLike>();
  for (const { read, role } of roles) {
    if (role !== 'use') continue;
    const fn = read.type === AST_NODE_TYPES.Identifier ? enclosingFunction(read) : null;
    if (!fn || (!fn.async && !isPromiseAwaitingCallback(fn, ctx))) return [];
    if (!fn.async) madeAsync.add(fn);
    uses.push(read as TSESTree.Identifier);
  }
  const ask = uses.length > 0 ? askText(asked, call, uses, ctx) : null;
  if (!ask) return [];
  const state = candidate.slot.name;
  const replacement =
    asked.via === 'current-user' ? `(await ${ask}) ?? ${state}` : `await ${ask}.${CATCH_METHOD}(() => ${state})`;
  return [
    {
      messageId: 'askAtUse',
      data: {
        ask,
        state,
        fallback: asked.via === 'current-user' ? 'when no user is signed in' : 'when the SDK cannot give a token',
      },
      fix: (fixer) => [
        ...[...madeAsync].map((fn) => fixer.insertTextBefore(fn, 'async ')),
        ...uses.map((use) => {
          const parent = use.parent;
          if (parent.type === AST_NODE_TYPES.Property && parent.shorthand)
            return fixer.replaceText(parent, `${state}: ${replacement}`);
          return fixer.replaceText(use, standsAlone(use) ? replacement : `(${replacement})`);
        }),
      ],
    },
  ];
}

/** A plain function given where a library awaits what it returns each time it calls it (PROMISE_AWAITING_CALLBACKS). */
function isPromiseAwaitingCallback(fn: TSESTree.FunctionLike, ctx: SnapshotContext): boolean {
  const host = fn.parent;
  if (
    (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) ||
    fn.generator ||
    host?.type !== AST_NODE_TYPES.CallExpression
  )
    return false;
  const ref = ctx.refs.resolve(host.callee);
  return (
    ref !== null &&
    PROMISE_AWAITING_CALLBACKS.some((entry) => host.arguments[entry.argument] === fn && refMatches(ref, entry.api))
  );
}

/** The text that asks the SDK again at every use, or null when it cannot be asked the same way there. */
function askText(
  asked: AskedAgainAtUse,
  call: TSESTree.CallExpression,
  uses: readonly TSESTree.Identifier[],
  ctx: SnapshotContext,
): string | null {
  const { sourceCode } = ctx;
  if (asked.via === 'same-call')
    return uses.every((use) => isAskableAgain(call, use, sourceCode, ctx.refs)) ? sourceCode.getText(call) : null;
  const callee = unwrap(call.callee);
  if (call.arguments.length > 0 || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
  const auth = authOf(unwrap(callee.object), asked, ctx);
  if (!auth || !uses.every((use) => isStableAt(auth, use, asked, ctx))) return null;
  return `${sourceCode.getText(auth)}.${asked.userField}?.${sourceCode.getText(callee.property)}()`;
}

/**
 * The auth object whose current user the token was asked of: `auth` of `auth.currentUser.getIdToken()`, or of the
 * listener `onAuthStateChanged(auth, async (user) => … user.getIdToken() …)` whose parameter `user` is.
 */
function authOf(receiver: Node, asked: AskedAgainAtUse & { via: 'current-user' }, ctx: SnapshotContext): Node | null {
  if (receiver.type === AST_NODE_TYPES.MemberExpression)
    return staticPropertyName(receiver) === asked.userField ? unwrap(receiver.object) : null;
  if (receiver.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ctx.refs.variableOf(receiver);
  const def = variable?.defs[0];
  if (!variable || def?.type !== DefinitionType.Parameter || variable.references.some((r) => r.isWrite())) return null;
  const listener = def.node;
  if (listener.params[0] !== def.name) return null;
  const host = listener.parent;
  if (host?.type !== AST_NODE_TYPES.CallExpression || host.arguments.indexOf(listener as never) <= asked.authArgument)
    return null;
  const ref = ctx.refs.resolve(host.callee);
  if (!ref || !asked.listeners.some((api) => refMatches(ref, api))) return null;
  const auth = host.arguments[asked.authArgument];
  return auth ? unwrap(auth) : null;
}

/** The auth object's text means the same object at `use`: a name bound once, or its getter (`getAuth()`) asked again. */
function isStableAt(
  auth: Node,
  use: Node,
  asked: AskedAgainAtUse & { via: 'current-user' },
  ctx: SnapshotContext,
): boolean {
  if (auth.type === AST_NODE_TYPES.Identifier) {
    const variable = ctx.refs.variableOf(auth);
    return variable !== null && isConstLike(variable) && isMovable(auth, use, ctx.sourceCode);
  }
  if (auth.type !== AST_NODE_TYPES.CallExpression) return false;
  const ref = ctx.refs.resolve(auth.callee);
  return (
    ref !== null &&
    asked.authGetters.some((api) => refMatches(ref, api)) &&
    isAskableAgain(auth, use, ctx.sourceCode, ctx.refs)
  );
}

/** Where the replacement needs no parentheses: a whole argument, property value, element, template slot. */
function standsAlone(use: TSESTree.Identifier): boolean {
  const parent = use.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.Property:
      return parent.value === use;
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.JSXExpressionContainer:
      return true;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== use;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === use;
    default:
      return false;
  }
}
