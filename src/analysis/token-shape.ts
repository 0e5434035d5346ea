import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { forEachDescendant } from './value-flow.js';
import { RESPONSE_LIFETIME_FIELDS, SHAPED_TOKEN_FIELDS } from '../knowledge/index.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * `data.access_token` where the same function also reads `data.expires_in` (or destructures it off `data`): the
 * response says the token expires, whichever library or helper fetched it. Returns the lifetime field, or null.
 */
export function lifetimeReadBeside(member: TSESTree.MemberExpression, sourceCode: SourceCode): string | null {
  if (!SHAPED_TOKEN_FIELDS.has(staticPropertyName(member) ?? '')) return null;
  const object = unwrap(member.object);
  if (object.type !== AST_NODE_TYPES.Identifier && object.type !== AST_NODE_TYPES.MemberExpression) return null;
  const text = sourceCode.getText(object);
  const scope = enclosingFunction(member)?.body ?? sourceCode.ast;
  let found: string | null = null;
  forEachDescendant(scope, sourceCode, (node) => {
    if (found !== null) return 'stop';
    if (node !== scope && isFunctionNode(node)) return 'skip';
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(node);
      if (name !== null && RESPONSE_LIFETIME_FIELDS.has(name) && sourceCode.getText(unwrap(node.object)) === text)
        found = name;
    } else if (
      node.type === AST_NODE_TYPES.VariableDeclarator &&
      node.init &&
      node.id.type === AST_NODE_TYPES.ObjectPattern &&
      sourceCode.getText(unwrap(node.init)) === text
    ) {
      found = lifetimeKeyOf(node.id);
    }
    return undefined;
  });
  return found;
}

/**
 * `const { access_token, expires_in } = await anyCall()`: the destructuring that binds `binding` to a token field
 * also names a lifetime field beside it. Returns the lifetime field, or null.
 */
export function lifetimeDestructuredBeside(binding: TSESTree.Identifier): string | null {
  let property: Node | undefined = binding.parent;
  if (property?.type === AST_NODE_TYPES.AssignmentPattern) property = property.parent;
  const pattern = property?.parent;
  if (
    property?.type !== AST_NODE_TYPES.Property ||
    pattern?.type !== AST_NODE_TYPES.ObjectPattern ||
    !SHAPED_TOKEN_FIELDS.has(staticPropertyName(property) ?? '')
  )
    return null;
  return lifetimeKeyOf(pattern);
}

function lifetimeKeyOf(pattern: TSESTree.ObjectPattern): string | null {
  for (const property of pattern.properties) {
    const name = property.type === AST_NODE_TYPES.Property ? staticPropertyName(property) : null;
    if (name !== null && RESPONSE_LIFETIME_FIELDS.has(name)) return name;
  }
  return null;
}
