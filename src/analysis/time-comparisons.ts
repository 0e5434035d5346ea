import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  DATE_CLOCK_COMPARISON_FUNCTIONS,
  DATE_COMPARISON_FUNCTIONS,
  DATE_COMPARISON_METHODS,
  DATE_FNS_MODULES,
  moduleMatches,
  type RelationalOperator,
} from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import { ModuleRefs } from './module-refs.js';
import { fileIndex } from './file-index.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A comparison of two times, `left <operator> right`: a relational expression, or a date library's comparison
 * (`a.isBefore(b)`, date-fns `isAfter(a, b)`, `isPast(d)`). `right` is null when it is the clock (`isPast`).
 */
export interface TimeComparison {
  readonly node: Node;
  readonly left: Node;
  readonly right: Node | null;
  readonly operator: RelationalOperator;
}

const RELATIONAL = new Set<string>(['<', '<=', '>', '>=']);
const comparisons = new WeakMap<SourceCode, readonly TimeComparison[]>();

/** Every comparison of the file that could compare times, found once per file. */
export function timeComparisons(sourceCode: SourceCode): readonly TimeComparison[] {
  const known = comparisons.get(sourceCode);
  if (known) return known;
  const index = fileIndex(sourceCode);
  const found: TimeComparison[] = [];
  for (const node of [...index.comparisons, ...index.calls]) {
    const comparison = asTimeComparison(node, sourceCode);
    if (comparison) found.push(comparison);
  }
  comparisons.set(sourceCode, found);
  return found;
}

/** `node` read as a comparison of times, or null. */
export function asTimeComparison(node: Node, sourceCode: SourceCode): TimeComparison | null {
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    return RELATIONAL.has(node.operator) && node.left.type !== AST_NODE_TYPES.PrivateIdentifier
      ? { node, left: node.left, right: node.right, operator: node.operator as RelationalOperator }
      : null;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(node.callee);
  const [first, second] = node.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const operator = DATE_COMPARISON_METHODS.get(staticPropertyName(callee) ?? '');
    return operator ? { node, left: callee.object, right: first, operator } : null;
  }
  const ref = ModuleRefs.for(sourceCode).resolve(callee);
  if (ref?.path.length !== 1 || !DATE_FNS_MODULES.some((m) => moduleMatches(m, ref.module))) return null;
  const name = ref.path[0];
  const between = DATE_COMPARISON_FUNCTIONS.get(name);
  if (between && second && second.type !== AST_NODE_TYPES.SpreadElement)
    return { node, left: first, right: second, operator: between };
  const withClock = DATE_CLOCK_COMPARISON_FUNCTIONS.get(name);
  return withClock ? { node, left: first, right: null, operator: withClock } : null;
}
