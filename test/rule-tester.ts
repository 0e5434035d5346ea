import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** The directory of the typed fixture project (tsconfig.json, file.ts, and modules that tests import from). */
export const TYPED_FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'typed');

/** A RuleTester for JS/TS without type information (the editor case). */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  });
}

/**
 * A RuleTester with type information: cases are linted as test/fixtures/typed/file.ts (or `filename: 'other.ts'`,
 * relative to that folder) and may import from other modules there. That path is test code to the rules (and the
 * tester lints from `/`), so the tester asks them to treat test code as any code.
 */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    settings: { 'credential-expiry': { testCode: 'report' } },
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: TYPED_FIXTURE_DIR },
    },
  });
}
