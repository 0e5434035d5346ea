import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';
import { TYPED_FIXTURE_DIR } from '../../rule-tester.js';
import { TypeCheck } from '../../robust/type-check.js';
import { invalid } from './cases.js';

/**
 * The TypeScript cases of the RuleTester test type-check as written against the installed SDKs' types, and so
 * does every suggestion the rule offers on them: all of them are compiled as one program in the typed fixture
 * project (test/fixtures/typed/tsconfig.json), as virtual files beside it.
 */
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'credential-expiry': plugin },
    rules: { 'credential-expiry/no-module-token-cache': 'error' },
  },
];

function applySuggestions(text: string, linter: Linter, filename: string): { id: string; output: string }[] {
  return linter.verify(text, config, filename).flatMap((message) =>
    (message.suggestions ?? []).map((suggestion) => ({
      id: suggestion.messageId ?? suggestion.desc,
      output: text.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + text.slice(suggestion.fix.range[1]),
    })),
  );
}

describe('no-module-token-cache suggestions', () => {
  it('compiles every TypeScript case and every suggestion output without errors', () => {
    const linter = new Linter();
    const files = new Map<string, string>();
    let outputs = 0;
    invalid
      .filter((c) => c.filename?.endsWith('.ts'))
      .forEach((testCase, i) => {
        const base = path.join(TYPED_FIXTURE_DIR, `token-cache-${i}`);
        files.set(`${base}.ts`, testCase.code);
        for (const [j, suggestion] of applySuggestions(testCase.code, linter, 'case.ts').entries()) {
          expect(suggestion.output).not.toBe(testCase.code);
          files.set(`${base}-${suggestion.id}-${j}.ts`, suggestion.output);
          outputs++;
        }
      });
    expect(outputs).toBeGreaterThanOrEqual(5);
    expect(new TypeCheck().errors(files)).toEqual([]);
  });

  it('leaves nothing to report once a suggestion is applied', () => {
    const linter = new Linter();
    const fixed = invalid.flatMap((testCase) =>
      applySuggestions(testCase.code, linter, testCase.filename ?? 'case.ts').map((s) => ({
        ...s,
        name: testCase.name,
      })),
    );
    expect(fixed.length).toBeGreaterThanOrEqual(8);
    for (const { output, name, id } of fixed) {
      expect(
        linter.verify(output, config, 'fixed.ts').map((m) => m.message),
        `${name} (${id}):\n${output}`,
      ).toEqual([]);
    }
  });
});
