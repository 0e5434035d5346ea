// Objects of another library built with a held value (`new Pool({ password: token })`, `axios.create({ headers })`,
// a connection string): they keep it for as long as they live.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  CREDENTIAL_METHODS,
  HTTP_CLIENT_KEEPERS,
  POSITIONAL_CONNECTION_SECRETS,
  refMatches,
  TOKEN_PROVIDER_OPTIONS,
} from '../knowledge/index.js';
import {
  calleeName,
  DefinitionType,
  findProperty,
  findPropertyPath,
  isFunctionNode,
  staticPropertyName,
  unwrap,
} from './ast.js';
import { connectionTermsOf } from './connection-terms.js';
import { fileIndex } from './file-index.js';
import { callbackArguments } from './function-returns.js';
import { returnedValues } from './returned-values.js';
import { spendsAtHandshake } from './handshake.js';
import { isStringLiteral, isWrittenText } from './held-text.js';
import { firstOf, MAX_LITERAL_ENTRIES, type Value, type ValueReader } from './held-value-kinds.js';
import { codeOf, type Held, heldFromCapturedToken } from './held.js';
import { localFunction } from './local-function.js';
import { constDeclarator, constInitializer } from './module-refs.js';
import { staticNumber, staticString } from './static-value.js';
import { keepsWhatItIsBuiltWith } from './value-keepers.js';

type Node = TSESTree.Node;

/** Signer options that set the lifetime of what it signs. */
const SIGNER_LIFETIME_OPTIONS: readonly string[] = ['expiresIn', 'expiresInSeconds', 'ttl', 'durationSeconds'];

/**
 * The options object of a connection a library builds (`new DataSource({ type, host, ..., password, ssl })`) is
 * routinely 10-30 settings: all of them are read, up to this many.
 */
const MAX_OPTION_ENTRIES = 48;

/** A token source whose replacement is already a per-connection password (`password: () => signer.getAuthToken()`). */
const PASSWORD_FUNCTION_PREFIX = 'password:';

/**
 * `new Pool({ password: token })`, `createClient({ password })`: an object of another library built with a
 * short-lived value keeps it for as long as the object lives; built from resolved credentials, it is a signer.
 * HTTP clients send the value instead of keeping it, and SDK objects are no-static-snapshot's.
 */
export function keptBy(
  reader: ValueReader,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  depth: number,
): Value | null {
  if (spendsAtHandshake(call, reader.refs)) return null;
  const optionsArgument = call.arguments[optionsIndex(reader, call)];
  const options = optionsArgument ? literalOptions(reader, unwrap(optionsArgument)) : null;
  const captured =
    options?.type === AST_NODE_TYPES.ObjectExpression ? capturedTokenProvider(reader, call, options) : null;
  if (captured) return captured;
  const ref = reader.refs.resolve(call.callee);
  const local = call.type === AST_NODE_TYPES.NewExpression && unwrap(call.callee).type === AST_NODE_TYPES.Identifier;
  // `new CachedToken(body.access_token, body.expires_in)`: a class of the file's own keeps what it is given.
  const positional = !ref && local && options?.type !== AST_NODE_TYPES.ObjectExpression;
  const positionalSecret = ref && POSITIONAL_CONNECTION_SECRETS.find((entry) => refMatches(ref, entry.api));
  if (positionalSecret) return keptAsPositionalSecret(reader, call, positionalSecret, depth);
  if (ref && options && options.type !== AST_NODE_TYPES.ObjectExpression)
    return (
      optionsFromHelper(reader, call, ref.module, options, depth) ??
      connectionString(reader, call, ref.module, options, depth)
    );
  if (
    !positional &&
    (options?.type !== AST_NODE_TYPES.ObjectExpression || options.properties.length > MAX_OPTION_ENTRIES)
  )
    return null;
  // `axios.create({ headers })`: an HTTP client instance keeps its default headers for every later request.
  const clientKeeps = call.type === AST_NODE_TYPES.CallExpression && isClientFactory(reader, call);
  if (!clientKeeps && !(ref ? keepsWhatItIsBuiltWith(ref.module) : local)) return null;
  const given: { argument: Node; property?: TSESTree.Property }[] = positional
    ? call.arguments.slice(0, MAX_LITERAL_ENTRIES).map((argument) => ({ argument }))
    : (options as TSESTree.ObjectExpression).properties.map((p) =>
        p.type === AST_NODE_TYPES.Property ? { argument: p.value, property: p } : { argument: p },
      );
  for (const { argument, property } of given) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const value = reader.valueOf(argument, depth);
    if (!value || value.kind === 'http' || value.promise) continue;
    if (value.kind === 'resolved') {
      if (call.type !== AST_NODE_TYPES.NewExpression || positional) continue;
      return { ...value, signer: true, expiresIn: signerLifetime(reader, options as TSESTree.ObjectExpression) };
    }
    return {
      ...insideConnection(reader, value, call, options ? [options] : []),
      keptIn: value.keptIn ?? (property ? { construction: call, property } : undefined),
    };
  }
  return null;
}

/**
 * `Client.init({ authProvider: (done) => done(null, accessToken) })` where `accessToken` is a parameter of the code
 * building the client: a token-only provider option (TOKEN_PROVIDER_OPTIONS) that hands back the same token on
 * every call. A token fetched once outside is no-static-snapshot's (capturedTokenProvider); a parameter is not.
 */
function capturedTokenProvider(
  reader: ValueReader,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  options: TSESTree.ObjectExpression,
): Held | null {
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const option = TOKEN_PROVIDER_OPTIONS.find((o) => o.option === staticPropertyName(property));
    const fn = unwrap(property.value);
    // `sasl: { oauthBearerProvider }`: one level of nested options.
    if (fn.type === AST_NODE_TYPES.ObjectExpression && options.parent === call) {
      const nested = capturedTokenProvider(reader, call, fn);
      if (nested) return nested;
    }
    if (!option || !('session' in option) || !isFunctionNode(fn)) continue;
    const handedBack =
      'callbackTokenArgument' in option
        ? callbackArguments(fn, option.callbackTokenArgument, reader.context.sourceCode)
        : returnedValues(fn);
    // The token itself, or the field of what is returned (kafkajs `{ value: token }`).
    const tokens = handedBack.flatMap((node): Node[] => {
      const inner = unwrap(node);
      return inner.type === AST_NODE_TYPES.ObjectExpression
        ? inner.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [p.value] : []))
        : [inner];
    });
    const capturesParameter = tokens.some((node) => {
      const inner = unwrap(node);
      const variable = inner.type === AST_NODE_TYPES.Identifier ? reader.refs.variableOf(inner) : null;
      const def = variable?.defs[0];
      return (
        def?.type === DefinitionType.Parameter &&
        def.node !== fn &&
        variable!.references.every((r) => !r.isWrite() || r.init)
      );
    });
    if (capturesParameter) return heldFromCapturedToken(option.option, option.session, call, reader.context);
  }
  return null;
}

/**
 * `new Pool(await this.poolConfig())`, `createClient(redisOptions())`: the options come from a function of the file
 * that returns them as an object literal (`{ ...base, password: token.token }`); what the object holds is kept by
 * the library object built from it, as with literal options.
 */
function optionsFromHelper(
  reader: ValueReader,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  module: string,
  options: Node,
  depth: number,
): Value | null {
  if (!keepsWhatItIsBuiltWith(module)) return null;
  const inner = helperCallOf(reader, options);
  if (!inner) return null;
  const fn = localFunction(inner, reader.refs, { bindings: 'written-once', thisMethods: true });
  if (!fn || !returnedValues(fn).some((n) => unwrap(n).type === AST_NODE_TYPES.ObjectExpression)) return null;
  const value = reader.valueOf(options, depth);
  if (!value || value.kind === 'http' || value.kind === 'resolved' || value.promise) return null;
  return insideConnection(reader, value, call, returnedValues(fn));
}

/** The options given after a connection string keep nothing: the string itself may (`new MongoClient(uri, opts)`). */
export function keptByConnectionString(
  reader: ValueReader,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  depth: number,
): Value | null {
  const ref = reader.refs.resolve(call.callee);
  const text = call.arguments[0];
  return ref && text && optionsIndex(reader, call) === 1
    ? connectionString(reader, call, ref.module, text, depth)
    : null;
}

/**
 * `new MongoClient(`mongodb://${key}:${secret}@host/?authMechanism=MONGODB-AWS`)`, `createClient(uri.toString())`
 * with `const uri = new URL(...)`: a connection string written with a short-lived value. The client built from it
 * authenticates each new connection with what the text says, as with an option.
 */
function connectionString(
  reader: ValueReader,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  module: string,
  text: Node,
  depth: number,
): Value | null {
  if (!keepsWhatItIsBuiltWith(module) || !isWrittenText(reader, text, 0)) return null;
  const value = reader.valueOf(text, depth);
  if (!value || value.kind === 'http' || value.kind === 'resolved' || value.promise) return null;
  return insideConnection(reader, value, call, []);
}

/** The call that makes the options: `await helper()`, or a const bound to it (`const config = await buildConfig()`). */
function helperCallOf(reader: ValueReader, options: Node): TSESTree.CallExpression | null {
  let inner = unwrap(options);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(inner, reader.context.sourceCode.getScope(inner));
    if (!init) return null;
    inner = unwrap(init);
  }
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = unwrap(inner.argument);
  return inner.type === AST_NODE_TYPES.CallExpression ? inner : null;
}

/** `config` of `new Pool(config)` when it is a local const written out as an object literal. */
function literalOptions(reader: ValueReader, node: Node): Node {
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const scope = reader.context.sourceCode.getScope(node);
  const init = constDeclarator(node, scope)?.declarator.init;
  return init && unwrap(init).type === AST_NODE_TYPES.ObjectExpression ? unwrap(init) : node;
}

function signerLifetime(reader: ValueReader, options: TSESTree.ObjectExpression): number | undefined {
  for (const name of SIGNER_LIFETIME_OPTIONS) {
    const property = findProperty(options, name);
    const seconds = property ? staticNumber(property.value, reader.context) : undefined;
    if (seconds !== undefined) return seconds;
  }
  return undefined;
}

/**
 * `new Sequelize(db, user, await signer.getAuthToken(), options)`: the password argument, unless the file renews it
 * in a `beforeConnect` hook (an option under `hooks`, or `x.beforeConnect(fn)` / `x.addHook('beforeConnect', fn)`).
 */
function keptAsPositionalSecret(
  reader: ValueReader,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  entry: (typeof POSITIONAL_CONNECTION_SECRETS)[number],
  depth: number,
): Value | null {
  // `new Sequelize(db, user, token, options)`, or a token among the options (`dialectOptions.authentication`), also
  // in the URI form `new Sequelize(uri, options)`.
  const hooks = call.arguments.length > entry.argument ? call.arguments[entry.argument + 1] : call.arguments.at(-1);
  const value = firstOf(
    [call.arguments[entry.argument], hooks && literalOptions(reader, unwrap(hooks))].filter(
      (n): n is Node => n !== undefined && n.type !== AST_NODE_TYPES.SpreadElement,
    ),
    (n) => reader.valueOf(n, depth),
  );
  if (!value || value.kind === 'http' || value.kind === 'resolved' || value.promise) return null;
  if (hooks && findPropertyPath(hooks, ['hooks', entry.renewingHook])) return null;
  const renewed = fileIndex(reader.context.sourceCode).calls.some((c) => {
    const name = calleeName(c);
    if (name === entry.renewingHook) return true;
    const first = c.arguments[0];
    return name === 'addHook' && first !== undefined && staticString(first, reader.context) === entry.renewingHook;
  });
  if (renewed) return null;
  return insideConnection(reader, value, call, hooks ? [literalOptions(reader, unwrap(hooks))] : []);
}

/**
 * A value kept by the object `call` builds: named with it, and, when that is a database connection, described by
 * how its next connection is refused and what gives each connection a fresh token (connection-terms.ts).
 */
function insideConnection(
  reader: ValueReader,
  value: Held,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  options: Node[],
): Held {
  const what = `${value.what}, inside \`${codeOf(call, reader.context)}\``;
  const signerFix = CREDENTIAL_METHODS.some(
    (m) => m.id === value.method && m.replacement.code.startsWith(PASSWORD_FUNCTION_PREFIX),
  );
  const terms = connectionTermsOf(reader.refs.resolve(call.callee), options, signerFix, reader.context);
  return terms ? { ...value, what, symptom: terms.symptom, fix: terms.fix ?? value.fix } : { ...value, what };
}

/** Where the options are: after the endpoint for `new GraphQLClient(url, options)`, else first. */
function optionsIndex(reader: ValueReader, call: TSESTree.CallExpression | TSESTree.NewExpression): number {
  if (call.arguments.length < 2) return 0;
  // `new MongoClient(uri, { auth, authMechanismProperties })`: the options written out after a connection string.
  if (isWrittenText(reader, call.arguments[0], 0) || isStringLiteral(call.arguments[0]))
    if (unwrap(call.arguments[1]).type === AST_NODE_TYPES.ObjectExpression) return 1;
  if (call.type !== AST_NODE_TYPES.NewExpression) return 0;
  const ref = reader.refs.resolve(call.callee);
  return ref && HTTP_CLIENT_KEEPERS.optionsAfterEndpoint.some((api) => refMatches(ref, api)) ? 1 : 0;
}

/** `axios.create(...)`, `got.extend(...)` (HTTP_CLIENT_KEEPERS.factories). */
export function isClientFactory(reader: ValueReader, call: TSESTree.CallExpression): boolean {
  const ref = reader.refs.resolve(call.callee);
  return ref !== null && HTTP_CLIENT_KEEPERS.factories.some((api) => refMatches(ref, api));
}
