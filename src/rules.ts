import type { TSESLint } from '@typescript-eslint/utils';

/** Every rule of the plugin, by id. One line per rule; rule modules live in rules/. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
};
