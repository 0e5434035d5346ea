import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ModuleRefs, moduleSpecifiers } from '../../../src/analysis/module-refs.js';
import { presignerOf } from '../../../rules/presign-utils/match.js';

// presignerOf is memoised per call for the refs and imports it was asked with: both presign rules ask it of every
// call. An answer for other imports must not be reused: a GCS `file.getSignedUrl(config)` on an untraced receiver
// is a presigner only in a file that imports the presigner's module.
describe('presignerOf', () => {
  it('answers each call once for the same refs and imports, and again for other imports', () => {
    const answers: { first?: string; again?: string; withoutImports?: string; withImportsAgain?: string }[] = [];
    const probe: TSESLint.RuleModule<string, []> = {
      meta: { type: 'problem', messages: {}, schema: [] },
      defaultOptions: [],
      create(context) {
        const refs = ModuleRefs.for(context.sourceCode);
        const imported = moduleSpecifiers(context.sourceCode);
        return {
          CallExpression(call: TSESTree.CallExpression) {
            if (call.callee.type !== 'MemberExpression') return;
            if (call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'getSignedUrl') return;
            answers.push({
              first: presignerOf(call, refs, imported)?.id,
              again: presignerOf(call, refs, imported)?.id,
              withoutImports: presignerOf(call, refs, new Set())?.id,
              withImportsAgain: presignerOf(call, refs, imported)?.id,
            });
          },
        };
      },
    };
    const code = [
      "import { Storage } from '@google-cloud/storage';",
      'export const share = (bucket, name) => bucket.file(name).getSignedUrl({ action: "read", expires: Date.now() + 1000 });',
    ].join('\n');
    const linter = new Linter();
    linter.verify(
      code,
      [
        { plugins: { probe: { rules: { calls: probe } } }, rules: { 'probe/calls': 'error' } },
      ] as unknown as Linter.Config[],
      'a.js',
    );
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    expect(answer.first).toMatch(/getSignedUrl/u);
    expect(answer.again).toBe(answer.first);
    expect(answer.withoutImports).toBeUndefined();
    expect(answer.withImportsAgain).toBe(answer.first);
  });
});
