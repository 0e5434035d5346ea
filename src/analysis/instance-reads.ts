import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, staticPropertyName, unwrap } from './ast.js';
import { fileIndex } from './file-index.js';
import { findVariable } from './find-variable.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Steps from a read back to the instance: `const m = await Cls.getInstance()` then `m.token` is two. */
const MAX_STEPS = 4;

/**
 * Reads of an instance field through a reference the file can tie to an instance of its class (`this.x` is found by
 * the caller): `(await Manager.getInstance()).token`, `const m = await Manager.getInstance(); m.token`,
 * `Manager.instance.token`, `new Manager().token`. A private or protected field (`private token`, `#token`) is read
 * that way only inside the class; a public one anywhere in the file.
 */
export function outsideInstanceReads(
  classNode: ClassNode,
  field: string,
  sourceCode: SourceCode,
): TSESTree.MemberExpression[] {
  const everywhere = isPublicField(classNode, field);
  return (fileIndex(sourceCode).membersByName.get(field) ?? []).filter(
    (member) =>
      (everywhere || inside(member, classNode)) &&
      !isWriteTarget(member) &&
      isInstanceOf(member.object, classNode, sourceCode, MAX_STEPS),
  );
}

function isPublicField(classNode: ClassNode, field: string): boolean {
  const declared = classNode.body.body.find(
    (element): element is TSESTree.PropertyDefinition =>
      element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && staticPropertyName(element) === field,
  );
  if (!declared) return true;
  return (
    declared.accessibility !== 'private' &&
    declared.accessibility !== 'protected' &&
    declared.key.type !== AST_NODE_TYPES.PrivateIdentifier
  );
}

function inside(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

function isWriteTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member;
}

function isInstanceOf(expression: Node, classNode: ClassNode, sourceCode: SourceCode, steps: number): boolean {
  if (steps === 0) return false;
  const inner = unwrap(expression);
  switch (inner.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return isInstanceOf(inner.argument, classNode, sourceCode, steps - 1);
    case AST_NODE_TYPES.NewExpression:
      return namesClass(inner.callee, classNode, sourceCode);
    case AST_NODE_TYPES.MemberExpression:
      // `Manager.instance`: a static field the class keeps its own instance in.
      return namesClass(inner.object, classNode, sourceCode) && isStaticField(classNode, staticPropertyName(inner));
    case AST_NODE_TYPES.CallExpression: {
      // `Manager.getInstance()`: a static method that returns the kept instance or a new one.
      const callee = unwrap(inner.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !namesClass(callee.object, classNode, sourceCode))
        return false;
      const method = staticMethod(classNode, staticPropertyName(callee));
      return method !== null && returnsOwnInstance(method, classNode, sourceCode);
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(sourceCode.getScope(inner), inner);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== DefinitionType.Variable || def.node.id !== def.name || !def.node.init) return false;
      const reassigned = variable!.references.some((r) => r.isWrite() && !r.init);
      return !reassigned && isInstanceOf(def.node.init, classNode, sourceCode, steps - 1);
    }
    default:
      return false;
  }
}

function namesClass(node: Node, classNode: ClassNode, sourceCode: SourceCode): boolean {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ThisExpression) return false;
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(sourceCode.getScope(inner), inner)?.defs[0];
  return def?.type === DefinitionType.ClassName && def.node === classNode;
}

function isStaticField(classNode: ClassNode, name: string | null): boolean {
  return classNode.body.body.some(
    (element) =>
      element.type === AST_NODE_TYPES.PropertyDefinition && element.static && staticPropertyName(element) === name,
  );
}

function staticMethod(classNode: ClassNode, name: string | null): TSESTree.FunctionExpression | null {
  const method = classNode.body.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === AST_NODE_TYPES.MethodDefinition && element.static && staticPropertyName(element) === name,
  );
  return method?.value.type === AST_NODE_TYPES.FunctionExpression ? method.value : null;
}

/** Every `return` of the method hands back `Cls.<static field>`, `this.<static field>` or `new Cls()`. */
function returnsOwnInstance(
  method: TSESTree.FunctionExpression,
  classNode: ClassNode,
  sourceCode: SourceCode,
): boolean {
  const returned = method.body.body.filter(
    (statement): statement is TSESTree.ReturnStatement =>
      statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null,
  );
  return (
    returned.length > 0 &&
    returned.every((statement) => {
      const value = unwrap(statement.argument!);
      if (value.type === AST_NODE_TYPES.NewExpression) return namesClass(value.callee, classNode, sourceCode);
      if (value.type !== AST_NODE_TYPES.MemberExpression || !isStaticField(classNode, staticPropertyName(value)))
        return false;
      return (
        unwrap(value.object).type === AST_NODE_TYPES.ThisExpression || namesClass(value.object, classNode, sourceCode)
      );
    })
  );
}
