import type { File, ParseResult } from '@eslint/core';
import json from '@eslint/json';
import * as yamlParser from 'yaml-eslint-parser';
import { LineIndex } from './shared/line-index.js';

/**
 * Nesting deeper than this is refused before parsing. The JSON and YAML parsers and ESLint's traversal recurse
 * once per level and overflow the stack past a few thousand levels, which ESLint reports as a truncated
 * `Maximum call stack size exceede` at 0:0 (or crashes the run); real configuration files nest a few dozen levels.
 */
export const MAX_NESTING = 500;

/** Where `[` / `{` nesting (outside quoted strings) first goes past MAX_NESTING, as a 0-based offset; -1 if never. */
export function tooDeepAt(text: string): number {
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

function nestingMessage(what: string): string {
  return `${what} is nested more than ${MAX_NESTING} levels deep; it was not parsed (secrets in it were not checked).`;
}

const jsonc = json.languages.jsonc;

/** Every member of `language` (own and inherited), methods bound to it: it keeps private state (`#mode`). */
function delegate<T extends object>(language: T): Record<string, unknown> {
  const members: Record<string, unknown> = {};
  for (let o: object | null = language; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key === 'constructor' || key in members) continue;
      const value = (language as Record<string, unknown>)[key];
      members[key] = typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(language) : value;
    }
  }
  return members;
}

/** @eslint/json's JSONC language, refusing files nested too deep to parse with a clear error and its position. */
export const guardedJsonc = {
  ...delegate(jsonc),
  parse(file: File, context: Parameters<typeof jsonc.parse>[1]): ParseResult<unknown> {
    const text = String(file.body);
    const at = tooDeepAt(text);
    if (at < 0) return jsonc.parse(file, context) as ParseResult<unknown>;
    const { line, column } = new LineIndex(text).positionOf(at);
    return { ok: false, errors: [{ message: nestingMessage('This JSON file'), line, column }] };
  },
} as unknown as typeof jsonc;

/** A parse error ESLint places at a position (it reads `lineNumber` and `column`). */
class NestingError extends SyntaxError {
  constructor(
    message: string,
    readonly lineNumber: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** yaml-eslint-parser, refusing files nested too deep to parse with a clear error and its position. */
export const guardedYamlParser = {
  meta: { name: 'credential-expiry/yaml-parser' },
  parseForESLint(code: string, options?: Parameters<typeof yamlParser.parseForESLint>[1]) {
    const at = tooDeepAt(code);
    if (at >= 0) {
      const { line, column } = new LineIndex(code).positionOf(at);
      throw new NestingError(nestingMessage('This YAML file'), line, column);
    }
    return yamlParser.parseForESLint(code, options);
  },
};
