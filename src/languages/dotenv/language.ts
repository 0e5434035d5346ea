import type { File, OkParseResult } from '@eslint/core';
import { HashCommentLanguage } from '../shared/hash-comment-language.js';
import { DOTENV_VISITOR_KEYS, type DotenvAnyNode, type DotenvNode } from './ast.js';
import { parseDotenv } from './parse.js';
import { DotenvSourceCode } from './source-code.js';

/** ESLint Language for `.env` files (`language: 'credential-expiry/dotenv'`). */
export class DotenvLanguage extends HashCommentLanguage<DotenvNode, DotenvAnyNode, DotenvSourceCode> {
  constructor() {
    super(DOTENV_VISITOR_KEYS, 'This .env file');
  }

  protected parseText(text: string) {
    return parseDotenv(text);
  }

  createSourceCode(file: File, parseResult: OkParseResult<DotenvNode>): DotenvSourceCode {
    return new DotenvSourceCode({ text: String(file.body), ast: parseResult.ast });
  }
}
