import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { sessionOf, TYPED_CREDENTIAL_SHAPES, type TypedCredentialShape } from '../knowledge/index.js';
import { declaredBy, unwrap } from './ast.js';
import { findVariable } from './find-variable.js';
import type { Held } from './held.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many local type names are followed (`type Keys = Temporary | null`). */
const MAX_TYPE_STEPS = 3;

/**
 * A fetched value (the result of an `await`) whose declared TypeScript type names every field of a short-lived
 * credential's shape (TYPED_CREDENTIAL_SHAPES: STS's `AccessKeyId`, `SessionToken`, `Expiration`; a token response's
 * `access_token`, `expires_in`): `const body: TemporaryAwsKeys = await res.json()`, `(await res.json()) as Keys`.
 * The code's own type is the evidence of what came back, whichever backend or helper fetched it.
 */
export function heldFromTypedShape(value: Node, sourceCode: SourceCode): Held | null {
  const typed = typedFetch(withoutNonNull(value), sourceCode);
  if (!typed) return null;
  const fields = new Set<string>();
  collectFields(typed.type, sourceCode, fields, 0);
  const shape = TYPED_CREDENTIAL_SHAPES.find((s) => s.allOf.every((names) => names.some((n) => fields.has(n))));
  return shape ? heldOfShape(shape, typed.name) : null;
}

function heldOfShape(shape: TypedCredentialShape, typeName: string): Held {
  const session = sessionOf(shape.session);
  const label = shape.yields === 'aws-credentials' ? 'temporary AWS credentials' : 'an access token';
  return {
    kind: shape.yields,
    what: `${label} (a fetched value of the type \`${typeName}\`, whose \`${shape.lifetimeField}\` says it expires)`,
    lifetime: `after its \`${shape.lifetimeField}\` (${session.phrase})`,
    seconds: session.seconds,
    symptom: shape.yields === 'aws-credentials' ? 'aws' : 'oauth',
    fix: `Keep \`${shape.lifetimeField}\` with it and fetch again before it passes`,
    promise: false,
  };
}

interface TypedFetch {
  readonly type: TSESTree.TypeNode;
  readonly name: string;
}

/** `x as T` of an awaited value, or a const/let declared `: T` and initialised with one (one alias). */
function typedFetch(node: Node, sourceCode: SourceCode): TypedFetch | null {
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression)
    return isAwaited(node.expression)
      ? { type: node.typeAnnotation, name: typeText(node.typeAnnotation, sourceCode) }
      : null;
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(sourceCode.getScope(node), node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return null;
  const annotation = def.node.id.typeAnnotation?.typeAnnotation;
  if (annotation && isAwaited(def.node.init)) return { type: annotation, name: typeText(annotation, sourceCode) };
  const init = withoutNonNull(def.node.init);
  return init.type === AST_NODE_TYPES.TSAsExpression ? typedFetch(init, sourceCode) : null;
}

/** `v!`: the cast `as T` is the evidence here, so only the non-null assertion is looked through. */
function withoutNonNull(node: Node): Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.TSNonNullExpression) current = current.expression;
  return current;
}

function isAwaited(node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.AwaitExpression;
}

function typeText(type: TSESTree.TypeNode, sourceCode: SourceCode): string {
  const text = sourceCode.getText(type);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The property names a type names: a literal, an interface or alias of the file, a union's members, `Promise<T>`. */
function collectFields(type: TSESTree.TypeNode, sourceCode: SourceCode, into: Set<string>, steps: number): void {
  if (type.type === AST_NODE_TYPES.TSUnionType || type.type === AST_NODE_TYPES.TSIntersectionType) {
    for (const member of type.types) collectFields(member, sourceCode, into, steps);
    return;
  }
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) {
    addMembers(type.members, into);
    return;
  }
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return;
  if (steps >= MAX_TYPE_STEPS) return;
  const declaration = localTypeDeclaration(type.typeName.name, sourceCode);
  if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) addMembers(declaration.body.body, into);
  else if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
    collectFields(declaration.typeAnnotation, sourceCode, into, steps + 1);
}

function addMembers(members: readonly TSESTree.TypeElement[], into: Set<string>): void {
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature) continue;
    const key = member.key;
    if (key.type === AST_NODE_TYPES.Identifier) into.add(key.name);
    else if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') into.add(key.value);
  }
}

/** A type alias or interface declared at the top of the file (exported or not). */
function localTypeDeclaration(
  name: string,
  sourceCode: SourceCode,
): TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration | null {
  for (const statement of sourceCode.ast.body) {
    const inner = declaredBy(statement);
    if (
      (inner?.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
        inner?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) &&
      inner.id.name === name
    )
      return inner;
  }
  return null;
}
