import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../../src/analysis/find-variable.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { AWS_V3_CREDENTIAL_FIELDS } from '../../src/knowledge/index.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Node = TSESTree.Node;

const [KEY_ID, SECRET, SESSION_TOKEN] = AWS_V3_CREDENTIAL_FIELDS;
const MAX_DEPTH = 4;

/**
 * What a credentials value is, from the fields it declares: a key pair without `sessionToken` is a long-term key
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html), one with it is temporary; anything else is unknown.
 */
export function keyPairKind(fields: ReadonlySet<string> | null): 'long-term' | 'temporary' | null {
  if (!fields?.has(KEY_ID) || !fields.has(SECRET)) return null;
  return fields.has(SESSION_TOKEN) ? 'temporary' : 'long-term';
}

export function keyPairFields(withSessionToken: boolean): ReadonlySet<string> {
  return new Set(withSessionToken ? [KEY_ID, SECRET, SESSION_TOKEN] : [KEY_ID, SECRET]);
}

/**
 * The field names a value declares: an object literal's keys, the declared type of a variable or parameter (a type
 * literal, or a local type alias or interface), or, with type information, the properties the checker sees.
 */
export function declaredFields(node: Node, context: Context): ReadonlySet<string> | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    if (inner.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return null;
    return new Set(
      inner.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [staticPropertyName(p) ?? ''] : [])),
    );
  }
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(context.sourceCode.getScope(inner), inner)?.defs[0];
    const annotation = def && 'typeAnnotation' in def.name ? def.name.typeAnnotation : undefined;
    const fields = annotation ? typeFields(annotation.typeAnnotation, context, 0) : null;
    if (fields) return fields;
  }
  return checkerFields(inner, context);
}

function typeFields(type: TSESTree.TypeNode, context: Context, depth: number): ReadonlySet<string> | null {
  if (depth > MAX_DEPTH) return null;
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return memberNames(type.members);
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
  const declaration = findVariable(context.sourceCode.getScope(type), type.typeName)?.defs.find(
    (d) => d.type === DefinitionType.Type,
  )?.node;
  if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
    return typeFields(declaration.typeAnnotation, context, depth + 1);
  if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.extends.length === 0)
    return memberNames(declaration.body.body);
  return null;
}

function memberNames(members: readonly TSESTree.TypeElement[]): ReadonlySet<string> {
  const names = new Set<string>();
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.computed) continue;
    if (member.key.type === AST_NODE_TYPES.Identifier) names.add(member.key.name);
    else if (member.key.type === AST_NODE_TYPES.Literal) names.add(String(member.key.value));
  }
  return names;
}

function checkerFields(node: Node, context: Context): ReadonlySet<string> | null {
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
  if (!tsNode) return null;
  const type = services.program.getTypeChecker().getTypeAtLocation(tsNode);
  return new Set(type.getProperties().map((p) => p.getName()));
}
