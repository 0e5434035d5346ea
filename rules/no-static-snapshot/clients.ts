import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, staticPropertyName } from '../../src/analysis/ast.js';
import { importsAnyOf, madeFromAny } from '../../src/analysis/receiver.js';
import { typeOrigin } from '../../src/analysis/type-origin.js';
import {
  AWS_V3_CLIENT,
  AWS_V3_CLIENT_CONFIG,
  AWS_V3_CREDENTIALS_OPTION,
  AWS_V3_PROVIDER_TAKING_SIGNERS,
  findByApi,
  refMatches,
} from '../../src/knowledge/index.js';
import type { Node, SnapshotContext } from './context.js';

/** `new S3Client(...)` (any v3 client), by import or, with type information, by the constructed type. */
function isV3ClientConstruction(node: TSESTree.NewExpression, ctx: SnapshotContext): boolean {
  const ref = ctx.refs.resolve(node.callee);
  if (ref) return refMatches(ref, AWS_V3_CLIENT);
  const typed = typeOrigin(node, ctx.sourceCode);
  return typed !== null && refMatches(typed, AWS_V3_CLIENT);
}

/**
 * Whether an expression is a v3 client: true/false when we can tell (how it was made, or its type), otherwise
 * true in a file that imports a v3 client module (`deps.s3.config.credentials()`).
 */
export function isV3ClientValue(node: Node, ctx: SnapshotContext): boolean {
  const made = madeFromAny(node, [AWS_V3_CLIENT], ctx.refs);
  if (made !== null) return made;
  const typed = typeOrigin(node, ctx.sourceCode);
  if (typed) return refMatches(typed, AWS_V3_CLIENT);
  return importsAnyOf(ctx.imports, AWS_V3_CLIENT.modules);
}

/** The `credentials` property whose value is `value` (through TS wrappers), in the config of a v3 client constructor. */
export function credentialsSlot(value: Node, ctx: SnapshotContext): TSESTree.Property | null {
  return credentialsOption(value, (construction) => isV3ClientConstruction(construction, ctx));
}

/** The same in the options of a signer that takes a provider too (`new SignatureV4({ credentials })`). */
export function signerCredentialsSlot(value: Node, ctx: SnapshotContext): TSESTree.Property | null {
  return credentialsOption(
    value,
    (construction) => findByApi(AWS_V3_PROVIDER_TAKING_SIGNERS, ctx.refs.resolve(construction.callee)) !== undefined,
  );
}

/**
 * The `credentials` property whose value is `value`, in an object typed as a v3 client's config by a declaration of
 * the file: returned from a function declared to return `S3ClientConfig` (or a promise of it), or the initializer
 * of a variable annotated with it. The type says a provider is accepted there, and whoever builds a client from the
 * object gets one that memoises it.
 */
export function configCredentialsSlot(value: Node, ctx: SnapshotContext): TSESTree.Property | null {
  const held = throughTypeWrappers(value);
  const property = held.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== held || property.computed) return null;
  if (staticPropertyName(property) !== AWS_V3_CREDENTIALS_OPTION) return null;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const type = declaredType(object);
  return type && isV3ClientConfigType(type, ctx) ? property : null;
}

/** The annotation that types an object: its variable's, or the return type of the function returning it. */
function declaredType(object: TSESTree.ObjectExpression): TSESTree.TypeNode | null {
  const outer = throughTypeWrappers(object);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer)
    return parent.id.typeAnnotation?.typeAnnotation ?? null;
  const returned =
    parent?.type === AST_NODE_TYPES.ReturnStatement
      ? enclosingFunction(parent)
      : parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === outer
        ? parent
        : null;
  return returned?.returnType?.typeAnnotation ?? null;
}

/** `S3ClientConfig` or `Promise<S3ClientConfig>`, imported from a v3 client module. */
function isV3ClientConfigType(type: TSESTree.TypeNode, ctx: SnapshotContext): boolean {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const [argument] = type.typeArguments?.params ?? [];
  if (type.typeName.name === 'Promise' && argument) return isV3ClientConfigType(argument, ctx);
  const ref = ctx.refs.resolve(type.typeName);
  return ref !== null && refMatches(ref, AWS_V3_CLIENT_CONFIG);
}

function credentialsOption(
  value: Node,
  constructs: (construction: TSESTree.NewExpression) => boolean,
): TSESTree.Property | null {
  const held = throughTypeWrappers(value);
  const property = held.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== held) return null;
  if (
    staticPropertyName(property) !== AWS_V3_CREDENTIALS_OPTION ||
    property.parent.type !== AST_NODE_TYPES.ObjectExpression
  )
    return null;
  const config = throughTypeWrappers(property.parent);
  const construction = config.parent;
  if (construction?.type !== AST_NODE_TYPES.NewExpression || construction.arguments[0] !== config) return null;
  return constructs(construction) ? property : null;
}

/** The outermost `x as T` / `x!` / `x satisfies T` around `node` (or `node` itself). */
export function throughTypeWrappers(node: Node): Node {
  let current = node;
  while (isTypeWrapper(current.parent)) current = current.parent;
  return current;
}

function isTypeWrapper(
  node: Node | undefined,
): node is
  TSESTree.TSAsExpression | TSESTree.TSNonNullExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSTypeAssertion {
  return (
    node?.type === AST_NODE_TYPES.TSAsExpression ||
    node?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node?.type === AST_NODE_TYPES.TSTypeAssertion
  );
}
