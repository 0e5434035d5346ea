import type { Position, SourceLocation } from '@eslint/core';

/** The same line breaks as vscode-languageserver-textdocument (which dockerfile-ast uses) and @eslint/json. */
export const LINE_BREAK = /\r\n|[\r\n]/u;

/** Offsets <-> 1-based line/column for one text. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(readonly text: string) {
    const breaks = new RegExp(LINE_BREAK.source, 'gu');
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      this.#starts.push(match.index + match[0].length);
    }
  }

  /** Offset of a 0-based line and character (the positions dockerfile-ast reports). */
  offsetOf(line: number, character: number): number {
    return Math.min((this.#starts[line] ?? this.text.length) + character, this.text.length);
  }

  /** 1-based line and column of an offset. */
  positionOf(offset: number): Position {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.#starts[low] + 1 };
  }

  locOf(start: number, end: number): SourceLocation {
    return { start: this.positionOf(start), end: this.positionOf(end) };
  }
}
