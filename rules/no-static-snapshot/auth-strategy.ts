import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isMovable, isRepeatable, removeStatement } from '../../src/analysis/edits.js';
import { constInitializer } from '../../src/analysis/module-refs.js';
import type { AuthFunctionFactory, TokenKeepingClient } from '../../src/knowledge/index.js';
import type { Node, SnapshotContext, Suggestion } from './context.js';

type Variable = NonNullable<ReturnType<SnapshotContext['refs']['variableOf']>>;

/**
 * `client = new Octokit({ auth: token })` with `const { token } = await auth({ type: 'installation', installationId })`
 * and `const auth = createAppAuth(options)` → `new Octokit({ authStrategy: createAppAuth, auth: { ...options,
 * installationId } })`: the client asks the strategy for the installation's token on each request, and the strategy
 * caches and renews it (the same installation, the same permissions). The token's declaration goes when nothing else
 * reads it, and then the auth function's when that was its only use. Only with the call's options the client's
 * strategy takes too (`callOptions`), and each moved value repeatable and meaning the same where the client is built.
 */
export function authStrategyRemedy(
  call: TSESTree.CallExpression,
  factory: AuthFunctionFactory,
  client: TokenKeepingClient,
  construction: TSESTree.CallExpression | TSESTree.NewExpression,
  ctx: SnapshotContext,
): Suggestion[] {
  const strategy = client.authStrategy;
  if (!strategy?.factories.includes(factory.id) || !('option' in client.slot)) return [];
  const { sourceCode } = ctx;
  const options = construction.arguments[0] && unwrap(construction.arguments[0]);
  if (options?.type !== AST_NODE_TYPES.ObjectExpression || findProperty(options, strategy.option)) return [];
  const slot = findProperty(options, client.slot.option);
  if (!slot) return [];

  const asked = plainProperties(call.arguments[0]);
  if (!asked || asked.some((p) => ![factory.kindOption, ...strategy.callOptions].includes(staticPropertyName(p) ?? '')))
    return [];
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return [];
  const made = constInitializer(callee, sourceCode.getScope(callee));
  const factoryCall = made && unwrap(made);
  if (factoryCall?.type !== AST_NODE_TYPES.CallExpression || factoryCall.arguments.length !== 1) return [];
  const given = plainProperties(factoryCall.arguments[0]);
  const factoryName = unwrap(factoryCall.callee);
  if (!given || factoryName.type !== AST_NODE_TYPES.Identifier) return [];
  const moved = [...given, ...asked.filter((p) => staticPropertyName(p) !== factory.kindOption)];
  // Each value is evaluated where the client is built instead (or once more): no call, await or update in it.
  if (
    !moved.every((p) => isRepeatable(p.value)) ||
    ![factoryName, ...moved].every((n) => isMovable(n, slot, sourceCode))
  )
    return [];

  const replacement = `${strategy.option}: ${factoryName.name}, ${strategy.authOption}: { ${moved.map((p) => sourceCode.getText(p)).join(', ')} }`;
  const token = tokenStatement(call, slot, ctx);
  const authFunction = token && onlyReadIn(ctx.refs.variableOf(callee), token.statement) ? made : null;
  const authStatement = authFunction && declarationStatement(authFunction);
  return [
    {
      messageId: 'useAuthStrategy',
      data: { client: sourceCode.getText(construction.callee), strategy: factoryName.name },
      fix: (fixer) => [
        fixer.replaceText(slot, replacement),
        ...(token ? [removeStatement(fixer, sourceCode, token.statement)] : []),
        ...(authStatement ? [removeStatement(fixer, sourceCode, authStatement)] : []),
      ],
    },
  ];
}

/** The properties of an object literal, when each is a plain `key: value` or shorthand (no spread, no computed key). */
function plainProperties(node: Node | undefined): TSESTree.Property[] | null {
  const object = node && unwrap(node);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const properties = object.properties.filter(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && p.kind === 'init' && !p.method,
  );
  return properties.length === object.properties.length ? properties : null;
}

/** `const { token } = await call;` (or `const t = await call;`), alone in a block, read only inside `slot`. */
function tokenStatement(
  call: TSESTree.CallExpression,
  slot: Node,
  ctx: SnapshotContext,
): { statement: TSESTree.VariableDeclaration } | null {
  const awaited = call.parent;
  const declarator = awaited?.type === AST_NODE_TYPES.AwaitExpression ? awaited.parent : null;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== awaited) return null;
  const statement = declarator.parent;
  if (statement.declarations.length !== 1 || statement.parent?.type !== AST_NODE_TYPES.BlockStatement) return null;
  const variables = ctx.sourceCode.getDeclaredVariables(declarator);
  return variables.length > 0 && variables.every((v) => onlyReadIn(v, slot)) ? { statement } : null;
}

/** Every read of the variable lies inside `node`, and nothing but its declaration writes it. */
function onlyReadIn(variable: Variable | null | undefined, node: Node): boolean {
  if (!variable) return false;
  return variable.references.every(
    (r) =>
      (r.init === true && !r.isRead()) ||
      (r.isRead() && !r.isWrite() && node.range[0] <= r.identifier.range[0] && r.identifier.range[1] <= node.range[1]),
  );
}

/** The `const auth = createAppAuth(...)` statement around an initializer, alone in its statement. */
function declarationStatement(init: Node): TSESTree.VariableDeclaration | null {
  const declarator = init.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== init) return null;
  const statement = declarator.parent;
  const holder = statement.parent?.type;
  return statement.declarations.length === 1 &&
    (holder === AST_NODE_TYPES.BlockStatement || holder === AST_NODE_TYPES.Program)
    ? statement
    : null;
}
