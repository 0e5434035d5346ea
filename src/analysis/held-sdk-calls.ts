// SDK and provider calls that hand out expiring values: STS operations, credential methods, presigners, identity
// platforms' token methods, signers built from resolved credentials (all named in src/knowledge/).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  AWS_TOKEN_COMMANDS,
  AWS_V2_STS_CLIENT_MODULES,
  AWS_V2_STS_OPERATIONS,
  AWS_V3_STS_OPERATIONS,
  CREDENTIAL_METHODS,
  type CredentialMethod,
  findByApi,
  GOOGLE_GLOBAL_TOKEN_GETTERS,
  IDENTITY_PLATFORM_TOKENS,
  type IdentityPlatformToken,
  INSTANCE_TOKEN_FIELDS,
  isKnowledgeModule,
  NAMED_PRESIGNER_PATTERN,
  type Presigner,
  PRESIGNERS,
  refMatches,
} from '../knowledge/index.js';
import { DefinitionType, findPropertyPath, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { globalPath } from './global-path.js';
import { isAwaited } from './held-settling.js';
import { templateText } from './held-text.js';
import { type Resolved, type ValueReader } from './held-value-kinds.js';
import {
  type Held,
  heldFromGlobalGetter,
  heldFromIdentityPlatform,
  heldFromInstanceField,
  heldFromMethod,
  heldFromNamedPresigner,
  heldFromPresigner,
  heldFromSignedJwt,
  heldFromSigner,
  heldFromSts,
  heldFromTokenCommand,
  heldFromTokenFile,
} from './held.js';
import { shortLivedJwtOf } from './jwt-lifetime.js';
import { importedFromOwnModule } from './own-module.js';
import { projectedTokenRead } from './projected-token.js';
import { madeFromAny } from './receiver.js';
import { boundValue, sentCommand } from './sent-command.js';
import { providerFactoryOf } from './recognize.js';
import { staticNumber, staticString } from './static-value.js';

/** Names of the SDK calls that hand out expiring values: anything else is not looked up. */
const SDK_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...CREDENTIAL_METHODS.map((m) => m.method),
  ...AWS_V2_STS_OPERATIONS.map((op) => op.method ?? ''),
  ...PRESIGNERS.flatMap((p) => [p.method ?? '', p.api?.path.at(-1) ?? '']),
]);

/**
 * `fs.readFileSync('/snowflake/session/token', 'ascii')`: the text of a token file another platform keeps current
 * (PROJECTED_TOKEN_FILES.platformFiles). The kubelet's files go to SDK web-identity sources: no-static-snapshot's.
 */
export function platformTokenFile(reader: ValueReader, call: TSESTree.CallExpression): Held | null {
  const read = projectedTokenRead(call, reader.refs, reader.context.sourceCode);
  return read?.platform && read.at === call ? heldFromTokenFile(read.platform) : null;
}

/** `jwt.sign({ ..., exp: now + 180 }, key)`: a JWT the app signs to send, with the short lifetime its code gives it. */
export function shortLivedJwt(reader: ValueReader, call: TSESTree.CallExpression): Held | null {
  const jwt = shortLivedJwtOf(call, reader.refs, reader.context);
  return jwt ? heldFromSignedJwt(jwt, call, reader.context) : null;
}

/** `gapi.client.getToken()`: the token response a browser global holds now (GOOGLE_GLOBAL_TOKEN_GETTERS). */
export function globalTokenGetter(
  reader: ValueReader,
  call: TSESTree.CallExpression,
  name: string | null,
): Held | null {
  const candidates = GOOGLE_GLOBAL_TOKEN_GETTERS.filter((e) => e.global.at(-1) === name);
  if (candidates.length === 0) return null;
  const path = globalPath(call.callee, reader.refs)?.join('.');
  const entry = candidates.find((e) => e.global.join('.') === path);
  return entry ? heldFromGlobalGetter(entry, call, reader.context) : null;
}

/**
 * `getPresignedObjectUrl(key)` imported from the app's own module: a wrapper around a presigner, known by its name
 * alone (NAMED_PRESIGNER_PATTERN). A promise when awaited or `.then`-ed, else whatever the helper returns.
 */
export function namedPresigner(reader: ValueReader, call: TSESTree.CallExpression): Held | null {
  const ref = reader.refs.resolve(call.callee);
  const name = ref?.path.at(-1);
  if (!ref || name === undefined || isKnowledgeModule(ref.module) || !NAMED_PRESIGNER_PATTERN.test(name)) return null;
  return heldFromNamedPresigner(call, reader.context, isAwaited(call));
}

/** `conn.accessToken` where `conn` was made from a client class that renews the field (INSTANCE_TOKEN_FIELDS). */
export function instanceTokenField(reader: ValueReader, node: TSESTree.MemberExpression, name: string): Held | null {
  const entry = INSTANCE_TOKEN_FIELDS.find(
    (e) => e.field === name && madeFromAny(node.object, e.receivers, reader.refs) === true,
  );
  return entry ? heldFromInstanceField(entry) : null;
}

/** `data.session.provider_token`: a platform's token field, whatever object it is read from (IDENTITY_PLATFORM_TOKENS). */
export function identityField(reader: ValueReader, node: TSESTree.MemberExpression, name: string): Held | null {
  const token = IDENTITY_PLATFORM_TOKENS.find(
    (t) =>
      'field' in t &&
      t.field === name &&
      (!('readOff' in t) || readOffChain(node.object, t.readOff)) &&
      (!('importedFrom' in t) || reader.imports(t.importedFrom)),
  );
  return token ? heldFromIdentityPlatform(token, node, reader.context) : null;
}

/** `x.authState.accessToken` or `authState?.accessToken` for `['authState', 'accessToken']`: the names, last first. */
function readOffChain(object: TSESTree.Node, names: readonly string[]): boolean {
  let node = unwrap(object);
  for (let i = names.length - 1; i >= 0; i--) {
    const here =
      node.type === AST_NODE_TYPES.Identifier
        ? node.name
        : node.type === AST_NODE_TYPES.MemberExpression
          ? staticPropertyName(node)
          : null;
    if (here !== names[i]) return false;
    if (i > 0) {
      if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
      node = unwrap(node.object);
    }
  }
  return true;
}

/**
 * `await user.getIdToken()`: only awaited (or `.then`), since other SDKs have a synchronous method of the same name
 * that returns an object (amazon-cognito-identity-js `session.getIdToken()`), unless the file imports the platform.
 */
export function identityMethod(reader: ValueReader, call: TSESTree.CallExpression, name: string | null): Held | null {
  const callee = unwrap(call.callee);
  for (const token of IDENTITY_PLATFORM_TOKENS) {
    if (!('method' in token) || token.method !== name) continue;
    if ('importedFrom' in token && !reader.imports(token.importedFrom)) continue;
    if ('calledAs' in token) {
      if (isCalledAs(reader, call, token.calledAs)) return heldFromIdentityPlatform(token, call, reader.context);
      continue;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression && !('bare' in token)) continue;
    const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : null;
    if (
      'receiverProperty' in token &&
      !(receiver?.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(receiver) === token.receiverProperty)
    )
      continue;
    if (
      'receiverNames' in token &&
      !(
        receiver?.type === AST_NODE_TYPES.Identifier &&
        (token.receiverNames as readonly string[]).includes(receiver.name)
      )
    )
      continue;
    if ('synchronous' in token) return { ...heldFromIdentityPlatform(token, call, reader.context), promise: false };
    const platformPromise = 'promiseModules' in token && reader.imports(token.promiseModules);
    return isAwaited(call) || platformPromise ? heldFromIdentityPlatform(token, call, reader.context) : null;
  }
  return null;
}

/** `Office.auth.getAccessToken(…)` as the browser global, or `authentication.getAuthToken()` of the platform's module. */
function isCalledAs(
  reader: ValueReader,
  call: TSESTree.CallExpression,
  calledAs: NonNullable<IdentityPlatformToken['calledAs']>,
): boolean {
  const path = calledAs.globals?.length ? globalPath(call.callee, reader.refs)?.join('.') : undefined;
  if (path !== undefined && calledAs.globals!.some((g) => g.join('.') === path)) return true;
  const ref = calledAs.apis ? reader.refs.resolve(call.callee) : null;
  return ref !== null && calledAs.apis!.some((api) => refMatches(ref, api));
}

/** An SDK call by its method name, or by the exported name of a renamed import (`import { generateAuthToken as mint }`). */
export function sdkCallNamed(reader: ValueReader, call: TSESTree.CallExpression, name: string | null): Held | null {
  if (name !== null && SDK_METHOD_NAMES.has(name)) return sdkCall(reader, call, name);
  const callee = unwrap(call.callee);
  const exported = callee.type === AST_NODE_TYPES.Identifier ? reader.refs.resolve(callee)?.path.at(-1) : undefined;
  return exported !== undefined && exported !== name && SDK_METHOD_NAMES.has(exported)
    ? sdkCall(reader, call, exported)
    : null;
}

/** `fromNodeProviderChain()()`, `provider()` with `const provider = fromX()`: credentials resolved once. */
export function providerResolution(reader: ValueReader, call: TSESTree.CallExpression): Resolved | null {
  const found = providerFactoryOf(call.callee, reader.refs);
  if (!found) return null;
  return {
    kind: 'resolved',
    promise: true,
    signer: false,
    source: `${found.factory.api.path.at(-1)}()`,
    session: found.factory.session,
  };
}

/** `signer.authToken()` on a signer built from resolved credentials: a token that lives as long as the signer says. */
export function signedBy(reader: ValueReader, call: TSESTree.CallExpression, depth: number): Held | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = reader.valueOf(callee.object, depth);
  if (object?.kind !== 'resolved' || !object.signer || object.promise) return null;
  return { ...heldFromSigner(object.source, object.session, object.expiresIn, call, reader.context), promise: true };
}

function sdkCall(reader: ValueReader, call: TSESTree.CallExpression, name: string): Held | null {
  const sts = stsV2(reader, call, name);
  if (sts) return sts;
  const method = CREDENTIAL_METHODS.find((m) => m.method === name && methodMatches(reader, call, m));
  // The callback form of a synchronous method returns nothing: the token goes to the callback's second parameter
  // (`signer.getAuthToken(params, (err, token) => ...)`, read by callbackResult).
  if ((method?.synchronous || method?.callbackForm) && endsWithCallback(reader, call))
    return { ...heldFromMethod(method, call, reader.context), promise: true, pending: true };
  if (method) return heldFromMethod(method, call, reader.context);
  const calleeRef = reader.refs.resolve(call.callee);
  const presigner = PRESIGNERS.find((p) =>
    p.api
      ? calleeRef !== null && refMatches(calleeRef, p.api)
      : p.method === name && presignerReceiver(reader, call, p),
  );
  if (presigner && !isFunctionNode(call.arguments.at(-1) ?? call))
    return heldFromPresigner(presigner, call, reader.context);
  return null;
}

/**
 * `client.send(new AssumeRoleCommand({...}))`, `ecr.send(new GetAuthorizationTokenCommand({}))`, and the same command
 * bound to a const first (`const cmd = new AssumeRoleCommand(input); await sts.send(cmd)`), its input too.
 */
export function stsV3(reader: ValueReader, call: TSESTree.CallExpression): Held | null {
  const command = sentCommand(call.arguments[0], reader.refs);
  if (!command) return null;
  const ref = reader.refs.resolve(command.callee);
  const tokenCommand = findByApi(AWS_TOKEN_COMMANDS, ref);
  if (tokenCommand) return heldFromTokenCommand(tokenCommand);
  const operation = findByApi(AWS_V3_STS_OPERATIONS, ref);
  if (!operation) return null;
  const input = command.arguments[0] ? boundValue(command.arguments[0], reader.refs) : undefined;
  const duration = input ? findPropertyPath(input, [operation.durationParam]) : undefined;
  return heldFromSts(operation, call, duration ? staticNumber(duration.value, reader.context) : undefined, true);
}

/** `sts.assumeRole(params)` on an `AWS.STS` (the `.promise()` or callback gives the output). */
function stsV2(reader: ValueReader, call: TSESTree.CallExpression, name: string): Held | null {
  const operation = AWS_V2_STS_OPERATIONS.find((op) => op.method === name);
  const callee = unwrap(call.callee);
  if (!operation || callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const known =
    madeFromAny(callee.object, AWS_V2_STS_CLIENT_MODULES, reader.refs, { orReferenced: true }) ??
    reader.imports(operation.api.modules);
  if (!known) return null;
  const params = call.arguments[0];
  const duration = params ? findPropertyPath(boundValue(params, reader.refs), [operation.durationParam]) : undefined;
  // The bare call returns an AWS.Request: only `.promise()` or the callback yields the output.
  return {
    ...heldFromSts(operation, call, duration ? staticNumber(duration.value, reader.context) : undefined, false),
    promise: true,
    pending: true,
  };
}

function methodMatches(reader: ValueReader, call: TSESTree.CallExpression, method: CredentialMethod): boolean {
  if (method.argumentPattern) {
    const argument = call.arguments[0];
    const text = argument ? (staticString(argument, reader.context) ?? templateText(argument)) : undefined;
    if (text === undefined || !method.argumentPattern.test(text)) return false;
  }
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const ref = reader.refs.resolve(callee);
    return (
      ref !== null &&
      method.receivers.some((r) => refMatches(ref, { modules: r.modules, path: [...r.path, method.method] }))
    );
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  // The file's imports speak only for a receiver it does not show being made (`new Tokens()` of csrf is no client).
  const made = madeFromAny(callee.object, method.receivers, reader.refs, { orReferenced: true });
  return (
    made === true ||
    (made === null && reader.imports(method.gateModules)) ||
    (method.ownName === true && importedFromOwnModule(callee.object, reader.refs))
  );
}

function presignerReceiver(reader: ValueReader, call: TSESTree.CallExpression, presigner: Presigner): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const made = madeFromAny(callee.object, presigner.receivers ?? [], reader.refs, { orReferenced: true });
  return made === true || reader.imports(presigner.gateModules ?? []);
}

/** The call's last argument is a function, written there or named (a function or const of the file). */
function endsWithCallback(reader: ValueReader, call: TSESTree.CallExpression): boolean {
  const last = call.arguments.at(-1);
  if (!last) return false;
  if (isFunctionNode(last)) return true;
  if (last.type !== AST_NODE_TYPES.Identifier) return false;
  const def = reader.refs.variableOf(last)?.defs[0];
  return (
    def?.type === DefinitionType.FunctionName ||
    (def?.type === DefinitionType.Variable && def.node.init !== null && isFunctionNode(unwrap(def.node.init)))
  );
}
