import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './find-variable.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, staticPropertyName, unwrap } from './ast.js';
import { constInitializer, type ModuleRefs } from './module-refs.js';
import { staticString } from './static-value.js';
import { isProcessEnv } from './storage.js';
import { lastingIssuerOfUrl, lastsUntilRevoked } from './lasting-token.js';
import {
  AWS_V2_METADATA_SERVICE,
  GENERIC_TOKEN_ENDPOINT,
  GRANT_TYPE_PARAMETER,
  HTTP_CLIENTS,
  LOGIN_ENDPOINT,
  HTTP_URL_OPTION,
  NODE_HTTP_BODY_WRITERS,
  NODE_HTTP_URL_OPTIONS,
  refMatches,
  TOKEN_ENDPOINTS,
  type TokenEndpoint,
} from '../knowledge/index.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a hand-written HTTP request is known to fetch. */
export interface HttpRequest {
  /** The endpoint its URL matches, if any (the generic `/token` path included). */
  readonly endpoint: TokenEndpoint | null;
  /** The request sends `grant_type`: an OAuth token request whatever the URL. */
  readonly grantType: boolean;
  /** Its URL is an exchange whose token lives until revoked, and the file never shows it expiring (lasting-token.ts). */
  readonly lastsUntilRevoked?: true;
}

const UNKNOWN = '{}';
const MAX_DEPTH = 4;
/** `{ body: JSON.stringify({ key: API_KEY }) }` with `const API_KEY = process.env.KEY`: seven steps down. */
const MAX_BODY_DEPTH = 8;

/**
 * The request made by `call` when it is an HTTP client call (`fetch(url)` with `globalFetch`, `axios.post(url)`,
 * `got(url)`), else null.
 */
export function httpRequestOf(
  call: TSESTree.CallExpression,
  globalFetch: boolean,
  context: Context,
  refs: ModuleRefs,
): HttpRequest | null {
  if (!globalFetch && !isHttpClientCall(call.callee, refs)) return null;
  const first = call.arguments[0];
  if (!first) return null;
  const url = requestUrl(first, context, refs);
  const endpoint =
    TOKEN_ENDPOINTS.find((e) => e.pattern.test(url)) ??
    (GENERIC_TOKEN_ENDPOINT.pattern.test(url) ? GENERIC_TOKEN_ENDPOINT : null) ??
    (LOGIN_ENDPOINT.pattern.test(url) && requestSendsEnvironmentValue(call, context, refs) ? LOGIN_ENDPOINT : null);
  const grantType =
    call.arguments.some((argument) => mentionsGrantType(argument, context, 0)) ||
    bodyWrites(call, context).some((argument) => mentionsGrantType(argument, context, 0));
  return lastsUntilRevoked(lastingIssuerOfUrl(url), context.sourceCode)
    ? { endpoint, grantType, lastsUntilRevoked: true }
    : { endpoint, grantType };
}

/**
 * `metadata.request(path, callback)` on a v2 `AWS.MetadataService`: the request it makes to the metadata service, by
 * the path, when it fetches temporary keys (the body is the callback's second parameter). Else null.
 */
export function metadataServiceRequestOf(
  call: TSESTree.CallExpression,
  context: Context,
  refs: ModuleRefs,
): HttpRequest | null {
  const callee = unwrap(call.callee);
  const path = call.arguments[0];
  if (
    !path ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    staticPropertyName(callee) !== AWS_V2_METADATA_SERVICE.method
  )
    return null;
  const made = refs.instanceOf(callee.object);
  if (!made || !refMatches(made, AWS_V2_METADATA_SERVICE.api)) return null;
  const url = AWS_V2_METADATA_SERVICE.endpoint + urlText(path, context, refs, 0);
  const endpoint = TOKEN_ENDPOINTS.find((e) => e.pattern.test(url));
  return endpoint?.yields === 'aws-credentials' ? { endpoint, grantType: false } : null;
}

/** `fetch(url)`, `axios({ url })`, or node's `https.request({ hostname, path })`. */
function requestUrl(first: Node, context: Context, refs: ModuleRefs): string {
  const options = unwrap(first);
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return urlText(first, context, refs, 0);
  const url = findProperty(options, HTTP_URL_OPTION)?.value;
  if (url) return urlText(url, context, refs, 0);
  const [hostname, host, path] = NODE_HTTP_URL_OPTIONS.map((name) => findProperty(options, name)?.value);
  const origin = hostname ?? host;
  return `//${origin ? urlText(origin, context, refs, 0) : UNKNOWN}${path ? urlText(path, context, refs, 0) : '/'}`;
}

/** What a node request writes as its body: `const req = https.request(...); req.write(body); req.end()`. */
function bodyWrites(call: TSESTree.CallExpression, context: Context): Node[] {
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier)
    return [];
  const variable = findVariable(context.sourceCode.getScope(declarator), declarator.id);
  return (variable?.references ?? []).flatMap((reference) => {
    const member = reference.identifier.parent;
    const write = member?.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression &&
      write?.type === AST_NODE_TYPES.CallExpression &&
      write.callee === member &&
      NODE_HTTP_BODY_WRITERS.includes(staticPropertyName(member) ?? '')
      ? write.arguments
      : [];
  });
}

/** The same request after a builder call that may add its body: superagent's `.send({ grant_type })`. */
export function withBuilderCall(request: HttpRequest, call: TSESTree.CallExpression, context: Context): HttpRequest {
  if (request.grantType) return request;
  return { ...request, grantType: call.arguments.some((argument) => mentionsGrantType(argument, context, 0)) };
}

/** A request whose response is a token or credentials by its URL or its `grant_type` alone. */
export function fetchesToken(request: HttpRequest): boolean {
  return request.grantType || (request.endpoint !== null && !request.endpoint.tokenFieldsOnly);
}

/** What the request sends beside its URL (the options after it, or the other options of `axios({ url, data })`). */
function requestSendsEnvironmentValue(call: TSESTree.CallExpression, context: Context, refs: ModuleRefs): boolean {
  const [first, ...rest] = call.arguments;
  const options = first ? unwrap(first) : null;
  const sent =
    options?.type === AST_NODE_TYPES.ObjectExpression
      ? options.properties.filter(
          (p) => p.type !== AST_NODE_TYPES.Property || staticPropertyName(p) !== HTTP_URL_OPTION,
        )
      : [];
  return [...sent, ...rest].some((n) => sendsEnvironmentValue(n, context, refs, 0));
}

/**
 * The request body (or options) carries a value read from the environment: `{ email: process.env.EMAIL }`,
 * `JSON.stringify({ key: API_KEY })` with a module const set from `process.env`. The app's own account, not a
 * user's typed one.
 */
function sendsEnvironmentValue(node: Node, context: Context, refs: ModuleRefs, depth: number): boolean {
  if (depth > MAX_BODY_DEPTH) return false;
  const inner = unwrap(node);
  const next = (n: Node) => sendsEnvironmentValue(n, context, refs, depth + 1);
  switch (inner.type) {
    case AST_NODE_TYPES.MemberExpression:
      return isProcessEnv(unwrap(inner.object), refs) || isProcessEnv(inner, refs);
    case AST_NODE_TYPES.Property:
      return next(inner.value);
    case AST_NODE_TYPES.SpreadElement:
      return next(inner.argument);
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.some(next);
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.some(next);
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      return inner.arguments.some(next);
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return next(inner.left) || next(inner.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return next(inner.consequent) || next(inner.alternate);
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(inner, context.sourceCode.getScope(inner));
      return init !== null && next(init);
    }
    default:
      return false;
  }
}

function isHttpClientCall(callee: Node, refs: ModuleRefs): boolean {
  const ref = refs.resolve(callee);
  return ref !== null && HTTP_CLIENTS.some((api) => refMatches(ref, api));
}

/**
 * The URL as far as it is known: literals, templates, `+`, constants; `process.env.NAME` reads as `${NAME}`;
 * unknown parts read as `{}`.
 */
function urlText(node: Node, context: Context, refs: ModuleRefs, depth: number): string {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'string' ? inner.value : UNKNOWN;
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.quasis
        .map(
          (quasi, i) =>
            (quasi.value.cooked ?? '') +
            (inner.expressions[i] ? urlText(inner.expressions[i], context, refs, depth + 1) : ''),
        )
        .join('');
    case AST_NODE_TYPES.BinaryExpression:
      return inner.operator === '+'
        ? urlText(inner.left, context, refs, depth + 1) + urlText(inner.right, context, refs, depth + 1)
        : UNKNOWN;
    case AST_NODE_TYPES.NewExpression:
      // new URL(path, base)
      return inner.arguments.length === 2
        ? urlText(inner.arguments[1], context, refs, depth + 1) + urlText(inner.arguments[0], context, refs, depth + 1)
        : UNKNOWN;
    case AST_NODE_TYPES.Identifier: {
      const known = staticString(inner, context);
      if (known !== undefined) return known;
      const init = constInitializer(inner, context.sourceCode.getScope(inner));
      return init ? urlText(init, context, refs, depth + 1) : UNKNOWN;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const variable = isProcessEnv(unwrap(inner.object), refs) ? staticPropertyName(inner) : null;
      return variable ? `\${${variable}}` : (staticString(inner, context) ?? UNKNOWN);
    }
    default:
      return staticString(inner, context) ?? UNKNOWN;
  }
}

/** `{ grant_type: ... }`, `'grant_type=client_credentials'`, or `params.append('grant_type', ...)` on a const. */
function mentionsGrantType(node: Node, context: Context, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'string' && inner.value.includes(GRANT_TYPE_PARAMETER);
    case AST_NODE_TYPES.TemplateLiteral:
      return (
        inner.quasis.some((q) => (q.value.cooked ?? '').includes(GRANT_TYPE_PARAMETER)) ||
        inner.expressions.some((e) => mentionsGrantType(e, context, depth + 1))
      );
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.some((p) =>
        p.type === AST_NODE_TYPES.Property
          ? staticPropertyName(p) === GRANT_TYPE_PARAMETER || mentionsGrantType(p.value, context, depth + 1)
          : mentionsGrantType(p.argument, context, depth + 1),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.some((e) => e !== null && mentionsGrantType(e, context, depth + 1));
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      return inner.arguments.some((a) => mentionsGrantType(a, context, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
      return mentionsGrantType(inner.left, context, depth + 1) || mentionsGrantType(inner.right, context, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context.sourceCode.getScope(inner), inner);
      const init = constInitializer(inner, context.sourceCode.getScope(inner));
      if (init && mentionsGrantType(init, context, depth + 1)) return true;
      return (variable?.references ?? []).some((reference) => {
        const member = reference.identifier.parent;
        const call = member?.parent;
        return (
          member?.type === AST_NODE_TYPES.MemberExpression &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === member &&
          call.arguments.some((a) => a.type === AST_NODE_TYPES.Literal && a.value === GRANT_TYPE_PARAMETER)
        );
      });
    }
    default:
      return false;
  }
}
