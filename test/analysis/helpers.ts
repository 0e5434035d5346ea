import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Context = TSESLint.RuleContext<string, readonly unknown[]>;

/**
 * Runs `inspect` inside a real ESLint rule on `code`, once per node of `type`, so analysis helpers are tested
 * with the scope manager and source code ESLint really gives rules.
 */
export function inspectNodes<T>(
  code: string,
  type: string,
  inspect: (node: TSESTree.Node, context: Context) => T,
  options: { sourceType?: 'module' | 'commonjs'; settings?: Record<string, unknown> } = {},
): T[] {
  const results: T[] = [];
  const linter = new Linter();
  const messages = linter.verify(
    code,
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, sourceType: options.sourceType ?? 'module' },
      settings: options.settings ?? {},
      plugins: {
        probe: {
          rules: {
            inspect: {
              create(context) {
                return { [type]: (node: TSESTree.Node) => results.push(inspect(node, context as unknown as Context)) };
              },
            },
          },
        },
      },
      rules: { 'probe/inspect': 'error' },
    },
    'file.ts',
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === 'probe/inspect');
  if (fatal) throw new Error(fatal.message);
  return results;
}
