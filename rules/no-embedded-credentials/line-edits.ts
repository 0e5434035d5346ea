import type { TSESLint } from '@typescript-eslint/utils';

/** Removes the whole lines that `range` spans (indentation, trailing comment and line break included). */
export function removeLines(text: string, range: readonly [number, number]): TSESLint.RuleFix {
  let start = range[0];
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = range[1];
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  end += text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0;
  return { range: [start, end], text: '' };
}
