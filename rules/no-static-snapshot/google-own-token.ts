import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { removeStatement } from '../../src/analysis/edits.js';
import { isConstLike } from '../../src/analysis/module-refs.js';
import { GOOGLE_OWN_ACCESS_TOKEN, GOOGLE_SET_CREDENTIALS } from '../../src/knowledge/index.js';
import { type Node, type SnapshotContext, snippet, type Suggestion } from './context.js';

/**
 * `const t = await client.getAccessToken(); client.setCredentials({ access_token: t.token });` → the second
 * statement removed: the client already holds that very token together with what refreshes it, so its requests use
 * the same token now and a fresh one later. Only for the same client, a token read off a const of that call, and a
 * statement of its own.
 */
export function keepOwnCredentials(
  call: TSESTree.CallExpression,
  receiver: Node,
  ctx: SnapshotContext,
  sameReceiver: (a: Node, b: Node) => boolean,
): Suggestion[] {
  const statement = call.parent;
  const list = statement?.parent?.type;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || call.arguments.length !== 1) return [];
  if (list !== AST_NODE_TYPES.BlockStatement && list !== AST_NODE_TYPES.Program) return [];
  const credentials = unwrap(call.arguments[0]);
  if (credentials.type !== AST_NODE_TYPES.ObjectExpression || credentials.properties.length !== 1) return [];
  const [property] = credentials.properties;
  if (property.type !== AST_NODE_TYPES.Property || staticPropertyName(property) !== GOOGLE_SET_CREDENTIALS.tokenField)
    return [];
  const fetched = tokenCall(unwrap(property.value), ctx);
  const getter = fetched && unwrap(fetched.callee);
  if (
    getter?.type !== AST_NODE_TYPES.MemberExpression ||
    staticPropertyName(getter) !== GOOGLE_OWN_ACCESS_TOKEN.method ||
    !sameReceiver(getter.object, receiver)
  )
    return [];
  return [
    {
      messageId: 'keepOwnCredentials',
      data: { client: snippet(ctx.sourceCode, receiver, 30) },
      fix: (fixer) => removeStatement(fixer, ctx.sourceCode, statement),
    },
  ];
}

/** `t.token` (or `t?.token`) of `const t = await client.getAccessToken()`, or `token` of `const { token } = await ...`. */
function tokenCall(value: Node, ctx: SnapshotContext): TSESTree.CallExpression | null {
  const field = GOOGLE_OWN_ACCESS_TOKEN.resultField;
  if (value.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(value) === field) {
    const object = unwrap(value.object);
    return object.type === AST_NODE_TYPES.Identifier ? awaitedInit(object, ctx, null) : null;
  }
  return value.type === AST_NODE_TYPES.Identifier ? awaitedInit(value, ctx, field) : null;
}

/** The awaited call a const is declared with; `field`: bound by destructuring that field of it. */
function awaitedInit(
  identifier: TSESTree.Identifier,
  ctx: SnapshotContext,
  field: string | null,
): TSESTree.CallExpression | null {
  const variable = ctx.refs.variableOf(identifier);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable || !def.node.init) return null;
  const id = def.node.id;
  if (field === null ? id.type !== AST_NODE_TYPES.Identifier : !destructures(id, field, identifier.name)) return null;
  const init = unwrap(def.node.init);
  const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : null;
  return call?.type === AST_NODE_TYPES.CallExpression ? call : null;
}

function destructures(pattern: Node, field: string, name: string): boolean {
  return (
    pattern.type === AST_NODE_TYPES.ObjectPattern &&
    pattern.properties.some(
      (p) =>
        p.type === AST_NODE_TYPES.Property &&
        staticPropertyName(p) === field &&
        p.value.type === AST_NODE_TYPES.Identifier &&
        p.value.name === name,
    )
  );
}
