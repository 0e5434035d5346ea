import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findPropertyPath, isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { importsAnyOf, madeFromAny } from '../../src/analysis/receiver.js';
import { boundValue, sentCommand } from '../../src/analysis/sent-command.js';
import { staticNumber } from '../../src/analysis/static-value.js';
import {
  type ApiRef,
  AWS_TOKEN_COMMANDS,
  AWS_TOKEN_METHODS,
  AWS_V2_CHAIN_RESOLVERS,
  AWS_V2_MODULES,
  AWS_V2_PROMISE_METHOD,
  AWS_V2_PROVIDER_CHAIN,
  AWS_V2_STS_CLIENT_MODULES,
  AWS_V2_STS_OPERATIONS,
  AWS_V3_CLIENT_PROVIDER_PATH,
  AWS_V3_SEND_METHOD,
  AWS_V3_STS_OPERATIONS,
  CREDENTIAL_METHODS,
  CREDENTIAL_RESOLVERS,
  GENERIC_TOKEN_ENDPOINT,
  HTTP_CLIENT_GLOBALS,
  type AuthFunctionFactory,
  type CliCredentialCommand,
  type CredentialMethod,
  type CredentialResolver,
  findByApi,
  GOOGLE_TOKEN_METHODS,
  IDENTITY_PLATFORM_TOKENS,
  type IdentityPlatformToken,
  type ProviderFactory,
  refMatches,
  type StsOperation,
  type TokenPaths,
  type Yield,
  type SessionId,
} from '../../src/knowledge/index.js';
import { providerFactoryOf as recognizedFactory } from '../../src/analysis/recognize.js';
import { isV3ClientValue } from './clients.js';
import { cliRunOf } from './cli-source.js';
import { callsApi } from '../../src/analysis/api-calls.js';
import { type Held } from '../../src/analysis/held.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import { fetchesToken, type HttpRequest, httpRequestOf } from '../../src/analysis/http-request.js';
import { endpointTokenPaths } from '../../src/analysis/token-path.js';
import type { HelperOrigin } from './context.js';
import { type Node, type SnapshotContext, snippet } from './context.js';

/**
 * A call that resolves a refreshing source once:
 * - `provider`: `await P()` for a v3 provider (`fromInstanceMetadata()()`, `provider()` with `const provider = fromX()`);
 * - `client-provider`: `await client.config.credentials()`;
 * - `sts`: `await sts.send(new AssumeRoleCommand(...))`, v2 `sts.assumeRole(p).promise()` / `(p, cb)`;
 * - `google-token`: `await auth.getAccessToken()` / `getRequestHeaders()` / `fetchIdToken()`;
 * - `v2-chain`: `chain.resolve((err, creds) => ...)` / `await chain.resolvePromise()` (a live v2 object);
 * - `auth-token`: `await generateAuthToken({ region })`, `await signer.getAuthToken()` (IAM auth tokens, 15 min),
 *   `await signer.sign(request)` (a SigV4 `Authorization` header), `await ecr.send(new GetAuthorizationTokenCommand({}))`
 *   (a registry password: `command`);
 * - `helper`: `await getCreds()` imported from the app's own module that returns one of the above;
 * - `cli`: `execSync('aws sts assume-role ...')`, `execFileSync('gcloud', ['auth', 'print-access-token'])`: what a
 *   cloud CLI printed (cli-source.ts);
 * - `kept-elsewhere`: any other source the engine knows (`HeldValues`): a token method (Azure `getToken()`, MSAL,
 *   `jwt.authorize()`, gcp-metadata) or a request made by hand to a token or metadata endpoint. Kept in storage it is
 *   no-module-token-cache's; here only the keepers that rule does not follow count (resolutions.ts).
 */
export interface Resolution {
  readonly kind:
    | 'provider'
    | 'client-provider'
    | 'sts'
    | 'google-token'
    | 'auth-token'
    | 'v2-chain'
    | 'helper'
    | 'cli'
    | 'client-token'
    | 'kept-elsewhere';
  readonly call: TSESTree.CallExpression;
  /** Where a finding is reported: `await call` when awaited, else the call. */
  readonly reportNode: Node;
  /** Where the resolved value starts: the call (or `.promise()` call), or a callback's value parameter. */
  readonly valueStart: Node;
  /** `provider` / `client-provider`: the provider expression, the callee of the call. */
  readonly provider?: TSESTree.Expression;
  /** Words for messages: `fromInstanceMetadata()`, `s3.config.credentials()`, `auth.getAccessToken`. */
  readonly sourceName: string;
  readonly sessionId: SessionId;
  /** A session length the code sets (`DurationSeconds: 7200`). */
  readonly durationSeconds?: number;
  readonly sts?: { readonly operation: StsOperation; readonly input: Node | null };
  readonly token?: CredentialMethod;
  /** `auth-token` from a v3 command whose output carries a token (AWS_TOKEN_COMMANDS). */
  readonly command?: StsOperation;
  /** `helper`: an imported function of the app that returns what it resolved (helper-result.ts). */
  readonly helper?: HelperOrigin;
  /** `cli`: the command that printed the value. */
  readonly cli?: CliCredentialCommand;
  /** `kept-elsewhere`: the value, in the words messages use (what it is, when it stops working, the fix). */
  readonly held?: Held;
  /** `kept-elsewhere`: where the secret sits in the result, when it carries more (see tokenPathsOf). */
  readonly tokenPaths?: TokenPaths;
  /** `client-token`: a token for a client that keeps it (client-token.ts), in words, and the auth function behind it. */
  readonly clientToken?: { readonly label: string; readonly factory?: AuthFunctionFactory; readonly phrase?: string };
  /** `kept-elsewhere`: the request was made by hand, and its body is read with `.json()` or `.text()` on the way. */
  readonly request?: HttpRequest;
}

/** Token getters whose result is a snapshot once stored (gcp-metadata responses are caches: no-module-token-cache). */
const SNAPSHOT_TOKEN_YIELDS: readonly Yield[] = ['access-token', 'request-headers', 'id-token'];
const TOKEN_METHODS = GOOGLE_TOKEN_METHODS.filter(
  (m) => SNAPSHOT_TOKEN_YIELDS.includes(m.yields) && !m.argumentPattern,
);
const V2_STS_RECEIVERS: readonly ApiRef[] = [
  ...new Set([...AWS_V2_STS_OPERATIONS.map((op) => op.api), ...AWS_V2_STS_CLIENT_MODULES]),
];
const V2_MODULES: readonly string[] = [...AWS_V2_MODULES, ...AWS_V2_STS_CLIENT_MODULES.flatMap((api) => api.modules)];

/** Method names any resolution is called by: a cheap pre-filter for call expressions. */
const RESOLUTION_METHOD_NAMES: ReadonlySet<string> = new Set([
  AWS_V3_SEND_METHOD,
  AWS_V3_CLIENT_PROVIDER_PATH.at(-1)!,
  ...AWS_V2_STS_OPERATIONS.map((op) => op.method!),
  ...TOKEN_METHODS.map((m) => m.method),
  ...AWS_V2_CHAIN_RESOLVERS,
]);

export function resolutionOf(call: TSESTree.CallExpression, ctx: SnapshotContext): Resolution | null {
  const cli = cliResolution(call, ctx);
  if (cli) return cli;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression)
    return providerResolution(call, ctx) ?? authTokenResolution(call, null, ctx);
  const name = staticPropertyName(callee);
  if (name === null) return null;
  if (AUTH_TOKEN_METHOD_NAMES.has(name)) return authTokenResolution(call, callee, ctx);
  if (RESOLVER_NAMES.has(name)) return resolverResolution(call, ctx);
  if (!RESOLUTION_METHOD_NAMES.has(name)) return null;
  return (
    clientProviderResolution(call, callee, ctx) ??
    stsV3Resolution(call, name, ctx) ??
    stsV2Resolution(call, callee, name, ctx) ??
    tokenResolution(call, callee, name, ctx) ??
    chainResolution(call, callee, name, ctx)
  );
}

/** The resolution yields a token (words for messages), not credentials. */
export function yieldsToken(resolution: Resolution): boolean {
  if (resolution.held) return !CREDENTIAL_KINDS.includes(resolution.held.kind);
  return (
    resolution.kind === 'google-token' ||
    resolution.kind === 'auth-token' ||
    resolution.kind === 'client-token' ||
    resolution.cli?.yields === 'token'
  );
}

const CREDENTIAL_KINDS: readonly Held['kind'][] = ['aws-credentials', 'sts-output'];

/** Where the secret sits in what the resolution yields, when it carries more than the secret (else undefined). */
export function tokenPathsOf(resolution: Resolution): TokenPaths | undefined {
  return resolution.tokenPaths ?? resolution.token?.tokenPaths ?? resolution.command?.tokenPaths;
}

const KNOWN_METHOD_NAMES: ReadonlySet<string> = new Set(CREDENTIAL_METHODS.map((m) => m.method));
/** `user.getIdToken()`, `session.getAccessToken().getJwtToken()`: an identity platform's token method. */
const PLATFORM_TOKEN_METHODS: ReadonlyMap<string, IdentityPlatformToken> = new Map(
  IDENTITY_PLATFORM_TOKENS.flatMap((t): [string, IdentityPlatformToken][] => ('method' in t ? [[t.method, t]] : [])),
);

/**
 * A source `resolutionOf` does not start from, recognised by the engine's one recogniser (`HeldValues`): a token
 * method called on its client (`credential.getToken(scope)`, `msal.acquireTokenByClientCredential(request)`,
 * `jwt.authorize()`, gcp-metadata `instance('service-accounts/default/token')`), or a request made by hand to a token
 * or metadata endpoint (`fetch(imdsUrl)`, `axios.post(tokenUrl, { grant_type })`).
 */
export function keptElsewhereResolution(call: TSESTree.CallExpression, ctx: SnapshotContext): Resolution | null {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : null;
  const known = name !== null && (KNOWN_METHOD_NAMES.has(name) || PLATFORM_TOKEN_METHODS.has(name));
  const request = known ? null : handMadeRequest(call, ctx);
  if (!request && !known) return null;
  const held = HeldValues.for(ctx.rule, ctx.refs, ctx.imports).heldBy(call);
  if (!held) return null;
  const words = { call, reportNode: awaitedOrSelf(call), valueStart: call, sourceName: held.what, held };
  const platform = name !== null ? PLATFORM_TOKEN_METHODS.get(name) : undefined;
  if (platform && !held.method) {
    return {
      kind: 'kept-elsewhere',
      ...words,
      sessionId: platform.session,
      ...(platform.secretFields && { tokenPaths: platform.secretFields.map((field) => [field]) }),
    };
  }
  if (request) {
    const endpoint = request.endpoint ?? GENERIC_TOKEN_ENDPOINT;
    return {
      kind: 'kept-elsewhere',
      ...words,
      sessionId: endpoint.session,
      tokenPaths: endpointTokenPaths(endpoint),
      request,
    };
  }
  // The call itself hands out the value (not a local helper or a `.then` around it).
  const method = held.call?.node === call ? CREDENTIAL_METHODS.find((m) => m.id === held.method) : undefined;
  if (!method) return null;
  const tokenPaths = method.tokenPaths ?? method.secretFields?.map((field) => [field]);
  return {
    kind: 'kept-elsewhere',
    ...words,
    sessionId: method.session,
    token: method,
    ...(tokenPaths && { tokenPaths }),
  };
}

/** `fetch(url)` (the global, unshadowed) or an HTTP client's call that fetches a token or temporary keys. */
function handMadeRequest(call: TSESTree.CallExpression, ctx: SnapshotContext): HttpRequest | null {
  const callee = unwrap(call.callee);
  const global =
    callee.type === AST_NODE_TYPES.Identifier &&
    HTTP_CLIENT_GLOBALS.includes(callee.name) &&
    !ctx.refs.variableOf(callee)?.defs.length;
  const request = httpRequestOf(call, global, ctx.rule, ctx.refs);
  return request && fetchesToken(request) ? request : null;
}

function cliResolution(call: TSESTree.CallExpression, ctx: SnapshotContext): Resolution | null {
  const run = cliRunOf(call, ctx);
  if (!run) return null;
  return {
    kind: 'cli',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart: run.output,
    sourceName: [run.command.program, ...run.command.words].join(' '),
    sessionId: run.command.session,
    cli: run.command,
  };
}

/** The v3 factory behind a provider expression: `fromX(init)`, or a const bound to it. */
export function providerFactoryOf(
  expression: Node,
  ctx: SnapshotContext,
): { factory: ProviderFactory; call: TSESTree.CallExpression } | null {
  return recognizedFactory(expression, ctx.refs);
}

function providerResolution(call: TSESTree.CallExpression, ctx: SnapshotContext): Resolution | null {
  const found = providerFactoryOf(call.callee, ctx);
  if (!found) return resolverResolution(call, ctx);
  const { factory } = found;
  const durationNode =
    factory.durationOption && found.call.arguments[0]
      ? findPropertyPath(found.call.arguments[0], factory.durationOption)
      : undefined;
  return {
    kind: 'provider',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart: call,
    provider: call.callee,
    sourceName: `${factory.api.path.at(-1)}()`,
    sessionId: factory.session,
    durationSeconds: durationNode ? staticNumber(durationNode.value, ctx.rule) : undefined,
  };
}

/** `await awsGetCredentials()`: a wrapper library's function returning credentials it resolved (CREDENTIAL_RESOLVERS). */
function resolverResolution(call: TSESTree.CallExpression, ctx: SnapshotContext): Resolution | null {
  const resolver: CredentialResolver | undefined = findByApi(CREDENTIAL_RESOLVERS, ctx.refs.resolve(call.callee));
  if (!resolver || resolver.renewedBy?.some((api) => callsApi(api, ctx))) return null;
  return {
    kind: 'provider',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart: call,
    provider: call.callee,
    sourceName: `${resolver.api.path.at(-1)}()`,
    sessionId: resolver.session,
  };
}

function clientProviderResolution(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  ctx: SnapshotContext,
): Resolution | null {
  const [configName, credentialsName] = AWS_V3_CLIENT_PROVIDER_PATH;
  const config = unwrap(callee.object);
  if (
    staticPropertyName(callee) !== credentialsName ||
    config.type !== AST_NODE_TYPES.MemberExpression ||
    staticPropertyName(config) !== configName
  ) {
    return null;
  }
  if (!isV3ClientValue(config.object, ctx)) return null;
  return {
    kind: 'client-provider',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart: call,
    provider: call.callee,
    sourceName: `${snippet(ctx.sourceCode, call.callee)}()`,
    sessionId: 'default-chain',
  };
}

function stsV3Resolution(call: TSESTree.CallExpression, name: string, ctx: SnapshotContext): Resolution | null {
  const command = name === AWS_V3_SEND_METHOD ? sentCommand(call.arguments[0], ctx.refs) : null;
  if (!command) return null;
  const ref = ctx.refs.resolve(command.callee);
  const tokenCommand = findByApi(AWS_TOKEN_COMMANDS, ref);
  if (tokenCommand) return tokenCommandResolution(call, tokenCommand, command.arguments[0] ?? null, ctx);
  const operation = findByApi(AWS_V3_STS_OPERATIONS, ref);
  if (!operation) return null;
  return stsResolution(call, call, operation, command.arguments[0] ?? null, ctx);
}

function stsV2Resolution(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  name: string,
  ctx: SnapshotContext,
): Resolution | null {
  const operation = AWS_V2_STS_OPERATIONS.find((op) => op.method === name);
  if (!operation || !receiverIs(callee.object, V2_STS_RECEIVERS, V2_MODULES, ctx)) return null;
  const callback = call.arguments.find((a) => isFunctionNode(a)) as TSESTree.FunctionLike | undefined;
  const input = call.arguments[0] && !isFunctionNode(call.arguments[0]) ? call.arguments[0] : null;
  if (callback) return callback.params[1] ? stsResolution(call, callback.params[1], operation, input, ctx) : null;
  const promise = promiseCall(call);
  return promise ? stsResolution(call, promise, operation, input, ctx) : null;
}

/** `ecr.send(new GetAuthorizationTokenCommand({}))`: a registry token, whose output is the token and its expiry. */
function tokenCommandResolution(
  call: TSESTree.CallExpression,
  command: StsOperation,
  input: Node | null,
  ctx: SnapshotContext,
): Resolution {
  const duration = input ? findPropertyPath(boundValue(input, ctx.refs), [command.durationParam]) : undefined;
  return {
    kind: 'auth-token',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart: call,
    sourceName: command.api.path.at(-1)!,
    sessionId: command.session,
    durationSeconds: duration ? staticNumber(duration.value, ctx.rule) : undefined,
    command,
  };
}

function stsResolution(
  call: TSESTree.CallExpression,
  valueStart: Node,
  operation: StsOperation,
  input: Node | null,
  ctx: SnapshotContext,
): Resolution {
  const duration = input ? findPropertyPath(boundValue(input, ctx.refs), [operation.durationParam]) : undefined;
  return {
    kind: 'sts',
    call,
    reportNode: awaitedOrSelf(valueStart.type === AST_NODE_TYPES.CallExpression ? valueStart : call),
    valueStart,
    sourceName: operation.method ?? operation.api.path.at(-1)!,
    sessionId: operation.session,
    durationSeconds: duration ? staticNumber(duration.value, ctx.rule) : undefined,
    sts: { operation, input },
  };
}

function tokenResolution(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  name: string,
  ctx: SnapshotContext,
): Resolution | null {
  const token = TOKEN_METHODS.find(
    (m) => m.method === name && receiverIs(callee.object, m.receivers, m.gateModules, ctx),
  );
  if (!token) return null;
  return {
    kind: 'google-token',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart: call,
    sourceName: `${snippet(ctx.sourceCode, callee, 40)}`,
    sessionId: token.session,
    token,
  };
}

/** An IAM auth token: a free function of the signer module, or a method on a signer made from its class. */
function authTokenResolution(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression | null,
  ctx: SnapshotContext,
): Resolution | null {
  const ref = callee ? ctx.refs.instanceOf(callee.object) : ctx.refs.resolve(call.callee);
  if (!ref) return null;
  const name = callee ? staticPropertyName(callee) : ref.path.at(-1);
  const token = AWS_TOKEN_METHODS.find(
    (m: CredentialMethod) =>
      m.method === name &&
      m.receivers.some((r) => refMatches(ref, callee ? r : { modules: r.modules, path: [...r.path, m.method] })),
  );
  if (!token) return null;
  return {
    kind: 'auth-token',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart: call,
    sourceName: `${snippet(ctx.sourceCode, call.callee, 40)}()`,
    sessionId: token.session,
    token,
  };
}

/** `Auth.currentCredentials()`: resolvers reached as a member of an export. */
const RESOLVER_NAMES: ReadonlySet<string> = new Set(CREDENTIAL_RESOLVERS.map((r) => r.api.path.at(-1)!));
const AUTH_TOKEN_METHOD_NAMES: ReadonlySet<string> = new Set(AWS_TOKEN_METHODS.map((m: CredentialMethod) => m.method));

function chainResolution(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  name: string,
  ctx: SnapshotContext,
): Resolution | null {
  if (!(AWS_V2_CHAIN_RESOLVERS as readonly string[]).includes(name)) return null;
  const made = ctx.refs.instanceOf(callee.object);
  if (!made || !refMatches(made, AWS_V2_PROVIDER_CHAIN.api)) return null;
  // Node-style callback `(err, credentials)`, else the promise's value.
  const callback = call.arguments.find((a) => isFunctionNode(a)) as TSESTree.FunctionLike | undefined;
  const valueStart = callback ? callback.params[1] : call;
  if (!valueStart) return null;
  return {
    kind: 'v2-chain',
    call,
    reportNode: awaitedOrSelf(call),
    valueStart,
    sourceName: snippet(ctx.sourceCode, callee, 40),
    sessionId: AWS_V2_PROVIDER_CHAIN.session,
  };
}

/** A receiver made from one of `receivers`; one we cannot trace counts in a file that imports `gateModules`. */
function receiverIs(
  receiver: Node,
  receivers: readonly ApiRef[],
  gateModules: readonly string[],
  ctx: SnapshotContext,
): boolean {
  return madeFromAny(receiver, receivers, ctx.refs) ?? importsAnyOf(ctx.imports, gateModules);
}

/** v2 `request.promise()` called directly on a request. */
function promiseCall(request: TSESTree.CallExpression): TSESTree.CallExpression | null {
  const member = request.parent;
  if (
    member?.type !== AST_NODE_TYPES.MemberExpression ||
    member.object !== request ||
    staticPropertyName(member) !== AWS_V2_PROMISE_METHOD
  )
    return null;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : null;
}

function awaitedOrSelf(node: Node): Node {
  return node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : node;
}
