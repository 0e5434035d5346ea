import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { listCorpusFiles } from '../../bench/corpus.js';
import { calleeName, staticPropertyName } from '../../src/analysis/ast.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { localFunction } from '../../src/analysis/local-function.js';
import { callsThatMayRun } from '../../src/analysis/local-calls.js';
import { ModuleRefs } from '../../src/analysis/module-refs.js';

const REALWORLD = join(import.meta.dirname, '..', 'fixtures', 'realworld');
const OPTIONS = { bindings: 'written-once', thisMethods: true } as const;

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** The name a call runs a function by (held-value.ts' rule): its own, its declarator's, or its key's. */
function nameOf(fn: FunctionLike): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  return parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property
    ? staticPropertyName(parent)
    : null;
}

interface Outcome {
  functions: number;
  calls: number;
  differences: string[];
}

/** For every named function of `code`: the calls that run it, from the whole file's index and from callsThatMayRun. */
function compare(code: string, fileName: string, parser: 'typescript' | 'espree', sourceType: Linter.SourceType) {
  const outcome: Outcome = { functions: 0, calls: 0, differences: [] };
  const functions: FunctionLike[] = [];
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
                const collect = (fn: FunctionLike) => void functions.push(fn);
                return {
                  FunctionDeclaration: collect,
                  FunctionExpression: collect,
                  ArrowFunctionExpression: collect,
                  'Program:exit'() {
                    const refs = ModuleRefs.for(sourceCode);
                    for (const fn of functions) {
                      const name = nameOf(fn);
                      if (name === null) continue;
                      outcome.functions++;
                      const runs = (call: TSESTree.CallExpression) =>
                        calleeName(call) === name && localFunction(call, refs, OPTIONS) === fn;
                      const before = fileIndex(sourceCode).calls.filter(runs);
                      const after = callsThatMayRun(fn, name, sourceCode).filter(runs);
                      outcome.calls += before.length;
                      const where = (calls: TSESTree.CallExpression[]) => calls.map((c) => c.range[0]).join(',');
                      if (where(before) !== where(after))
                        outcome.differences.push(
                          `${fileName}:${fn.loc.start.line} ${name}: ${where(before)} / ${where(after)}`,
                        );
                    }
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

describe('callsThatMayRun', () => {
  it('finds, in the same order, the calls the whole-file index finds for every function of the SDK corpus', () => {
    let functions = 0;
    let calls = 0;
    for (const file of listCorpusFiles()) {
      const outcome = compare(readFileSync(file.absolutePath, 'utf8'), 'file.js', 'espree', file.sourceType);
      functions += outcome.functions;
      calls += outcome.calls;
      expect(outcome.differences).toEqual([]);
    }
    expect(functions).toBeGreaterThan(1_000);
    expect(calls).toBeGreaterThan(1_000);
  });

  it('finds the same calls for every function of the labelled real-world cases', () => {
    const files = readdirSync(REALWORLD).filter((f) => /\.[cm]?[jt]sx?$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    let calls = 0;
    for (const file of files) {
      const outcome = compare(readFileSync(join(REALWORLD, file), 'utf8'), file, 'typescript', 'module');
      calls += outcome.calls;
      expect(outcome.differences).toEqual([]);
    }
    expect(calls).toBeGreaterThan(10);
  });

  it('finds calls through wrappers, optional calls, object methods, this-methods, nested and shadowing scopes', () => {
    const code = `
      function save(t) { return t; }
      save(a); save(save(b)); (save as any)(c); save!(d); save?.(e); if (x) { save(f(save(g))); }
      function shadow() { const save = (t) => t; save(h); }
      var late = function (t) { return t; }; late(i); late = other; late(j);
      const arrow = (t) => t; arrow(k); [1].map(() => arrow(l));
      const auth = { setToken(t) { return t; }, other: (t) => t, nested: { setToken(t) { return t; } } };
      auth.setToken(m); auth?.setToken(n); (auth as any).setToken(o); auth!.other(p); auth.nested.setToken(q);
      const { setToken } = { setToken(t) { return t; } }; setToken(r);
      class Keeper {
        keep(t) { return t; }
        run() { this.keep(s); this?.keep(u); (this as any).keep(v); const f = () => this.keep(w); f(); }
        inner() { return class { keep(t) { return t; } go() { this.keep(y); } }; }
        static keep(t) { return t; }
      }
      Keeper.keep(z); new Keeper().keep(aa);
      export default function named(t) { return t; }
      named(bb);
    `;
    const outcome = compare(code, 'file.ts', 'typescript', 'module');
    expect(outcome.functions).toBeGreaterThan(10);
    expect(outcome.calls).toBeGreaterThan(20);
    expect(outcome.differences).toEqual([]);
  });
});
