import type { FileError } from '@eslint/core';
import { LineIndex } from './common/line-index.js';

/**
 * Nesting deeper than this is refused before parsing. The JSON and YAML parsers and ESLint's traversal recurse
 * once per level and overflow the stack past a few thousand levels, which ESLint reports as a truncated
 * `Maximum call stack size exceede` at 0:0 (or crashes the run); real configuration files nest a few dozen levels.
 */
export const MAX_NESTING = 500;

/** Where `[` / `{` nesting (outside quoted strings) first goes past MAX_NESTING, as a 0-based offset; -1 if never. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (quote) {
      if (character === '\\' && quote === '"') i++;
      else if (character === quote) quote = null;
      continue;
    }
    if (character === '"' || character === "'") quote = character;
    else if (character === '[' || character === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if ((character === ']' || character === '}') && depth > 0) depth--;
  }
  return -1;
}

/** One parse error, with its position, for a JSON or YAML file nested too deep to parse. */
export function rejectTooDeep(text: string, what: string): FileError | undefined {
  const at = tooDeepAt(text);
  if (at < 0) return undefined;
  const { line, column } = new LineIndex(text).positionOf(at);
  return {
    message: `${what} is nested more than ${MAX_NESTING} levels deep; it was not parsed (secrets in it were not checked).`,
    line,
    column,
  };
}
