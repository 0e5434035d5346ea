import tsParser from '@typescript-eslint/parser';
import fc from 'fast-check';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import type { CredentialExpiryDocs } from '../../src/util/create-rule.js';
import { dockerfile, dotenv, json, program, yaml } from './fuzz-arbitraries.js';
import { lintAll } from './lint-all.js';

/**
 * Property-based fuzzing of every rule (configs.strict): no exception and no internal error on any input, every
 * fix output parses, fixing twice equals fixing once, every migration-safe suggestion parses. `npm test` runs a
 * few dozen inputs of each kind; `npm run fuzz` runs thousands (FUZZ_JS_RUNS, FUZZ_FILE_RUNS).
 */
const JS_RUNS = Number(process.env.FUZZ_JS_RUNS ?? 25);
const FILE_RUNS = Number(process.env.FUZZ_FILE_RUNS ?? 30);

const MIGRATION_SAFE = new Set(
  Object.values(plugin.rules).flatMap(
    (rule) => ((rule.meta?.docs ?? {}) as CredentialExpiryDocs).migrationSafeSuggestions ?? [],
  ),
);
const PARSE_ONLY: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }];

function parseErrors(text: string, filename: string): string[] {
  const config = /\.[cm]?[jt]sx?$/u.test(filename) ? PARSE_ONLY : plugin.configs.strict;
  return new Linter()
    .verify(text, config, filename)
    .filter((m) => m.fatal)
    .map((m) => `${m.line}:${m.column} ${m.message}`);
}

/** The property every input must satisfy; returns normally or fails an expectation. */
function checkFile(text: string, filename: string): void {
  const messages = lintAll(text, filename);
  expect(messages.filter((m) => m.message.includes('internal error'))).toEqual([]);
  const inputParses = !messages.some((m) => m.fatal);
  const fixed = new Linter().verifyAndFix(text, plugin.configs.strict, filename);
  if (fixed.fixed) {
    expect({ filename, text, errors: parseErrors(fixed.output, filename) }).toEqual({ filename, text, errors: [] });
    expect(new Linter().verifyAndFix(fixed.output, plugin.configs.strict, filename).output).toBe(fixed.output);
  }
  if (!inputParses) return;
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      if (!suggestion.messageId || !MIGRATION_SAFE.has(suggestion.messageId)) continue;
      const [start, end] = suggestion.fix.range;
      const applied = text.slice(0, start) + suggestion.fix.text + text.slice(end);
      expect({ suggestion: suggestion.messageId, text, errors: parseErrors(applied, filename) }).toEqual({
        suggestion: suggestion.messageId,
        text,
        errors: [],
      });
    }
  }
}

describe('fuzzing every rule', () => {
  it(`${JS_RUNS} JS/TS programs over the knowledge base's APIs`, () => {
    fc.assert(
      fc.property(program, fc.constantFrom('file.js', 'file.ts'), (text, filename) => checkFile(text, filename)),
      { numRuns: JS_RUNS },
    );
  }, 3_600_000);

  it.each([
    ['Dockerfile', dockerfile, 'Dockerfile'],
    ['.env', dotenv, '.env'],
    ['JSON', json, 'config.json'],
    ['YAML', yaml, 'config.yaml'],
  ] as const)(
    `${FILE_RUNS} malformed %s files`,
    (_kind, files, filename) => {
      fc.assert(
        fc.property(files, (text) => checkFile(text, filename)),
        { numRuns: FILE_RUNS },
      );
    },
    3_600_000,
  );
});
