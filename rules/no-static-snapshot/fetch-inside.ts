import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, unwrap } from '../../src/analysis/ast.js';
import { isAskableAgain, removeStatement } from '../../src/analysis/edits.js';
import type { Node, SnapshotContext, Suggestion } from './context.js';

/**
 * `const token = await fetchToken(); ... oauthBearerProvider: async () => ({ value: token })` →
 * `async () => ({ value: await fetchToken() })`: the client calls the function whenever it needs a token, and now
 * gets a fresh one each time. Only when the function is async, the call was awaited and may be made again from there
 * (`isAskableAgain`); the declaration goes when nothing else reads it.
 */
export function fetchInside(
  fn: TSESTree.FunctionLike,
  captured: TSESTree.Identifier,
  fetched: TSESTree.CallExpression,
  ctx: SnapshotContext,
): Suggestion[] {
  if (!fn.async) return [];
  const variable = ctx.refs.variableOf(captured);
  const def = variable?.defs[0];
  if (!variable || def?.type !== DefinitionType.Variable || def.node.id !== def.name || !def.node.init) return [];
  const init = unwrap(def.node.init);
  if (init.type !== AST_NODE_TYPES.AwaitExpression || unwrap(init.argument) !== fetched) return [];
  const reads = variable.references.filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Identifier);
  const inside = reads.filter((read) => isInside(read, fn));
  if (inside.length === 0 || !inside.every((read) => isAskableAgain(fetched, read, ctx.sourceCode, ctx.refs)))
    return [];
  const statement = def.parent;
  const holder = statement.parent?.type;
  const removable =
    inside.length === reads.length &&
    statement.declarations.length === 1 &&
    (holder === AST_NODE_TYPES.BlockStatement || holder === AST_NODE_TYPES.Program);
  const call = ctx.sourceCode.getText(fetched);
  return [
    {
      messageId: 'fetchInProvider',
      data: { call },
      fix: (fixer) => [
        ...inside.map((read) => fixer.replaceText(read, replacementAt(read, `await ${call}`))),
        ...(removable ? [removeStatement(fixer, ctx.sourceCode, statement)] : []),
      ],
    },
  ];
}

/** `{ value }` → `{ value: await f() }`; `token.x` → `(await f()).x`; otherwise the awaited call itself. */
function replacementAt(read: TSESTree.Identifier, awaited: string): string {
  const parent = read.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === read)
    return `${read.name}: ${awaited}`;
  const bindsTighter =
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === read) ||
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === read);
  return bindsTighter ? `(${awaited})` : awaited;
}

function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}
