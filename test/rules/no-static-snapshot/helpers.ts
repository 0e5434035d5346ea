import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';

const config = [
  {
    files: ['**/*.{ts,js}'],
    languageOptions: { parser: tsParser },
    plugins: { ce: { rules: { 'no-static-snapshot': rule } } },
    rules: { 'ce/no-static-snapshot': 'error' },
  },
] as unknown as Linter.Config[];

/**
 * Every fix output parses and is clean (so fixing twice equals fixing once); every suggestion output parses.
 * Run over the invalid cases of a RuleTester run, so each new case is checked without being listed twice.
 */
export function checkOutputs<MessageId extends string>(
  title: string,
  cases: readonly InvalidTestCase<MessageId, []>[],
): void {
  const fixed = cases
    .filter((c) => typeof c.output === 'string')
    .map((c) => [c.code.split('\n').at(-1)!, c.output as string] as const);
  const suggested = cases.flatMap((c) =>
    (c.errors ?? [])
      .flatMap((e) => (typeof e === 'object' && e.suggestions ? e.suggestions : []))
      .map((s) => [c.code.split('\n').at(-1)!, s.output] as const),
  );
  describe(`${title}: outputs`, () => {
    it('has fixes or suggestions to check', () => {
      expect(fixed.length + suggested.length).toBeGreaterThan(0);
    });
    it.each(fixed)('fix of …%s is clean when linted again', (_, output) => {
      const linter = new Linter();
      expect(linter.verify(output, config, 'file.ts')).toEqual([]);
      expect(linter.verifyAndFix(output, config, 'file.ts').output).toBe(output);
    });
    it.each(suggested)('suggestion for …%s parses', (_, output) => {
      const messages = new Linter().verify(output, config, 'file.ts');
      expect(messages.filter((m) => m.fatal)).toEqual([]);
    });
  });
}
