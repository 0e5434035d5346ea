import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  CONNECTING_METHODS,
  EKS_TOKEN,
  HTTP_BODY_METHODS,
  HTTP_BODY_PROPERTIES,
  HTTP_BUILDER_METHODS,
  HTTP_CLIENT_KEEPERS,
  HTTP_CLIENTS,
  IDENTITY_TOKEN_FIELDS,
  INSTANCE_TOKEN_FIELDS,
  isRdsTokenVariable,
  PRESIGNED_URL_FIELD_PATTERN,
  TOKEN_RESPONSE_FIELDS,
  TOKEN_RESPONSE_PLAIN_FIELDS,
} from '../knowledge/index.js';
import {
  calleeName,
  DefinitionType,
  enclosingFunction,
  isFunctionNode,
  patternPath,
  staticPropertyName,
  unwrap,
} from './ast.js';
import { isExpiryName } from './expiry-terms.js';
import { returnedValues } from './returned-values.js';
import { httpRequest, isJsonParse, parsedBody, transformedBody } from './held-http-response.js';
import { isClientFactory, keptBy, keptByConnectionString } from './held-keepers.js';
import {
  argumentAtCallSites,
  callbackResult,
  elementParameter,
  loginResult,
  strategyVerifyToken,
  thenParameter,
  tokenCallbackParameter,
} from './held-parameters.js';
import {
  globalTokenGetter,
  identityField,
  identityMethod,
  instanceTokenField,
  namedPresigner,
  platformTokenFile,
  providerResolution,
  sdkCallNamed,
  shortLivedJwt,
  signedBy,
  stsV3,
} from './held-sdk-calls.js';
import { asPromise, PROMISE_THEN, settle, settleHttp, thenResult } from './held-settling.js';
import {
  asText,
  formatsUrl,
  isStringy,
  startsWithEksPrefix,
  TEXT_KEEPING_METHODS,
  urlFragmentToken,
} from './held-text.js';
import { firstOf, MAX_DEPTH, MAX_LITERAL_ENTRIES, type Value, type ValueReader } from './held-value-kinds.js';
import {
  type Held,
  heldFromEksToken,
  heldFromEnvironmentToken,
  heldFromNamedPresigner,
  heldFromResponseShape,
  heldFromTokenField,
} from './held.js';
import { withBuilderCall } from './http-request.js';
import { localFunction } from './local-function.js';
import { type ModuleRefs } from './module-refs.js';
import { promiseResolutions } from './promise-executor.js';
import { importsAnyOf } from './receiver.js';
import { isHandedOverWithRefreshToken } from './renewing-options.js';
import { declaredNames } from './storage-slot.js';
import { lifetimeDestructuredBeside, lifetimeReadBeside } from './token-shape.js';
import { isPromiseCombinator } from './value-keepers.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

const SHARED_VALUES = new WeakMap<object, HeldValues>();

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

const INSTANCE_TOKEN_FIELD_NAMES: ReadonlySet<string> = new Set(INSTANCE_TOKEN_FIELDS.map((e) => e.field));
const CLIENT_FACTORY_NAMES: ReadonlySet<string> = new Set(
  HTTP_CLIENT_KEEPERS.factories.map((api) => api.path.at(-1) ?? ''),
);
const HTTP_CLIENT_MODULES: readonly string[] = [...new Set(HTTP_CLIENTS.flatMap((api) => api.modules))];

/** `p.catch(onError)`, `p.finally(cb)`: the promise settles to the same value when the request succeeds. */
const PROMISE_PASS_THROUGH: readonly string[] = ['catch', 'finally'];
/** Array methods whose callback returns the new elements. */
const ARRAY_MAPPERS: readonly string[] = ['map', 'flatMap'];

const V2_PROMISE = 'promise';

/**
 * Says what an expression holds when that is a token or temporary credential: follows awaits, member reads,
 * destructuring, locals, object/template wrappers, `.then()`, and the return values of functions in the file.
 * One per file; results are memoized per node.
 */
export class HeldValues {
  private readonly memo = new Map<Node, Value | null>();
  private readonly bindings = new Map<Variable, Value>();
  private httpClientImported: boolean | undefined;
  /** What the parts (held-*.ts) ask of this instance, without making its own steps public. */
  private readonly reader: ValueReader;
  constructor(
    private readonly context: Context,
    private readonly refs: ModuleRefs,
    private readonly specifiers: ReadonlySet<string>,
  ) {
    this.reader = {
      context,
      refs,
      valueOf: (node, depth) => this.valueOf(node, depth),
      member: (object, name) => this.member(object, name),
      imports: (modules) => this.imports(modules),
      importsHttpClient: () => (this.httpClientImported ??= this.imports(HTTP_CLIENT_MODULES)),
      bind: (variable, value) => void this.bindings.set(variable, value),
    };
  }

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
          : (keptBy(this.reader, node, next) ?? keptByConnectionString(this.reader, node, next));
      }
      case AST_NODE_TYPES.MemberExpression: {
        const object = this.valueOf(node.object, next);
        const name = staticPropertyName(node);
        // A platform's token field read off a result whose own secret is another field (Supabase's `provider_token`
        // of a `getSession()` whose secret is `access_token`): the field's token, not the result's.
        if (name !== null && IDENTITY_TOKEN_FIELDS.has(name) && (!object || this.beside(object, name))) {
          // A field name shared with other objects (Okta's `accessToken`) is the platform's only read off its chain.
          const platformToken = identityField(this.reader, node, name);
          if (platformToken) return platformToken;
        }
        if (!object && name !== null && isRdsTokenVariable(name) && this.isProcessEnv(node.object))
          return heldFromEnvironmentToken(name);
        if (!object && name !== null && INSTANCE_TOKEN_FIELD_NAMES.has(name)) {
          const field = instanceTokenField(this.reader, node, name);
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
        if (
          node.properties.length > MAX_LITERAL_ENTRIES ||
          this.isInertLiteral(node) ||
          isHandedOverWithRefreshToken(node)
        )
          return null;
        return firstOf(
          node.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? p.value : p.argument)),
          (n) => this.valueOf(n, next),
        );
      case AST_NODE_TYPES.ArrayExpression:
        if (node.elements.length > MAX_LITERAL_ENTRIES || this.isInertLiteral(node)) return null;
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

  /** `name` is not one of the secret fields (or paths of fields) of a result that names its own. */
  private beside(object: Value, name: string): boolean {
    return 'secretFields' in object && object.secretFields !== undefined && this.member(object, name) === null;
  }

  private member(object: Value, name: string): Value | null {
    if (object.kind === 'resolved') return object.promise || object.signer || isExpiryName(name) ? null : object;
    if (object.kind === 'http') {
      if (object.stage === 'response') return HTTP_BODY_PROPERTIES.includes(name) ? { ...object, stage: 'body' } : null;
      // A token that lasts until revoked (Slack's bot token without rotation) is no cache defect.
      if (TOKEN_RESPONSE_FIELDS.has(name) || object.request.endpoint?.tokenFields?.includes(name))
        return object.request.lastsUntilRevoked ? null : heldFromTokenField(object.request.endpoint, name);
      return isExpiryName(name) || object.opaque || TOKEN_RESPONSE_PLAIN_FIELDS.has(name) ? null : object;
    }
    if (object.promise || isExpiryName(name)) return null;
    if (object.kind === 'token-response' && TOKEN_RESPONSE_PLAIN_FIELDS.has(name)) return null;
    if (object.secretFields) {
      if (object.secretFields.includes(name)) return { ...object, secretFields: undefined, fieldsOnly: undefined };
      // A field nested deeper (`auth.client_token`): only that path below `name` carries it.
      const below = object.secretFields.filter((f) => f.startsWith(`${name}.`)).map((f) => f.slice(name.length + 1));
      return below.length > 0 ? { ...object, secretFields: below } : null;
    }
    return object;
  }

  /**
   * Whether every entry of a literal holds nothing by valueOf's own first answers, without a lookup: a non-carrier
   * (a string, a number, a function), a name isUnfollowedName leaves, or a literal of the same (too large, or of
   * such entries). The SDKs' schema files declare thousands of such tables at module level (`[3, n0, _ED, 0, [_K],
   * [0]]`), each asked about once: one walk, without the memo entries, closures and copies that following each entry
   * makes. Inside the literal no function stands between an entry and the literal, so the literal's enclosing
   * function is each name's (isUnfollowedName's second test).
   */
  private isInertLiteral(literal: TSESTree.ArrayExpression | TSESTree.ObjectExpression): boolean {
    const names = declaredNames(this.context.sourceCode);
    const atModuleLevel = enclosingFunction(literal) === null;
    const inert = (node: Node): boolean => {
      const inner = unwrap(node);
      switch (inner.type) {
        case AST_NODE_TYPES.Identifier:
          return !names.anywhere.has(inner.name) || (atModuleLevel && names.moduleLevel.has(inner.name));
        case AST_NODE_TYPES.ArrayExpression:
          return (
            inner.elements.length > MAX_LITERAL_ENTRIES ||
            inner.elements.every((e) => e === null || inert(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e))
          );
        case AST_NODE_TYPES.ObjectExpression:
          return (
            inner.properties.length > MAX_LITERAL_ENTRIES ||
            inner.properties.every((p) => inert(p.type === AST_NODE_TYPES.Property ? p.value : p.argument))
          );
        default:
          return !CARRIERS.has(inner.type);
      }
    };
    return inert(literal);
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
        thenParameter(this.reader, def.node, variable, depth) ??
        elementParameter(this.reader, def.node, variable, depth) ??
        callbackResult(this.reader, def.node, variable, depth) ??
        tokenCallbackParameter(this.reader, def.node, variable) ??
        loginResult(this.reader, def.node, variable) ??
        strategyVerifyToken(this.reader, def.node, variable) ??
        argumentAtCallSites(this.reader, def.node, variable, depth)
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
      if (name === PROMISE_THEN) return thenResult(this.reader, call, callee.object, depth);
      if (PROMISE_PASS_THROUGH.includes(name)) return this.valueOf(callee.object, depth);
      if (TEXT_KEEPING_METHODS.includes(name)) return asText(this.reader, callee.object, depth);
    }
    if (call.arguments[0] && callee.type === AST_NODE_TYPES.Identifier && formatsUrl(this.reader, callee))
      return asText(this.reader, call.arguments[0], depth);
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
    if (isJsonParse(this.reader, callee)) return parsedBody(this.reader, call, depth);
    if (this.isPromiseCombinator(callee)) {
      const list = call.arguments[0] ? this.valueOf(call.arguments[0], depth) : null;
      return list && asPromise(list);
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== null && ARRAY_MAPPERS.includes(name)) {
      // `keys.map((k) => presign(k))`: an array of what the callback returns.
      const callback = call.arguments[0];
      if (callback && isFunctionNode(callback)) return firstOf(returnedValues(callback), (n) => this.valueOf(n, depth));
    }
    if (name !== null && CLIENT_FACTORY_NAMES.has(name) && isClientFactory(this.reader, call))
      return keptBy(this.reader, call, depth);
    const request = httpRequest(this.reader, call);
    if (request) return { kind: 'http', stage: 'response', request };
    return (
      stsV3(this.reader, call) ??
      platformTokenFile(this.reader, call) ??
      shortLivedJwt(this.reader, call) ??
      sdkCallNamed(this.reader, call, name) ??
      providerResolution(this.reader, call) ??
      signedBy(this.reader, call, depth) ??
      this.localCall(call, depth) ??
      namedPresigner(this.reader, call) ??
      keptBy(this.reader, call, depth) ??
      keptByConnectionString(this.reader, call, depth) ??
      transformedBody(this.reader, call, depth) ??
      identityMethod(this.reader, call, name) ??
      globalTokenGetter(this.reader, call, name) ??
      urlFragmentToken(this.reader, call, name)
    );
  }

  /** A function or method of this file: what it returns (a promise of it when the function is async). */
  private localCall(call: TSESTree.CallExpression, depth: number): Value | null {
    const fn = localFunction(call, this.refs, { bindings: 'written-once', thisMethods: true });
    if (!fn) return null;
    const result = firstOf(returnedValues(fn), (n) => this.valueOf(n, depth));
    return result && fn.async ? asPromise(result) : result;
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

/** The position in an array pattern of the element that binds `target`. */
function positionOf(pattern: TSESTree.ArrayPattern, target: TSESTree.Identifier): number {
  return pattern.elements.findIndex((element) => element !== null && patternPath(element, target) !== null);
}
