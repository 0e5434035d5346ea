import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from './ast.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
export type ClassMember = TSESTree.MethodDefinition | TSESTree.PropertyDefinition;

/**
 * Whether a test reads only the instance's configuration: fields of `this` that no method but the constructor writes
 * (a flag such as `this.fromSession`, fixed when the object is made), combined with `!`, `&&`, `||`, comparisons and
 * literals. No call, `await` or function: such a test says which way the instance was set up, not whether a kept
 * value is still there (`if (!this.client)` reads a field that a method writes: a memo, not a configuration).
 */
export function readsInstanceConfiguration(
  test: Node,
  members: readonly ClassMember[],
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const fields: string[] = [];
  let plain = true;
  forEachDescendant(test, sourceCode, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const name = unwrap(node.object).type === AST_NODE_TYPES.ThisExpression ? staticPropertyName(node) : null;
        if (name === null) plain = false;
        else fields.push(name);
        return plain ? 'skip' : 'stop';
      }
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        return undefined;
      default:
        plain = false;
        return 'stop';
    }
  });
  if (!plain || fields.length === 0) return false;
  const writtenLater = fieldsWrittenOutsideConstructor(members, sourceCode);
  return fields.every((name) => !writtenLater.has(name));
}

/** `this.x` assigned or updated by a member other than the constructor (nested functions included). */
function fieldsWrittenOutsideConstructor(
  members: readonly ClassMember[],
  sourceCode: Readonly<TSESLint.SourceCode>,
): ReadonlySet<string> {
  const names = new Set<string>();
  for (const member of members) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') continue;
    if (!member.value) continue;
    forEachDescendant(member.value, sourceCode, (node) => {
      const target =
        node.type === AST_NODE_TYPES.AssignmentExpression
          ? node.left
          : node.type === AST_NODE_TYPES.UpdateExpression
            ? node.argument
            : null;
      const inner = target ? unwrap(target) : null;
      if (
        inner?.type === AST_NODE_TYPES.MemberExpression &&
        unwrap(inner.object).type === AST_NODE_TYPES.ThisExpression
      ) {
        const name = staticPropertyName(inner);
        if (name !== null) names.add(name);
      }
      return undefined;
    });
  }
  return names;
}
