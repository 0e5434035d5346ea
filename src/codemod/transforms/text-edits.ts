/** A replacement of `text[start, end)`; an insertion has `start === end`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Identical edits collapse; otherwise two edits overlap when their ranges intersect (or both insert at one spot). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start && a.end === b.end) return a.text !== b.text;
  return a.start < b.end && b.start < a.end;
}

/** Whether `edits` can be added to `existing` without touching the same text differently. */
export function compatible(existing: readonly TextEdit[], edits: readonly TextEdit[]): boolean {
  return edits.every((edit) => existing.every((other) => !overlaps(edit, other)));
}

/** Applies non-overlapping edits in one pass (duplicates count once). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const unique = [...new Map(edits.map((edit) => [`${edit.start}:${edit.end}:${edit.text}`, edit])).values()];
  unique.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of unique) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** The offset of a 1-based line and column (ESLint's convention) in `text`. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** The 1-based line and column of `offset` in `text`. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
