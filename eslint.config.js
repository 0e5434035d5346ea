// Lints this repository itself: the plugin source (src/, rules/) with typescript-eslint's type-checked recommended
// set, the rule modules also with eslint-plugin-eslint-plugin's recommended set, and tests and benchmarks with
// typescript-eslint's recommended set (no type information: it keeps `npm run lint` fast). examples/ has its own
// config (it is the demo).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SOURCE_FILES = ['src/**/*.ts', 'rules/**/*.ts'];

export default defineConfig(
  {
    ignores: [
      '.scratch/**',
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
    extends: [tseslint.configs.recommended],
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      // `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: SOURCE_FILES,
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // At run time the package's root loads typescript-eslint's scope manager and RuleTester with the plugin
      // (~0.3 s of CPU in a JavaScript-only repository); its subpaths and @typescript-eslint/types do not.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@typescript-eslint/utils',
              allowTypeImports: true,
              message:
                "Import values from '@typescript-eslint/types' (AST_NODE_TYPES) or '@typescript-eslint/utils/ast-utils' (ASTUtils), '/eslint-utils' (ESLintUtils).",
            },
            {
              name: '@typescript-eslint/parser',
              allowTypeImports: true,
              message:
                'It loads TypeScript: use src/util/typescript-parser.ts, which loads it on the first TypeScript file.',
            },
          ],
        },
      ],
    },
  },
  {
    ...eslintPlugin.configs.recommended,
    files: ['rules/**/*.ts'],
  },
);
