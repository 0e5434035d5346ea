import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { JWT_EXPIRY, JWT_SIGNERS, type JwtSigner, refMatches } from '../knowledge/index.js';
import { findProperty, staticPropertyName, unwrap } from './ast.js';
import { constInitializer, type ModuleRefs } from './module-refs.js';
import { staticNumber, staticString } from './static-value.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Consts followed to the claims or to the clock read: bounded. */
const MAX_HOPS = 3;
const MS_PER_SECOND = 1000;
const ROUNDING = new Set(['floor', 'round', 'ceil', 'trunc']);
/** `vercel/ms` units, in seconds; a number without a unit is milliseconds. */
const SPAN_UNITS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_557_600,
};
// Matched against the trimmed text: blanks only between the number and the unit keep the match linear (recheck).
const SPAN =
  /^(\d+(?:\.\d+)?)\s*(ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|yrs?|years?)?$/i;

/** A JWT signed by the app, with the lifetime its code gives it. */
export interface SignedJwt {
  readonly signer: JwtSigner;
  readonly seconds: number;
  /** Where the lifetime was read: the `exp` claim, or the option. */
  readonly from: string;
}

/**
 * `jwt.sign({ ..., exp: Math.floor(Date.now() / 1000) + 180 }, key)` or `jwt.sign(claims, key, { expiresIn: '10m' })`
 * (JWT_SIGNERS), when the code says how long the JWT lives and that is short (JWT_EXPIRY.maxShortLivedSeconds); null
 * for any other call, a lifetime the code does not show, and a long-lived JWT (an Apple client secret).
 */
export function shortLivedJwtOf(call: TSESTree.CallExpression, refs: ModuleRefs, context: Context): SignedJwt | null {
  const ref = refs.resolve(call.callee);
  const signer = ref && JWT_SIGNERS.find((s) => refMatches(ref, s.api));
  if (!signer) return null;
  const lifetime =
    optionLifetime(call.arguments[signer.optionsArgument], signer, context) ??
    claimLifetime(call.arguments[signer.payloadArgument], context);
  if (!lifetime || lifetime.seconds <= 0 || lifetime.seconds > JWT_EXPIRY.maxShortLivedSeconds) return null;
  return { signer, ...lifetime };
}

function optionLifetime(
  options: Node | undefined,
  signer: JwtSigner,
  context: Context,
): { seconds: number; from: string } | null {
  const object = options && objectOf(options, context, 0);
  const value = object && findProperty(object, signer.lifetimeOption)?.value;
  if (!value) return null;
  const text = staticString(value, context);
  if (text !== undefined) {
    const seconds = spanSeconds(text);
    return seconds ? { seconds, from: signer.lifetimeOption } : null;
  }
  const seconds = staticNumber(value, context);
  return seconds !== undefined ? { seconds, from: signer.lifetimeOption } : null;
}

/** A `vercel/ms` time span in seconds (`'10m'`, `'1 hour'`; digits alone are milliseconds). */
function spanSeconds(text: string): number | null {
  const match = SPAN.exec(text.trim());
  if (!match) return null;
  const unit = (match[2] ?? 'ms').toLowerCase();
  const key = /^(?:ms|msecs?|milliseconds?)$/.test(unit) ? 'ms' : unit.charAt(0);
  return Number(match[1]) * (SPAN_UNITS[key] ?? 0);
}

function claimLifetime(payload: Node | undefined, context: Context): { seconds: number; from: string } | null {
  const object = payload && objectOf(payload, context, 0);
  const exp = object && findProperty(object, JWT_EXPIRY.claim)?.value;
  const seconds = exp ? secondsAhead(exp, context, 0) : null;
  return seconds !== null ? { seconds, from: JWT_EXPIRY.claim } : null;
}

function objectOf(node: Node, context: Context, hops: number): TSESTree.ObjectExpression | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier || hops >= MAX_HOPS) return null;
  const init = constInitializer(inner, context.sourceCode.getScope(inner));
  return init ? objectOf(init, context, hops + 1) : null;
}

/**
 * How many seconds after now a NumericDate expression points: `now + 180` where `now` reads the clock in seconds
 * (`Math.floor(Date.now() / 1000)`, a const bound to it), or `Math.floor((Date.now() + 180000) / 1000)`.
 */
function secondsAhead(node: Node, context: Context, hops: number): number | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    if (hops >= MAX_HOPS) return null;
    const init = constInitializer(inner, context.sourceCode.getScope(inner));
    return init ? secondsAhead(init, context, hops + 1) : null;
  }
  if (inner.type === AST_NODE_TYPES.CallExpression && isRounding(inner.callee) && inner.arguments[0])
    return secondsAhead(inner.arguments[0], context, hops);
  if (inner.type !== AST_NODE_TYPES.BinaryExpression) return null;
  if (inner.operator === '/' && staticNumber(inner.right, context) === MS_PER_SECOND) {
    const ms = unwrap(inner.left);
    const ahead =
      ms.type === AST_NODE_TYPES.BinaryExpression && ms.operator === '+' ? offsetFromNow(ms, context, hops) : null;
    return ahead === null ? null : ahead / MS_PER_SECOND;
  }
  return inner.operator === '+' ? offsetFromNow(inner, context, hops) : null;
}

/** `clock + N` (either order): N, when one side reads the clock and the other is a number. */
function offsetFromNow(sum: TSESTree.BinaryExpression, context: Context, hops: number): number | null {
  for (const [clock, offset] of [
    [sum.left, sum.right],
    [sum.right, sum.left],
  ] as const) {
    const seconds = staticNumber(offset, context);
    if (seconds !== undefined && readsClock(clock, context, hops)) return seconds;
  }
  return null;
}

/** `Date.now()`, `new Date().getTime()`, `Math.floor(Date.now() / 1000)`, or a const bound to one. */
function readsClock(node: Node, context: Context, hops: number): boolean {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    if (hops >= MAX_HOPS) return false;
    const init = constInitializer(inner, context.sourceCode.getScope(inner));
    return init !== null && readsClock(init, context, hops + 1);
  }
  if (inner.type === AST_NODE_TYPES.BinaryExpression) return readsClock(inner.left, context, hops);
  if (inner.type === AST_NODE_TYPES.NewExpression) return isDate(inner.callee);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(inner.callee);
  if (isRounding(callee)) return inner.arguments[0] !== undefined && readsClock(inner.arguments[0], context, hops);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee);
  if (method === 'now') return isDate(callee.object);
  return (method === 'getTime' || method === 'valueOf') && readsClock(callee.object, context, hops);
}

function isDate(node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.Identifier && inner.name === 'Date';
}

function isRounding(callee: Node): boolean {
  const inner = unwrap(callee);
  return (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    ROUNDING.has(staticPropertyName(inner) ?? '') &&
    unwrap(inner.object).type === AST_NODE_TYPES.Identifier &&
    (unwrap(inner.object) as TSESTree.Identifier).name === 'Math'
  );
}
