import { diffLines } from 'diff';

const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
/** A line holding only a comment (`// ...` or a one-line block comment). */
const isCommentOnly = (line: string) => {
  const code = line.trim();
  return code.startsWith('//') || (code.length >= 4 && code.startsWith('/*') && code.endsWith('*/'));
};
const isBlank = (line: string) => line.trim() === '';

/**
 * What a fix that removes code leaves around it, tidied (a fix replaces a statement's range, not its lines):
 * a trailing comment of a removed line left on a line of its own (`const c = …; // note` → ` // note`) goes with
 * its code; comments directly above a paragraph of code that went (`// WRONG: resolved once…`) go too, except a
 * file's opening comment; and no run of blank lines is left longer than the file had before.
 */
export function tidyRemovals(original: string, text: string): string {
  const parts = diffLines(original, text);
  const out: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (!part.added && !part.removed) {
      out.push(...lines(part.value));
      continue;
    }
    if (part.added) {
      out.push(...lines(part.value));
      continue;
    }
    const removed = lines(part.value);
    const next = parts[index + 1];
    const added = next?.added ? lines(next.value) : [];
    if (next?.added) index += 1;
    const left = added.filter(
      (line) => !(isCommentOnly(line) && removed.some((old) => trailingComment(old) === line.trim())),
    );
    if (left.some((line) => !isBlank(line)) || removed.every(isBlank)) {
      out.push(...left);
      continue;
    }
    // Only code went (what is left of it is blank). When a whole paragraph went (a blank line or the end follows),
    // the comment block right above described it, unless that block opens the file.
    const following = parts[index + 1];
    const paragraphEnds =
      !following || (!following.added && !following.removed && isBlank(lines(following.value)[0] ?? ''));
    let top = out.length;
    while (paragraphEnds && top > 0 && isCommentOnly(out[top - 1])) top -= 1;
    if (top > 0) out.length = top;
  }
  return collapseBlankRuns(out, longestBlankRun(lines(original))).join('');
}

/** The `// …` comment that ends a line of code, if any. */
function trailingComment(line: string): string | undefined {
  const at = line.indexOf('//');
  if (at <= 0 || line.slice(0, at).trim() === '') return undefined;
  return line.slice(at).trim();
}

function longestBlankRun(all: readonly string[]): number {
  let longest = 0;
  let run = 0;
  for (const line of all) {
    run = isBlank(line) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Blank-line runs longer than the file ever had (at least one) are cut to that length. */
function collapseBlankRuns(all: readonly string[], longest: number): string[] {
  const limit = Math.max(1, longest);
  let run = 0;
  return all.filter((line) => {
    run = isBlank(line) ? run + 1 : 0;
    return run <= limit;
  });
}
