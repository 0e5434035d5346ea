// Promises on the way to a held value: what `await` and `.then()` settle to, and when a raw HTTP response counts.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, staticPropertyName } from './ast.js';
import { returnedValues } from './returned-values.js';
import { firstOf, type Value, type ValueReader } from './held-value-kinds.js';
import { type Held, heldFromEndpoint } from './held.js';
import { fetchesToken } from './http-request.js';

type Node = TSESTree.Node;

export const PROMISE_THEN = 'then';

/** `await x`: a promise of a value becomes the value; a v2 request still needs `.promise()`. */
export function settle(value: Value | null): Value | null {
  if (!value || value.kind === 'http') return value;
  if (value.kind === 'resolved') return value.promise ? { ...value, promise: false } : value;
  if (value.pending) return null;
  return value.promise ? { ...value, promise: false } : value;
}

export function asPromise(value: Value): Value {
  return value.kind === 'http' ? value : { ...value, promise: true };
}

/** A raw response only counts once its request is known to fetch a token. */
export function settleHttp(value: Value | null): Held | null {
  if (!value) return null;
  if (value.kind === 'resolved') return null;
  if (value.kind !== 'http') return value.pending || value.fieldsOnly ? null : value;
  return !value.opaque && fetchesToken(value.request) ? heldFromEndpoint(value.request) : null;
}

/** `await call()`, `call().then(...)` (through `?.` and `!`). */
export function isAwaited(call: TSESTree.CallExpression): boolean {
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

/** `promise.then((r) => r.json())`: the callback's result, with its parameter bound to the settled value. */
export function thenResult(
  reader: ValueReader,
  call: TSESTree.CallExpression,
  object: Node,
  depth: number,
): Value | null {
  const settled = settle(reader.valueOf(object, depth));
  const callback = call.arguments[0];
  if (!settled && callback && isFunctionNode(callback)) {
    // `login().then((creds) => mint(creds))`: what the callback returns, whatever the promise it waits for holds.
    const made = firstOf(returnedValues(callback), (n) => reader.valueOf(n, depth));
    return made && asPromise(made);
  }
  if (!settled || !callback || !isFunctionNode(callback)) return settled && { ...asPromise(settled) };
  const param = callback.params[0];
  const variable = param?.type === AST_NODE_TYPES.Identifier ? reader.refs.variableOf(param) : null;
  if (variable) reader.bind(variable, settled);
  const result = firstOf(returnedValues(callback), (n) => reader.valueOf(n, depth));
  return result && asPromise(result);
}
