import type { File, FileError, Language, OkParseResult, ParseResult } from '@eslint/core';
import { maskSecretsInText } from '../../analysis/secret-mask.js';
import type { NodeBase } from './ast.js';
import { rejectUnreadableText } from './file-guards.js';
import type { HashCommentSourceCode } from './hash-comment-source-code.js';

type NoOptions = Record<string, never>;
export type TextParseResult<Root> = { ok: true; ast: Root } | { ok: false; error: FileError };

/**
 * Inline configuration comments (`# eslint-disable ...`, `# eslint rule: off`) all hold this: a file with one is
 * always parsed, so that ESLint sees its directives (and reports the unused ones) as it would without the gate.
 */
const INLINE_CONFIG_MARK = 'eslint';

/**
 * The ESLint Language shape shared by the Dockerfile, .env and YAML languages (modelled on @eslint/json's JSONLanguage):
 * text files, 1-based lines and columns, no options, one parse error for unreadable or invalid text.
 */
export abstract class HashCommentLanguage<
  Root extends NodeBase,
  Node extends NodeBase,
  Code extends HashCommentSourceCode<Root>,
> implements Language<{ LangOptions: NoOptions; Code: Code; RootNode: Root; Node: Node }> {
  readonly fileType = 'text';
  readonly lineStart = 1;
  readonly columnStart: 0 | 1 = 1;
  readonly nodeTypeKey = 'type';
  readonly defaultLanguageOptions: NoOptions = {};
  #mayReport: ((text: string) => boolean) | undefined;

  /** `what` names the file in parse errors ("This Dockerfile is larger than 2 MiB ..."). */
  constructor(private readonly what: string) {}

  /** The visitor keys of every node type (only traversal of the real AST needs them: a getter may load them). */
  abstract get visitorKeys(): Record<string, string[]>;

  validateLanguageOptions(): void {
    // No options.
  }

  /**
   * Skips the parse of a file whose text cannot hold anything the rules that run on this language report
   * (`mayReport` false: src/index.ts builds it from those rules' text-gate triggers); such a file gets emptyRoot().
   * Exact because only this plugin's rules read this language's nodes (src/languages/common/foreign-rules.ts).
   */
  skipParseUnless(mayReport: (text: string) => boolean): void {
    this.#mayReport = mayReport;
  }

  parse(file: File): ParseResult<Root> {
    const text = String(file.body);
    const unreadable = rejectUnreadableText(text, this.what) ?? this.rejectBeforeParse(text);
    if (unreadable) return { ok: false, errors: [{ ...unreadable, column: unreadable.column - 1 + this.columnStart }] };
    const empty =
      this.#mayReport && !text.includes(INLINE_CONFIG_MARK) && !this.decodedText?.test(text) && !this.#mayReport(text);
    const emptyRoot = empty ? this.emptyRoot(text) : undefined;
    if (emptyRoot) return { ok: true, ast: emptyRoot };
    const result = this.parseText(text);
    // Parse errors quote the offending text (`Unknown instruction 'ASIA…'`): masked like every other output.
    return result.ok
      ? { ok: true, ast: result.ast }
      : { ok: false, errors: [{ ...result.error, message: maskSecretsInText(result.error.message) }] };
  }

  /** Text that the language reads as other text (escapes the gate's families do not list): always parsed. */
  protected readonly decodedText: RegExp | undefined = undefined;

  /** A refusal of the text before any parse (1-based column), such as nesting too deep for the parser. */
  protected rejectBeforeParse(_text: string): FileError | undefined {
    return undefined;
  }

  protected abstract parseText(text: string): TextParseResult<Root>;

  /**
   * The root of a file with nothing in it for the rules (the whole text, no children, no comments), for a language
   * that may skip the parse; undefined: this language always parses.
   */
  protected emptyRoot(_text: string): Root | undefined {
    return undefined;
  }

  abstract createSourceCode(file: File, parseResult: OkParseResult<Root>): Code;
}
