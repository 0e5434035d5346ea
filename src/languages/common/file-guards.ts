import type { FileError } from '@eslint/core';
import { LineIndex } from './line-index.js';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Refuses input no text parser should walk: binary files (NUL bytes) and files over 2 MiB.
 * Returns the parse error to report, or undefined when the text is fine to parse.
 */
export function rejectUnreadableText(text: string, what: string): FileError | undefined {
  if (text.length > MAX_FILE_BYTES / 4 && Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    return {
      message: `${what} is larger than 2 MiB; it was not parsed (secrets in it were not checked).`,
      line: 1,
      column: 1,
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const { line, column } = new LineIndex(text.slice(0, nul + 1)).positionOf(nul);
    return {
      message: `${what} looks binary (it contains a NUL byte); it was not parsed.`,
      line,
      column,
    };
  }
  return undefined;
}
