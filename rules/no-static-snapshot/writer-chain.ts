import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { thisFieldOccurrences } from '../../src/analysis/refreshed-before-use.js';
import type { Node } from './context.js';

/**
 * A private field (`private session`, `#session`) written in a method and read only in private methods that method alone calls
 * (`init()` assumes a role, `this.loadSecrets()` builds a client from the field once, only the secrets are kept): the
 * field is a local in all but name. Nothing outside that call chain reuses it after its session ends.
 */
export function isReadOnlyInWriterChain(target: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const field = unwrap(target);
  if (field.type !== AST_NODE_TYPES.MemberExpression || unwrap(field.object).type !== AST_NODE_TYPES.ThisExpression)
    return false;
  const name = staticPropertyName(field);
  const writer = enclosingMethod(field);
  const body = writer?.parent;
  if (name === null || !writer || body?.type !== AST_NODE_TYPES.ClassBody) return false;
  const methods = body.body.filter((m): m is TSESTree.MethodDefinition => m.type === AST_NODE_TYPES.MethodDefinition);
  if (!isPrivateField(body, name)) return false;
  const reads = thisFieldOccurrences(body, name, sourceCode);
  return (
    reads.some((read) => !isWrite(read)) &&
    reads.every((read) => {
      if (isWrite(read)) return true;
      // A read in the writer itself may be the next call's reuse (`if (!this.client) this.client = ...`).
      const method = enclosingMethod(read);
      return method !== null && method !== writer && isCalledOnlyFrom(method, writer, methods, body, sourceCode);
    })
  );
}

/** A private method (`private m()`, `#m()`) whose every mention in the class is `this.m(...)` inside `writer`. */
function isCalledOnlyFrom(
  method: TSESTree.MethodDefinition,
  writer: TSESTree.MethodDefinition,
  methods: readonly TSESTree.MethodDefinition[],
  body: TSESTree.ClassBody,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const name = staticPropertyName(method);
  if (name === null || method.kind !== 'method' || method.static) return false;
  if (method.accessibility !== 'private' && method.key.type !== AST_NODE_TYPES.PrivateIdentifier) return false;
  if (methods.filter((m) => staticPropertyName(m) === name).length !== 1) return false;
  const mentions = thisFieldOccurrences(body, name, sourceCode);
  return (
    mentions.length > 0 &&
    mentions.every(
      (m) => m.parent?.type === AST_NODE_TYPES.CallExpression && m.parent.callee === m && enclosingMethod(m) === writer,
    )
  );
}

/** Declared `private x` or `#x`: nothing outside the class reads it. */
function isPrivateField(body: TSESTree.ClassBody, name: string): boolean {
  return body.body.some(
    (member) =>
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.static &&
      staticPropertyName(member) === name &&
      (member.accessibility === 'private' || member.key.type === AST_NODE_TYPES.PrivateIdentifier),
  );
}

function isWrite(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member && parent.operator === '=';
}

function enclosingMethod(node: Node): TSESTree.MethodDefinition | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.MethodDefinition) return p;
    if (p.type === AST_NODE_TYPES.ClassBody || p.type === AST_NODE_TYPES.PropertyDefinition) return null;
  }
  return null;
}
