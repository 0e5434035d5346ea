import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { addOptionalMember, type TypeEdit } from '../../src/analysis/edits.js';
import { formatDuration } from '../../src/analysis/format.js';
import { forEachDescendant } from '../../src/analysis/value-flow.js';
import { AWS_V3_EXPIRATION_FIELD } from '../../src/knowledge/index.js';
import type { Node, SnapshotContext, Suggestion } from './context.js';

/** The SDK refreshes credentials this long before `expiration` (smithy-lang/smithy-typescript: packages/core, memoizeIdentity). */
const MARGIN_MS = 5 * 60 * 1000;
const SDK_TYPE_MODULE = /^(?:@smithy\/types|@aws-sdk\/types)$/u;

/**
 * `if (!Cls.cache) Cls.cache = await P()();` → the test also refills once `expiration` (which the provider sets on
 * temporary credentials) is less than 5 min away; keys without `expiration` (long-term) stay cached as before. The
 * declared type of the slot keeps `expiration` (`expiration?: Date` added to its type literal, or to the file's
 * type alias it names). Null when the slot is not tested before reuse, or its type is one the rule cannot see.
 */
export function expirationCheck(target: Node, ctx: SnapshotContext): Suggestion | null {
  const { sourceCode } = ctx;
  const name = sourceCode.getText(target);
  if (!isPlainReference(target)) return null;
  const scope = enclosingFunction(target);
  if (!scope) return null;
  const tests = ifTestsOf(scope, name, sourceCode).filter((t) => t.positive || encloses(t.statement, target));
  if (tests.length === 0) return null;
  const typeEdit = expirationInDeclaredType(target, ctx);
  if (!typeEdit) return null;
  const at = `${name}.${AWS_V3_EXPIRATION_FIELD}`;
  const margin = `${MARGIN_MS / 60_000} * 60 * 1000`;
  return {
    messageId: 'checkExpiration',
    data: { name, margin: formatDuration(MARGIN_MS / 1000) },
    fix: (fixer) => [
      ...typeEdit(fixer),
      ...tests.map(({ test, positive }) =>
        fixer.replaceText(
          test,
          positive
            ? `${sourceCode.getText(test)} && (${at} === undefined || ${at}.getTime() - Date.now() > ${margin})`
            : `${sourceCode.getText(test)} || (${at} !== undefined && ${at}.getTime() - Date.now() <= ${margin})`,
        ),
      ),
    ],
  };
}

/** `x`, `this.x`, `Cls.x`: a reference TypeScript narrows, so `x.expiration` type-checks after `!x ||`. */
function isPlainReference(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    !node.optional &&
    (node.object.type === AST_NODE_TYPES.ThisExpression || isPlainReference(node.object))
  );
}

interface ReuseTest {
  readonly test: Node;
  readonly statement: TSESTree.IfStatement;
  readonly positive: boolean;
}

/** Every `if (name)` / `if (!name)` in the function. */
function ifTestsOf(scope: Node, name: string, sourceCode: Readonly<TSESLint.SourceCode>): ReuseTest[] {
  const found: ReuseTest[] = [];
  forEachDescendant(scope, sourceCode, (node) => {
    if (node.type === AST_NODE_TYPES.IfStatement) {
      const test = node.test;
      if (sourceCode.getText(test) === name) found.push({ test, statement: node, positive: true });
      else if (
        test.type === AST_NODE_TYPES.UnaryExpression &&
        test.operator === '!' &&
        sourceCode.getText(test.argument) === name
      )
        found.push({ test, statement: node, positive: false });
    }
  });
  return found;
}

function encloses(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The declaration of the slot (a variable or a class property) and how its type gets `expiration`. */
function expirationInDeclaredType(target: Node, ctx: SnapshotContext): TypeEdit | null {
  const annotation = declaredAnnotation(target, ctx);
  if (annotation === undefined) return /\.[cm]?tsx?$/u.test(ctx.rule.filename) ? null : () => [];
  return withExpiration(annotation, ctx, 0);
}

/** The declared type, `null` for a declaration without one, undefined when the declaration is not found. */
function declaredAnnotation(target: Node, ctx: SnapshotContext): TSESTree.TypeNode | null | undefined {
  if (target.type === AST_NODE_TYPES.Identifier) {
    const def = ctx.refs.variableOf(target)?.defs[0];
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier)
      return undefined;
    return def.node.id.typeAnnotation?.typeAnnotation ?? null;
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.property.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const field = target.property.name;
  let cls: Node | undefined = target.parent;
  while (cls && cls.type !== AST_NODE_TYPES.ClassBody) cls = cls.parent;
  const property = cls?.body.find(
    (m) =>
      m.type === AST_NODE_TYPES.PropertyDefinition && m.key.type === AST_NODE_TYPES.Identifier && m.key.name === field,
  );
  if (property?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  return property.typeAnnotation?.typeAnnotation ?? null;
}

function withExpiration(type: TSESTree.TypeNode | null, ctx: SnapshotContext, depth: number): TypeEdit | null {
  if (type === null || type.type === AST_NODE_TYPES.TSAnyKeyword) return () => [];
  if (type.type === AST_NODE_TYPES.TSUndefinedKeyword || type.type === AST_NODE_TYPES.TSNullKeyword) return () => [];
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    const edits = type.types.map((t) => withExpiration(t, ctx, depth));
    return edits.every((e) => e !== null) ? (fixer) => edits.flatMap((e) => e(fixer)) : null;
  }
  if (type.type === AST_NODE_TYPES.TSTypeLiteral)
    return addOptionalMember(type, AWS_V3_EXPIRATION_FIELD, 'Date', ctx.sourceCode);
  if (type.type !== AST_NODE_TYPES.TSTypeReference || depth > 0) return null;
  const ref = ctx.refs.resolve(type.typeName);
  if (ref) return SDK_TYPE_MODULE.test(ref.module) ? () => [] : null;
  // A type alias of this file: `type Frozen = { accessKeyId: string; ... }`.
  if (type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return null;
  const aliasName = type.typeName.name;
  const program = ctx.sourceCode.ast;
  const alias = program.body
    .map((s) => (s.type === AST_NODE_TYPES.ExportNamedDeclaration ? s.declaration : s))
    .find((s) => s?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && s.id.name === aliasName);
  return alias?.type === AST_NODE_TYPES.TSTypeAliasDeclaration
    ? withExpiration(alias.typeAnnotation, ctx, depth + 1)
    : null;
}
