import type { File, Language, OkParseResult, ParseResult } from '@eslint/core';
import { rejectUnreadableText } from '../shared/file-guards.js';
import { DOTENV_VISITOR_KEYS, type DotenvAnyNode, type DotenvNode } from './ast.js';
import { parseDotenv } from './parse.js';
import { DotenvSourceCode } from './source-code.js';

type DotenvLanguageOptions = Record<string, never>;

/** ESLint Language for `.env` files (`language: 'credential-expiry/dotenv'`). */
export class DotenvLanguage
  implements Language<{ LangOptions: DotenvLanguageOptions; Code: DotenvSourceCode; RootNode: DotenvNode; Node: DotenvAnyNode }>
{
  readonly fileType = 'text';
  readonly lineStart = 1;
  readonly columnStart = 1;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys: Record<string, string[]> = Object.fromEntries(
    Object.entries(DOTENV_VISITOR_KEYS).map(([type, keys]) => [type, [...keys]]),
  );
  readonly defaultLanguageOptions: DotenvLanguageOptions = {};

  validateLanguageOptions(): void {
    // No options.
  }

  parse(file: File): ParseResult<DotenvNode> {
    const text = String(file.body);
    const unreadable = rejectUnreadableText(text, 'This .env file');
    if (unreadable) return { ok: false, errors: [unreadable] };
    const result = parseDotenv(text);
    return result.ok ? { ok: true, ast: result.ast } : { ok: false, errors: [result.error] };
  }

  createSourceCode(file: File, parseResult: OkParseResult<DotenvNode>): DotenvSourceCode {
    return new DotenvSourceCode({ text: String(file.body), ast: parseResult.ast });
  }
}
