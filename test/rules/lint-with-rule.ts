import { Linter, type Rule } from 'eslint';
import { expect } from 'vitest';

/** The lines one rule reports on a JavaScript file (no type information), after checking it parsed. */
export function reportedLines(
  ruleName: string,
  rule: unknown,
  code: string,
  sourceType: 'module' | 'commonjs' = 'module',
): number[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType },
        plugins: { ce: { rules: { [ruleName]: rule as Rule.RuleModule } } },
        rules: { [`ce/${ruleName}`]: 'error' },
      },
    ],
    'file.js',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.map((m) => m.line);
}
