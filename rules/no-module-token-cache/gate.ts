import type { TSESLint } from '@typescript-eslint/utils';
import {
  moduleMatches,
  PLATFORM_TOKEN_FILE_PATHS,
  STORED_SESSION_KEYS_HINTS,
  TOKEN_SOURCE_MODULES,
  TOKEN_TEXT_HINT,
} from '../../src/knowledge/index.js';

/**
 * The cheap gate: a file can keep an expiring value only if it imports a module that hands one out, or (for
 * hand-written requests with the global `fetch`) mentions a token endpoint or token field in its text.
 */
const EXACT: ReadonlySet<string> = new Set(TOKEN_SOURCE_MODULES.filter((m) => !m.endsWith('*')));
const PATTERNS: readonly string[] = TOKEN_SOURCE_MODULES.filter((m) => m.endsWith('*'));

export function mayHoldTokens(sourceCode: Readonly<TSESLint.SourceCode>, specifiers: ReadonlySet<string>): boolean {
  for (const specifier of specifiers)
    if (EXACT.has(specifier) || PATTERNS.some((m) => moduleMatches(m, specifier))) return true;
  const { text } = sourceCode;
  return (
    TOKEN_TEXT_HINT.test(text) ||
    STORED_SESSION_KEYS_HINTS.every((hint) => hint.test(text)) ||
    PLATFORM_TOKEN_FILE_PATHS.some((path) => text.includes(path))
  );
}
