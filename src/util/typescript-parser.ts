import { createRequire } from 'node:module';
import type * as TypeScriptParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { lazyModule } from './lazy-module.js';

const parserModule = lazyModule<typeof TypeScriptParser>('@typescript-eslint/parser');
const { version } = createRequire(import.meta.url)('@typescript-eslint/parser/package.json') as { version: string };

/**
 * typescript-eslint's parser, loaded on the first TypeScript file instead of when the plugin loads: loading it loads
 * TypeScript itself (~0.6 s of CPU), which a JavaScript-only repository never needs. It forwards to the real parser,
 * so a file parses exactly as with `@typescript-eslint/parser` (same AST, scope manager, visitor keys, parser
 * services); `meta` is the real parser's, so `--cache` keys are the same as with it.
 */
export const typescriptParser: Linter.Parser = {
  meta: { name: 'typescript-eslint/parser', version },
  parseForESLint: (code: string, options?: Record<string, unknown>) =>
    parserModule().parseForESLint(code, options) as unknown as Linter.ESLintParseResult,
};

/** typescript-eslint's `parse` (the AST only), loaded on first use. */
export function parseTypeScript(
  ...args: Parameters<typeof TypeScriptParser.parse>
): ReturnType<typeof TypeScriptParser.parse> {
  return parserModule().parse(...args);
}

/** typescript-eslint's `parseForESLint` (AST, scope manager, visitor keys), loaded on first use. */
export function parseTypeScriptForESLint(
  ...args: Parameters<typeof TypeScriptParser.parseForESLint>
): ReturnType<typeof TypeScriptParser.parseForESLint> {
  return parserModule().parseForESLint(...args);
}
