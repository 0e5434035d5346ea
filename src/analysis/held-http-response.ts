// Hand-made HTTP token requests: a call through `fetch` or an HTTP client module, its body, and `JSON.parse` of it.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { HTTP_CLIENT_GLOBALS, NODE_HTTP_MODULES } from '../knowledge/index.js';
import { enclosingFunction, staticPropertyName, unwrap } from './ast.js';
import { type Value, type ValueReader } from './held-value-kinds.js';
import { fetchesToken, type HttpRequest, httpRequestOf } from './http-request.js';
import { isInjectedFetch } from './injected-fetch.js';

type Node = TSESTree.Node;

const JSON_GLOBAL = 'JSON';
const JSON_PARSE = 'parse';
/** `https.request(o, (res) => { res.on('end', () => JSON.parse(data)) })`: the parse sits two callbacks deep. */
const MAX_CALLBACK_NESTING = 3;

/**
 * `decrypt(res.data.eData)`, `parse(body)`: a helper of another module applied to a response body. What it returns
 * is unknown, but a token field read from it (`.access_token`) is still the endpoint's token.
 */
export function transformedBody(reader: ValueReader, call: TSESTree.CallExpression, depth: number): Value | null {
  if (unwrap(call.callee).type !== AST_NODE_TYPES.Identifier || call.arguments.length !== 1) return null;
  const argument = reader.valueOf(call.arguments[0], depth);
  return argument?.kind === 'http' && argument.stage === 'body' ? { ...argument, opaque: true } : null;
}

/** `JSON.parse` of the global `JSON`. */
export function isJsonParse(reader: ValueReader, callee: Node): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === JSON_GLOBAL &&
    staticPropertyName(callee) === JSON_PARSE &&
    !reader.refs.variableOf(callee.object)?.defs.length
  );
}

/**
 * `JSON.parse(await r.text())` is the body it parses; `JSON.parse(data)` inside the callback of node's
 * `https.request(options, (res) => ...)` parses the chunks of that request's response.
 */
export function parsedBody(reader: ValueReader, call: TSESTree.CallExpression, depth: number): Value | null {
  const text = call.arguments[0] ? reader.valueOf(call.arguments[0], depth) : null;
  if (text?.kind === 'http') return { ...text, stage: 'body' };
  if (text || !reader.imports(NODE_HTTP_MODULES)) return text;
  let fn = enclosingFunction(call);
  for (let level = 0; fn && level < MAX_CALLBACK_NESTING; level++, fn = enclosingFunction(fn)) {
    const outer = fn.parent;
    if (outer?.type !== AST_NODE_TYPES.CallExpression || !outer.arguments.includes(fn as TSESTree.Expression)) continue;
    const request = httpRequest(reader, outer);
    if (request) return { kind: 'http', stage: 'body', request };
  }
  return null;
}

/**
 * `fetch(url)` (global), a fetch the caller hands in (`options.fetch(url)`) when the URL names a token endpoint, or a
 * call through an HTTP client module the file imports.
 */
export function httpRequest(reader: ValueReader, call: TSESTree.CallExpression): HttpRequest | null {
  const callee = unwrap(call.callee);
  const global =
    callee.type === AST_NODE_TYPES.Identifier &&
    HTTP_CLIENT_GLOBALS.includes(callee.name) &&
    !reader.refs.variableOf(callee)?.defs.length;
  if (!global && isInjectedFetch(callee, reader.context.sourceCode)) {
    const request = httpRequestOf(call, true, reader.context, reader.refs);
    if (request && fetchesToken(request)) return request;
  }
  if (!global && !reader.importsHttpClient()) return null;
  return httpRequestOf(call, global, reader.context, reader.refs);
}
