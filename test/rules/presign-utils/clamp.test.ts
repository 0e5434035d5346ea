import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampedText } from '../../../rules/presign-utils/clamp.js';

function expression(text: string): TSESTree.Expression {
  const statement = parse(text).body[0] as TSESTree.ExpressionStatement;
  return statement.expression;
}

function clamp(text: string, seconds: number, scale: 1 | 1000 = 1): string {
  return clampedText(expression(text), text, seconds, scale);
}

/** The value of a product of numeric literals, as JavaScript reads it. */
function evaluate(text: string): number {
  return text.split('*').reduce((product, part) => product * Number(part.trim().replaceAll('_', '')), 1);
}

describe('clampedText', () => {
  it('keeps a product in its own units, the count where the source has it', () => {
    expect(clamp('7 * 24 * 60 * 60', 6 * 3600)).toBe('6 * 60 * 60');
    expect(clamp('60 * 60 * 24 * 7', 12 * 3600)).toBe('60 * 60 * 12');
    expect(clamp('3600 * 24 * 30', 7 * 86400)).toBe('3600 * 24 * 7');
    expect(clamp('8 * 24 * 60 * 60', 604800)).toBe('7 * 24 * 60 * 60');
    expect(clamp('2 * 24 * 3600', 43200)).toBe('12 * 3600');
    expect(clamp('30 * 864e5', 7 * 86400, 1000)).toBe('7 * 864e5');
    expect(clamp('7 * 24 * 60 * 60 * 1000', 12 * 3600, 1000)).toBe('12 * 60 * 60 * 1000');
  });

  it('drops a count of one, and uses smaller units (or a plain number) when the target needs them', () => {
    expect(clamp('3 * 60 * 60', 3600)).toBe('60 * 60');
    expect(clamp('7 * 24 * 60 * 60', 900)).toBe('15 * 60');
    expect(clamp('2 * 3600', 5400)).toBe('5400');
  });

  it('writes a literal for a literal, a string for a string, and a literal when the style is not a product of literals', () => {
    expect(clamp('604800', 21600)).toBe('21600');
    expect(clamp('1_209_600', 604800)).toBe('604_800');
    expect(clamp("'604800'", 43200)).toBe("'43200'");
    expect(clamp('"604800"', 43200)).toBe('"43200"');
    expect(clamp('DAY * 7', 21600)).toBe('21600');
    expect(clamp('86400 * 7 + 1', 21600)).toBe('21600');
  });

  it('always writes the target value (products of unit factors, any target in whole seconds)', () => {
    const unitProduct = fc.tuple(
      fc.integer({ min: 2, max: 90 }),
      fc.constantFrom([24, 60, 60], [60, 60], [3600], [24, 3600], [60]),
      fc.boolean(),
    );
    fc.assert(
      fc.property(unitProduct, fc.integer({ min: 1, max: 604800 }), ([count, units, countFirst], target) => {
        const factors = countFirst ? [count, ...units] : [...units, count];
        const text = clamp(factors.join(' * '), target);
        expect(evaluate(text)).toBe(target);
      }),
    );
  });
});
