import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-module-token-cache.js';

// The docs page's examples: every ❌ block is reported, every ✅ block is silent.
const page = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/rules/no-module-token-cache.md'), 'utf8');
const examples = [...page.matchAll(/(❌|✅)[^\n]*\n+```(?:ts|js)\n([\s\S]*?)```/g)].map((m, i) => [`${m[1]} example ${i + 1}`, m[1] === '❌', m[2]] as const);
const config = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { ce: { rules: { 'no-module-token-cache': rule } } }, rules: { 'ce/no-module-token-cache': 'error' } },
] as unknown as Linter.Config[];

describe('docs/rules/no-module-token-cache.md examples', () => {
  it('has wrong and right examples', () => {
    expect(examples.filter(([, wrong]) => wrong).length).toBeGreaterThanOrEqual(3);
    expect(examples.filter(([, wrong]) => !wrong).length).toBeGreaterThanOrEqual(3);
  });
  it.each(examples)('%s', (_, wrong, code) => {
    const messages = new Linter().verify(code, config, 'example.ts');
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    if (wrong) expect(messages.length).toBeGreaterThan(0);
    else expect(messages).toEqual([]);
  });
});
