import type { File, FileError, Language, OkParseResult, ParseResult } from '@eslint/core';
import { maskSecretsInText } from '../../analysis/secret-mask.js';
import type { NodeBase } from './ast.js';
import { rejectUnreadableText } from './file-guards.js';
import type { HashCommentSourceCode } from './hash-comment-source-code.js';

type NoOptions = Record<string, never>;
export type TextParseResult<Root> = { ok: true; ast: Root } | { ok: false; error: FileError };

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
  readonly visitorKeys: Record<string, string[]>;

  /** `what` names the file in parse errors ("This Dockerfile is larger than 2 MiB ..."). */
  constructor(
    visitorKeys: Readonly<Record<string, readonly string[]>>,
    private readonly what: string,
  ) {
    this.visitorKeys = Object.fromEntries(Object.entries(visitorKeys).map(([type, keys]) => [type, [...keys]]));
  }

  validateLanguageOptions(): void {
    // No options.
  }

  parse(file: File): ParseResult<Root> {
    const text = String(file.body);
    const unreadable = rejectUnreadableText(text, this.what);
    if (unreadable) return { ok: false, errors: [{ ...unreadable, column: unreadable.column - 1 + this.columnStart }] };
    const result = this.parseText(text);
    // Parse errors quote the offending text (`Unknown instruction 'ASIA…'`): masked like every other output.
    return result.ok
      ? { ok: true, ast: result.ast }
      : { ok: false, errors: [{ ...result.error, message: maskSecretsInText(result.error.message) }] };
  }

  protected abstract parseText(text: string): TextParseResult<Root>;

  abstract createSourceCode(file: File, parseResult: OkParseResult<Root>): Code;
}
