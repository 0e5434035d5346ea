import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import { DefinitionType, enclosingFunction, memberChain, unwrap } from '../../src/analysis/ast.js';
import { indentOf, isMovable, removeStatement } from '../../src/analysis/edits.js';
import { ModuleRefs } from '../../src/analysis/module-refs.js';
import { forEachDescendant } from '../../src/analysis/value-flow.js';
import { CLOCK_READING_CALLS } from '../../src/knowledge/index.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Context['sourceCode'];

/** `Date.now`, `Math.floor` of the global objects (not a binding of the file with that name). */
export function isClockRead(callee: Node, refs: ModuleRefs): boolean {
  const inner = unwrap(callee);
  if (inner.type !== AST_NODE_TYPES.MemberExpression || inner.object.type !== AST_NODE_TYPES.Identifier) return false;
  if ((refs.variableOf(inner.object)?.defs.length ?? 0) > 0) return false;
  const [object, method] = memberChain(inner) ?? [];
  return CLOCK_READING_CALLS.some(([o, m]) => o === object && m === method);
}

/**
 * The call uses a variable of the file whose value came from the clock when it was bound (`const now =
 * Math.floor(Date.now() / 1000)`, `new Date()`): signing again per use would still carry that one time.
 */
export function readsClockOnce(call: Node, sourceCode: SourceCode): boolean {
  const refs = ModuleRefs.for(sourceCode);
  let found = false;
  forEachDescendant(call, sourceCode, (node) => {
    if (found || node.type !== AST_NODE_TYPES.Identifier) return;
    const def = refs.variableOf(node)?.defs[0];
    if (def?.type !== DefinitionType.Variable || !def.node.init || def.node.init === call) return;
    forEachDescendant(def.node.init, sourceCode, (inner) => {
      if (inner.type === AST_NODE_TYPES.CallExpression && isClockRead(inner.callee, refs)) found = true;
      if (
        inner.type === AST_NODE_TYPES.NewExpression &&
        inner.callee.type === AST_NODE_TYPES.Identifier &&
        inner.callee.name === 'Date'
      )
        found = true;
    });
  });
  return found;
}

/**
 * Every read sits in one function with a block body (`async function login() { … { assertion } … }`): the whole
 * declaration moves to the start of that function, so the value is made at each of its calls, in the declaration's
 * own layout (re-indented), rather than copied into each read. Not when a template literal spans lines (re-indenting
 * would change its text) or the declaration does not mean the same there.
 */
export function declarationMovedInto(
  context: Context,
  declaration: TSESTree.VariableDeclaration,
  reads: readonly TSESTree.Identifier[],
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  const { sourceCode } = context;
  const fns = new Set(reads.map((read) => enclosingFunction(read)));
  const [fn] = fns;
  if (fns.size !== 1 || !fn || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return null;
  const first = fn.body.body[0];
  if (!first || !isMovable(declaration, first, sourceCode)) return null;
  const spansLines = sourceCode
    .getTokens(declaration)
    .some((token) => token.type === AST_TOKEN_TYPES.Template && token.value.includes('\n'));
  if (spansLines) return null;
  const indent = indentOf(first, sourceCode.text);
  const from = indentOf(declaration, sourceCode.text);
  const comments = leadingComments(declaration, sourceCode);
  const moved = (node: Node) =>
    sourceCode
      .getText(node)
      .split('\n')
      .map((line, i) => (i === 0 ? line : `${indent}${line.startsWith(from) ? line.slice(from.length) : line}`))
      .join('\n');
  const text = [...comments.map((comment) => sourceCode.getText(comment as never)), moved(declaration)].join(
    `\n${indent}`,
  );
  return (fixer) => [
    ...comments.map((comment) => removeStatement(fixer, sourceCode, comment as never)),
    removeStatement(fixer, sourceCode, declaration),
    fixer.insertTextBefore(first, `${text}\n${indent}`),
  ];
}

/** The comments on the lines right above the declaration, each on a line of its own: they describe it, so go with it. */
function leadingComments(declaration: Node, sourceCode: SourceCode): TSESTree.Comment[] {
  const found: TSESTree.Comment[] = [];
  let line = declaration.loc.start.line;
  for (const comment of [...sourceCode.getCommentsBefore(declaration)].reverse()) {
    const before = sourceCode.getTokenBefore(comment, { includeComments: true });
    if (comment.loc.end.line !== line - 1 || (before && before.loc.end.line === comment.loc.start.line)) break;
    found.unshift(comment);
    line = comment.loc.start.line;
  }
  return found;
}
