import { Node, SyntaxKind } from 'ts-morph';

/** Parents under which `await f()` needs no parentheses. */
const BARE_AWAIT_PARENTS = new Set([
  SyntaxKind.TemplateSpan,
  SyntaxKind.PropertyAssignment,
  SyntaxKind.VariableDeclaration,
  SyntaxKind.ReturnStatement,
  SyntaxKind.ArrayLiteralExpression,
  SyntaxKind.ExpressionStatement,
  SyntaxKind.SpreadElement,
  SyntaxKind.SpreadAssignment,
  SyntaxKind.JsxExpression,
]);

/** The text that puts `awaitText` (`await f()`) where `node` stands: in parentheses unless its parent needs none. */
export function awaitInPlaceOf(node: Node, awaitText: string): string {
  const parent = node.getParentOrThrow();
  const bare =
    BARE_AWAIT_PARENTS.has(parent.getKind()) || (Node.isCallExpression(parent) && parent.getExpression() !== node);
  return bare ? awaitText : `(${awaitText})`;
}
