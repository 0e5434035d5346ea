import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../analysis/ast.js';
import { formatDuration } from '../../analysis/format.js';
import { clampedText } from './clamp.js';
import type { Requested } from './lifetime.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
/** A suggestion without its message id: the rule names it, so ESLint's tooling sees every id the rule uses. */
export interface SuggestedEdit {
  readonly data: Record<string, string>;
  readonly fix: TSESLint.ReportFixFunction;
}

/**
 * Rewrites the expression that writes the lifetime to `targetSeconds`, in its own style. None when that expression
 * is a name (an imported or typed constant): replacing it with a number would hide the name; change the constant.
 */
export function clampEdit(context: Context, requested: Extract<Requested, { kind: 'duration' }>, targetSeconds: number): SuggestedEdit | null {
  const { node } = requested.source;
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) return null;
  const replacement = clampedText(node, context.sourceCode.getText(node), targetSeconds, requested.scale);
  const replaced = fallbackChainOf(node);
  return { data: { target: formatDuration(targetSeconds), replacement }, fix: (fixer) => fixer.replaceText(replaced, replacement) };
}

/**
 * The `a || b` / `a ?? b` chain whose left side is `node`. The lifetime was read from a left side that is a
 * non-zero number, so the chain always yields it: the clamped number replaces the whole chain, since
 * `43200 || ttl` would leave a fallback TypeScript rejects as dead code (TS2872).
 */
function fallbackChainOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression && current.parent.left === current && current.parent.operator !== '&&') current = current.parent;
  return current;
}

/**
 * For a duration passed where a point in time belongs (`expires: 3600`): rewrite it at the call as now plus that
 * many seconds, or milliseconds. The time is computed at the call, never where a shared constant is declared.
 */
export function fromNowEdits(context: Context, requested: Extract<Requested, { kind: 'time-as-duration' }>): Record<'seconds' | 'milliseconds', SuggestedEdit> {
  const written = unwrap(requested.valueNode);
  const target = written.type === AST_NODE_TYPES.NewExpression && written.arguments.length === 1 ? written.arguments[0] : written;
  const text = context.sourceCode.getText(target);
  const operand = isTightOperand(unwrap(target)) ? text : `(${text})`;
  const value = String(requested.source.value);
  const edit = (replacement: string): SuggestedEdit => ({ data: { value, replacement }, fix: (fixer) => fixer.replaceText(target, replacement) });
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
