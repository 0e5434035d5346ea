// Lints this repository itself: the rule modules with eslint-plugin-eslint-plugin's recommended set, and all
// TypeScript sources for parse errors and a few correctness rules. examples/ has its own config (it is the demo).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tsParser from '@typescript-eslint/parser';

export default [
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'examples/**',
      'bench/.corpus/**',
      'bench/.generated/**',
      'test/**/fixtures/**',
      'coverage/**',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
    rules: { 'no-debugger': 'error', 'no-dupe-keys': 'error', 'no-self-compare': 'error', 'no-unreachable': 'error' },
  },
  {
    ...eslintPlugin.configs.recommended,
    files: ['rules/**/*.ts'],
  },
];
