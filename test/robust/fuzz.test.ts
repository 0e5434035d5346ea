import tsParser from '@typescript-eslint/parser';
import fc from 'fast-check';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import type { CredentialExpiryDocs } from '../../src/util/create-rule.js';
import { dockerfile, dotenv, json, program, rewritableProgram, yaml } from './fuzz-arbitraries.js';
import { lintAll } from './lint-all.js';
import { TypeCheck } from './type-check.js';

/**
 * Property-based fuzzing of every rule (configs.strict): no exception and no internal error on any input, every
 * fix output parses, fixing twice equals fixing once, every migration-safe suggestion parses, and in TypeScript
 * neither the fixes nor a migration-safe suggestion add a type error (checked against the installed SDKs' types).
 * `npm test` runs a few dozen inputs of each kind and type-checks a few; `npm run fuzz` runs thousands
 * (FUZZ_JS_RUNS, FUZZ_FILE_RUNS) and type-checks up to FUZZ_TYPE_RUNS of the TypeScript inputs that change.
 */
const JS_RUNS = Number(process.env.FUZZ_JS_RUNS ?? 25);
const FILE_RUNS = Number(process.env.FUZZ_FILE_RUNS ?? 30);
const TYPE_RUNS = Number(process.env.FUZZ_TYPE_RUNS ?? 3);

/** TypeScript inputs with what the codemod would write for them (all fixes, or one migration-safe suggestion). */
const rewritten: { input: string; outputs: { what: string; text: string }[] }[] = [];
// The random programs above rarely rewrite much; they are linted, not compiled (their names are mostly undeclared).
let collect = false;

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
  const outputs = fixed.fixed ? [{ what: 'fixes', text: fixed.output }] : [];
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
      outputs.push({ what: suggestion.messageId, text: applied });
    }
  }
  if (collect && outputs.length > 0) rewritten.push({ input: text, outputs });
}

/** Type errors as `TS<code> <message>` without positions, so that errors moved by an edit still match. */
function errorCounts(errors: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const error of errors) {
    const key = error.replace(/^[^:]*: /u, '');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The type errors of `after` that `before` does not have (as many times as they are new). */
function newErrors(before: readonly string[], after: readonly string[]): string[] {
  const known = errorCounts(before);
  return [...errorCounts(after)].flatMap(([error, count]) =>
    Array(Math.max(0, count - (known.get(error) ?? 0))).fill(error),
  );
}

describe('fuzzing every rule', () => {
  it(`${JS_RUNS} JS/TS programs over the knowledge base's APIs`, () => {
    fc.assert(
      fc.property(program, fc.constantFrom('file.js', 'file.ts'), (text, filename) => checkFile(text, filename)),
      { numRuns: JS_RUNS },
    );
  }, 3_600_000);

  it(`${TYPE_RUNS} rewritten TypeScript programs gain no type error`, () => {
    collect = true;
    fc.assert(
      fc.property(rewritableProgram, (text) => checkFile(text, 'file.ts')),
      // About one program in ten is rewritten by nothing (an inline client has no remedy), so sample more than are
      // type-checked: with ten per check, all of them unrewritten is as likely as 1 in 10^30.
      { numRuns: TYPE_RUNS * 10 },
    );
    collect = false;
    expect(rewritten.length).toBeGreaterThanOrEqual(TYPE_RUNS);
    rewritten.splice(TYPE_RUNS);
    const check = new TypeCheck();
    // One program per batch: TypeScript reuses the SDK declarations of the previous one.
    const BATCH = 40;
    for (let start = 0; start < rewritten.length; start += BATCH) {
      const files = new Map<string, string>();
      rewritten.slice(start, start + BATCH).forEach(({ input, outputs }, i) => {
        files.set(TypeCheck.fileName(`fuzz-${start + i}`), input);
        outputs.forEach((output, j) => files.set(TypeCheck.fileName(`fuzz-${start + i}-${j}`), output.text));
      });
      const errors = check.errors(files);
      const of = (stem: string) => errors.filter((e) => e.startsWith(`${stem}.ts(`));
      rewritten.slice(start, start + BATCH).forEach(({ input, outputs }, i) => {
        const before = of(`fuzz-${start + i}`);
        // Every SDK module resolves, or the types would be `any` and no rewrite could fail.
        expect(before.filter((e) => / TS2307 /u.test(e))).toEqual([]);
        outputs.forEach((output, j) => {
          expect({
            what: output.what,
            input,
            output: output.text,
            added: newErrors(before, of(`fuzz-${start + i}-${j}`)),
          }).toEqual({ what: output.what, input, output: output.text, added: [] });
        });
      });
    }
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
