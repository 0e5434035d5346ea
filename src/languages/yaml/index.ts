import type { File, FileError, OkParseResult } from '@eslint/core';
import type * as YamlEslintParser from 'yaml-eslint-parser';
import type { AST } from 'yaml-eslint-parser';
import { TRANSLATION_CATALOG_IGNORES } from '../../knowledge/file-names.js';
import { lazyModule } from '../../util/lazy-module.js';
import { rejectTooDeep } from '../nesting.js';
import type { CommentNode, NodeBase } from '../common/ast.js';
import { HashCommentLanguage, type TextParseResult } from '../common/hash-comment-language.js';
import { HashCommentSourceCode } from '../common/hash-comment-source-code.js';
import { LineIndex } from '../common/line-index.js';
import { indentQuotedContinuations, type Insertion, originalOffset } from './lenient.js';

/**
 * yaml-eslint-parser's AST with its root renamed from `Program` to `YAMLProgram`: JavaScript rules from configs without
 * `files` listen to `Program` and would run scope analysis on it.
 */
type YamlRoot = Omit<AST.YAMLProgram, 'type'> & { type: 'YAMLProgram' };

// Loaded on the first YAML file the text gate opens (src/util/lazy-module.ts).
const yamlParser = lazyModule<typeof YamlEslintParser>('yaml-eslint-parser');

let visitorKeys: Record<string, string[]> | undefined;
function yamlVisitorKeys(): Record<string, string[]> {
  if (!visitorKeys) {
    const keys = yamlParser().VisitorKeys;
    const withRoot = { ...keys, YAMLProgram: keys.Program ?? ['body'] };
    visitorKeys = Object.fromEntries(Object.entries(withRoot).map(([type, list]) => [type, [...list]]));
  }
  return visitorKeys;
}
/** All an empty root needs, without loading the parser. */
const EMPTY_ROOT_KEYS: Record<string, readonly string[]> = { YAMLProgram: ['body'] };

/**
 * Text that YAML reads as other text, beyond the escape sequences the text gate's families already open on: `\U`
 * escapes, and a Kubernetes Secret's base64 `data` (rules/no-embedded-credentials/yaml.ts decodes it; yaml-eslint-parser
 * leaves `!!binary` scalars as written).
 */
const YAML_ENCODINGS = /\\U|Secret/u;

/** Lock files are generated and can be larger than the size guard; translation catalogs hold UI text. */
export const YAML_IGNORES = ['**/pnpm-lock.yaml', ...TRANSLATION_CATALOG_IGNORES];

class YamlSourceCode extends HashCommentSourceCode<YamlRoot> {
  constructor({ text, ast }: { text: string; ast: YamlRoot }) {
    // yaml-eslint-parser's comments are `Line` nodes with the text after `#` as `value`, like ours.
    super({
      text,
      ast,
      comments: ast.comments as unknown as CommentNode[],
      visitorKeys: ast.body.length === 0 && ast.comments.length === 0 ? EMPTY_ROOT_KEYS : yamlVisitorKeys(),
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

  protected override readonly decodedText = YAML_ENCODINGS;

  constructor() {
    super('This YAML file');
  }

  get visitorKeys(): Record<string, string[]> {
    return yamlVisitorKeys();
  }

  protected override rejectBeforeParse(text: string): FileError | undefined {
    return rejectTooDeep(text, 'This YAML file');
  }

  protected override emptyRoot(text: string): YamlRoot {
    const { start, end } = new LineIndex(text).locOf(0, text.length);
    return {
      type: 'YAMLProgram',
      body: [],
      comments: [],
      tokens: [],
      sourceType: 'module',
      parent: null,
      range: [0, text.length],
      loc: { start: { line: start.line, column: start.column - 1 }, end: { line: end.line, column: end.column - 1 } },
    } as unknown as YamlRoot;
  }

  protected parseText(text: string): TextParseResult<YamlRoot> {
    const { parseForESLint } = yamlParser();
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
