import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from '../../src/analysis/ast.js';

const UNITS_IN_SECONDS = [86_400, 3_600, 60, 1] as const;
const MAX_FACTORS = 8;

/**
 * The text for `targetSeconds` in the style of `source`, the expression that wrote the old lifetime: a product of
 * literals keeps its unit factors (`7 * 24 * 60 * 60` → `6 * 60 * 60`, `60 * 60 * 24 * 7` → `60 * 60 * 12`,
 * `7 * 24 * 60 * 60 * 1000` in milliseconds → `12 * 60 * 60 * 1000`); a numeric string stays a string; anything
 * else becomes a plain number (with `_` separators if the source used them). `scale` is 1000 when the source is in
 * milliseconds.
 */
export function clampedText(source: TSESTree.Node, sourceText: string, targetSeconds: number, scale: 1 | 1000): string {
  const target = Math.round(targetSeconds * scale);
  const inner = unwrap(source);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') {
    const quote = inner.raw.startsWith("'") ? "'" : '"';
    return `${quote}${target}${quote}`;
  }
  const factors = literalFactors(inner);
  return (factors && productText(factors, target, scale)) ?? plainNumber(target, sourceText.includes('_'));
}

interface Factor {
  readonly value: number;
  readonly raw: string;
}

/** `a * b * c` over numeric literals, in source order; null for anything else. */
function literalFactors(node: TSESTree.Node): Factor[] | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'number')
    return [{ value: inner.value, raw: inner.raw }];
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || inner.operator !== '*') return null;
  const left = literalFactors(inner.left);
  const right = left && literalFactors(inner.right);
  return right && left.length + right.length <= MAX_FACTORS ? [...left, ...right] : null;
}

/**
 * Finds the count among the factors (the one whose removal leaves a whole unit: a day, an hour, a minute), then
 * writes the target as a new count times the largest unit that divides it, built from the source's own factors.
 */
function productText(factors: readonly Factor[], target: number, scale: number): string | null {
  if (factors.length < 2) return null;
  const units = UNITS_IN_SECONDS.map((u) => u * scale);
  const product = (items: readonly Factor[]) => items.reduce((p, f) => p * f.value, 1);
  let countIndex = -1;
  let largest = 0;
  factors.forEach((_, i) => {
    const rest = product(factors.filter((__, j) => j !== i));
    if (units.includes(rest) && rest > largest) [countIndex, largest] = [i, rest];
  });
  if (countIndex < 0) return null;
  const unitFactors = factors.map((f, i) => ({ ...f, index: i })).filter((f) => f.index !== countIndex);
  for (const unit of units) {
    if (target % unit !== 0 || unit > largest) continue;
    const kept = subsetWithProduct(unitFactors, unit);
    if (!kept) continue;
    const count = target / unit;
    const parts = factors.flatMap((f, i) => {
      if (i === countIndex) return kept.size > 0 && count === 1 ? [] : [String(count)];
      return kept.has(i) ? [f.raw] : [];
    });
    return parts.join(' * ');
  }
  return null;
}

/** The indices of a subset of `factors` whose product is `wanted` (the largest such subset), or null. */
function subsetWithProduct(factors: readonly (Factor & { index: number })[], wanted: number): Set<number> | null {
  let best: Set<number> | null = null;
  for (let mask = 0; mask < 1 << factors.length; mask++) {
    const chosen = factors.filter((_, i) => mask & (1 << i));
    if (chosen.reduce((p, f) => p * f.value, 1) !== wanted) continue;
    if (!best || chosen.length > best.size) best = new Set(chosen.map((f) => f.index));
  }
  return best;
}

function plainNumber(value: number, separators: boolean): string {
  const text = String(value);
  return separators && /^-?\d+$/u.test(text) ? groupThousands(text) : text;
}

/** `604800` → `604_800`. A loop, not `/\B(?=(\d{3})+(?!\d))/g`: that lookahead rescans the digits from every position. */
function groupThousands(digits: string): string {
  const sign = digits.startsWith('-') ? '-' : '';
  const body = sign ? digits.slice(1) : digits;
  const groups: string[] = [];
  for (let end = body.length; end > 0; end -= 3) groups.unshift(body.slice(Math.max(0, end - 3), end));
  return sign + groups.join('_');
}
