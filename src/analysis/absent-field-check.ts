import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CLOCK_CALLS, CLOCK_CONSTRUCTORS } from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import { constDeclarator } from './module-refs.js';
import { findVariable } from './find-variable.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 8;
/** Any present time in milliseconds: only its sign against 0 and against NaN matters. */
const NOW = Date.UTC(2026, 0, 1);
/** What an expression evaluates to when the absent field reads undefined: a number, undefined, or not known. */
type Outcome = number | undefined | 'unknown';
/** Methods and functions that turn a time into its number of milliseconds, keeping undefined as NaN. */
const TO_NUMBER_METHODS: readonly string[] = ['getTime', 'valueOf'];
const TO_NUMBER_FUNCTIONS: readonly (readonly [string, string] | readonly [string])[] = [
  ['Date', 'parse'],
  ['Number'],
  ['parseInt'],
  ['parseFloat'],
];

/**
 * The constant result of a time comparison that reads a field the kept value never has (`absent`): with that field
 * undefined, `now >= new Date(cache.expiration || 0).getTime()` is always true and `Date.now() > cache.expiration`
 * always false. Null when the comparison reads something else than the clock, literals and the absent field.
 */
export function constantOutcome(
  left: Node,
  /** Null: the clock (`isAfter(expiry)` of date-fns' clock forms). */
  right: Node | null,
  operator: '<' | '<=' | '>' | '>=',
  absent: ReadonlySet<Node>,
  sourceCode: SourceCode,
): boolean | null {
  const a = evaluate(left, absent, sourceCode, 0);
  const b = right ? evaluate(right, absent, sourceCode, 0) : NOW;
  if (a === 'unknown' || b === 'unknown') return null;
  const x = a ?? Number.NaN;
  const y = b ?? Number.NaN;
  switch (operator) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

function evaluate(node: Node, absent: ReadonlySet<Node>, sourceCode: SourceCode, depth: number): Outcome {
  if (depth > MAX_DEPTH) return 'unknown';
  const inner = unwrap(node);
  if (absent.has(inner)) return undefined;
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'number' ? inner.value : 'unknown';
    case AST_NODE_TYPES.Identifier: {
      const init = constDeclarator(inner, sourceCode.getScope(inner))?.declarator.init;
      return init ? evaluate(init, absent, sourceCode, depth + 1) : 'unknown';
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = evaluate(inner.left, absent, sourceCode, depth + 1);
      if (left === 'unknown' || inner.operator === '&&') return 'unknown';
      const falsy = left === undefined || left === 0 || Number.isNaN(left);
      const nullish = left === undefined;
      return (inner.operator === '||' ? falsy : nullish) ? evaluate(inner.right, absent, sourceCode, depth + 1) : left;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (!['+', '-', '*', '/'].includes(inner.operator) || inner.left.type === AST_NODE_TYPES.PrivateIdentifier)
        return 'unknown';
      const a = evaluate(inner.left, absent, sourceCode, depth + 1);
      const b = evaluate(inner.right, absent, sourceCode, depth + 1);
      if (a === 'unknown' || b === 'unknown') return 'unknown';
      const x = a ?? Number.NaN;
      const y = b ?? Number.NaN;
      return inner.operator === '+' ? x + y : inner.operator === '-' ? x - y : inner.operator === '*' ? x * y : x / y;
    }
    case AST_NODE_TYPES.NewExpression: {
      if (!isGlobal(inner.callee, CLOCK_CONSTRUCTORS, sourceCode)) return 'unknown';
      const [argument] = inner.arguments;
      if (!argument) return NOW;
      const value = evaluate(argument, absent, sourceCode, depth + 1);
      return value === undefined ? Number.NaN : value;
    }
    case AST_NODE_TYPES.CallExpression:
      return evaluateCall(inner, absent, sourceCode, depth);
    default:
      return 'unknown';
  }
}

function evaluateCall(
  call: TSESTree.CallExpression,
  absent: ReadonlySet<Node>,
  sourceCode: SourceCode,
  depth: number,
): Outcome {
  const callee = unwrap(call.callee);
  const [argument] = call.arguments;
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : null;
  if (
    call.arguments.length === 0 &&
    object &&
    CLOCK_CALLS.some(([owner, name]) => name === method && isGlobal(object, [owner], sourceCode))
  )
    return NOW;
  let converted: Node | undefined;
  if (object && method !== null && TO_NUMBER_METHODS.includes(method) && call.arguments.length === 0)
    converted = object;
  else if (
    argument &&
    argument.type !== AST_NODE_TYPES.SpreadElement &&
    TO_NUMBER_FUNCTIONS.some((path) =>
      path.length === 1
        ? isGlobal(callee, path, sourceCode)
        : object && method === path[1] && isGlobal(object, [path[0]], sourceCode),
    )
  )
    converted = argument;
  if (!converted) return 'unknown';
  const value = evaluate(converted, absent, sourceCode, depth + 1);
  return value === undefined ? Number.NaN : value;
}

/** `Date`, `Math`: one of `names` as an unshadowed global. */
function isGlobal(node: Node, names: readonly string[], sourceCode: SourceCode): boolean {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.Identifier || !names.includes(inner.name)) return false;
  return (findVariable(sourceCode.getScope(inner), inner)?.defs.length ?? 0) === 0;
}
