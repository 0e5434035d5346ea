import type { CommentNode } from '../common/ast.js';
import type { TextParseResult } from '../common/hash-comment-language.js';
import { LineIndex } from '../common/line-index.js';
import type { DotenvNode, EntryNode, ValueNode } from './ast.js';

const BLANK = /[ \t\f\v]*/y;
const EXPORT = /export[ \t]+(?=[\w.-])/y;
const KEY = /[\w.-]+/y;
const UNQUOTED = /[^#\r\n]*/y;
const TO_LINE_END = /[^\r\n]*/y;
const QUOTES = new Set(['"', "'", '`']);
const QUOTE_NAMES = { '"': 'double', "'": 'single', '`': 'backtick' } as const;

class DotenvSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * A small line parser for `.env` files. Hand-written because dotenv's own parser (one regular expression)
 * returns only names and values, with no positions for ESLint to report. It accepts what dotenv accepts:
 * `KEY=value`, `export KEY=value`, `KEY: value`, single/double/backtick quotes (multi-line allowed, `\"`
 * inside), `#` comments on their own line or after a value, CRLF; plus a bare `KEY` (Docker's env-file
 * pass-through). Values are unescaped as dotenv does (`\n`, `\r` only inside double quotes).
 * Where dotenv silently skips a line it cannot read, this parser reports a parse error instead: a silently
 * dropped line is a configuration bug, and a linter that skips it would miss what the line holds.
 */
export function parseDotenv(text: string): TextParseResult<DotenvNode> {
  const lines = new LineIndex(text);
  try {
    return { ok: true, ast: new Scanner(text, lines).file() };
  } catch (error) {
    if (!(error instanceof DotenvSyntaxError)) throw error;
    const { line, column } = lines.positionOf(error.offset);
    return { ok: false, error: { message: error.message, line, column } };
  }
}

class Scanner {
  #at = 0;
  readonly #entries: EntryNode[] = [];
  readonly #comments: CommentNode[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  file(): DotenvNode {
    while (this.#at < this.text.length) {
      this.#match(BLANK);
      if (this.#atLineEnd()) this.#skipLineBreak();
      else if (this.text[this.#at] === '#') this.#comment();
      else this.#entries.push(this.#entry());
    }
    return {
      type: 'Dotenv',
      body: this.#entries,
      comments: this.#comments,
      range: [0, this.text.length],
      loc: this.lines.locOf(0, this.text.length),
    };
  }

  #entry(): EntryNode {
    const start = this.#at;
    const exported = this.#match(EXPORT) !== undefined;
    const keyStart = this.#at;
    const name = this.#match(KEY);
    if (!name)
      throw new DotenvSyntaxError(
        "Expected a line like KEY=value (a name of letters, digits, '_', '.' or '-').",
        this.#at,
      );
    const key = { type: 'Key' as const, name, ...this.#located(keyStart, this.#at) };
    this.#match(BLANK);

    let value: ValueNode | null = null;
    if (!this.#atLineEnd() && this.text[this.#at] !== '#') {
      const separator = this.text[this.#at];
      if (separator === '=' || (separator === ':' && /[ \t]/u.test(this.text[this.#at + 1] ?? ''))) this.#at += 1;
      else throw new DotenvSyntaxError(`Expected '=' after ${name}.`, this.#at);
      this.#match(BLANK);
      value = QUOTES.has(this.text[this.#at]) ? this.#quotedValue(name) : this.#unquotedValue();
    }
    const end = value ? value.range[1] : key.range[1];
    this.#match(BLANK);
    if (this.text[this.#at] === '#') this.#comment();
    else if (!this.#atLineEnd())
      throw new DotenvSyntaxError(`Unexpected text after the closing quote of ${name}.`, this.#at);
    return { type: 'Entry', exported, key, value, ...this.#located(start, end) };
  }

  #quotedValue(name: string): ValueNode {
    const start = this.#at;
    const quote = this.text[start] as '"' | "'" | '`';
    let at = start + 1;
    while (at < this.text.length && this.text[at] !== quote)
      at += this.text[at] === '\\' && this.text[at + 1] === quote ? 2 : 1;
    if (at >= this.text.length) {
      throw new DotenvSyntaxError(`The ${QUOTE_NAMES[quote]}-quoted value of ${name} is never closed.`, start);
    }
    this.#at = at + 1;
    const raw = this.text.slice(start, this.#at);
    let value = raw.slice(1, -1).replace(/\r\n?/gu, '\n');
    if (quote === '"') value = value.replace(/\\n/gu, '\n').replace(/\\r/gu, '\r');
    return { type: 'Value', value, raw, quote, ...this.#located(start, this.#at) };
  }

  #unquotedValue(): ValueNode {
    const start = this.#at;
    const raw = (this.#match(UNQUOTED) ?? '').trimEnd();
    const end = start + raw.length;
    return { type: 'Value', value: raw, raw, quote: null, ...this.#located(start, end) };
  }

  #comment(): void {
    const start = this.#at;
    const text = this.#match(TO_LINE_END) ?? '';
    this.#comments.push({ type: 'Comment', value: text.slice(1), ...this.#located(start, this.#at) });
  }

  #atLineEnd(): boolean {
    const char = this.text[this.#at];
    return char === undefined || char === '\n' || char === '\r';
  }

  #skipLineBreak(): void {
    this.#at += this.text.startsWith('\r\n', this.#at) ? 2 : 1;
  }

  #match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.#at;
    const match = pattern.exec(this.text);
    if (!match) return undefined;
    this.#at += match[0].length;
    return match[0];
  }

  #located(start: number, end: number) {
    return { range: [start, end] as [number, number], loc: this.lines.locOf(start, end) };
  }
}
