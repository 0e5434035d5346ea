import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, isFunctionNode, memberChain, unwrap } from '../../src/analysis/ast.js';
import { forEachDescendant } from '../../src/analysis/value-flow.js';
import type { Node, SnapshotContext } from './context.js';

/**
 * `AWS.config.credentials = await Auth.currentCredentials();` as the opening of a function that then builds its own
 * client from that configuration (`const s3 = new AWS.S3()`) and uses it: each call of the function asks the source
 * again and uses what it got at once, so the shared configuration never serves a value older than the call that set
 * it. Only for a property of an imported object (an SDK's global configuration), written by a statement that always
 * runs, in a function the file does not call at load (a start-up function sets it once for the process: reported).
 */
export function assignedPerUse(target: Node, resolved: Node, ctx: SnapshotContext): boolean {
  const chain = unwrap(target).type === AST_NODE_TYPES.MemberExpression ? memberChain(target) : null;
  if (!chain || chain.length < 2) return false;
  const root = ctx.refs.resolve(rootIdentifierOf(unwrap(target)) ?? target);
  if (!root) return false;
  const statement = statementOf(unwrap(resolved));
  const fn = statement && enclosingFunction(statement);
  const body = fn?.body;
  if (!fn || body?.type !== AST_NODE_TYPES.BlockStatement || statement.parent !== body) return false;
  if (runsAtLoad(fn, ctx)) return false;
  const later = body.body.slice(body.body.indexOf(statement) + 1);
  return later.some((s) => buildsFromConfiguration(s, root.module, ctx));
}

/** The expression statement `target = <resolved>` the resolution is the right side of. */
function statementOf(resolved: Node): TSESTree.ExpressionStatement | null {
  const assignment = resolved.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || unwrap(assignment.right) !== resolved) return null;
  return assignment.parent?.type === AST_NODE_TYPES.ExpressionStatement ? assignment.parent : null;
}

function rootIdentifierOf(node: Node): TSESTree.Identifier | null {
  let inner = node;
  while (inner.type === AST_NODE_TYPES.MemberExpression) inner = unwrap(inner.object);
  return inner.type === AST_NODE_TYPES.Identifier ? inner : null;
}

/** A client made from the same module (`new AWS.S3()`) kept in a local of the function, not stored beyond it. */
function buildsFromConfiguration(statement: Node, module: string, ctx: SnapshotContext): boolean {
  let found = false;
  forEachDescendant(statement, ctx.sourceCode, (node) => {
    if (isFunctionNode(node)) return 'skip';
    if (node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    if (node.parent.type === AST_NODE_TYPES.AssignmentExpression) return 'skip';
    const made = ctx.refs.resolve(node.callee);
    if (made?.module !== module) return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

/** The function is called (or invoked in place) outside every function of the file: it runs once, at load. */
function runsAtLoad(fn: TSESTree.FunctionLike, ctx: SnapshotContext): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return enclosingFunction(fn) === null;
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
        ? parent.id
        : null;
  if (!name) return false;
  const variable = ctx.refs.variableOf(name);
  return (
    variable?.references.some((ref) => {
      const call = ref.identifier.parent;
      return (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === ref.identifier &&
        enclosingFunction(call) === null
      );
    }) ?? false
  );
}
