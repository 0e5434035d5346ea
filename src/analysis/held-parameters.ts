// Held values that reach a parameter: from the file's own call sites, `.then` and array callbacks, v2 callbacks,
// and the callbacks a login widget or OAuth strategy calls with a token.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  GOOGLE_TOKEN_CALLBACKS,
  refMatches,
  STRATEGY_VERIFY_CALLBACKS,
  type TokenCallback,
} from '../knowledge/index.js';
import {
  calleeName,
  declaredFunctionName,
  DefinitionType,
  findProperty,
  isFunctionNode,
  patternPath,
  staticPropertyName,
  unwrap,
} from './ast.js';
import { fileIndex } from './file-index.js';
import { globalPath } from './global-path.js';
import { PROMISE_THEN, settle } from './held-settling.js';
import { constValue } from './held-text.js';
import { firstOf, type Value, type ValueReader } from './held-value-kinds.js';
import { type Held, heldFromCallback, heldFromLoginCallback, heldFromStrategyVerify } from './held.js';
import { metadataServiceRequestOf } from './http-request.js';
import { handedToCallback } from './kept-fields.js';
import { callsThatMayRun } from './local-calls.js';
import { localFunction } from './local-function.js';
import { loginCallbackOf } from './login-callback.js';
import { isConstLike } from './module-refs.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** Callers of a function of the file whose arguments are followed into its parameters. */
const MAX_CALL_SITES = 8;

/** Array methods whose callback's first parameter is an element. */
const ARRAY_ITERATORS: readonly string[] = ['map', 'flatMap', 'forEach', 'filter', 'find', 'some', 'every'];

/** The parameter of a `.then` callback: `request.then((resp) => resp.data)` gets what the promise settles to. */
export function thenParameter(reader: ValueReader, fn: Node, variable: Variable, depth: number): Value | null {
  const callee = calleeOfCallbackWith(reader, fn, variable);
  if (!callee || staticPropertyName(callee) !== PROMISE_THEN) return null;
  return settle(reader.valueOf(callee.object, depth));
}

/** The element parameter of an array callback: `urls.forEach((url) => ...)` gets what the array holds. */
export function elementParameter(reader: ValueReader, fn: Node, variable: Variable, depth: number): Value | null {
  const callee = calleeOfCallbackWith(reader, fn, variable);
  if (!callee || !ARRAY_ITERATORS.includes(staticPropertyName(callee) ?? '')) return null;
  return reader.valueOf(callee.object, depth);
}

/** `x.method(fn)` when `fn` is that call's first argument and `variable` its first parameter: the `x.method`. */
function calleeOfCallbackWith(reader: ValueReader, fn: Node, variable: Variable): TSESTree.MemberExpression | null {
  if (
    !isFunctionNode(fn) ||
    fn.params[0]?.type !== AST_NODE_TYPES.Identifier ||
    reader.refs.variableOf(fn.params[0]) !== variable
  )
    return null;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return null;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee : null;
}

/**
 * A parameter of a function of this file, given what its callers in the file pass:
 * `function saveToken(t) { cached = t; }` called as `saveToken(body.access_token)` keeps the token.
 */
export function argumentAtCallSites(reader: ValueReader, fn: Node, variable: Variable, depth: number): Value | null {
  if (!isFunctionNode(fn)) return null;
  const declared = variable.identifiers[0];
  // `function tokenConfig({ server, token })`: the parameter's place in the pattern picks the part of the argument.
  const index = fn.params.findIndex((p) => declared !== undefined && patternPath(p, declared) !== null);
  const steps = index < 0 || !declared ? null : patternPath(fn.params[index], declared);
  const name = declaredFunctionName(fn);
  if (index < 0 || name === null || !steps || steps.includes(null)) return null;
  const given: Node[] = [];
  for (const call of callsThatMayRun(fn, name, reader.context.sourceCode)) {
    const argument = call.arguments[index];
    if (given.length >= MAX_CALL_SITES || !argument || calleeName(call) !== name) continue;
    if (
      argument.type !== AST_NODE_TYPES.SpreadElement &&
      localFunction(call, reader.refs, { bindings: 'written-once', thisMethods: true }) === fn
    )
      given.push(argument);
  }
  return firstOf(given, (n) => pickedFrom(reader, n, steps as readonly string[], depth));
}

/** What the part of `node` at a destructuring path holds: a written-out property, else the member of its value. */
function pickedFrom(reader: ValueReader, node: Node, steps: readonly string[], depth: number): Value | null {
  const [first, ...rest] = steps;
  if (first === undefined) return reader.valueOf(node, depth);
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    const property = findProperty(inner, first);
    return property ? pickedFrom(reader, property.value, rest, depth) : null;
  }
  let value = reader.valueOf(node, depth);
  for (const step of steps) value = value && reader.member(value, step);
  return value;
}

/**
 * The token a browser library hands to a callback: an option (`initTokenClient({ callback: (response) => ... })`)
 * or a positional argument (`gapi.auth.authorize(params, handleAuthResult)`, the function written there or named).
 */
export function tokenCallbackParameter(reader: ValueReader, fn: Node, variable: Variable): Held | null {
  if (!isFunctionNode(fn)) return null;
  const takes = (e: TokenCallback): boolean =>
    fn.params[e.parameter]?.type === AST_NODE_TYPES.Identifier &&
    reader.refs.variableOf(fn.params[e.parameter] as TSESTree.Identifier) === variable;
  // The global, written whole or through a const alias (`const gis = window.google?.accounts?.oauth2`), not a
  // local of the same name.
  const pathOf = (call: TSESTree.CallExpression): string | undefined => globalPath(call.callee, reader.refs)?.join('.');
  const property = fn.parent;
  const options = property?.parent;
  const call = options?.parent;
  if (
    property?.type === AST_NODE_TYPES.Property &&
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === options
  ) {
    const option = staticPropertyName(property);
    const entry = GOOGLE_TOKEN_CALLBACKS.find(
      (e) => e.option !== undefined && e.option === option && pathOf(call) === e.global.join('.') && takes(e),
    );
    return entry ? heldFromCallback(entry, call, reader.context) : null;
  }
  for (const entry of GOOGLE_TOKEN_CALLBACKS) {
    if (entry.argument === undefined || !takes(entry)) continue;
    const given = callsGivenCallback(reader, fn, entry.argument).find((c) => pathOf(c) === entry.global.join('.'));
    if (given) return heldFromCallback(entry, given, reader.context);
  }
  return null;
}

/** The result a login widget hands to the file's callback: `lock.on('authenticated', (authResult) => ...)`. */
export function loginResult(reader: ValueReader, fn: Node, variable: Variable): Held | null {
  if (!isFunctionNode(fn)) return null;
  const entry = loginCallbackOf(fn, variable, reader.refs, reader.context.sourceCode);
  return entry && heldFromLoginCallback(entry);
}

/**
 * The access token an OAuth 2.0 login strategy hands to its verify function:
 * `new GoogleStrategy(options, (accessToken, refreshToken, profile, done) => ...)` (STRATEGY_VERIFY_CALLBACKS),
 * the function written there or passed by its name.
 */
export function strategyVerifyToken(reader: ValueReader, fn: Node, variable: Variable): Held | null {
  if (!isFunctionNode(fn)) return null;
  for (const construction of constructionsGiven(reader, fn)) {
    const ref = reader.refs.resolve(construction.callee);
    const entry = ref && STRATEGY_VERIFY_CALLBACKS.find((e) => e.apis.some((api) => refMatches(ref, api)));
    if (!entry) continue;
    // The options written there or bound to a const (`new GoogleStrategy(options, verify)`).
    const options = construction.arguments.length > 1 ? construction.arguments[0] : undefined;
    const requestFirst = options && findProperty(constValue(reader, unwrap(options)), entry.requestFirstOption);
    const index = requestFirst?.value.type === AST_NODE_TYPES.Literal && requestFirst.value.value === true ? 1 : 0;
    const param = fn.params[index];
    if (
      fn.params.length >= entry.minParameters + index &&
      param?.type === AST_NODE_TYPES.Identifier &&
      reader.refs.variableOf(param) === variable
    )
      return heldFromStrategyVerify(entry);
  }
  return null;
}

/** The `new X(..., fn)` constructions that take `fn` as their last argument, written there or by name. */
function constructionsGiven(reader: ValueReader, fn: TSESTree.FunctionLike): TSESTree.NewExpression[] {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.NewExpression) return parent.arguments.at(-1) === fn ? [parent] : [];
  if (declaredFunctionName(fn) === null) return [];
  return fileIndex(reader.context.sourceCode)
    .constructions.filter((c) => {
      const last = c.arguments.at(-1);
      return last?.type === AST_NODE_TYPES.Identifier && namesFunction(reader, last, fn);
    })
    .slice(0, MAX_CALL_SITES);
}

/** The data parameter of a v2 callback: `sts.assumeRole(params, (err, data) => ...)`, `metadata.request(path, (err, data) => ...)`. */
export function callbackResult(reader: ValueReader, fn: Node, variable: Variable, depth: number): Value | null {
  if (
    !isFunctionNode(fn) ||
    fn.params[1]?.type !== AST_NODE_TYPES.Identifier ||
    reader.refs.variableOf(fn.params[1]) !== variable
  )
    return null;
  const settled = firstOf(callsGivenCallback(reader, fn), (call) => {
    // `metadata.request(path, (err, body) => ...)`: the body of a request to the instance metadata service.
    const request = metadataServiceRequestOf(call, reader.context, reader.refs);
    if (request) return { kind: 'http', stage: 'body', request };
    const held = reader.valueOf(call, depth);
    return held && held.kind !== 'http' && held.kind !== 'resolved' && held.pending
      ? { ...held, promise: false, pending: false }
      : null;
  });
  if (settled) return settled;
  // A v2 callback API wrapped by the file's own function: `run((err, creds) => ...)`, `callback(null, { ... })`.
  const handed = handedToCallback(fn, fn.params[1], reader.refs, reader.context.sourceCode);
  return handed && firstOf(handed, (value) => reader.valueOf(value, depth + 1));
}

/**
 * The calls that take `fn` as their argument at `index` (the last by default): written there, or passed by the name it is declared under
 * (`const onToken = (err, payload) => ...; oauth2.authenticate(options, onToken)`).
 */
function callsGivenCallback(reader: ValueReader, fn: TSESTree.FunctionLike, index = -1): TSESTree.CallExpression[] {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) return parent.arguments.at(index) === fn ? [parent] : [];
  const name = declaredFunctionName(fn);
  if (name === null || parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property)
    return [];
  const found: TSESTree.CallExpression[] = [];
  for (const call of fileIndex(reader.context.sourceCode).calls) {
    const last = call.arguments.at(index);
    if (found.length >= MAX_CALL_SITES || last?.type !== AST_NODE_TYPES.Identifier || last.name !== name) continue;
    if (namesFunction(reader, last, fn)) found.push(call);
  }
  return found;
}

/** `name` refers to `fn`: its declaration, or a const bound to it. */
function namesFunction(reader: ValueReader, name: TSESTree.Identifier, fn: TSESTree.FunctionLike): boolean {
  const variable = reader.refs.variableOf(name);
  const def = variable?.defs[0];
  if (def?.type === DefinitionType.FunctionName) return def.node === fn;
  return (
    def?.type === DefinitionType.Variable &&
    def.node.init !== null &&
    unwrap(def.node.init) === fn &&
    isConstLike(variable!)
  );
}
