import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { describe, expect, it } from 'vitest';
import { findVariable } from '../../src/analysis/find-variable.js';

type Scope = TSESLint.Scope.Scope;

const require = createRequire(import.meta.url);
const REALWORLD = join(import.meta.dirname, '..', 'fixtures', 'realworld');
/** A bundle with thousands of functions in one module scope: the case the search is for. */
const BUNDLE = require.resolve('@aws-sdk/client-s3').replace(/dist-cjs\/.*$/, 'dist-cjs/index.js');

interface Outcome {
  identifiers: number;
  differences: string[];
  /** Scopes with enough children to be searched rather than scanned. */
  searched: number;
}

/** Every identifier of `code`, looked up both ways from the scope ESLint gives a rule for it. */
function compare(code: string, fileName: string, parser: 'typescript' | 'espree', sourceType: Linter.SourceType) {
  const outcome: Outcome = { identifiers: 0, differences: [], searched: 0 };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      languageOptions: {
        ...(parser === 'typescript' ? { parser: tsParser } : {}),
        sourceType,
        ecmaVersion: 'latest',
        parserOptions: { ecmaFeatures: { jsx: /x$/.test(fileName) } },
      },
      plugins: {
        probe: {
          rules: {
            compare: {
              create(context) {
                const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
                return {
                  Program() {
                    outcome.searched = (sourceCode.scopeManager?.scopes ?? []).filter(
                      (s) => s.childScopes.length > 8,
                    ).length;
                  },
                  Identifier(node: TSESTree.Identifier) {
                    const scope = sourceCode.getScope(node) as Scope;
                    outcome.identifiers++;
                    const ours = findVariable(scope, node);
                    const theirs = ASTUtils.findVariable(scope, node);
                    if (ours !== theirs)
                      outcome.differences.push(
                        `${fileName}:${node.loc.start.line}:${node.loc.start.column} ${node.name}`,
                      );
                    if (findVariable(scope, node.name) !== ASTUtils.findVariable(scope, node.name))
                      outcome.differences.push(`${fileName}:${node.loc.start.line} ${node.name} (by name)`);
                  },
                };
              },
            },
          },
        },
      },
      rules: { 'probe/compare': 'error' },
    },
    fileName,
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === 'probe/compare');
  if (fatal) throw new Error(`${fileName}: ${fatal.message}`);
  return outcome;
}

describe('findVariable', () => {
  it('answers as eslint-utils does on every identifier of a bundle with thousands of module-level functions', () => {
    const outcome = compare(readFileSync(BUNDLE, 'utf8'), 'index.js', 'espree', 'commonjs');
    expect(outcome.searched).toBeGreaterThan(0);
    expect(outcome.identifiers).toBeGreaterThan(10_000);
    expect(outcome.differences).toEqual([]);
  });

  it('answers as eslint-utils does on every identifier of the labelled real-world cases', () => {
    const files = readdirSync(REALWORLD).filter((f) => /\.[cm]?[jt]sx?$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    let identifiers = 0;
    for (const file of files) {
      const outcome = compare(readFileSync(join(REALWORLD, file), 'utf8'), file, 'typescript', 'module');
      identifiers += outcome.identifiers;
      expect(outcome.differences).toEqual([]);
    }
    expect(identifiers).toBeGreaterThan(1_000);
  });

  it('finds the innermost scope among many siblings, nested scopes of one block and shadowed names', () => {
    const siblings = Array.from({ length: 12 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
    const code = `
      ${siblings}
      const x = 1;
      const named = function x() { return x; };
      class C { x = x; static y = () => x; static { const x = 2; use(x); } m(x = x) { for (let x of []) use(x); } }
      try { use(x); } catch (x) { use(x); }
      label: for (const [x, { y = x }] of [[1, {}]]) { ((x) => x)(x); }
      type T<X> = (x: X) => X;
      enum E { A = 1, B = A }
      namespace N { export const x = 3; use(x); }
      ${siblings.replaceAll('function f', 'const g').replaceAll('(x) {', ' = (x) => {')}
    `;
    const outcome = compare(code, 'file.ts', 'typescript', 'module');
    expect(outcome.identifiers).toBeGreaterThan(100);
    expect(outcome.searched).toBeGreaterThan(0);
    expect(outcome.differences).toEqual([]);
  });
});
