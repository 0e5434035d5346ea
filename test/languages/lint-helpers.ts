import type { File, FileError, ParseResult, SourceLocation } from '@eslint/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Rule } from 'eslint';
import { Linter } from 'eslint';
import { languages } from '../../src/languages/index.js';
import type { NodeBase } from '../../src/languages/common/ast.js';
import type { HashCommentSourceCode } from '../../src/languages/common/hash-comment-source-code.js';

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
  {
    files: ['**/Dockerfile'],
    plugins: { 'credential-expiry': plugin },
    language: 'credential-expiry/dockerfile',
    rules: { 'credential-expiry/report-everything': 'error' },
  },
  {
    files: ['**/.env'],
    plugins: { 'credential-expiry': plugin },
    language: 'credential-expiry/dotenv',
    rules: { 'credential-expiry/report-everything': 'error' },
  },
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

/**
 * Property: for random files made of `lines` (joined by `\n`, `\r\n` or `\r`, wrapped by `wrap`), every node's loc
 * agrees with the SourceCode line table at both ends of its range. Files the random order makes invalid are skipped.
 */
export function assertLocsAgreeWithLineTable<Root>(
  language: {
    parse(file: File): ParseResult<Root>;
    createSourceCode(file: File, result: { ok: true; ast: Root }): unknown;
  },
  path: string,
  lines: fc.Arbitrary<string>,
  wrap: (body: string[]) => string[] = (body) => body,
): void {
  const { file } = parserOf(language, path);
  fc.assert(
    fc.property(fc.array(lines, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (body, eol) => {
      const text = wrap(body).join(eol) + eol;
      const result = language.parse(file(text));
      if (!result.ok) return;
      const code = language.createSourceCode(file(text), result) as HashCommentSourceCode<NodeBase>;
      for (const step of code.traverse()) {
        const node = (step as { target: { range: [number, number]; loc: SourceLocation } }).target;
        expect(code.getLocFromIndex(node.range[0])).toEqual(node.loc.start);
        expect(code.getLocFromIndex(node.range[1])).toEqual(node.loc.end);
      }
    }),
    { numRuns: 200 },
  );
}
