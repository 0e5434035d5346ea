import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { addOptionalMember, type TypeEdit } from '../../src/analysis/edits.js';
import { formatDuration } from '../../src/analysis/format.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import { ModuleRefs, moduleSpecifiers } from '../../src/analysis/module-refs.js';
import { CACHE_PUT_METHOD, STS_EXPIRATION_FIELD } from '../../src/knowledge/index.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import type { TokenCacheMessageId } from './messages.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<TokenCacheMessageId, readonly unknown[]>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<TokenCacheMessageId>;
type Variable = TSESLint.Scope.Variable;

/** The SDK's own refresh margin: a value this close to `Expiration` counts as expired. */
const MARGIN_MS = 5 * 60 * 1000;
const CACHE_GET_METHOD = 'get';
const CACHE_HAS_METHOD = 'has';
const OUTPUT_CREDENTIALS = 'Credentials';
const SDK_MODULE = /^(?:@aws-sdk\/client-[\w-]+|aws-sdk(?:\/.*)?)$/u;

/**
 * STS (or Cognito) `Credentials` kept in module scope, `let creds` or a `Map` of them: each reuse test also asks
 * that `Expiration` (always in the output: https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html)
 * is more than 5 min away, so the cache refills before the session ends. Callers get the same value and type; a
 * declared element type without `Expiration` gets `Expiration?: Date`. Only the SDK's typed output (a `Date`):
 * a body fetched by hand carries the time as text.
 */
export function checkStsExpiration(context: Context, candidate: Candidate): Suggestion[] {
  const { slot, held } = candidate;
  if (held.kind !== 'sts-output' || held.endpointSession !== undefined || slot.kind !== 'variable') return [];
  const variable = slot.variable;
  const def = variable.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) return [];
  const declarator = def.node;
  const plan = candidate.container ? mapPlan(context, variable, declarator) : variablePlan(context, variable);
  if (!plan || plan.tests.length === 0) return [];
  const typeEdit = expirationMember(plan.elementType, context);
  if (typeEdit === null) return [];
  const { sourceCode } = context;
  const margin = `${MARGIN_MS / 60_000} * 60 * 1000`;
  return [
    {
      messageId: 'checkExpiration',
      data: { name: slot.name, field: STS_EXPIRATION_FIELD, margin: formatDuration(MARGIN_MS / 1000) },
      fix: (fixer) => [
        ...typeEdit(fixer),
        ...plan.tests.map(({ test, value, positive }) => {
          const text = sourceCode.getText(test);
          const at = `${value}.${STS_EXPIRATION_FIELD}`;
          return fixer.replaceText(
            test,
            positive
              ? `${text} && ${at} && ${at}.getTime() - Date.now() > ${margin}`
              : `${text} || !${at} || ${at}.getTime() - Date.now() <= ${margin}`,
          );
        }),
      ],
    },
  ];
}

interface Plan {
  readonly tests: readonly { test: Node; value: string; positive: boolean }[];
  /** The declared type of one cached value, if any. */
  readonly elementType: TSESTree.TypeNode | undefined;
}

/** `let creds; ... if (!creds) creds = (await sts.send(...)).Credentials;` */
function variablePlan(context: Context, variable: Variable): Plan | null {
  const writes = variable.references.filter((r) => r.isWrite() && !r.init);
  if (writes.length === 0 || !writes.every((w) => w.writeExpr && isStsCredentials(w.writeExpr, context))) return null;
  const reads = variable.references.filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Identifier);
  const tests = reads.map((read) => reuseTest(read)).filter((t) => t !== null);
  const def = variable.defs[0] as { node: TSESTree.VariableDeclarator };
  const annotation = def.node.id.type === AST_NODE_TYPES.Identifier ? def.node.id.typeAnnotation : undefined;
  return {
    tests: tests.map((t) => ({ ...t, value: variable.name })),
    elementType: annotation?.typeAnnotation,
  };
}

/** `const cache = new Map<K, V>(); ... const hit = cache.get(k); if (hit) return hit; ... cache.set(k, out.Credentials);` */
function mapPlan(context: Context, variable: Variable, declarator: TSESTree.VariableDeclarator): Plan | null {
  const init = declarator.init && unwrap(declarator.init);
  if (init?.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier) return null;
  if (init.callee.name !== 'Map' || init.arguments.length > 0) return null;
  const tests: { test: Node; value: string; positive: boolean }[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return null;
    const method = staticPropertyName(member);
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    if (method === CACHE_HAS_METHOD) return null; // `if (cache.has(k)) return cache.get(k)`: no value to test
    if (method === CACHE_PUT_METHOD) {
      const value = call.arguments[1];
      if (!value || !isStsCredentials(value, context)) return null;
    } else if (method === CACHE_GET_METHOD) {
      // The value read must land in a local that a reuse test checks before it is used.
      const holder = call.parent;
      if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier)
        return null;
      const local = ModuleRefs.for(context.sourceCode).variableOf(holder.id);
      const found = (local?.references ?? [])
        .filter((r) => r.isRead())
        .map((r) => reuseTest(r.identifier as TSESTree.Identifier))
        .filter((t) => t !== null);
      if (found.length === 0) return null;
      tests.push(
        ...found.map((t) => ({ ...t, value: holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : '' })),
      );
    }
  }
  const typeArgument = init.typeArguments?.params[1];
  const annotated =
    declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.typeAnnotation?.typeAnnotation : undefined;
  const fromAnnotation =
    annotated?.type === AST_NODE_TYPES.TSTypeReference ? annotated.typeArguments?.params[1] : undefined;
  if (annotated && !fromAnnotation) return null;
  return { tests, elementType: typeArgument ?? fromAnnotation };
}

/** `out.Credentials` (or `out.Credentials!`) of an SDK STS call. */
function isStsCredentials(value: Node, context: Context): boolean {
  const inner = unwrap(value);
  if (inner.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(inner) !== OUTPUT_CREDENTIALS) return false;
  const { sourceCode } = context;
  const held = HeldValues.for(context, ModuleRefs.for(sourceCode), moduleSpecifiers(sourceCode)).heldBy(value);
  return held?.kind === 'sts-output' && !held.promise && held.endpointSession === undefined;
}

/** `if (x)` (reuse when true) or `if (!x)` (refill when true), as the test of an `if`. */
function reuseTest(identifier: TSESTree.Identifier): { test: Node; positive: boolean } | null {
  const parent = identifier.parent;
  const negated = parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!';
  const test = negated ? parent : identifier;
  const statement = test.parent;
  return statement?.type === AST_NODE_TYPES.IfStatement && statement.test === test
    ? { test, positive: !negated }
    : null;
}

/**
 * How the declared type of a cached value gets `Expiration`: nothing to do (no type, `any`, the SDK's own
 * `Credentials`), a member added to a type literal, or null when the type is one the rule cannot see into.
 */
function expirationMember(type: TSESTree.TypeNode | undefined, context: Context): TypeEdit | null {
  if (!type || type.type === AST_NODE_TYPES.TSAnyKeyword) return () => [];
  if (type.type === AST_NODE_TYPES.TSUndefinedKeyword || type.type === AST_NODE_TYPES.TSNullKeyword) return () => [];
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    const edits = type.types.map((t) => expirationMember(t, context));
    return edits.every((e) => e !== null) ? (fixer) => edits.flatMap((e) => e(fixer)) : null;
  }
  if (type.type === AST_NODE_TYPES.TSTypeReference) {
    const ref = ModuleRefs.for(context.sourceCode).resolve(type.typeName);
    return ref && SDK_MODULE.test(ref.module) && ref.path.at(-1) === OUTPUT_CREDENTIALS ? () => [] : null;
  }
  if (type.type !== AST_NODE_TYPES.TSTypeLiteral) return null;
  return addOptionalMember(type, STS_EXPIRATION_FIELD, 'Date', context.sourceCode);
}
