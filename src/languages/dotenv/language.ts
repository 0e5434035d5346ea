import type { File, OkParseResult } from '@eslint/core';
import { HashCommentLanguage } from '../common/hash-comment-language.js';
import { LineIndex } from '../common/line-index.js';
import { DOTENV_VISITOR_KEYS, type DotenvAnyNode, type DotenvNode } from './ast.js';
import { parseDotenv } from './parse.js';
import { DotenvSourceCode } from './source-code.js';

const VISITOR_KEYS = Object.fromEntries(Object.entries(DOTENV_VISITOR_KEYS).map(([type, keys]) => [type, [...keys]]));

/**
 * ESLint Language for `.env` files (`language: 'credential-expiry/dotenv'`). Values are read as written (only `\n`
 * and `\r` are unescaped), so the text gate sees every name and value the rules would.
 */
export class DotenvLanguage extends HashCommentLanguage<DotenvNode, DotenvAnyNode, DotenvSourceCode> {
  readonly visitorKeys = VISITOR_KEYS;

  constructor() {
    super('This .env file');
  }

  protected parseText(text: string) {
    return parseDotenv(text);
  }

  protected override emptyRoot(text: string): DotenvNode {
    return {
      type: 'Dotenv',
      body: [],
      comments: [],
      range: [0, text.length],
      loc: new LineIndex(text).locOf(0, text.length),
    };
  }

  createSourceCode(file: File, parseResult: OkParseResult<DotenvNode>): DotenvSourceCode {
    return new DotenvSourceCode({ text: String(file.body), ast: parseResult.ast });
  }
}
