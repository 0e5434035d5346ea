import {
  type ExpressionStatement,
  type Identifier,
  type IfStatement,
  Node,
  type SourceFile,
  SyntaxKind,
  VariableDeclarationKind,
} from 'ts-morph';
import { CREDENTIAL_METHODS } from '../../knowledge/index.js';
import type { FileState, Finding } from '../types.js';
import { awaitInPlaceOf } from './await-text.js';
import { offsetOf, type TextEdit } from './text-edits.js';

/** Methods whose object caches and refreshes the token itself (knowledge: `perUse`), by name. */
const REFRESHING_METHODS = new Set(CREDENTIAL_METHODS.filter((method) => method.perUse).map((method) => method.method));

/**
 * A lazily filled module-level token, `let token; … if (!token) token = await auth.getAccessToken(); … use(token)`,
 * where the call is one whose object caches and refreshes the token (google-auth-library's `getAccessToken`, Azure's
 * `getToken`): the variable, and each `if (!token)` that fills it, go; each read becomes `await auth.getAccessToken()`,
 * which returns the same type and is fresh. Only when every write is such a fill, every read is in an async
 * function, and the variable is not exported; otherwise nothing (the finding stays for a person).
 */
export function lazyCacheEdits(finding: Finding, file: FileState, sourceFile: SourceFile): TextEdit[] {
  const node = sourceFile.getDescendantAtPos(offsetOf(file.text, finding.line, finding.column));
  const declaration = node?.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const statement = declaration?.getVariableStatement();
  if (!declaration || !statement || !Node.isSourceFile(statement.getParent()) || statement.hasExportKeyword())
    return [];
  if (statement.getDeclarationKind() !== VariableDeclarationKind.Let || statement.getDeclarations().length !== 1)
    return [];
  const name = declaration.getNameNode();
  const initializer = declaration.getInitializer();
  if (!Node.isIdentifier(name) || (initializer && !['null', 'undefined'].includes(initializer.getText()))) return [];

  const uses = sourceFile
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .filter((id) => id !== name && id.getText() === name.getText() && id.getSymbol() === name.getSymbol());
  const fills = new Set<IfStatement>();
  let call: string | undefined;
  const reads: Identifier[] = [];
  for (const use of uses) {
    const fill = fillOf(use);
    if (fill) {
      if (call !== undefined && call !== fill.call) return [];
      call = fill.call;
      fills.add(fill.statement);
      continue;
    }
    if (uses.some((other) => fillOf(other)?.statement.getExpression() === use.getParent())) continue;
    const fn = use.getFirstAncestor(
      (ancestor) =>
        Node.isArrowFunction(ancestor) ||
        Node.isFunctionDeclaration(ancestor) ||
        Node.isFunctionExpression(ancestor) ||
        Node.isMethodDeclaration(ancestor),
    );
    const parent = use.getParent();
    const assigned = Node.isBinaryExpression(parent) && parent.getLeft() === use;
    const isAsync =
      Node.isArrowFunction(fn) ||
      Node.isFunctionDeclaration(fn) ||
      Node.isFunctionExpression(fn) ||
      Node.isMethodDeclaration(fn)
        ? fn.isAsync()
        : false;
    if (assigned || !isAsync || Node.isShorthandPropertyAssignment(parent)) return [];
    reads.push(use);
  }
  if (call === undefined || !fills.size) return [];
  const text = call;
  return [
    wholeLines(file.text, statement.getStart(), statement.getEnd()),
    ...[...fills].map((fill) => wholeLines(file.text, fill.getStart(), fill.getEnd())),
    ...reads.map((read) => ({
      start: read.getStart(),
      end: read.getEnd(),
      text: awaitInPlaceOf(read, `await ${text}`),
    })),
  ];
}

/** `if (!token) token = await recv.method();` (or in a block of its own), with a refreshing method: that `if`. */
function fillOf(use: Identifier): { statement: IfStatement; call: string } | undefined {
  const assignment = use.getParent();
  if (
    !Node.isBinaryExpression(assignment) ||
    assignment.getLeft() !== use ||
    assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken
  )
    return undefined;
  const awaited = assignment.getRight();
  if (!Node.isAwaitExpression(awaited)) return undefined;
  const callee = awaited.getExpression();
  if (!Node.isCallExpression(callee)) return undefined;
  const target = callee.getExpression();
  if (!Node.isPropertyAccessExpression(target) || !REFRESHING_METHODS.has(target.getName())) return undefined;
  const expression = assignment.getParent() as ExpressionStatement;
  if (!Node.isExpressionStatement(expression)) return undefined;
  let holder: Node | undefined = expression.getParent();
  if (Node.isBlock(holder) && holder.getStatements().length === 1) holder = holder.getParent();
  if (!Node.isIfStatement(holder) || holder.getElseStatement()) return undefined;
  const test = holder.getExpression();
  const tested =
    Node.isPrefixUnaryExpression(test) && test.getOperatorToken() === SyntaxKind.ExclamationToken
      ? test.getOperand()
      : undefined;
  if (!tested || tested.getText() !== use.getText()) return undefined;
  return { statement: holder, call: callee.getText() };
}

/** Removes `[start, end)`, widened to whole lines when nothing else is on them (a trailing comment stays, for tidy-removals). */
function wholeLines(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const from = text.slice(lineStart, start).trim() === '' ? lineStart : start;
  const to = text.slice(end, lineEnd).trim() === '' ? lineEnd : end;
  return { start: from, end: to, text: '' };
}
