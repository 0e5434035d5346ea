import type { File, FileError, OkParseResult } from '@eslint/core';
import { type AST, parseForESLint, VisitorKeys } from 'yaml-eslint-parser';
import { rejectTooDeep } from '../nesting.js';
import type { CommentNode, NodeBase } from '../shared/ast.js';
import { HashCommentLanguage, type TextParseResult } from '../shared/hash-comment-language.js';
import { HashCommentSourceCode } from '../shared/hash-comment-source-code.js';
import { LineIndex } from '../shared/line-index.js';
import { indentQuotedContinuations, type Insertion, originalOffset } from './lenient.js';

/**
 * yaml-eslint-parser's AST with its root renamed from `Program` to `YAMLProgram`: JavaScript rules from configs without
 * `files` listen to `Program` and would run scope analysis on it.
 */
export type YamlRoot = Omit<AST.YAMLProgram, 'type'> & { type: 'YAMLProgram' };

const YAML_VISITOR_KEYS: Record<string, readonly string[]> = {
  ...VisitorKeys,
  YAMLProgram: VisitorKeys.Program ?? ['body'],
};

/** Lock files are generated and can be larger than the size guard. */
export const YAML_IGNORES = ['**/pnpm-lock.yaml'];

export class YamlSourceCode extends HashCommentSourceCode<YamlRoot> {
  constructor({ text, ast }: { text: string; ast: YamlRoot }) {
    // yaml-eslint-parser's comments are `Line` nodes with the text after `#` as `value`, like ours.
    super({
      text,
      ast,
      comments: ast.comments as unknown as CommentNode[],
      visitorKeys: YAML_VISITOR_KEYS,
      fileKind: 'YAML',
    });
  }
}

/**
 * ESLint Language for YAML (`language: 'credential-expiry/yaml'`): yaml-eslint-parser's AST (0-based columns, as
 * ESTree), read as Kubernetes and Compose read it (see lenient.ts), with the size and binary guards.
 */
export class YamlLanguage extends HashCommentLanguage<YamlRoot, NodeBase, YamlSourceCode> {
  override readonly columnStart = 0;

  constructor() {
    super(YAML_VISITOR_KEYS, 'This YAML file');
  }

  protected parseText(text: string): TextParseResult<YamlRoot> {
    const tooDeep = rejectTooDeep(text, 'This YAML file');
    if (tooDeep) return { ok: false, error: { ...tooDeep, column: tooDeep.column - 1 + this.columnStart } };
    try {
      return { ok: true, ast: asRoot(parseForESLint(text).ast) };
    } catch (strictError) {
      const indented = indentQuotedContinuations(text);
      if (indented) {
        try {
          const ast = asRoot(parseForESLint(indented.text).ast);
          remapPositions(ast, indented.insertions, new LineIndex(text));
          return { ok: true, ast };
        } catch {
          // Not that dialect either: report the strict error.
        }
      }
      return { ok: false, error: parseError(strictError, text) };
    }
  }

  createSourceCode(file: File, parseResult: OkParseResult<YamlRoot>): YamlSourceCode {
    return new YamlSourceCode({ text: String(file.body), ast: parseResult.ast });
  }
}

function asRoot(program: AST.YAMLProgram): YamlRoot {
  return Object.assign(program, { type: 'YAMLProgram' }) as unknown as YamlRoot;
}

function parseError(error: unknown, text: string): FileError {
  const { index, message } = error as { index?: number; message?: string };
  const position = typeof index === 'number' ? new LineIndex(text).positionOf(index) : { line: 1, column: 1 };
  return {
    message: `This YAML file did not parse (${message ?? String(error)}); secrets in it were not checked.`,
    line: position.line,
    column: position.column - 1,
  };
}

/** Moves every `range`/`loc` of the AST (nodes, tokens, comments) from the indented text back to the original. */
function remapPositions(root: object, insertions: readonly Insertion[], original: LineIndex): void {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const node = value as { range?: [number, number]; loc?: unknown };
    if (Array.isArray(node.range) && node.loc) {
      const start = originalOffset(node.range[0], insertions);
      const end = originalOffset(node.range[1], insertions);
      node.range = [start, end];
      const loc = original.locOf(start, end);
      node.loc = {
        start: { line: loc.start.line, column: loc.start.column - 1 },
        end: { line: loc.end.line, column: loc.end.column - 1 },
      };
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'parent') visit(child);
  };
  visit(root);
}

export const yaml = new YamlLanguage();
