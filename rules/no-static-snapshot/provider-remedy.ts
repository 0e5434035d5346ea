import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isMovable, removeStatement } from '../../src/analysis/edits.js';
import { isConstLike } from '../../src/analysis/module-refs.js';
import { providerFactoryOf } from '../../src/analysis/recognize.js';
import {
  AWS_V3_CREDENTIAL_FIELDS,
  AWS_V3_EXPIRATION_FIELD,
  AWS_V3_LONG_TERM_PROVIDER_FACTORIES,
  AWS_V3_SNAPSHOT_WRAPPERS,
  CREDENTIAL_RESOLVERS,
  findByApi,
  type SnapshotWrapper,
} from '../../src/knowledge/index.js';
import { configCredentialsSlot, credentialsSlot, signerCredentialsSlot, throughTypeWrappers } from './clients.js';
import { type Node, type SnapshotContext, type Suggestion, snippet } from './context.js';

type Fix = TSESLint.ReportFixFunction;

/**
 * The provider's text where credentials are expected. A resolver that is a method of a library object
 * (`Auth.currentCredentials` of Amplify, which reads `this`) is called on it: `() => Auth.currentCredentials()`;
 * handed over bare, the client would call it without its object and fail.
 */
function providerText(provider: TSESTree.Expression, ctx: SnapshotContext): string {
  const text = ctx.sourceCode.getText(provider);
  const inner = unwrap(provider);
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return text;
  return findByApi(CREDENTIAL_RESOLVERS, ctx.refs.resolve(inner)) ? `() => ${text}()` : text;
}

/** A place that holds the resolved value but could hold the provider: `credentials: c`, `fromStatic(c)`, `credentials: { accessKeyId: c.accessKeyId, ... }`. */
interface ProviderSite {
  readonly replace: Node;
  readonly text: string;
  /** The value itself goes there (a fix may apply); false for copied fields (a suggestion). */
  readonly direct: boolean;
  readonly wrapped: boolean;
}

interface Remedy {
  readonly fix?: Fix;
  readonly suggest?: Suggestion[];
}

const COPIED_FIELDS = new Set<string>([...AWS_V3_CREDENTIAL_FIELDS, AWS_V3_EXPIRATION_FIELD]);

/**
 * Hands the provider where the resolved value went. A fix when the value goes straight into one such place
 * (inline `credentials: await P()`, `fromStatic(await P())`, or a const whose only use is `credentials: c`,
 * whose declaration then goes too); a `passProvider` suggestion for the other places that take a provider.
 */
export function providerRemedy(resolved: Node, provider: TSESTree.Expression, ctx: SnapshotContext): Remedy {
  const text = providerText(provider, ctx);
  const data = { provider: snippet(ctx.sourceCode, provider) };
  const inline = siteAt(resolved, text, null, ctx);
  if (inline) {
    const fix: Fix = (fixer) => fixer.replaceText(inline.replace, inline.text);
    return inline.direct ? { fix } : { suggest: [{ messageId: 'passProvider', data, fix }] };
  }
  const branches = branchProviders(resolved, data, ctx);
  if (branches) return branches;
  const declared = declarationOf(resolved);
  if (!declared) return {};
  const variable = ctx.refs.variableOf(declared.id);
  const reads = (variable?.references ?? []).filter((r) => r.isRead()).map((r) => r.identifier as Node);
  const sites: ProviderSite[] = [];
  for (const read of reads) {
    const site = siteAt(read, text, variable, ctx);
    if (!site || sites.some((s) => s.replace === site.replace)) continue;
    if (!isMovable(provider, site.replace, ctx.sourceCode)) continue;
    if (
      unwrap(provider).type !== AST_NODE_TYPES.Identifier &&
      enclosingFunction(site.replace) !== enclosingFunction(declared.statement)
    )
      continue;
    sites.push(site);
  }
  if (sites.length === 0) return {};
  const covered = reads.every((read) =>
    sites.some((s) => s.replace.range[0] <= read.range[0] && read.range[1] <= s.replace.range[1]),
  );
  const removable = covered && declared.removable && variable !== null && isConstLike(variable);
  const edits: Fix = (fixer) => [
    ...sites.map((s) => fixer.replaceText(s.replace, s.text)),
    ...(removable ? [removeStatement(fixer, ctx.sourceCode, declared.statement)] : []),
  ];
  if (removable && reads.length === 1 && sites[0].direct && !sites[0].wrapped) return { fix: edits };
  return { suggest: [{ messageId: 'passProvider', data, fix: edits }] };
}

/** The value wrapper (`fromStatic`, `fromValue`, `memoize`) a call invokes. */
export function snapshotWrapperOf(call: TSESTree.CallExpression, ctx: SnapshotContext): SnapshotWrapper | undefined {
  return findByApi(AWS_V3_SNAPSHOT_WRAPPERS, ctx.refs.resolve(call.callee));
}

function siteAt(
  holder: Node,
  providerText: string,
  variable: TSESLint.Scope.Variable | null | undefined,
  ctx: SnapshotContext,
): ProviderSite | null {
  const outer = throughTypeWrappers(holder);
  const client = credentialsSlot(outer, ctx);
  // A signer's provider is called for each signature, not memoized by a client: a suggestion, not a fix. So is a
  // config object typed for a client: the type says a provider fits, but the client is built elsewhere.
  const slot = client ?? signerCredentialsSlot(outer, ctx) ?? configCredentialsSlot(outer, ctx);
  if (slot) {
    const direct = client !== null;
    return slot.shorthand
      ? { replace: slot, text: `${ctx.sourceCode.getText(slot.key)}: ${providerText}`, direct, wrapped: false }
      : { replace: slot.value, text: providerText, direct, wrapped: false };
  }
  const parent = outer.parent;
  if (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[0] === outer &&
    snapshotWrapperOf(parent, ctx)?.wraps === 'value'
  ) {
    return { replace: parent, text: providerText, direct: true, wrapped: true };
  }
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
    const copy = fieldCopyObject(parent, outer, variable, ctx);
    if (copy && (credentialsSlot(copy, ctx) ?? signerCredentialsSlot(copy, ctx)))
      return { replace: copy, text: providerText, direct: false, wrapped: false };
  }
  return null;
}

/** `{ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ... }` made only of fields of the same value. */
function fieldCopyObject(
  member: TSESTree.MemberExpression,
  base: Node,
  variable: TSESLint.Scope.Variable | null | undefined,
  ctx: SnapshotContext,
): TSESTree.ObjectExpression | null {
  const property = throughTypeWrappers(member).parent;
  const object = property?.type === AST_NODE_TYPES.Property ? property.parent : null;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const sameBase = (node: Node): boolean => {
    const inner = unwrap(node);
    if (variable && inner.type === AST_NODE_TYPES.Identifier) return ctx.refs.variableOf(inner) === variable;
    return ctx.sourceCode.getText(inner) === ctx.sourceCode.getText(unwrap(base));
  };
  const allCopied = object.properties.every((p) => {
    if (p.type !== AST_NODE_TYPES.Property) return false;
    const name = staticPropertyName(p);
    const value = unwrap(p.value);
    return (
      name !== null &&
      COPIED_FIELDS.has(name) &&
      value.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(value) === name &&
      sameBase(value.object)
    );
  });
  return allCopied ? object : null;
}

/** `const c = await P()` (one identifier) around `resolved`, and whether the whole statement can go. */
function declarationOf(
  resolved: Node,
): { id: TSESTree.Identifier; statement: TSESTree.VariableDeclaration; removable: boolean } | null {
  const outer = throughTypeWrappers(resolved);
  const declarator = outer.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== outer ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  )
    return null;
  const statement = declarator.parent;
  const holder = statement.parent;
  const removable =
    statement.declarations.length === 1 &&
    (holder?.type === AST_NODE_TYPES.Program ||
      holder?.type === AST_NODE_TYPES.BlockStatement ||
      holder?.type === AST_NODE_TYPES.StaticBlock);
  return { id: declarator.id, statement, removable };
}

/**
 * `const c = test ? await P()() : await Q()()`, both branches a v3 provider called once, and every read of `c` a v3
 * client's `credentials`: each branch hands its provider instead (`test ? P() : Q()`), and the client calls the one
 * it got again before expiry. The variable keeps its name and now holds a provider. A fix when it is read once (as
 * for one resolution), `passProvider` when several clients share it.
 */
function branchProviders(resolved: Node, data: Record<string, string>, ctx: SnapshotContext): Remedy | null {
  const outer = throughTypeWrappers(resolved);
  const conditional = outer.parent;
  if (conditional?.type !== AST_NODE_TYPES.ConditionalExpression || conditional.test === outer) return null;
  const providers = [conditional.consequent, conditional.alternate].map((branch) => calledProvider(branch, ctx));
  if (!providers.every((p): p is CalledProvider => p !== null)) return null;
  const declarator = throughTypeWrappers(conditional).parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    unwrap(declarator.init ?? conditional) !== conditional ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.id.typeAnnotation
  )
    return null;
  const variable = ctx.refs.variableOf(declarator.id);
  if (!variable || !isConstLike(variable)) return null;
  const reads = variable.references.filter((r) => r.isRead()).map((r) => r.identifier as Node);
  if (reads.length === 0 || !reads.every((read) => credentialsSlot(throughTypeWrappers(read), ctx) !== null))
    return null;
  const fix: Fix = (fixer) =>
    providers.map(({ awaited, provider }) => fixer.replaceText(awaited, ctx.sourceCode.getText(provider)));
  return reads.length === 1 ? { fix } : { suggest: [{ messageId: 'passProvider', data, fix }] };
}

interface CalledProvider {
  /** `await P()()`. */
  readonly awaited: Node;
  /** `P()`. */
  readonly provider: Node;
}

/** `await P(init)()` with `P` a v3 provider factory, of temporary credentials or of long-term keys (`fromEnv`). */
function calledProvider(branch: Node, ctx: SnapshotContext): CalledProvider | null {
  const awaited = unwrap(branch);
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return null;
  const call = unwrap(awaited.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0) return null;
  const provider = unwrap(call.callee);
  const known =
    providerFactoryOf(provider, ctx.refs) !== null ||
    (provider.type === AST_NODE_TYPES.CallExpression &&
      findByApi(AWS_V3_LONG_TERM_PROVIDER_FACTORIES, ctx.refs.resolve(provider.callee)) !== undefined);
  return known ? { awaited, provider } : null;
}
