import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, enclosingFunction, unwrap } from '../../src/analysis/ast.js';
import { indentOf, isAskableAgain } from '../../src/analysis/edits.js';
import { isConstLike } from '../../src/analysis/module-refs.js';
import { AWS_V3_PROVIDER_FACTORIES, findByApi } from '../../src/knowledge/index.js';
import { freshIdentifier } from '../../src/util/words.js';
import { type Node, type SnapshotContext, type Suggestion, snippet } from './context.js';
import type { Resolution } from './sources.js';

/**
 * `const creds = await fromNodeProviderChain()();` in a start-up function, read only by callbacks it registers for
 * the life of the process → `const credsProvider = fromNodeProviderChain(); await credsProvider();` there (still
 * resolved at start-up, so missing credentials fail as early as before), and `const creds = await credsProvider();`
 * in each async callback, before its first read: each call gets the provider's current credentials. A token from a
 * method whose object caches and renews it (`perUse`: `auth.getAccessToken()`, `credential.getToken(scope)`) is
 * declared again the same way in each callback, the call asked once more at start-up. Only for a provider that keeps what it resolved until near `expiration` (`cachesResult`), so a
 * call per use costs a lookup, not a request; the reads keep their text and types.
 */
export function resolveAtUse(resolution: Resolution, ctx: SnapshotContext): Suggestion[] {
  const provider = resolution.kind === 'provider' && resolution.provider && cachingProvider(resolution.provider, ctx);
  const cachedCall = resolution.token?.perUse === true;
  if (!provider && !cachedCall) return [];
  const declarator = resolution.reportNode.parent;
  if (
    resolution.reportNode.type !== AST_NODE_TYPES.AwaitExpression ||
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== resolution.reportNode ||
    (provider && declarator.id.type !== AST_NODE_TYPES.Identifier)
  )
    return [];
  const declaration = declarator.parent;
  if (declaration.declarations.length !== 1 || declaration.parent?.type !== AST_NODE_TYPES.BlockStatement) return [];
  const home = enclosingFunction(declaration);
  const variables = ctx.sourceCode.getDeclaredVariables(declarator);
  if (!home || variables.length === 0 || !variables.every(isConstLike)) return [];
  const reads = variables.flatMap((v) => v.references.filter((r) => r.isRead()).map((r) => r.identifier as Node));
  const insertions = new Map<TSESTree.FunctionLike, TSESTree.Statement>();
  for (const read of reads) {
    const fn = enclosingFunction(read);
    if (!fn || fn === home || !fn.async || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return [];
    const statement = bodyStatementOf(read, fn.body);
    const first = insertions.get(fn);
    if (!first || statement.range[0] < first.range[0]) insertions.set(fn, statement);
  }
  if (insertions.size === 0) return [];
  const { sourceCode } = ctx;
  const text = sourceCode.text;
  if (!provider) {
    // A token method whose object caches and renews the token (`perUse`): the same declaration, in each callback.
    const call = resolution.call;
    if (![...insertions.values()].every((at) => isAskableAgain(call, at, sourceCode, ctx.refs))) return [];
    const again = `${declaration.kind} ${sourceCode.getText(declarator)};`;
    return [
      {
        messageId: 'resolveAtUse',
        data: { provider: snippet(sourceCode, call) },
        fix: (fixer) => [
          fixer.replaceText(declaration, `${sourceCode.getText(resolution.reportNode)};`),
          ...[...insertions.values()].map((at) => fixer.insertTextBefore(at, `${again}\n${indentOf(at, text)}`)),
        ],
      },
    ];
  }
  const name = (declarator.id as TSESTree.Identifier).name;
  const providerName =
    provider.kind === 'name' ? provider.text : freshIdentifier(`${name}Provider`, sourceCode.getText(home));
  return [
    {
      messageId: 'resolveAtUse',
      data: { provider: provider.text },
      fix: (fixer) => [
        // Still resolved once here, so a process without credentials fails at start-up as it did.
        provider.kind === 'name'
          ? fixer.replaceText(declaration, `await ${providerName}();`)
          : fixer.replaceText(
              declaration,
              `${declaration.kind} ${providerName} = ${provider.text};\n${indentOf(declaration, text)}await ${providerName}();`,
            ),
        ...[...insertions.values()].map((statement) =>
          fixer.insertTextBefore(statement, `const ${name} = await ${providerName}();\n${indentOf(statement, text)}`),
        ),
      ],
    },
  ];
}

/** The provider expression, when its factory caches what it resolves: a factory call, or a const holding one. */
function cachingProvider(
  expression: TSESTree.Expression,
  ctx: SnapshotContext,
): { kind: 'call' | 'name'; text: string } | null {
  const inner = unwrap(expression);
  const caches = (call: Node) =>
    call.type === AST_NODE_TYPES.CallExpression &&
    findByApi(AWS_V3_PROVIDER_FACTORIES, ctx.refs.resolve(call.callee))?.cachesResult === true;
  if (caches(inner)) return { kind: 'call', text: ctx.sourceCode.getText(inner) };
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ctx.refs.variableOf(inner);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable || !def.node.init) return null;
  return caches(unwrap(def.node.init)) ? { kind: 'name', text: inner.name } : null;
}

/** The statement of `body` (directly in it) that contains `node`. */
function bodyStatementOf(node: Node, body: TSESTree.BlockStatement): TSESTree.Statement {
  let current: Node = node;
  while (current.parent && current.parent !== body) current = current.parent;
  return current as TSESTree.Statement;
}
