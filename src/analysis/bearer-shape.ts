import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  HTTP_BODY_METHODS,
  HTTP_CLIENT_GLOBALS,
  LOCAL_INPUT_MODULES,
  NAMED_TOKEN_CALL_PATTERN,
  sessionOf,
  TOKEN_RESPONSE_FIELDS,
} from '../knowledge/index.js';
import {
  calleeName,
  DefinitionType,
  isFunctionNode,
  isNullish,
  patternPath,
  staticPropertyName,
  unwrap,
} from './ast.js';
import { PROMISE_THEN } from './held-settling.js';
import { sentAsCredential } from './credential-use.js';
import { findVariable } from './find-variable.js';
import { httpRequestOf } from './http-request.js';
import { lastingIssuerOfCall, lastsUntilRevoked } from './lasting-token.js';
import { codeOf, type Held } from './held.js';
import { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many const aliases, and member steps below the awaited result, are followed. */
const MAX_ALIASES = 2;
const MAX_MEMBER_STEPS = 3;

/** The OAuth access token's typical lifetime stands in for a token whose issuer the rule does not know. */
const TYPICAL = sessionOf('oauth-token');

/**
 * A token field (`access_token`, `accessToken`, `id_token`, `idToken`: TOKEN_RESPONSE_FIELDS) of what an awaited
 * call resolved to, whatever the call (`(await login()).accessToken`, `const { data } = await api.post(…);
 * data.access_token`, `const { idToken } = await session()`), written to a keeper whose reads (`reads`, asked only for such a field) spend as a
 * credential (an `Authorization` value, `auth:`, `password:`: credential-use.ts). The call's library is unknown, so
 * the name of the field and its use as a bearer credential are the evidence together; a bare `token` field names too
 * many things (CSRF, pagination, push-device tokens) to count. A token of an exchange whose tokens last until revoked
 * (Slack's `oauth.v2.access`, LASTING_TOKEN_ISSUERS) counts only where the file shows the expiring shape.
 */
export function bearerShapedToken(written: Node, reads: () => readonly Node[], context: Context): Held | null {
  const { sourceCode } = context;
  const shape = tokenFieldOfAwaitedCall(written, sourceCode, 0);
  if (
    !shape ||
    readsLocalInput(shape.call, sourceCode) ||
    asksHandedInObject(shape.call, sourceCode, 0) ||
    lastsUntilRevoked(lastingIssuerOfCall(shape.call), sourceCode) ||
    requestLastsUntilRevoked(shape.call, context) ||
    !reads().some((read) => sentAsCredential(read, sourceCode))
  )
    return null;
  const kind = /^id_?token$/i.test(shape.field ?? calleeName(shape.call)?.replace(/^[a-z]+/, '') ?? '')
    ? 'id-token'
    : 'access-token';
  return {
    kind,
    what: `${kind === 'id-token' ? 'an ID token' : 'an access token'} (${shape.field === null ? 'what' : `\`${shape.field}\` of`} \`await ${codeOf(shape.call, context)}\`${shape.field === null ? ' resolves to' : ''}, sent as a credential)`,
    lifetime:
      "when its issuer's lifetime for it ends (typically 1 h for an OAuth access token; nothing in the code says how long it lives)",
    seconds: TYPICAL.seconds,
    symptom: 'oauth',
    fix: "Keep its expiry with it (the response's `expires_in`, or the token's `exp` claim) and get a new one before it passes, or ask the library that issued it at each use if it renews tokens itself",
    promise: false,
  };
}

interface Shape {
  /** The token field read off the result, or null when the call's name says it resolves to the token itself. */
  readonly field: string | null;
  readonly call: TSESTree.CallExpression;
}

function tokenFieldOfAwaitedCall(node: Node, sourceCode: SourceCode, aliases: number): Shape | null {
  const inner = keptBranch(unwrap(node));
  if (inner.type === AST_NODE_TYPES.AwaitExpression) {
    // `await auth.getAccessToken()` of an object of another module: the call's name says what it resolves to.
    const call = unwrap(inner.argument);
    return call.type === AST_NODE_TYPES.CallExpression && isNamedTokenCall(call, sourceCode)
      ? { field: null, call }
      : null;
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const field = staticPropertyName(inner);
    if (field === null) return null;
    const call = awaitedCallUnder(inner.object, sourceCode, 0);
    // A bare `token` field counts on the result of a call named for a token (`(await getInstallationAccessToken()).token`).
    const named = field === 'token' && call !== null && isNamedTokenCall(call, sourceCode);
    return call && (TOKEN_RESPONSE_FIELDS.has(field) || named) ? { field, call } : null;
  }
  if (inner.type !== AST_NODE_TYPES.Identifier || aliases > MAX_ALIASES) return null;
  const variable = findVariable(sourceCode.getScope(inner), inner);
  const def = variable?.defs[0];
  // `iam.getToken(key).then((t) => { kept = t; })`: the callback's parameter is what the named call resolves to.
  const settled = def?.type === DefinitionType.Parameter ? thenReceiverOf(def.node, inner.name) : null;
  if (settled) return isNamedTokenCall(settled, sourceCode) ? { field: null, call: settled } : null;
  if (variable?.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init)
    return null;
  if (def.node.id.type === AST_NODE_TYPES.Identifier)
    return tokenFieldOfAwaitedCall(def.node.init, sourceCode, aliases + 1);
  // `const { accessToken } = await login()`, `const { data: { access_token } } = await axios.post(…)`.
  const field = def.name.type === AST_NODE_TYPES.Identifier ? patternPath(def.node.id, def.name)?.at(-1) : undefined;
  if (typeof field !== 'string' || !TOKEN_RESPONSE_FIELDS.has(field)) return null;
  const call = awaitedCallUnder(def.node.init, sourceCode, 0);
  return call && { field, call };
}

/** The call whose awaited result `node` is, or a field a few steps down of it (`(await r.json()).data`, a const bound to it). */
function awaitedCallUnder(node: Node, sourceCode: SourceCode, aliases: number): TSESTree.CallExpression | null {
  let inner = unwrap(node);
  for (let step = 0; inner.type === AST_NODE_TYPES.MemberExpression && step < MAX_MEMBER_STEPS; step++)
    inner = unwrap(inner.object);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) {
    const call = unwrap(inner.argument);
    return call.type === AST_NODE_TYPES.CallExpression ? call : null;
  }
  if (inner.type !== AST_NODE_TYPES.Identifier || aliases > MAX_ALIASES) return null;
  const variable = findVariable(sourceCode.getScope(inner), inner);
  const def = variable?.defs[0];
  // `api.post(url).then((res) => { kept = res.data.access_token; })`: the parameter is the call's settled result.
  if (def?.type === DefinitionType.Parameter) return thenReceiverOf(def.node, inner.name);
  if (
    variable?.defs.length !== 1 ||
    def?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    def.node.id.type !== AST_NODE_TYPES.Identifier ||
    !def.node.init
  )
    return null;
  return awaitedCallUnder(def.node.init, sourceCode, aliases + 1);
}

/**
 * The awaited call is a hand-made request to an exchange whose token lasts until revoked (`axios.post(url)`), or reads
 * the body of one (`res.json()` with `const res = await fetch(url)`): http-request.ts flags such a request.
 */
function requestLastsUntilRevoked(call: TSESTree.CallExpression, context: Context): boolean {
  const refs = ModuleRefs.for(context.sourceCode);
  const lasts = (request: TSESTree.CallExpression) => {
    const callee = unwrap(request.callee);
    const global =
      callee.type === AST_NODE_TYPES.Identifier &&
      HTTP_CLIENT_GLOBALS.includes(callee.name) &&
      !refs.variableOf(callee)?.defs.length;
    return httpRequestOf(request, global, context, refs)?.lastsUntilRevoked === true;
  };
  if (lasts(call)) return true;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !HTTP_BODY_METHODS.includes(staticPropertyName(callee) ?? ''))
    return false;
  const receiver = unwrap(callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const def = refs.variableOf(receiver)?.defs[0];
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : null;
  const made = init?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : null;
  return made?.type === AST_NODE_TYPES.CallExpression && lasts(made);
}

/** `await fs.readJson(configPath)`, `await inquirer.prompt(...)`: a value the app or its user holds (LOCAL_INPUT_MODULES). */
function readsLocalInput(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const ref = ModuleRefs.for(sourceCode).resolve(call.callee);
  return ref !== null && LOCAL_INPUT_MODULES.has(ref.module);
}

/**
 * The call goes to an object handed in to the function (`request.post(…)` with `request` a parameter, also through
 * `const res = await request.post(…); res.json()`): who issues the token may differ per call, and such helpers are
 * per-run fixtures (a test's `request` context) as often as long-lived code, so the shape alone does not tell.
 */
function asksHandedInObject(call: TSESTree.CallExpression, sourceCode: SourceCode, aliases: number): boolean {
  let root = unwrap(call.callee);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression)
    root = unwrap(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  if (root.type === AST_NODE_TYPES.AwaitExpression) {
    const inner = unwrap(root.argument);
    return inner.type === AST_NODE_TYPES.CallExpression && asksHandedInObject(inner, sourceCode, aliases);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode.getScope(root), root);
  const def = variable?.defs[0];
  if (def?.type === DefinitionType.Parameter) return true;
  if (aliases >= MAX_ALIASES || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const init = unwrap(def.node.init);
  const origin = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : init;
  return origin.type === AST_NODE_TYPES.CallExpression && asksHandedInObject(origin, sourceCode, aliases + 1);
}

/**
 * A call named for a token (NAMED_TOKEN_CALL_PATTERN) to something the file does not define: a function or method of
 * the file's own (`this.getAccessToken()`, a local `getAuthToken()`) is followed by HeldValues when it can be, and
 * may as well return a static key.
 */
function isNamedTokenCall(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const name = calleeName(call);
  if (name === null || !NAMED_TOKEN_CALL_PATTERN.test(name)) return false;
  const callee = unwrap(call.callee);
  // `this.getAccessToken()` is a method of the class itself; `this.auth.getAccessToken()` asks an object it holds.
  if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression)
    return false;
  let root = callee;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return true;
  const definition = findVariable(sourceCode.getScope(root), root)?.defs[0];
  if (callee === root) return definition === undefined || definition.type === DefinitionType.ImportBinding;
  // `tokens.getAccessToken()` on an object literal of the file, or on an instance of one of its classes.
  const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init;
  const made = init ? unwrap(init) : null;
  if (made?.type === AST_NODE_TYPES.ObjectExpression) return false;
  if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee.type !== AST_NODE_TYPES.Identifier) return true;
  const madeBy = findVariable(sourceCode.getScope(made.callee), made.callee)?.defs[0];
  return madeBy?.type !== DefinitionType.ClassName;
}

/** The call `fn` is handed to as `call.then(fn)`, when `name` is `fn`'s first parameter. */
function thenReceiverOf(fn: Node, name: string): TSESTree.CallExpression | null {
  if (!isFunctionNode(fn)) return null;
  const first = fn.params[0];
  if (first?.type !== AST_NODE_TYPES.Identifier || first.name !== name) return null;
  const then = fn.parent;
  if (then?.type !== AST_NODE_TYPES.CallExpression || then.arguments[0] !== fn) return null;
  const callee = unwrap(then.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== PROMISE_THEN) return null;
  const receiver = unwrap(callee.object);
  return receiver.type === AST_NODE_TYPES.CallExpression ? receiver : null;
}

/** `v ?? null`, `v || ''`, `ok ? v : null`: the branch that is not empty. */
function keptBranch(node: Node): Node {
  if (node.type === AST_NODE_TYPES.LogicalExpression && isEmpty(node.right)) return unwrap(node.left);
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    if (isEmpty(node.alternate)) return unwrap(node.consequent);
    if (isEmpty(node.consequent)) return unwrap(node.alternate);
  }
  return node;
}

function isEmpty(node: Node): boolean {
  const inner = unwrap(node);
  return isNullish(inner) || (inner.type === AST_NODE_TYPES.Literal && inner.value === '');
}
