import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from '../../src/analysis/ast.js';
import { formatDuration } from '../../src/analysis/format.js';
import { clampedText } from './clamp.js';
import type { Requested } from './lifetime.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
/** A suggestion without its message id: the rule names it, so ESLint's tooling sees every id the rule uses. */
interface SuggestedEdit {
  readonly data: Record<string, string>;
  readonly fix: TSESLint.ReportFixFunction;
}

/**
 * Rewrites the expression that writes the lifetime to `targetSeconds`, in its own style. None when that expression
 * is a name (an imported or typed constant): replacing it with a number would hide the name; change the constant.
 */
export function clampEdit(
  context: Context,
  requested: Extract<Requested, { kind: 'duration' }>,
  targetSeconds: number,
): SuggestedEdit | null {
  const { source, valueNode } = requested;
  const { node } = source;
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) return null;
  const replacement = clampedText(node, context.sourceCode.getText(node), targetSeconds, requested.scale);
  // A constant that other code reads too (`const ONE_WEEK = …` also used for a cache header, or exported) keeps its
  // value: the lifetime is then written at the call, when the call names the constant directly.
  let target: TSESTree.Node = fallbackChainOf(node);
  if (!within(node, valueNode) && sharedConstant(context, node)) {
    if (requested.scale !== 1 || valueNode.type !== AST_NODE_TYPES.Identifier) return null;
    target = valueNode;
  }
  return {
    data: { target: formatDuration(targetSeconds), replacement },
    fix: (fixer) => fixer.replaceText(target, replacement),
  };
}

const within = (inner: TSESTree.Node, outer: TSESTree.Node) =>
  inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];

/** Whether `node` is (in) the initializer of a variable that is exported or read more than once. */
function sharedConstant(context: Context, node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (/Statement$|Function|Program|Class/.test(current.type)) return false;
    if (current.type !== AST_NODE_TYPES.VariableDeclarator) continue;
    if (current.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
    const reads = context.sourceCode
      .getDeclaredVariables(current)
      .flatMap((variable) => variable.references.filter((reference) => reference.isRead()));
    return reads.length > 1;
  }
  return false;
}

/**
 * The `a || b` / `a ?? b` chain whose left side is `node`. The lifetime was read from a left side that is a
 * non-zero number, so the chain always yields it: the clamped number replaces the whole chain, since
 * `43200 || ttl` would leave a fallback TypeScript rejects as dead code (TS2872).
 */
function fallbackChainOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent?.type === AST_NODE_TYPES.LogicalExpression &&
    current.parent.left === current &&
    current.parent.operator !== '&&'
  )
    current = current.parent;
  return current;
}

/**
 * For a duration passed where a point in time belongs (`expires: 3600`): rewrite it at the call as now plus that
 * many seconds, or milliseconds. The time is computed at the call, never where a shared constant is declared.
 */
export function fromNowEdits(
  context: Context,
  requested: Extract<Requested, { kind: 'time-as-duration' }>,
): Record<'seconds' | 'milliseconds', SuggestedEdit> {
  const written = unwrap(requested.valueNode);
  const target =
    written.type === AST_NODE_TYPES.NewExpression && written.arguments.length === 1 ? written.arguments[0] : written;
  const text = context.sourceCode.getText(target);
  const operand = isTightOperand(unwrap(target)) ? text : `(${text})`;
  const value = String(requested.source.value);
  const edit = (replacement: string): SuggestedEdit => ({
    data: { value, replacement },
    fix: (fixer) => fixer.replaceText(target, replacement),
  });
  return { seconds: edit(`Date.now() + ${operand} * 1000`), milliseconds: edit(`Date.now() + ${operand}`) };
}

/** Binds at least as tightly as `*`, so it needs no parentheses inside `now + x * 1000`. */
function isTightOperand(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return ['*', '/', '%', '**'].includes(node.operator);
    default:
      return false;
  }
}

/**
 * The unit a duration given as a point in time was meant in, when the code says it: a name that ends in a unit
 * (`LINK_MS`, `ttlSeconds`), a product with `* 1000`, or a number that is a whole number of minutes up to a day
 * and not a whole number of seconds in milliseconds (`3600`, `900`, `86400`: read as milliseconds they would give
 * a link of a few seconds). Null when both readings are plausible (`60000`): then a person chooses.
 */
export function statedUnit(
  context: Context,
  requested: Extract<Requested, { kind: 'time-as-duration' }>,
): { unit: 'seconds' | 'milliseconds'; why: string } | null {
  const names = [requested.valueNode, requested.source.node].flatMap((node) => {
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.Identifier) return [inner.name];
    return inner.type === AST_NODE_TYPES.MemberExpression && inner.property.type === AST_NODE_TYPES.Identifier
      ? [inner.property.name]
      : [];
  });
  for (const name of names) {
    if (/(?:^|_|[a-z])(?:MS|Ms|ms|MILLIS|Millis|millis|MILLISECONDS|Milliseconds)$/u.test(name))
      return { unit: 'milliseconds', why: `\`${name}\` says milliseconds` };
    if (/(?:^|_|[a-z])(?:SECONDS|Seconds|seconds|SECS|Secs|secs)$/u.test(name))
      return { unit: 'seconds', why: `\`${name}\` says seconds` };
  }
  const source = unwrap(requested.source.node);
  if (source.type === AST_NODE_TYPES.BinaryExpression && source.operator === '*') {
    const factors = [source.left, source.right].map((f) => unwrap(f as TSESTree.Node));
    if (factors.some((f) => f.type === AST_NODE_TYPES.Literal && f.value === 1000))
      return { unit: 'milliseconds', why: 'it is multiplied by 1000' };
  }
  const { value } = requested.source;
  if (Number.isInteger(value) && value > 0 && value % 60 === 0 && value <= 86_400 && value % 1000 !== 0)
    return { unit: 'seconds', why: `in milliseconds it would last ${formatDuration(value / 1000)}` };
  return null;
}
