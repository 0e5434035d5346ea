import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { removeStatement } from '../../src/analysis/edits.js';
import { isConstLike, ModuleRefs } from '../../src/analysis/module-refs.js';
import { staticString } from '../../src/analysis/static-value.js';
import { TEDIOUS_TOKEN_CREDENTIAL as TEDIOUS } from '../../src/knowledge/index.js';
import { projectPackageVersion, versionAtLeast } from '../../src/util/installed-version.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import type { TokenCacheMessageId } from './messages.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<TokenCacheMessageId, readonly unknown[]>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<TokenCacheMessageId>;
type Variable = TSESLint.Scope.Variable;

/**
 * `const t = await credential.getToken(SQL_SCOPE)` handed to tedious (mssql, Sequelize) as
 * `authentication: { type: 'azure-active-directory-access-token', options: { token: t.token } }` →
 * `authentication: { type: 'token-credential', options: { credential } }`: tedious asks the credential at each login,
 * and the credential caches and refreshes the token. The declaration goes when the token is read nowhere else.
 * Migration-safe (`useTokenCredential`) only where the project's tedious or mssql version has the type
 * (`TEDIOUS_TOKEN_CREDENTIAL`); otherwise the same edit is offered for a person who upgrades first.
 */
export function useTokenCredential(context: Context, candidate: Candidate): Suggestion[] {
  const call = candidate.held.call?.node;
  if (!call || candidate.held.method !== 'azure:getToken') return [];
  const { sourceCode } = context;
  const refs = ModuleRefs.for(sourceCode);
  const scope = call.arguments[0] ? staticString(call.arguments[0], context) : undefined;
  if (scope === undefined || !(TEDIOUS.scopes as readonly string[]).includes(scope)) return [];
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const receiver = unwrap(callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return [];
  const credential = refs.variableOf(receiver);
  if (!credential || !isConstLike(credential)) return [];

  const declared = tokenDeclaration(call, refs);
  if (!declared) return [];
  const uses = declared.variable.references.filter((r) => r.isRead());
  const objects = uses.map((r) => authenticationObject(declared.tokenRead(r.identifier), context));
  const found = objects.filter((o): o is AuthenticationObject => o !== null);
  if (found.length === 0 || !found.every((o) => visibleAt(credential, o.options, sourceCode))) return [];
  const removable = found.length === uses.length && declared.removable;

  const versions = TEDIOUS.minimumVersions.map((m) => ({
    ...m,
    found: projectPackageVersion(context.filename, m.package),
  }));
  const supported = versions.some((v) => v.found !== undefined && versionAtLeast(v.found, v.version));
  const seen = versions.filter((v) => v.found !== undefined).map((v) => `${v.package} ${v.found}`);
  const credentialText =
    receiver.name === TEDIOUS.credentialOption ? receiver.name : `${TEDIOUS.credentialOption}: ${receiver.name}`;
  return [
    {
      messageId: supported ? 'useTokenCredential' : 'useTokenCredentialAfterUpgrade',
      data: {
        credential: receiver.name,
        found:
          seen.length > 0
            ? `the project has ${seen.join(' and ')}`
            : 'no tedious or mssql version is in the package.json, lockfile or node_modules',
      },
      fix: (fixer) => [
        ...found.flatMap((o) => [
          fixer.replaceText(o.type, `${o.quote}${TEDIOUS.refreshingType}${o.quote}`),
          fixer.replaceText(o.token, credentialText),
        ]),
        ...(removable ? [removeStatement(fixer, sourceCode, declared.statement)] : []),
      ],
    },
  ];
}

interface TokenDeclaration {
  readonly variable: Variable;
  readonly statement: TSESTree.VariableDeclaration;
  /** The expression that reads the token string at a read of the variable (`t.token`, or `token` itself). */
  readonly tokenRead: (identifier: Node) => Node | null;
  readonly removable: boolean;
}

/** `const t = await call` (the token is `t.token`) or `const { token } = await call`, alone in its statement. */
function tokenDeclaration(call: TSESTree.CallExpression, refs: ModuleRefs): TokenDeclaration | null {
  const awaited = call.parent;
  if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return null;
  const declarator = awaited.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== awaited) return null;
  const statement = declarator.parent;
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.declarations.length !== 1) return null;
  const holder = statement.parent?.type;
  const removable = holder === AST_NODE_TYPES.BlockStatement || holder === AST_NODE_TYPES.Program;
  const { id } = declarator;
  if (id.type === AST_NODE_TYPES.Identifier) {
    const variable = refs.variableOf(id);
    if (!variable || !isConstLike(variable)) return null;
    const tokenRead = (identifier: Node): Node | null => {
      const member = identifier.parent;
      return member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === identifier &&
        staticPropertyName(member) === TEDIOUS.tokenOption
        ? member
        : null;
    };
    return { variable, statement, tokenRead, removable };
  }
  if (id.type !== AST_NODE_TYPES.ObjectPattern || id.properties.length !== 1) return null;
  const [property] = id.properties;
  if (property.type !== AST_NODE_TYPES.Property || staticPropertyName(property) !== TEDIOUS.tokenOption) return null;
  if (property.value.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = refs.variableOf(property.value);
  if (!variable || !isConstLike(variable) || variable.defs[0]?.type !== DefinitionType.Variable) return null;
  return { variable, statement, tokenRead: (identifier) => identifier, removable };
}

interface AuthenticationObject {
  /** The `type` string literal. */
  readonly type: TSESTree.StringLiteral;
  readonly quote: string;
  /** The `options` object and its one `token` property. */
  readonly options: TSESTree.ObjectExpression;
  readonly token: TSESTree.Property;
}

/** `authentication: { type: 'azure-active-directory-access-token', options: { token: <read> } }`, nothing else in it. */
function authenticationObject(read: Node | null, context: Context): AuthenticationObject | null {
  const token = read?.parent;
  if (token?.type !== AST_NODE_TYPES.Property || token.value !== read || token.kind !== 'init') return null;
  if (staticPropertyName(token) !== TEDIOUS.tokenOption) return null;
  const options = token.parent;
  if (options.type !== AST_NODE_TYPES.ObjectExpression || options.properties.length !== 1) return null;
  const optionsProperty = options.parent;
  if (optionsProperty?.type !== AST_NODE_TYPES.Property || staticPropertyName(optionsProperty) !== 'options')
    return null;
  const auth = optionsProperty.parent;
  if (auth.type !== AST_NODE_TYPES.ObjectExpression || auth.properties.length !== 2) return null;
  const authProperty = auth.parent;
  if (authProperty?.type !== AST_NODE_TYPES.Property || staticPropertyName(authProperty) !== TEDIOUS.option)
    return null;
  const typeProperty = auth.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && staticPropertyName(p) === 'type',
  );
  const type = typeProperty?.value;
  if (type?.type !== AST_NODE_TYPES.Literal || typeof type.value !== 'string' || type.value !== TEDIOUS.staticType)
    return null;
  if (staticString(type, context) !== TEDIOUS.staticType) return null;
  return { type, quote: type.raw[0], options, token };
}

/** The name of `variable` means that variable where `node` is (not shadowed, and in its scope). */
function visibleAt(variable: Variable, node: Node, sourceCode: Context['sourceCode']): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const named = scope.set.get(variable.name);
    if (named) return named === variable;
  }
  return false;
}
