import { ts } from 'ts-morph';
import * as knowledge from '../../knowledge/index.js';
import { STS_CLIENT_CLASS_NAMES } from '../../knowledge/index.js';
import type { FileState } from '../types.js';
import { codeStyleOf } from './code-style.js';
import { offsetOf, type TextEdit } from './text-edits.js';

/** What the knowledge base says a replacement needs imported: export name → modules that provide it. */
function knownImports(): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const { imports } = value as { imports?: unknown };
    if (Array.isArray(imports)) {
      for (const entry of imports as { module?: unknown; name?: unknown }[]) {
        if (typeof entry.module !== 'string' || typeof entry.name !== 'string') continue;
        const modules = byName.get(entry.name) ?? [];
        if (!modules.includes(entry.module)) modules.push(entry.module);
        byName.set(entry.name, modules);
      }
    }
    for (const child of Object.values(value)) visit(child, depth + 1);
  };
  visit(Object.values(knowledge), 0);
  return byName;
}

let KNOWN_IMPORTS: Map<string, string[]> | undefined;

const scriptKind = (path: string) =>
  /\.[cm]?tsx?$/.test(path)
    ? path.endsWith('x')
      ? ts.ScriptKind.TSX
      : ts.ScriptKind.TS
    : path.endsWith('x')
      ? ts.ScriptKind.JSX
      : ts.ScriptKind.JS;

function parse(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
}

/** Whether `id` is a name being declared or a property name, rather than a read of a binding. */
function isDeclarationOrKey(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return true;
  if (ts.isQualifiedName(parent) && parent.right === id) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === id) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return true;
  if (
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isExportSpecifier(parent)
  )
    return true;
  if (ts.isJsxAttribute(parent) || ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  const named = parent as ts.Node & { name?: ts.Node };
  return named.name === id && !ts.isShorthandPropertyAssignment(parent);
}

/** Whether `id` names a binding (variable, function, class, parameter, import, type), not a member or key. */
function declaresBinding(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent))
    return parent.name === id;
  const bindings = [
    ts.isVariableDeclaration,
    ts.isFunctionDeclaration,
    ts.isFunctionExpression,
    ts.isClassDeclaration,
    ts.isClassExpression,
    ts.isParameter,
    ts.isBindingElement,
    ts.isInterfaceDeclaration,
    ts.isTypeAliasDeclaration,
    ts.isEnumDeclaration,
    ts.isTypeParameterDeclaration,
    ts.isImportEqualsDeclaration,
  ];
  return bindings.some((is) => is(parent)) && (parent as ts.Node & { name?: ts.Node }).name === id;
}

/** Reads of each name in the file, and the names it declares (scope-less: enough to compare before and after). */
export function names(sourceFile: ts.Node): { reads: Map<string, number>; declared: Set<string> } {
  const reads = new Map<string, number>();
  const declared = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      if (isDeclarationOrKey(node)) {
        if (declaresBinding(node)) declared.add(node.text);
      } else {
        reads.set(node.text, (reads.get(node.text) ?? 0) + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { reads, declared };
}

/**
 * `const sts = new AWS.STS({ region })`, not exported: an STS client built with options that call nothing, whose
 * construction does nothing else (knowledge `STS_CLIENT_CLASS_NAMES`).
 */
function isIdleStsClient(statement: ts.VariableStatement): boolean {
  if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return false;
  const initializer = statement.declarationList.declarations[0]?.initializer;
  if (!initializer || !ts.isNewExpression(initializer)) return false;
  const callee = initializer.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  if (!STS_CLIENT_CLASS_NAMES.includes(name)) return false;
  let calls = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isAwaitExpression(node)) calls = true;
    else ts.forEachChild(node, visit);
  };
  for (const argument of initializer.arguments ?? []) visit(argument);
  return !calls;
}

/** The whole lines of `node` (with its leading comments' line start and the trailing newline). */
function lineRange(text: string, node: ts.Node, sourceFile: ts.SourceFile): { start: number; end: number } {
  const start = text.lastIndexOf('\n', node.getStart(sourceFile) - 1) + 1;
  const newline = text.indexOf('\n', node.getEnd());
  return { start, end: newline === -1 ? text.length : newline + 1 };
}

function removeImportSpecifier(
  text: string,
  declaration: ts.ImportDeclaration,
  specifier: ts.ImportSpecifier,
  sourceFile: ts.SourceFile,
): TextEdit {
  const elements = (declaration.importClause?.namedBindings as ts.NamedImports).elements;
  if (elements.length === 1 && !declaration.importClause?.name)
    return { ...lineRange(text, declaration, sourceFile), text: '' };
  if (elements.length === 1) {
    // `import D, { x } from 'm'` → `import D from 'm'`
    return {
      start: declaration.importClause!.name!.getEnd(),
      end: declaration.importClause!.namedBindings!.getEnd(),
      text: '',
    };
  }
  const index = elements.indexOf(specifier);
  const next = elements[index + 1];
  return next
    ? { start: specifier.getStart(sourceFile), end: next.getStart(sourceFile), text: '' }
    : { start: elements[index - 1].getEnd(), end: specifier.getEnd(), text: '' };
}

/**
 * Tidies a file the migration changed: imports whose last use the migration removed go; variables whose last use
 * a fixed finding removed go (the declaration held the snapshot); names a fix introduced that the knowledge base
 * says come from a module get imported, in the file's own quote and semicolon style.
 */
export function cleanupEdits(file: FileState): TextEdit[] {
  const before = parse(file.path, file.original);
  const after = parse(file.path, file.text);
  const old = names(before);
  const now = names(after);
  const edits: TextEdit[] = [];
  const wasRead = (name: string) => (old.reads.get(name) ?? 0) > 0;
  const isRead = (name: string) => (now.reads.get(name) ?? 0) > 0;

  const fixedAt = file.fixed.map((finding) => offsetOf(file.original, finding.line, finding.column));
  const declarations = (sourceFile: ts.SourceFile) => {
    const found = new Map<string, ts.VariableStatement[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1) {
        const [declaration] = node.declarationList.declarations;
        if (declaration && ts.isIdentifier(declaration.name))
          found.set(declaration.name.text, [...(found.get(declaration.name.text) ?? []), node]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  };
  const oldDeclarations = declarations(before);
  const removed: ts.VariableStatement[] = [];
  for (const [name, statements] of declarations(after)) {
    const [statement] = statements;
    const [original] = oldDeclarations.get(name) ?? [];
    if (statements.length !== 1 || oldDeclarations.get(name)?.length !== 1 || !statement || !original) continue;
    if (
      isRead(name) ||
      !wasRead(name) ||
      statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
    )
      continue;
    const initializer = original.declarationList.declarations[0]?.initializer;
    if (initializer && fixedAt.some((at) => at >= initializer.getStart(before) && at < initializer.getEnd())) {
      edits.push({ ...lineRange(file.text, statement, after), text: '' });
      removed.push(statement);
    }
  }
  // What the removed declarations read is no longer read: an STS client only they used goes too.
  for (const statement of removed) {
    for (const [name, count] of names(statement).reads) now.reads.set(name, (now.reads.get(name) ?? 0) - count);
  }
  for (const [name, statements] of declarations(after)) {
    const [statement] = statements;
    if (statements.length !== 1 || oldDeclarations.get(name)?.length !== 1 || !statement) continue;
    if (removed.includes(statement) || isRead(name) || !wasRead(name) || !isIdleStsClient(statement)) continue;
    edits.push({ ...lineRange(file.text, statement, after), text: '' });
    removed.push(statement);
    for (const [read, count] of names(statement).reads) now.reads.set(read, (now.reads.get(read) ?? 0) - count);
  }

  for (const statement of after.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const unused = bindings.elements.filter(
      (specifier) => wasRead(specifier.name.text) && !isRead(specifier.name.text),
    );
    if (unused.length === bindings.elements.length && !statement.importClause?.name)
      edits.push({ ...lineRange(file.text, statement, after), text: '' });
    else for (const specifier of unused) edits.push(removeImportSpecifier(file.text, statement, specifier, after));
  }

  KNOWN_IMPORTS ??= knownImports();
  const missing = [...now.reads.keys()].filter(
    (name) => isRead(name) && !now.declared.has(name) && !wasRead(name) && KNOWN_IMPORTS!.has(name),
  );
  if (missing.length) edits.push(...importEdits(file, after, missing, KNOWN_IMPORTS));
  return edits;
}

function importEdits(
  file: FileState,
  sourceFile: ts.SourceFile,
  missing: readonly string[],
  known: Map<string, string[]>,
): TextEdit[] {
  const style = codeStyleOf(sourceFile);
  const commonJs = style.commonJs || file.path.endsWith('.cjs');
  const imports = sourceFile.statements.filter(ts.isImportDeclaration);
  const imported = (module: string) =>
    imports.find((declaration) => (declaration.moduleSpecifier as ts.StringLiteral).text === module);
  const byModule = new Map<string, string[]>();
  for (const name of missing) {
    const modules = known.get(name) ?? [];
    const module = modules.find((candidate) => imported(candidate)) ?? modules[0];
    if (module) byModule.set(module, [...(byModule.get(module) ?? []), name]);
  }
  const semi = style.semicolon ? ';' : '';
  const q = style.quote;
  const edits: TextEdit[] = [];
  for (const [module, names] of byModule) {
    const existing = commonJs ? undefined : imported(module);
    const bindings = existing?.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.length) {
      const last = bindings.elements[bindings.elements.length - 1];
      edits.push({ start: last.getEnd(), end: last.getEnd(), text: names.map((name) => `, ${name}`).join('') });
      continue;
    }
    const line = commonJs
      ? `const { ${names.join(', ')} } = require(${q}${module}${q})${semi}\n`
      : `import { ${names.join(', ')} } from ${q}${module}${q}${semi}\n`;
    const requires = sourceFile.statements.filter(
      (statement) => ts.isVariableStatement(statement) && /\brequire\s*\(/.test(statement.getText(sourceFile)),
    );
    const anchor = commonJs ? requires[requires.length - 1] : imports[imports.length - 1];
    const at = anchor ? lineRange(file.text, anchor, sourceFile).end : firstStatementLine(file.text, sourceFile);
    edits.push({ start: at, end: at, text: line });
  }
  return edits;
}

/** Where a new first import goes: after a shebang, 'use strict' and the leading comment block. */
function firstStatementLine(text: string, sourceFile: ts.SourceFile): number {
  const first = sourceFile.statements[0];
  if (!first) return text.length;
  if (ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression))
    return lineRange(text, first, sourceFile).end;
  return text.lastIndexOf('\n', first.getStart(sourceFile) - 1) + 1;
}
