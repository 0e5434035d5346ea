import type { File, FileError, ParseResult } from '@eslint/core';
import type { Rule } from 'eslint';
import { Linter } from 'eslint';
import { languages } from '../../src/languages/index.js';

/** A tiny rule reporting every Instruction (Dockerfile) and every Entry key (.env), to test positions and directives. */
const reportEverything: Rule.RuleModule = {
  meta: { type: 'problem', messages: { seen: 'saw {{what}}' }, schema: [] },
  create(context) {
    return {
      Instruction(node: { keyword: string }) {
        context.report({ node: node as never, messageId: 'seen', data: { what: node.keyword } });
      },
      Entry(node: { key: { name: string } }) {
        context.report({ node: node.key as never, messageId: 'seen', data: { what: node.key.name } });
      },
    } as unknown as Rule.RuleListener;
  },
};

const plugin = { languages, rules: { 'report-everything': reportEverything } };

const config: Linter.Config[] = [
  { files: ['**/Dockerfile'], plugins: { 'credential-expiry': plugin }, language: 'credential-expiry/dockerfile', rules: { 'credential-expiry/report-everything': 'error' } },
  { files: ['**/.env'], plugins: { 'credential-expiry': plugin }, language: 'credential-expiry/dotenv', rules: { 'credential-expiry/report-everything': 'error' } },
];

export interface Seen {
  line: number;
  column: number;
  message: string;
}

/** Lints `text` as `filename` with the tiny rule; returns line, column and message of each problem. */
export function lint(text: string, filename: 'Dockerfile' | '.env'): Seen[] {
  return new Linter().verify(text, config, filename).map(({ line, column, message }) => ({ line, column, message }));
}

/** parse() of a language as a test sees it: the AST of good text, the single error of bad text. */
export function parserOf<Root>(language: { parse(file: File): ParseResult<Root> }, path: string) {
  const file = (body: string): File => ({ body, path, physicalPath: path, bom: false });
  return {
    file,
    parse(text: string): Root {
      const result = language.parse(file(text));
      if (!result.ok) throw new Error(`parse failed: ${result.errors[0].message}`);
      return result.ast;
    },
    parseError(text: string): FileError {
      const result = language.parse(file(text));
      if (result.ok) throw new Error('expected a parse error');
      if (result.errors.length !== 1) throw new Error(`expected one parse error, got ${result.errors.length}`);
      return result.errors[0];
    },
  };
}
