import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { projectedTokenRead } from './projected-token.js';
import { shortLivedJwtOf } from './jwt-lifetime.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  calleeName,
  declaredFunctionName,
  DefinitionType,
  enclosingFunction,
  findProperty,
  findPropertyPath,
  isFunctionNode,
  patternPath,
  staticPropertyName,
  unwrap,
} from './ast.js';
import { isExpiryName } from './expiry-terms.js';
import { localFunction } from './local-function.js';
import { isHandedOverWithRefreshToken } from './renewing-options.js';
import { constDeclarator, constInitializer, isConstLike, type ModuleRefs } from './module-refs.js';
import { staticNumber, staticString } from './static-value.js';
import { declaredNames } from './storage-slot.js';
import { fileIndex } from './file-index.js';
import { callsThatMayRun } from './local-calls.js';
import { forEachDescendant } from './value-flow.js';
import { isPromiseCombinator, keepsWhatItIsBuiltWith } from './value-keepers.js';
import { spendsAtHandshake } from './handshake.js';
import { importedFromOwnModule } from './own-module.js';
import { loginCallbackOf } from './login-callback.js';
import { globalPath } from './global-path.js';
import {
  AWS_TOKEN_COMMANDS,
  AWS_V3_URL_FORMATTERS,
  AWS_V2_STS_CLIENT_MODULES,
  AWS_V2_STS_OPERATIONS,
  AWS_V3_STS_OPERATIONS,
  CONNECTING_METHODS,
  CREDENTIAL_METHODS,
  type CredentialMethod,
  EKS_TOKEN,
  GOOGLE_TOKEN_CALLBACKS,
  GOOGLE_GLOBAL_TOKEN_GETTERS,
  type TokenCallback,
  findByApi,
  HTTP_BODY_METHODS,
  HTTP_BODY_PROPERTIES,
  HTTP_BUILDER_METHODS,
  NODE_HTTP_MODULES,
  HTTP_CLIENT_GLOBALS,
  HTTP_CLIENT_KEEPERS,
  POSITIONAL_CONNECTION_SECRETS,
  HTTP_CLIENTS,
  IDENTITY_PLATFORM_TOKENS,
  type IdentityPlatformToken,
  IDENTITY_TOKEN_FIELDS,
  isKnowledgeModule,
  isRdsTokenVariable,
  NAMED_PRESIGNER_PATTERN,
  PRESIGNED_URL_FIELD_PATTERN,
  PRESIGNERS,
  type Presigner,
  refMatches,
  TOKEN_PROVIDER_OPTIONS,
  TOKEN_RESPONSE_FIELDS,
  TOKEN_RESPONSE_PLAIN_FIELDS,
  STRATEGY_VERIFY_CALLBACKS,
  URL_FRAGMENT_TOKENS,
  INSTANCE_TOKEN_FIELDS,
  type SessionId,
} from '../knowledge/index.js';
import {
  codeOf,
  type Held,
  heldFromCallback,
  heldFromLoginCallback,
  heldFromCapturedToken,
  heldFromEksToken,
  heldFromEnvironmentToken,
  heldFromTokenFile,
  heldFromSignedJwt,
  heldFromEndpoint,
  heldFromIdentityPlatform,
  heldFromMethod,
  heldFromNamedPresigner,
  heldFromPresigner,
  heldFromResponseShape,
  heldFromSigner,
  heldFromSts,
  heldFromStrategyVerify,
  heldFromGlobalGetter,
  heldFromUrlFragment,
  heldFromInstanceField,
  heldFromTokenCommand,
  heldFromTokenField,
} from './held.js';
import { providerFactoryOf } from './recognize.js';
import { handedToCallback } from './kept-fields.js';
import { promiseResolutions } from './promise-executor.js';
import { connectionTermsOf } from './connection-terms.js';
import { importsAnyOf, madeFromAny } from './receiver.js';
import {
  fetchesToken,
  type HttpRequest,
  httpRequestOf,
  metadataServiceRequestOf,
  withBuilderCall,
} from './http-request.js';
import { lifetimeDestructuredBeside, lifetimeReadBeside } from './token-shape.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

const SHARED_VALUES = new WeakMap<object, HeldValues>();

/** A hand-written HTTP request on its way to a token: the response, then its body. */
interface Http {
  readonly kind: 'http';
  readonly stage: 'response' | 'body';
  readonly request: HttpRequest;
  /** The body passed through a helper we cannot see (`decrypt(res.data)`): only its token fields are known. */
  readonly opaque?: boolean;
}

/**
 * Credentials resolved once from a v3 provider (`await fromNodeProviderChain()()`), followed only to see what is
 * built from them: a signer of the file's own (`new TokenSigner({ credentials })`) whose methods mint tokens. The
 * credentials themselves are no-static-snapshot's to report.
 */
interface Resolved {
  readonly kind: 'resolved';
  readonly promise: boolean;
  readonly signer: boolean;
  readonly source: string;
  readonly session: SessionId;
  /** A lifetime in seconds given to the signer (`expiresIn: 900`). */
  readonly expiresIn?: number;
}

type Value = Held | Http | Resolved;
/** The expressions `compute` can find a value in; any other holds none. */
const CARRIERS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
]);
/** Signer options that set the lifetime of what it signs. */
const SIGNER_LIFETIME_OPTIONS: readonly string[] = ['expiresIn', 'expiresInSeconds', 'ttl', 'durationSeconds'];

// Each await, call, member read and binding is one step: a fetch, its `.json()`, a local and a field is already 7; a
// token three option levels deep in a connection built by a helper from another helper's result is 14.
const MAX_DEPTH = 16;
const MAX_LITERAL_ENTRIES = 8;
/**
 * The options object of a connection a library builds (`new DataSource({ type, host, ..., password, ssl })`) is
 * routinely 10-30 settings: all of them are read, up to this many.
 */
const MAX_OPTION_ENTRIES = 48;
/** Callers of a function of the file whose arguments are followed into its parameters. */
const MAX_CALL_SITES = 8;
/** Names of the SDK calls that hand out expiring values: anything else is not looked up. */
const SDK_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...CREDENTIAL_METHODS.map((m) => m.method),
  ...AWS_V2_STS_OPERATIONS.map((op) => op.method ?? ''),
  ...PRESIGNERS.flatMap((p) => [p.method ?? '', p.api?.path.at(-1) ?? '']),
]);
const INSTANCE_TOKEN_FIELD_NAMES: ReadonlySet<string> = new Set(INSTANCE_TOKEN_FIELDS.map((e) => e.field));
const CLIENT_FACTORY_NAMES: ReadonlySet<string> = new Set(
  HTTP_CLIENT_KEEPERS.factories.map((api) => api.path.at(-1) ?? ''),
);
const HTTP_CLIENT_MODULES: readonly string[] = [...new Set(HTTP_CLIENTS.flatMap((api) => api.modules))];
const PROMISE_THEN = 'then';
/** A token source whose replacement is already a per-connection password (`password: () => signer.getAuthToken()`). */
const PASSWORD_FUNCTION_PREFIX = 'password:';
/** `p.catch(onError)`, `p.finally(cb)`: the promise settles to the same value when the request succeeds. */
const PROMISE_PASS_THROUGH: readonly string[] = ['catch', 'finally'];
/** Array methods whose callback returns the new elements, and those whose callback's first parameter is an element. */
const ARRAY_MAPPERS: readonly string[] = ['map', 'flatMap'];
const ARRAY_ITERATORS: readonly string[] = ['map', 'flatMap', 'forEach', 'filter', 'find', 'some', 'every'];
const JSON_GLOBAL = 'JSON';
const JSON_PARSE = 'parse';
/** `https.request(o, (res) => { res.on('end', () => JSON.parse(data)) })`: the parse sits two callbacks deep. */
const MAX_CALLBACK_NESTING = 3;
const V2_PROMISE = 'promise';
/**
 * `sasParameters.toString()`, `url.toString()`: the same value as text; `formatUrl(req).replace('https://', '')`
 * strips a scheme and keeps the signature.
 */
const TEXT_KEEPING_METHODS: readonly string[] = ['toString', 'replace', 'replaceAll', 'trim'];

/**
 * Says what an expression holds when that is a token or temporary credential: follows awaits, member reads,
 * destructuring, locals, object/template wrappers, `.then()`, and the return values of functions in the file.
 * One per file; results are memoized per node.
 */
/**
 * The token field whose value a fragment regex captures first: `/access_token=([^&]+)/` → `access_token`; none for
 * `/state=([^&]+)&access_token/`, whose match is the state.
 */
function capturedField(pattern: string): string | undefined {
  const group = /(?<!\\)\((?!\?)/.exec(pattern);
  const before = group ? pattern.slice(0, group.index) : '';
  return [...TOKEN_RESPONSE_FIELDS].find((f) => before.endsWith(`${f}=`));
}

function isStringLiteral(node: Node): boolean {
  const inner = unwrap(node);
  return (
    (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') ||
    (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0)
  );
}

/** The global URL class, its text field, and how many consts a connection string is followed through. */
const URL_CLASS = 'URL';
const URL_TEXT_FIELD = 'href';
const MAX_TEXT_HOPS = 3;

export class HeldValues {
  private readonly memo = new Map<Node, Value | null>();
  private readonly bindings = new Map<Variable, Value>();
  private httpClientImported: boolean | undefined;
  constructor(
    private readonly context: Context,
    private readonly refs: ModuleRefs,
    private readonly specifiers: ReadonlySet<string>,
  ) {}

  /** The one instance for a file, shared by the rules (what a node holds depends on the file alone). */
  static for(context: Context, refs: ModuleRefs, specifiers: ReadonlySet<string>): HeldValues {
    let values = SHARED_VALUES.get(context.sourceCode);
    if (!values) {
      values = new HeldValues(context, refs, specifiers);
      SHARED_VALUES.set(context.sourceCode, values);
    }
    return values;
  }

  /** What `node` holds, or null when it is not (known to be) an expiring value. */
  heldBy(node: Node): Held | null {
    return settleHttp(this.valueOf(node, 0));
  }

  /** What a function of the file returns, when that is an expiring value (`async () => (await r.json()).access_token`). */
  returnedBy(fn: TSESTree.FunctionLike): Held | null {
    return settleHttp(firstOf(returnedValues(fn), (n) => this.valueOf(n, 0)));
  }

  /** What the part of `value` that a destructuring `path` picks holds: `const { Credentials: c } = await sts.send(...)`. */
  heldAtPath(value: Node, path: readonly string[]): Held | null {
    let current = this.valueOf(value, 0);
    for (const name of path) current = current && this.member(current, name);
    return settleHttp(current);
  }

  private valueOf(node: Node, depth: number): Value | null {
    if (depth > MAX_DEPTH) return null;
    const inner = unwrap(node);
    // Literals, functions and the like hold nothing, and most names are globals or module-level names read at module
    // level (see identifier): answered before the memo, which would otherwise keep an entry for each of them.
    if (!CARRIERS.has(inner.type) || (inner.type === AST_NODE_TYPES.Identifier && this.isUnfollowedName(inner)))
      return null;
    if (this.memo.has(inner)) return this.memo.get(inner) ?? null;
    this.memo.set(inner, null); // guards recursion
    const value = this.compute(inner, depth);
    this.memo.set(inner, value);
    return value;
  }

  private compute(node: Node, depth: number): Value | null {
    const next = depth + 1;
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return settle(this.valueOf(node.argument, next));
      case AST_NODE_TYPES.CallExpression:
        return this.call(node, next);
      case AST_NODE_TYPES.NewExpression: {
        // `new Promise((resolve) => api.call(params, (err, data) => resolve(data.token)))`: a promise of the value.
        const resolved = firstOf(promiseResolutions(node, this.refs), (n) => this.valueOf(n, next));
        return resolved
          ? asPromise(settle(resolved) ?? resolved)
          : (this.keptBy(node, next) ?? this.keptByConnectionString(node, next));
      }
      case AST_NODE_TYPES.MemberExpression: {
        const object = this.valueOf(node.object, next);
        const name = staticPropertyName(node);
        if (!object && name !== null && IDENTITY_TOKEN_FIELDS.has(name)) return this.identityField(node, name);
        if (!object && name !== null && isRdsTokenVariable(name) && this.isProcessEnv(node.object))
          return heldFromEnvironmentToken(name);
        if (!object && name !== null && INSTANCE_TOKEN_FIELD_NAMES.has(name)) {
          const field = this.instanceTokenField(node, name);
          if (field) return field;
        }
        if (!object && name !== null) {
          const lifetime = lifetimeReadBeside(node, this.context.sourceCode);
          if (lifetime !== null) return heldFromResponseShape(name, lifetime);
        }
        // `{ presignedUrl }` of an unknown object or of any response body.
        if (
          (!object || (object.kind === 'http' && object.stage === 'body')) &&
          PRESIGNED_URL_FIELD_PATTERN.test(name ?? '')
        )
          return heldFromNamedPresigner(node, this.context, false);
        return object && name !== null ? this.member(object, name) : null;
      }
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node, next);
      case AST_NODE_TYPES.ObjectExpression:
        // A header map or `{ token, expiresAt }` is small; large literals are tables of functions and settings.
        if (node.properties.length > MAX_LITERAL_ENTRIES || isHandedOverWithRefreshToken(node)) return null;
        return firstOf(
          node.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? p.value : p.argument)),
          (n) => this.valueOf(n, next),
        );
      case AST_NODE_TYPES.ArrayExpression:
        if (node.elements.length > MAX_LITERAL_ENTRIES) return null;
        return firstOf(
          node.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null),
          (n) => this.valueOf(n.type === AST_NODE_TYPES.SpreadElement ? n.argument : n, next),
        );
      case AST_NODE_TYPES.TemplateLiteral:
        if ((node.quasis[0]?.value.cooked ?? '').startsWith(EKS_TOKEN.prefix)) return heldFromEksToken();
        return settleHttp(firstOf(node.expressions, (n) => this.valueOf(n, next)));
      case AST_NODE_TYPES.BinaryExpression:
        // String concatenation (`'Bearer ' + token`) carries the token; arithmetic (`Date.now() + expires_in`) does not.
        if (node.operator !== '+') return null;
        if (startsWithEksPrefix(node)) return heldFromEksToken();
        if (!isStringy(node.left) && !isStringy(node.right)) return null;
        return settleHttp(this.valueOf(node.left, next) ?? this.valueOf(node.right, next));
      case AST_NODE_TYPES.ConditionalExpression:
        return this.valueOf(node.consequent, next) ?? this.valueOf(node.alternate, next);
      case AST_NODE_TYPES.LogicalExpression:
        return this.valueOf(node.right, next) ?? (node.operator === '&&' ? null : this.valueOf(node.left, next));
      default:
        return null;
    }
  }

  /**
   * The element at `index` of an array literal, or of the array `await Promise.all([...])` settles to; undefined when
   * the array is not written out (then every element reads as the array's value).
   */
  private arrayElement(init: Node, index: number, depth: number): Value | null | undefined {
    const inner = unwrap(init);
    const awaited = inner.type === AST_NODE_TYPES.AwaitExpression ? unwrap(inner.argument) : null;
    if (awaited?.type === AST_NODE_TYPES.CallExpression && this.isPromiseCombinator(awaited.callee)) {
      const list = awaited.arguments[0] ? unwrap(awaited.arguments[0]) : null;
      if (list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
      const element = list.elements[index];
      return element && element.type !== AST_NODE_TYPES.SpreadElement ? settle(this.valueOf(element, depth)) : null;
    }
    if (inner.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const element = inner.elements[index];
    return element && element.type !== AST_NODE_TYPES.SpreadElement ? this.valueOf(element, depth) : null;
  }

  /** `Promise.all` / `Promise.race` / `Promise.any` of the global `Promise`: a promise of what the array holds. */
  private isPromiseCombinator(callee: Node): boolean {
    return isPromiseCombinator(callee, this.refs);
  }

  private member(object: Value, name: string): Value | null {
    if (object.kind === 'resolved') return object.promise || object.signer || isExpiryName(name) ? null : object;
    if (object.kind === 'http') {
      if (object.stage === 'response') return HTTP_BODY_PROPERTIES.includes(name) ? { ...object, stage: 'body' } : null;
      if (TOKEN_RESPONSE_FIELDS.has(name)) return heldFromTokenField(object.request.endpoint, name);
      return isExpiryName(name) || object.opaque || TOKEN_RESPONSE_PLAIN_FIELDS.has(name) ? null : object;
    }
    if (object.promise || isExpiryName(name)) return null;
    if (object.kind === 'token-response' && TOKEN_RESPONSE_PLAIN_FIELDS.has(name)) return null;
    if (object.secretFields)
      return object.secretFields.includes(name) ? { ...object, secretFields: undefined, fieldsOnly: undefined } : null;
    return object;
  }

  /** Globals, and module-level names read at module level, are not followed (see identifier): no lookup needed. */
  private isUnfollowedName(identifier: TSESTree.Identifier): boolean {
    const names = declaredNames(this.context.sourceCode);
    return (
      !names.anywhere.has(identifier.name) ||
      (names.moduleLevel.has(identifier.name) && enclosingFunction(identifier) === null)
    );
  }

  private identifier(identifier: TSESTree.Identifier, depth: number): Value | null {
    if (this.isUnfollowedName(identifier)) return null;
    const variable = this.refs.variableOf(identifier);
    if (!variable) return null;
    const bound = this.bindings.get(variable);
    if (bound) return bound;
    // Another module-level variable is storage of its own: what it holds is reported at its declaration. Read in the
    // function that has just written it (`pool = new Pool({ password }); db = drizzle({ client: pool })`), it is
    // that write's value, handed on to what is built from it.
    if (variable.scope.block.type === AST_NODE_TYPES.Program)
      return this.writtenJustBefore(identifier, variable, depth);
    const def = variable.defs[0];
    if (def?.type === DefinitionType.Parameter)
      return (
        this.thenParameter(def.node, variable, depth) ??
        this.elementParameter(def.node, variable, depth) ??
        this.callbackResult(def.node, variable, depth) ??
        this.tokenCallbackParameter(def.node, variable) ??
        this.loginResult(def.node, variable) ??
        this.strategyVerifyToken(def.node, variable) ??
        this.argumentAtCallSites(def.node, variable, depth)
      );
    if (def?.type !== DefinitionType.Variable) return null;
    if (def.node.init && def.node.id.type !== AST_NODE_TYPES.Identifier) {
      let steps = patternPath(def.node.id, def.name) ?? [];
      // `const [password, host] = await Promise.all([signer.getAuthToken(), lookup()])`: only the matching element.
      const element =
        def.node.id.type === AST_NODE_TYPES.ArrayPattern
          ? this.arrayElement(def.node.init, positionOf(def.node.id, def.name), depth)
          : undefined;
      let value = element === undefined ? this.valueOf(def.node.init, depth) : element;
      if (element !== undefined) steps = steps.slice(1);
      for (const step of steps) value = value && (step === null ? value : this.member(value, step));
      const lifetime = value ? null : lifetimeDestructuredBeside(def.name);
      return lifetime !== null ? heldFromResponseShape(steps.at(-1) ?? def.name.name, lifetime) : value;
    }
    // A local written more than once (`let data; ... data = await r.json()`): any of its values.
    const writes = variable.references.filter((r) => r.writeExpr).map((r) => r.writeExpr as Node);
    return firstOf(writes, (w) => this.valueOf(w, depth));
  }

  /** The value a module-level variable got earlier in the same function as `identifier` reads it. */
  private writtenJustBefore(identifier: TSESTree.Identifier, variable: Variable, depth: number): Value | null {
    const fn = enclosingFunction(identifier);
    if (!fn) return null;
    const writes = variable.references
      .filter(
        (r) => r.writeExpr && r.identifier.range[1] <= identifier.range[0] && enclosingFunction(r.identifier) === fn,
      )
      .map((r) => r.writeExpr as Node);
    return firstOf(writes, (w) => this.valueOf(w, depth));
  }

  private call(call: TSESTree.CallExpression, depth: number): Value | null {
    const callee = unwrap(call.callee);
    const name = calleeName(call);
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== null) {
      if (name === PROMISE_THEN) return this.then(call, callee.object, depth);
      if (PROMISE_PASS_THROUGH.includes(name)) return this.valueOf(callee.object, depth);
      if (TEXT_KEEPING_METHODS.includes(name)) return this.asText(callee.object, depth);
    }
    if (call.arguments[0] && callee.type === AST_NODE_TYPES.Identifier && this.formatsUrl(callee))
      return this.asText(call.arguments[0], depth);
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== null) {
      if (HTTP_BODY_METHODS.includes(name) || name === V2_PROMISE) {
        const object = this.valueOf(callee.object, depth);
        if (object?.kind === 'http' && HTTP_BODY_METHODS.includes(name)) return { ...object, stage: 'body' };
        if (object?.kind === 'sts-output' && object.pending && name === V2_PROMISE)
          return { ...object, promise: true, pending: false };
        return null;
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== null && CONNECTING_METHODS.includes(name)) {
      // `new sql.ConnectionPool(config).connect()`: a promise of the pool that keeps the token.
      const object = this.valueOf(callee.object, depth);
      if (object && object.kind !== 'http' && object.kind !== 'resolved' && !object.promise) return asPromise(object);
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== null && HTTP_BUILDER_METHODS.includes(name)) {
      const object = this.valueOf(callee.object, depth);
      if (object?.kind === 'http' && object.stage === 'response')
        return { ...object, request: withBuilderCall(object.request, call, this.context) };
    }
    if (this.isJsonParse(callee)) return this.parsedBody(call, depth);
    if (this.isPromiseCombinator(callee)) {
      const list = call.arguments[0] ? this.valueOf(call.arguments[0], depth) : null;
      return list && asPromise(list);
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== null && ARRAY_MAPPERS.includes(name)) {
      // `keys.map((k) => presign(k))`: an array of what the callback returns.
      const callback = call.arguments[0];
      if (callback && isFunctionNode(callback)) return firstOf(returnedValues(callback), (n) => this.valueOf(n, depth));
    }
    if (name !== null && CLIENT_FACTORY_NAMES.has(name) && this.isClientFactory(call)) return this.keptBy(call, depth);
    const request = this.httpRequest(call);
    if (request) return { kind: 'http', stage: 'response', request };
    return (
      this.stsV3(call) ??
      this.platformTokenFile(call) ??
      this.shortLivedJwt(call) ??
      this.sdkCallNamed(call, name) ??
      this.providerResolution(call) ??
      this.signedBy(call, depth) ??
      this.localCall(call, depth) ??
      this.namedPresigner(call) ??
      this.keptBy(call, depth) ??
      this.keptByConnectionString(call, depth) ??
      this.transformedBody(call, depth) ??
      this.identityMethod(call, name) ??
      this.globalTokenGetter(call, name) ??
      this.urlFragmentToken(call, name)
    );
  }

  /**
   * `fs.readFileSync('/snowflake/session/token', 'ascii')`: the text of a token file another platform keeps current
   * (PROJECTED_TOKEN_FILES.platformFiles). The kubelet's files go to SDK web-identity sources: no-static-snapshot's.
   */
  private platformTokenFile(call: TSESTree.CallExpression): Held | null {
    const read = projectedTokenRead(call, this.refs, this.context.sourceCode);
    return read?.platform && read.at === call ? heldFromTokenFile(read.platform) : null;
  }

  /** `jwt.sign({ ..., exp: now + 180 }, key)`: a JWT the app signs to send, with the short lifetime its code gives it. */
  private shortLivedJwt(call: TSESTree.CallExpression): Held | null {
    const jwt = shortLivedJwtOf(call, this.refs, this.context);
    return jwt ? heldFromSignedJwt(jwt, call, this.context) : null;
  }

  /**
   * A token field read from the URL fragment: `new URLSearchParams(location.hash.substring(1)).get('access_token')`
   * (the parser written there or bound to a const), or `location.hash.match(/access_token=([^&]+)/)`.
   */
  private urlFragmentToken(call: TSESTree.CallExpression, name: string | null): Held | null {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !call.arguments[0]) return null;
    const argument = unwrap(call.arguments[0]);
    if (name === URL_FRAGMENT_TOKENS.getter) {
      const field = staticString(argument, this.context);
      if (field === undefined || !TOKEN_RESPONSE_FIELDS.has(field)) return null;
      const parser = this.constValue(unwrap(callee.object));
      return parser.type === AST_NODE_TYPES.NewExpression &&
        parser.callee.type === AST_NODE_TYPES.Identifier &&
        parser.callee.name === URL_FRAGMENT_TOKENS.parser &&
        !this.refs.variableOf(parser.callee)?.defs.length &&
        parser.arguments[0] !== undefined &&
        this.readsUrlFragment(parser.arguments[0])
        ? heldFromUrlFragment(field)
        : null;
    }
    if (name !== URL_FRAGMENT_TOKENS.matcher || argument.type !== AST_NODE_TYPES.Literal || !('regex' in argument))
      return null;
    const field = capturedField(argument.regex.pattern);
    return field !== undefined && this.readsUrlFragment(callee.object) ? heldFromUrlFragment(field) : null;
  }

  /** `location.hash`, `window.location.hash.substring(1)`, or a const bound to one of them. */
  private readsUrlFragment(node: Node, steps = 0): boolean {
    const inner = this.constValue(unwrap(node));
    if (steps > MAX_LITERAL_ENTRIES) return false;
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(inner.callee);
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        URL_FRAGMENT_TOKENS.stringSteps.includes(staticPropertyName(callee) ?? '') &&
        this.readsUrlFragment(callee.object, steps + 1)
      );
    }
    const path = inner.type === AST_NODE_TYPES.MemberExpression ? globalPath(inner, this.refs)?.join('.') : undefined;
    return path !== undefined && URL_FRAGMENT_TOKENS.hashPaths.some((p) => p.join('.') === path);
  }

  /** What a const (never reassigned) is bound to, else the node itself. */
  private constValue(node: Node): Node {
    if (node.type !== AST_NODE_TYPES.Identifier) return node;
    const variable = this.refs.variableOf(node);
    const def = variable?.defs[0];
    return def?.type === DefinitionType.Variable &&
      def.node.id.type === AST_NODE_TYPES.Identifier &&
      def.node.init &&
      isConstLike(variable!)
      ? unwrap(def.node.init)
      : node;
  }

  /** `gapi.client.getToken()`: the token response a browser global holds now (GOOGLE_GLOBAL_TOKEN_GETTERS). */
  private globalTokenGetter(call: TSESTree.CallExpression, name: string | null): Held | null {
    const candidates = GOOGLE_GLOBAL_TOKEN_GETTERS.filter((e) => e.global.at(-1) === name);
    if (candidates.length === 0) return null;
    const path = globalPath(call.callee, this.refs)?.join('.');
    const entry = candidates.find((e) => e.global.join('.') === path);
    return entry ? heldFromGlobalGetter(entry, call, this.context) : null;
  }

  /**
   * `getPresignedObjectUrl(key)` imported from the app's own module: a wrapper around a presigner, known by its name
   * alone (NAMED_PRESIGNER_PATTERN). A promise when awaited or `.then`-ed, else whatever the helper returns.
   */
  private namedPresigner(call: TSESTree.CallExpression): Held | null {
    const ref = this.refs.resolve(call.callee);
    const name = ref?.path.at(-1);
    if (!ref || name === undefined || isKnowledgeModule(ref.module) || !NAMED_PRESIGNER_PATTERN.test(name)) return null;
    return heldFromNamedPresigner(call, this.context, isAwaited(call));
  }

  /** `conn.accessToken` where `conn` was made from a client class that renews the field (INSTANCE_TOKEN_FIELDS). */
  private instanceTokenField(node: TSESTree.MemberExpression, name: string): Held | null {
    const entry = INSTANCE_TOKEN_FIELDS.find(
      (e) => e.field === name && madeFromAny(node.object, e.receivers, this.refs) === true,
    );
    return entry ? heldFromInstanceField(entry) : null;
  }

  /** `data.session.provider_token`: a platform's token field, whatever object it is read from (IDENTITY_PLATFORM_TOKENS). */
  private identityField(node: TSESTree.MemberExpression, name: string): Held | null {
    const token = IDENTITY_PLATFORM_TOKENS.find((t) => 'field' in t && t.field === name);
    return token ? heldFromIdentityPlatform(token, node, this.context) : null;
  }

  /**
   * `await user.getIdToken()`: only awaited (or `.then`), since other SDKs have a synchronous method of the same name
   * that returns an object (amazon-cognito-identity-js `session.getIdToken()`), unless the file imports the platform.
   */
  private identityMethod(call: TSESTree.CallExpression, name: string | null): Held | null {
    const callee = unwrap(call.callee);
    for (const token of IDENTITY_PLATFORM_TOKENS) {
      if (!('method' in token) || token.method !== name) continue;
      if ('calledAs' in token) {
        if (this.isCalledAs(call, token.calledAs)) return heldFromIdentityPlatform(token, call, this.context);
        continue;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression && !('bare' in token)) continue;
      const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : null;
      if (
        'receiverNames' in token &&
        !(
          receiver?.type === AST_NODE_TYPES.Identifier &&
          (token.receiverNames as readonly string[]).includes(receiver.name)
        )
      )
        continue;
      if ('synchronous' in token) return { ...heldFromIdentityPlatform(token, call, this.context), promise: false };
      const platformPromise = 'promiseModules' in token && this.imports(token.promiseModules);
      return isAwaited(call) || platformPromise ? heldFromIdentityPlatform(token, call, this.context) : null;
    }
    return null;
  }

  /** `Office.auth.getAccessToken(…)` as the browser global, or `authentication.getAuthToken()` of the platform's module. */
  private isCalledAs(call: TSESTree.CallExpression, calledAs: NonNullable<IdentityPlatformToken['calledAs']>): boolean {
    const path = calledAs.globals?.length ? globalPath(call.callee, this.refs)?.join('.') : undefined;
    if (path !== undefined && calledAs.globals!.some((g) => g.join('.') === path)) return true;
    const ref = calledAs.apis ? this.refs.resolve(call.callee) : null;
    return ref !== null && calledAs.apis!.some((api) => refMatches(ref, api));
  }

  /**
   * `decrypt(res.data.eData)`, `parse(body)`: a helper of another module applied to a response body. What it returns
   * is unknown, but a token field read from it (`.access_token`) is still the endpoint's token.
   */
  private transformedBody(call: TSESTree.CallExpression, depth: number): Value | null {
    if (unwrap(call.callee).type !== AST_NODE_TYPES.Identifier || call.arguments.length !== 1) return null;
    const argument = this.valueOf(call.arguments[0], depth);
    return argument?.kind === 'http' && argument.stage === 'body' ? { ...argument, opaque: true } : null;
  }

  /** An SDK call by its method name, or by the exported name of a renamed import (`import { generateAuthToken as mint }`). */
  private sdkCallNamed(call: TSESTree.CallExpression, name: string | null): Held | null {
    if (name !== null && SDK_METHOD_NAMES.has(name)) return this.sdkCall(call, name);
    const callee = unwrap(call.callee);
    const exported = callee.type === AST_NODE_TYPES.Identifier ? this.refs.resolve(callee)?.path.at(-1) : undefined;
    return exported !== undefined && exported !== name && SDK_METHOD_NAMES.has(exported)
      ? this.sdkCall(call, exported)
      : null;
  }

  /** `fromNodeProviderChain()()`, `provider()` with `const provider = fromX()`: credentials resolved once. */
  private providerResolution(call: TSESTree.CallExpression): Resolved | null {
    const found = providerFactoryOf(call.callee, this.refs);
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
  private signedBy(call: TSESTree.CallExpression, depth: number): Held | null {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const object = this.valueOf(callee.object, depth);
    if (object?.kind !== 'resolved' || !object.signer || object.promise) return null;
    return { ...heldFromSigner(object.source, object.session, object.expiresIn, call, this.context), promise: true };
  }

  /**
   * `new Pool({ password: token })`, `createClient({ password })`: an object of another library built with a
   * short-lived value keeps it for as long as the object lives; built from resolved credentials, it is a signer.
   * HTTP clients send the value instead of keeping it, and SDK objects are no-static-snapshot's.
   */
  private keptBy(call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Value | null {
    if (spendsAtHandshake(call, this.refs)) return null;
    const optionsArgument = call.arguments[this.optionsIndex(call)];
    const options = optionsArgument ? this.literalOptions(unwrap(optionsArgument)) : null;
    const captured =
      options?.type === AST_NODE_TYPES.ObjectExpression ? this.capturedTokenProvider(call, options) : null;
    if (captured) return captured;
    const ref = this.refs.resolve(call.callee);
    const local = call.type === AST_NODE_TYPES.NewExpression && unwrap(call.callee).type === AST_NODE_TYPES.Identifier;
    // `new CachedToken(body.access_token, body.expires_in)`: a class of the file's own keeps what it is given.
    const positional = !ref && local && options?.type !== AST_NODE_TYPES.ObjectExpression;
    const positionalSecret = ref && POSITIONAL_CONNECTION_SECRETS.find((entry) => refMatches(ref, entry.api));
    if (positionalSecret) return this.positionalSecret(call, positionalSecret, depth);
    if (ref && options && options.type !== AST_NODE_TYPES.ObjectExpression)
      return (
        this.optionsFromHelper(call, ref.module, options, depth) ??
        this.connectionString(call, ref.module, options, depth)
      );
    if (
      !positional &&
      (options?.type !== AST_NODE_TYPES.ObjectExpression || options.properties.length > MAX_OPTION_ENTRIES)
    )
      return null;
    // `axios.create({ headers })`: an HTTP client instance keeps its default headers for every later request.
    const clientKeeps = call.type === AST_NODE_TYPES.CallExpression && this.isClientFactory(call);
    if (!clientKeeps && !(ref ? keepsWhatItIsBuiltWith(ref.module) : local)) return null;
    const given: { argument: Node; property?: TSESTree.Property }[] = positional
      ? call.arguments.slice(0, MAX_LITERAL_ENTRIES).map((argument) => ({ argument }))
      : (options as TSESTree.ObjectExpression).properties.map((p) =>
          p.type === AST_NODE_TYPES.Property ? { argument: p.value, property: p } : { argument: p },
        );
    for (const { argument, property } of given) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const value = this.valueOf(argument, depth);
      if (!value || value.kind === 'http' || value.promise) continue;
      if (value.kind === 'resolved') {
        if (call.type !== AST_NODE_TYPES.NewExpression || positional) continue;
        return { ...value, signer: true, expiresIn: this.signerLifetime(options as TSESTree.ObjectExpression) };
      }
      return {
        ...this.insideConnection(value, call, options ? [options] : []),
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
  private capturedTokenProvider(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    options: TSESTree.ObjectExpression,
  ): Held | null {
    for (const property of options.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const option = TOKEN_PROVIDER_OPTIONS.find((o) => o.option === staticPropertyName(property));
      const fn = unwrap(property.value);
      // `sasl: { oauthBearerProvider }`: one level of nested options.
      if (fn.type === AST_NODE_TYPES.ObjectExpression && options.parent === call) {
        const nested = this.capturedTokenProvider(call, fn);
        if (nested) return nested;
      }
      if (!option || !('session' in option) || !isFunctionNode(fn)) continue;
      const handedBack =
        'callbackTokenArgument' in option
          ? callbackArguments(fn, option.callbackTokenArgument, this.context.sourceCode)
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
        const variable = inner.type === AST_NODE_TYPES.Identifier ? this.refs.variableOf(inner) : null;
        const def = variable?.defs[0];
        return (
          def?.type === DefinitionType.Parameter &&
          def.node !== fn &&
          variable!.references.every((r) => !r.isWrite() || r.init)
        );
      });
      if (capturesParameter) return heldFromCapturedToken(option.option, option.session, call, this.context);
    }
    return null;
  }

  /**
   * `new Pool(await this.poolConfig())`, `createClient(redisOptions())`: the options come from a function of the file
   * that returns them as an object literal (`{ ...base, password: token.token }`); what the object holds is kept by
   * the library object built from it, as with literal options.
   */
  private optionsFromHelper(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    module: string,
    options: Node,
    depth: number,
  ): Value | null {
    if (!keepsWhatItIsBuiltWith(module)) return null;
    const inner = this.helperCallOf(options);
    if (!inner) return null;
    const fn = localFunction(inner, this.refs, { bindings: 'written-once', thisMethods: true });
    if (!fn || !returnedValues(fn).some((n) => unwrap(n).type === AST_NODE_TYPES.ObjectExpression)) return null;
    const value = this.valueOf(options, depth);
    if (!value || value.kind === 'http' || value.kind === 'resolved' || value.promise) return null;
    return this.insideConnection(value, call, returnedValues(fn));
  }

  /** The options given after a connection string keep nothing: the string itself may (`new MongoClient(uri, opts)`). */
  private keptByConnectionString(call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Value | null {
    const ref = this.refs.resolve(call.callee);
    const text = call.arguments[0];
    return ref && text && this.optionsIndex(call) === 1 ? this.connectionString(call, ref.module, text, depth) : null;
  }

  /**
   * `new MongoClient(`mongodb://${key}:${secret}@host/?authMechanism=MONGODB-AWS`)`, `createClient(uri.toString())`
   * with `const uri = new URL(...)`: a connection string written with a short-lived value. The client built from it
   * authenticates each new connection with what the text says, as with an option.
   */
  private connectionString(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    module: string,
    text: Node,
    depth: number,
  ): Value | null {
    if (!keepsWhatItIsBuiltWith(module) || !this.isWrittenText(text, 0)) return null;
    const value = this.valueOf(text, depth);
    if (!value || value.kind === 'http' || value.kind === 'resolved' || value.promise) return null;
    return this.insideConnection(value, call, []);
  }

  /** Text the file writes out: a template with values, a concatenation, a URL built from one or its `toString()`. */
  private isWrittenText(node: Node, hops: number): boolean {
    const inner = unwrap(node);
    switch (inner.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        return inner.expressions.length > 0;
      case AST_NODE_TYPES.BinaryExpression:
        return inner.operator === '+';
      case AST_NODE_TYPES.NewExpression:
        return (
          unwrap(inner.callee).type === AST_NODE_TYPES.Identifier &&
          (unwrap(inner.callee) as TSESTree.Identifier).name === URL_CLASS
        );
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(inner.callee);
        return (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          TEXT_KEEPING_METHODS.includes(staticPropertyName(callee) ?? '') &&
          this.isWrittenText(callee.object, hops)
        );
      }
      case AST_NODE_TYPES.MemberExpression:
        return staticPropertyName(inner) === URL_TEXT_FIELD && this.isWrittenText(inner.object, hops);
      case AST_NODE_TYPES.Identifier: {
        if (hops >= MAX_TEXT_HOPS) return false;
        const init = constInitializer(inner, this.context.sourceCode.getScope(inner));
        return init !== null && this.isWrittenText(init, hops + 1);
      }
      default:
        return false;
    }
  }

  /** The call that makes the options: `await helper()`, or a const bound to it (`const config = await buildConfig()`). */
  private helperCallOf(options: Node): TSESTree.CallExpression | null {
    let inner = unwrap(options);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const init = constInitializer(inner, this.context.sourceCode.getScope(inner));
      if (!init) return null;
      inner = unwrap(init);
    }
    if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = unwrap(inner.argument);
    return inner.type === AST_NODE_TYPES.CallExpression ? inner : null;
  }

  /** `config` of `new Pool(config)` when it is a local const written out as an object literal. */
  private literalOptions(node: Node): Node {
    if (node.type !== AST_NODE_TYPES.Identifier) return node;
    const scope = this.context.sourceCode.getScope(node);
    const init = constDeclarator(node, scope)?.declarator.init;
    return init && unwrap(init).type === AST_NODE_TYPES.ObjectExpression ? unwrap(init) : node;
  }

  private signerLifetime(options: TSESTree.ObjectExpression): number | undefined {
    for (const name of SIGNER_LIFETIME_OPTIONS) {
      const property = findProperty(options, name);
      const seconds = property ? staticNumber(property.value, this.context) : undefined;
      if (seconds !== undefined) return seconds;
    }
    return undefined;
  }

  /** `JSON.parse` of the global `JSON`. */
  private isJsonParse(callee: Node): boolean {
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === JSON_GLOBAL &&
      staticPropertyName(callee) === JSON_PARSE &&
      !this.refs.variableOf(callee.object)?.defs.length
    );
  }

  /**
   * `JSON.parse(await r.text())` is the body it parses; `JSON.parse(data)` inside the callback of node's
   * `https.request(options, (res) => ...)` parses the chunks of that request's response.
   */
  private parsedBody(call: TSESTree.CallExpression, depth: number): Value | null {
    const text = call.arguments[0] ? this.valueOf(call.arguments[0], depth) : null;
    if (text?.kind === 'http') return { ...text, stage: 'body' };
    if (text || !this.imports(NODE_HTTP_MODULES)) return text;
    let fn = enclosingFunction(call);
    for (let level = 0; fn && level < MAX_CALLBACK_NESTING; level++, fn = enclosingFunction(fn)) {
      const outer = fn.parent;
      if (outer?.type !== AST_NODE_TYPES.CallExpression || !outer.arguments.includes(fn as TSESTree.Expression))
        continue;
      const request = this.httpRequest(outer);
      if (request) return { kind: 'http', stage: 'body', request };
    }
    return null;
  }

  /** `fetch(url)` (global), or a call through an HTTP client module the file imports. */
  private httpRequest(call: TSESTree.CallExpression): HttpRequest | null {
    const callee = unwrap(call.callee);
    const global =
      callee.type === AST_NODE_TYPES.Identifier &&
      HTTP_CLIENT_GLOBALS.includes(callee.name) &&
      !this.refs.variableOf(callee)?.defs.length;
    this.httpClientImported ??= this.imports(HTTP_CLIENT_MODULES);
    if (!global && !this.httpClientImported) return null;
    return httpRequestOf(call, global, this.context, this.refs);
  }

  private sdkCall(call: TSESTree.CallExpression, name: string): Held | null {
    const sts = this.stsV2(call, name);
    if (sts) return sts;
    const method = CREDENTIAL_METHODS.find((m) => m.method === name && this.methodMatches(call, m));
    // The callback form of a synchronous method returns nothing: the token goes to the callback's second parameter
    // (`signer.getAuthToken(params, (err, token) => ...)`, read by callbackResult).
    if ((method?.synchronous || method?.callbackForm) && this.endsWithCallback(call))
      return { ...heldFromMethod(method, call, this.context), promise: true, pending: true };
    if (method) return heldFromMethod(method, call, this.context);
    const calleeRef = this.refs.resolve(call.callee);
    const presigner = PRESIGNERS.find((p) =>
      p.api ? calleeRef !== null && refMatches(calleeRef, p.api) : p.method === name && this.presignerReceiver(call, p),
    );
    if (presigner && !isFunctionNode(call.arguments.at(-1) ?? call))
      return heldFromPresigner(presigner, call, this.context);
    return null;
  }

  /** `client.send(new AssumeRoleCommand({...}))`, `ecr.send(new GetAuthorizationTokenCommand({}))`. */
  private stsV3(call: TSESTree.CallExpression): Held | null {
    const command = call.arguments[0] ? unwrap(call.arguments[0]) : null;
    if (command?.type !== AST_NODE_TYPES.NewExpression) return null;
    const ref = this.refs.resolve(command.callee);
    const tokenCommand = findByApi(AWS_TOKEN_COMMANDS, ref);
    if (tokenCommand) return heldFromTokenCommand(tokenCommand);
    const operation = findByApi(AWS_V3_STS_OPERATIONS, ref);
    if (!operation) return null;
    const duration = command.arguments[0]
      ? findPropertyPath(command.arguments[0], [operation.durationParam])
      : undefined;
    return heldFromSts(operation, call, duration ? staticNumber(duration.value, this.context) : undefined, true);
  }

  /** `sts.assumeRole(params)` on an `AWS.STS` (the `.promise()` or callback gives the output). */
  private stsV2(call: TSESTree.CallExpression, name: string): Held | null {
    const operation = AWS_V2_STS_OPERATIONS.find((op) => op.method === name);
    const callee = unwrap(call.callee);
    if (!operation || callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const known =
      madeFromAny(callee.object, AWS_V2_STS_CLIENT_MODULES, this.refs, { orReferenced: true }) ??
      this.imports(operation.api.modules);
    if (!known) return null;
    const params = call.arguments[0];
    const duration = params ? findPropertyPath(params, [operation.durationParam]) : undefined;
    // The bare call returns an AWS.Request: only `.promise()` or the callback yields the output.
    return {
      ...heldFromSts(operation, call, duration ? staticNumber(duration.value, this.context) : undefined, false),
      promise: true,
      pending: true,
    };
  }

  private methodMatches(call: TSESTree.CallExpression, method: CredentialMethod): boolean {
    if (method.argumentPattern) {
      const argument = call.arguments[0];
      const text = argument ? (staticString(argument, this.context) ?? templateText(argument)) : undefined;
      if (text === undefined || !method.argumentPattern.test(text)) return false;
    }
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const ref = this.refs.resolve(callee);
      return (
        ref !== null &&
        method.receivers.some((r) => refMatches(ref, { modules: r.modules, path: [...r.path, method.method] }))
      );
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    // The file's imports speak only for a receiver it does not show being made (`new Tokens()` of csrf is no client).
    const made = madeFromAny(callee.object, method.receivers, this.refs, { orReferenced: true });
    return (
      made === true ||
      (made === null && this.imports(method.gateModules)) ||
      (method.ownName === true && importedFromOwnModule(callee.object, this.refs))
    );
  }

  private presignerReceiver(call: TSESTree.CallExpression, presigner: Presigner): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const made = madeFromAny(callee.object, presigner.receivers ?? [], this.refs, { orReferenced: true });
    return made === true || this.imports(presigner.gateModules ?? []);
  }

  /** `promise.then((r) => r.json())`: the callback's result, with its parameter bound to the settled value. */
  private then(call: TSESTree.CallExpression, object: Node, depth: number): Value | null {
    const settled = settle(this.valueOf(object, depth));
    const callback = call.arguments[0];
    if (!settled && callback && isFunctionNode(callback)) {
      // `login().then((creds) => mint(creds))`: what the callback returns, whatever the promise it waits for holds.
      const made = firstOf(returnedValues(callback), (n) => this.valueOf(n, depth));
      return made && asPromise(made);
    }
    if (!settled || !callback || !isFunctionNode(callback)) return settled && { ...asPromise(settled) };
    const param = callback.params[0];
    const variable = param?.type === AST_NODE_TYPES.Identifier ? this.refs.variableOf(param) : null;
    if (variable) this.bindings.set(variable, settled);
    const result = firstOf(returnedValues(callback), (n) => this.valueOf(n, depth));
    return result && asPromise(result);
  }

  /**
   * `new Sequelize(db, user, await signer.getAuthToken(), options)`: the password argument, unless the file renews it
   * in a `beforeConnect` hook (an option under `hooks`, or `x.beforeConnect(fn)` / `x.addHook('beforeConnect', fn)`).
   */
  private positionalSecret(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    entry: (typeof POSITIONAL_CONNECTION_SECRETS)[number],
    depth: number,
  ): Value | null {
    // `new Sequelize(db, user, token, options)`, or a token among the options (`dialectOptions.authentication`), also
    // in the URI form `new Sequelize(uri, options)`.
    const hooks = call.arguments.length > entry.argument ? call.arguments[entry.argument + 1] : call.arguments.at(-1);
    const value = firstOf(
      [call.arguments[entry.argument], hooks && this.literalOptions(unwrap(hooks))].filter(
        (n): n is Node => n !== undefined && n.type !== AST_NODE_TYPES.SpreadElement,
      ),
      (n) => this.valueOf(n, depth),
    );
    if (!value || value.kind === 'http' || value.kind === 'resolved' || value.promise) return null;
    if (hooks && findPropertyPath(hooks, ['hooks', entry.renewingHook])) return null;
    const renewed = fileIndex(this.context.sourceCode).calls.some((c) => {
      const name = calleeName(c);
      if (name === entry.renewingHook) return true;
      const first = c.arguments[0];
      return name === 'addHook' && first !== undefined && staticString(first, this.context) === entry.renewingHook;
    });
    if (renewed) return null;
    return this.insideConnection(value, call, hooks ? [this.literalOptions(unwrap(hooks))] : []);
  }

  /**
   * A value kept by the object `call` builds: named with it, and, when that is a database connection, described by
   * how its next connection is refused and what gives each connection a fresh token (connection-terms.ts).
   */
  private insideConnection(value: Held, call: TSESTree.CallExpression | TSESTree.NewExpression, options: Node[]): Held {
    const what = `${value.what}, inside \`${codeOf(call, this.context)}\``;
    const signerFix = CREDENTIAL_METHODS.some(
      (m) => m.id === value.method && m.replacement.code.startsWith(PASSWORD_FUNCTION_PREFIX),
    );
    const terms = connectionTermsOf(this.refs.resolve(call.callee), options, signerFix, this.context);
    return terms ? { ...value, what, symptom: terms.symptom, fix: terms.fix ?? value.fix } : { ...value, what };
  }

  /** Where the options are: after the endpoint for `new GraphQLClient(url, options)`, else first. */
  private optionsIndex(call: TSESTree.CallExpression | TSESTree.NewExpression): number {
    if (call.arguments.length < 2) return 0;
    // `new MongoClient(uri, { auth, authMechanismProperties })`: the options written out after a connection string.
    if (this.isWrittenText(call.arguments[0], 0) || isStringLiteral(call.arguments[0]))
      if (unwrap(call.arguments[1]).type === AST_NODE_TYPES.ObjectExpression) return 1;
    if (call.type !== AST_NODE_TYPES.NewExpression) return 0;
    const ref = this.refs.resolve(call.callee);
    return ref && HTTP_CLIENT_KEEPERS.optionsAfterEndpoint.some((api) => refMatches(ref, api)) ? 1 : 0;
  }

  /** `axios.create(...)`, `got.extend(...)` (HTTP_CLIENT_KEEPERS.factories). */
  private isClientFactory(call: TSESTree.CallExpression): boolean {
    const ref = this.refs.resolve(call.callee);
    return ref !== null && HTTP_CLIENT_KEEPERS.factories.some((api) => refMatches(ref, api));
  }

  private formatsUrl(callee: TSESTree.Identifier): boolean {
    const ref = this.refs.resolve(callee);
    return ref !== null && AWS_V3_URL_FORMATTERS.some((api) => refMatches(ref, api));
  }

  /** What `node` holds, as text: a settled value, not a response or resolved credentials. */
  private asText(node: Node, depth: number): Value | null {
    const object = this.valueOf(node, depth);
    return object && object.kind !== 'http' && object.kind !== 'resolved' && !object.promise ? object : null;
  }

  /** A function or method of this file: what it returns (a promise of it when the function is async). */
  private localCall(call: TSESTree.CallExpression, depth: number): Value | null {
    const fn = localFunction(call, this.refs, { bindings: 'written-once', thisMethods: true });
    if (!fn) return null;
    const result = firstOf(returnedValues(fn), (n) => this.valueOf(n, depth));
    return result && fn.async ? asPromise(result) : result;
  }

  /** The parameter of a `.then` callback: `request.then((resp) => resp.data)` gets what the promise settles to. */
  private thenParameter(fn: Node, variable: Variable, depth: number): Value | null {
    const callee = this.calleeOfCallbackWith(fn, variable);
    if (!callee || staticPropertyName(callee) !== PROMISE_THEN) return null;
    return settle(this.valueOf(callee.object, depth));
  }

  /** The element parameter of an array callback: `urls.forEach((url) => ...)` gets what the array holds. */
  private elementParameter(fn: Node, variable: Variable, depth: number): Value | null {
    const callee = this.calleeOfCallbackWith(fn, variable);
    if (!callee || !ARRAY_ITERATORS.includes(staticPropertyName(callee) ?? '')) return null;
    return this.valueOf(callee.object, depth);
  }

  /** `x.method(fn)` when `fn` is that call's first argument and `variable` its first parameter: the `x.method`. */
  private calleeOfCallbackWith(fn: Node, variable: Variable): TSESTree.MemberExpression | null {
    if (
      !isFunctionNode(fn) ||
      fn.params[0]?.type !== AST_NODE_TYPES.Identifier ||
      this.refs.variableOf(fn.params[0]) !== variable
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
  private argumentAtCallSites(fn: Node, variable: Variable, depth: number): Value | null {
    if (!isFunctionNode(fn)) return null;
    const declared = variable.identifiers[0];
    // `function tokenConfig({ server, token })`: the parameter's place in the pattern picks the part of the argument.
    const index = fn.params.findIndex((p) => declared !== undefined && patternPath(p, declared) !== null);
    const steps = index < 0 || !declared ? null : patternPath(fn.params[index], declared);
    const name = declaredFunctionName(fn);
    if (index < 0 || name === null || !steps || steps.includes(null)) return null;
    const given: Node[] = [];
    for (const call of callsThatMayRun(fn, name, this.context.sourceCode)) {
      const argument = call.arguments[index];
      if (given.length >= MAX_CALL_SITES || !argument || calleeName(call) !== name) continue;
      if (
        argument.type !== AST_NODE_TYPES.SpreadElement &&
        localFunction(call, this.refs, { bindings: 'written-once', thisMethods: true }) === fn
      )
        given.push(argument);
    }
    return firstOf(given, (n) => this.pickedFrom(n, steps as readonly string[], depth));
  }

  /** What the part of `node` at a destructuring path holds: a written-out property, else the member of its value. */
  private pickedFrom(node: Node, steps: readonly string[], depth: number): Value | null {
    const [first, ...rest] = steps;
    if (first === undefined) return this.valueOf(node, depth);
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      const property = findProperty(inner, first);
      return property ? this.pickedFrom(property.value, rest, depth) : null;
    }
    let value = this.valueOf(node, depth);
    for (const step of steps) value = value && this.member(value, step);
    return value;
  }

  /**
   * The token a browser library hands to a callback: an option (`initTokenClient({ callback: (response) => ... })`)
   * or a positional argument (`gapi.auth.authorize(params, handleAuthResult)`, the function written there or named).
   */
  private tokenCallbackParameter(fn: Node, variable: Variable): Held | null {
    if (!isFunctionNode(fn)) return null;
    const takes = (e: TokenCallback): boolean =>
      fn.params[e.parameter]?.type === AST_NODE_TYPES.Identifier &&
      this.refs.variableOf(fn.params[e.parameter] as TSESTree.Identifier) === variable;
    // The global, written whole or through a const alias (`const gis = window.google?.accounts?.oauth2`), not a
    // local of the same name.
    const pathOf = (call: TSESTree.CallExpression): string | undefined => globalPath(call.callee, this.refs)?.join('.');
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
      return entry ? heldFromCallback(entry, call, this.context) : null;
    }
    for (const entry of GOOGLE_TOKEN_CALLBACKS) {
      if (entry.argument === undefined || !takes(entry)) continue;
      const given = this.callsGivenCallback(fn, entry.argument).find((c) => pathOf(c) === entry.global.join('.'));
      if (given) return heldFromCallback(entry, given, this.context);
    }
    return null;
  }

  /** The result a login widget hands to the file's callback: `lock.on('authenticated', (authResult) => ...)`. */
  private loginResult(fn: Node, variable: Variable): Held | null {
    if (!isFunctionNode(fn)) return null;
    const entry = loginCallbackOf(fn, variable, this.refs, this.context.sourceCode);
    return entry && heldFromLoginCallback(entry);
  }

  /**
   * The access token an OAuth 2.0 login strategy hands to its verify function:
   * `new GoogleStrategy(options, (accessToken, refreshToken, profile, done) => ...)` (STRATEGY_VERIFY_CALLBACKS),
   * the function written there or passed by its name.
   */
  private strategyVerifyToken(fn: Node, variable: Variable): Held | null {
    if (!isFunctionNode(fn)) return null;
    for (const construction of this.constructionsGiven(fn)) {
      const ref = this.refs.resolve(construction.callee);
      const entry = ref && STRATEGY_VERIFY_CALLBACKS.find((e) => e.apis.some((api) => refMatches(ref, api)));
      if (!entry) continue;
      // The options written there or bound to a const (`new GoogleStrategy(options, verify)`).
      const options = construction.arguments.length > 1 ? construction.arguments[0] : undefined;
      const requestFirst = options && findProperty(this.constValue(unwrap(options)), entry.requestFirstOption);
      const index = requestFirst?.value.type === AST_NODE_TYPES.Literal && requestFirst.value.value === true ? 1 : 0;
      const param = fn.params[index];
      if (
        fn.params.length >= entry.minParameters + index &&
        param?.type === AST_NODE_TYPES.Identifier &&
        this.refs.variableOf(param) === variable
      )
        return heldFromStrategyVerify(entry);
    }
    return null;
  }

  /** The `new X(..., fn)` constructions that take `fn` as their last argument, written there or by name. */
  private constructionsGiven(fn: TSESTree.FunctionLike): TSESTree.NewExpression[] {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.NewExpression) return parent.arguments.at(-1) === fn ? [parent] : [];
    if (declaredFunctionName(fn) === null) return [];
    return fileIndex(this.context.sourceCode)
      .constructions.filter((c) => {
        const last = c.arguments.at(-1);
        return last?.type === AST_NODE_TYPES.Identifier && this.namesFunction(last, fn);
      })
      .slice(0, MAX_CALL_SITES);
  }

  /** The data parameter of a v2 callback: `sts.assumeRole(params, (err, data) => ...)`, `metadata.request(path, (err, data) => ...)`. */
  private callbackResult(fn: Node, variable: Variable, depth: number): Value | null {
    if (
      !isFunctionNode(fn) ||
      fn.params[1]?.type !== AST_NODE_TYPES.Identifier ||
      this.refs.variableOf(fn.params[1]) !== variable
    )
      return null;
    const settled = firstOf(this.callsGivenCallback(fn), (call) => {
      // `metadata.request(path, (err, body) => ...)`: the body of a request to the instance metadata service.
      const request = metadataServiceRequestOf(call, this.context, this.refs);
      if (request) return { kind: 'http', stage: 'body', request };
      const held = this.valueOf(call, depth);
      return held && held.kind !== 'http' && held.kind !== 'resolved' && held.pending
        ? { ...held, promise: false, pending: false }
        : null;
    });
    if (settled) return settled;
    // A v2 callback API wrapped by the file's own function: `run((err, creds) => ...)`, `callback(null, { ... })`.
    const handed = handedToCallback(fn, fn.params[1], this.refs, this.context.sourceCode);
    return handed && firstOf(handed, (value) => this.valueOf(value, depth + 1));
  }

  /**
   * The calls that take `fn` as their argument at `index` (the last by default): written there, or passed by the name it is declared under
   * (`const onToken = (err, payload) => ...; oauth2.authenticate(options, onToken)`).
   */
  private callsGivenCallback(fn: TSESTree.FunctionLike, index = -1): TSESTree.CallExpression[] {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression) return parent.arguments.at(index) === fn ? [parent] : [];
    const name = declaredFunctionName(fn);
    if (name === null || parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property)
      return [];
    const found: TSESTree.CallExpression[] = [];
    for (const call of fileIndex(this.context.sourceCode).calls) {
      const last = call.arguments.at(index);
      if (found.length >= MAX_CALL_SITES || last?.type !== AST_NODE_TYPES.Identifier || last.name !== name) continue;
      if (this.namesFunction(last, fn)) found.push(call);
    }
    return found;
  }

  /** The call's last argument is a function, written there or named (a function or const of the file). */
  private endsWithCallback(call: TSESTree.CallExpression): boolean {
    const last = call.arguments.at(-1);
    if (!last) return false;
    if (isFunctionNode(last)) return true;
    if (last.type !== AST_NODE_TYPES.Identifier) return false;
    const def = this.refs.variableOf(last)?.defs[0];
    return (
      def?.type === DefinitionType.FunctionName ||
      (def?.type === DefinitionType.Variable && def.node.init !== null && isFunctionNode(unwrap(def.node.init)))
    );
  }

  /** `name` refers to `fn`: its declaration, or a const bound to it. */
  private namesFunction(name: TSESTree.Identifier, fn: TSESTree.FunctionLike): boolean {
    const variable = this.refs.variableOf(name);
    const def = variable?.defs[0];
    if (def?.type === DefinitionType.FunctionName) return def.node === fn;
    return (
      def?.type === DefinitionType.Variable &&
      def.node.init !== null &&
      unwrap(def.node.init) === fn &&
      isConstLike(variable!)
    );
  }

  /** `process.env` of the global `process`. */
  private isProcessEnv(node: Node): boolean {
    const inner = unwrap(node);
    if (inner.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(inner) !== 'env') return false;
    const process = unwrap(inner.object);
    return (
      process.type === AST_NODE_TYPES.Identifier &&
      process.name === 'process' &&
      (this.refs.variableOf(process)?.defs.length ?? 0) === 0
    );
  }

  private imports(modules: readonly string[]): boolean {
    return importsAnyOf(this.specifiers, modules);
  }
}

/** `await call()`, `call().then(...)` (through `?.` and `!`). */
/** `(done) => { done(null, token); }`: the arguments at `index` of the calls of the function's first parameter. */
function callbackArguments(
  fn: TSESTree.FunctionLike,
  index: number,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Node[] {
  const callback = fn.params[0];
  if (callback?.type !== AST_NODE_TYPES.Identifier) return [];
  const found: Node[] = [];
  forEachDescendant(fn, sourceCode, (node) => {
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      unwrap(node.callee).type === AST_NODE_TYPES.Identifier &&
      (unwrap(node.callee) as TSESTree.Identifier).name === callback.name &&
      node.arguments[index]
    )
      found.push(node.arguments[index]);
  });
  return found;
}

function isAwaited(call: TSESTree.CallExpression): boolean {
  let outer: Node = call;
  while (
    outer.parent?.type === AST_NODE_TYPES.ChainExpression ||
    outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression
  )
    outer = outer.parent;
  const parent = outer.parent;
  return (
    parent?.type === AST_NODE_TYPES.AwaitExpression ||
    (parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === outer &&
      staticPropertyName(parent) === PROMISE_THEN)
  );
}

/** `await x`: a promise of a value becomes the value; a v2 request still needs `.promise()`. */
function settle(value: Value | null): Value | null {
  if (!value || value.kind === 'http') return value;
  if (value.kind === 'resolved') return value.promise ? { ...value, promise: false } : value;
  if (value.pending) return null;
  return value.promise ? { ...value, promise: false } : value;
}

function asPromise(value: Value): Value {
  return value.kind === 'http' ? value : { ...value, promise: true };
}

/** A raw response only counts once its request is known to fetch a token. */
function settleHttp(value: Value | null): Held | null {
  if (!value) return null;
  if (value.kind === 'resolved') return null;
  if (value.kind !== 'http') return value.pending || value.fieldsOnly ? null : value;
  return !value.opaque && fetchesToken(value.request) ? heldFromEndpoint(value.request) : null;
}

function firstOf<T>(nodes: readonly T[], value: (node: T) => Value | null): Value | null {
  for (const node of nodes) {
    const found = value(node);
    if (found) return found;
  }
  return null;
}

/** `'k8s-aws-v1.' + x` (however the `+` chain is grouped). */
function startsWithEksPrefix(node: TSESTree.BinaryExpression): boolean {
  let left: Node = node;
  for (let i = 0; left.type === AST_NODE_TYPES.BinaryExpression && i < MAX_DEPTH; i++) left = left.left;
  return (
    left.type === AST_NODE_TYPES.Literal && typeof left.value === 'string' && left.value.startsWith(EKS_TOKEN.prefix)
  );
}

function isStringy(node: Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node.type === AST_NODE_TYPES.TemplateLiteral
  );
}

function templateText(node: Node): string | undefined {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.TemplateLiteral
    ? inner.quasis.map((q) => q.value.cooked ?? '').join('{}')
    : undefined;
}

/** The expressions a function returns (not those of nested functions). */
function returnedValues(fn: TSESTree.FunctionLike): Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: Node[] = [];
  const visit = (node: Node | null | undefined): void => {
    if (!node || isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      return;
    }
    for (const child of statementChildren(node)) visit(child);
  };
  for (const statement of fn.body.body) visit(statement);
  return found;
}

/** Child statements of a statement (enough to find `return`s: blocks, ifs, loops, try, switch). */
function statementChildren(node: Node): (Node | null | undefined)[] {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return node.body;
    case AST_NODE_TYPES.IfStatement:
      return [node.consequent, node.alternate];
    case AST_NODE_TYPES.TryStatement:
      return [node.block, node.handler?.body, node.finalizer];
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return [node.body];
    case AST_NODE_TYPES.SwitchStatement:
      return node.cases.flatMap((c) => c.consequent);
    default:
      return [];
  }
}

/** The position in an array pattern of the element that binds `target`. */
function positionOf(pattern: TSESTree.ArrayPattern, target: TSESTree.Identifier): number {
  return pattern.elements.findIndex((element) => element !== null && patternPath(element, target) !== null);
}
