import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { SourceCode } from 'eslint';
import type ts from 'typescript';
import { isFunctionNode, unwrap } from './ast.js';
import { forEachDescendant } from './value-flow.js';

type Source = Readonly<TSESLint.SourceCode>;

/** A function declared in another file of the program, parsed so that the engine can run over it. */
export interface ForeignFunction {
  readonly fn: TSESTree.FunctionLike;
  readonly sourceCode: Source;
  /** The file's base name, for messages: `aws.ts`. */
  readonly fileName: string;
}

/**
 * typescript-eslint's `parseForESLint`, handed in by the rule (the parser loader lives in src/util/, a later layer
 * than the engine).
 */
export type ParseForESLint = (
  text: string,
  options: {
    filePath: string;
    sourceType: 'module';
    ecmaVersion: 'latest';
    range: true;
    loc: true;
    tokens: true;
    comment: true;
  },
) => {
  ast: TSESTree.Program;
  scopeManager: unknown;
  visitorKeys: Record<string, readonly string[] | undefined>;
  services: unknown;
};

/** Files bigger than this are not parsed for a summary (the engine's size bound per file). */
const MAX_FOREIGN_TEXT = 200_000;
const PARSED = new WeakMap<ts.SourceFile, Source | null>();

/**
 * With type information only: the function an imported name calls, when the checker finds its declaration in
 * another source file of the program (`import { getCreds } from './aws'` → `export async function getCreds()` or
 * `export const getCreds = async () => ...` there). Declaration files and packages are left out: what a package
 * returns is the knowledge base's business. A file is parsed only when `worthParsing` its text (the caller's cheap
 * gate), once per program (its ts.SourceFile is the key).
 */
export function foreignFunction(
  callee: TSESTree.Node,
  sourceCode: Source,
  worthParsing: (text: string) => boolean,
  parse: ParseForESLint,
): ForeignFunction | null {
  const services = sourceCode.parserServices;
  const identifier = unwrap(callee);
  if (!services?.program || !services.esTreeNodeToTSNodeMap || identifier.type !== AST_NODE_TYPES.Identifier)
    return null;
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(identifier as never) as ts.Node | undefined;
  const alias = tsNode && checker.getSymbolAtLocation(tsNode);
  if (!alias || (alias.flags & ALIAS_FLAG) === 0) return null;
  const symbol = checker.getAliasedSymbol(alias);
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  const file = declaration?.getSourceFile();
  const name = declaration && (declaration as ts.NamedDeclaration).name;
  if (!file || !name || file.isDeclarationFile || /[/\\]node_modules[/\\]/.test(file.fileName)) return null;
  if (!worthParsing(file.text)) return null;
  const foreign = parsed(file, parse);
  const fn = foreign && functionNamedAt(foreign, name.getStart(file));
  return fn && foreign ? { fn, sourceCode: foreign, fileName: baseName(file.fileName) } : null;
}

/** `ts.SymbolFlags.Alias` (an import), by value: `typescript` is a peer, loaded only with the parser. */
const ALIAS_FLAG = 1 << 21;

function parsed(file: ts.SourceFile, parse: ParseForESLint): Source | null {
  if (PARSED.has(file)) return PARSED.get(file)!;
  let result: Source | null = null;
  if (file.text.length <= MAX_FOREIGN_TEXT) {
    try {
      const { ast, scopeManager, visitorKeys, services } = parse(file.text, {
        filePath: file.fileName,
        sourceType: 'module',
        ecmaVersion: 'latest',
        range: true,
        loc: true,
        tokens: true,
        comment: true,
      });
      setParents(ast, visitorKeys);
      result = new SourceCode({
        text: file.text,
        ast: ast as never,
        scopeManager: scopeManager as never,
        visitorKeys: visitorKeys as never,
        parserServices: services as never,
      }) as unknown as Source;
    } catch {
      result = null;
    }
  }
  PARSED.set(file, result);
  return result;
}

/** What ESLint does while it lints a file, and the parser does not: every node gets its `parent`. */
function setParents(root: TSESTree.Node, keys: Record<string, readonly string[] | undefined>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!child || typeof (child as TSESTree.Node).type !== 'string') continue;
        (child as { parent?: TSESTree.Node }).parent = node;
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/** The function whose name starts at `offset`: a function declaration, or a variable bound to a function. */
function functionNamedAt(sourceCode: Source, offset: number): TSESTree.FunctionLike | null {
  let found: TSESTree.FunctionLike | null = null;
  forEachDescendant(sourceCode.ast, sourceCode, (node) => {
    if (found || node.type !== AST_NODE_TYPES.Identifier || node.range[0] !== offset) return;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.FunctionDeclaration && parent.id === node) found = parent;
    else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === node && parent.init) {
      const init = unwrap(parent.init);
      if (isFunctionNode(init)) found = init;
    }
  });
  return found;
}

function baseName(fileName: string): string {
  return fileName.split(/[/\\]/).pop() ?? fileName;
}
