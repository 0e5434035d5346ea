import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Base classes followed up, and subclasses down, from one class (a bound: no class tree of a file is deeper). */
const MAX_DEPTH = 6;

/**
 * The class bodies where `this.name()` may run the method `name` of `body`'s class: its own, those of its base
 * classes declared in the file (a base class calls `this.getClient()`, which its subclass implements), and those of
 * its subclasses in the file that do not declare `name` themselves (they inherit it).
 */
export function bodiesCallingOwnMethod(
  body: TSESTree.ClassBody,
  name: string,
  refs: ModuleRefs,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.ClassBody[] {
  const own = body.parent;
  const bodies = [body];
  for (let base = baseClassOf(own, refs), depth = 0; base && depth < MAX_DEPTH; base = baseClassOf(base, refs), depth++)
    if (!bodies.includes(base.body)) bodies.push(base.body);
  let parents: ClassNode[] = [own];
  for (let depth = 0; parents.length > 0 && depth < MAX_DEPTH; depth++) {
    const next = parents.flatMap((c) => subclassesOf(c, sourceCode)).filter((c) => !declaresMember(c, name));
    for (const c of next) if (!bodies.includes(c.body)) bodies.push(c.body);
    parents = next;
  }
  return bodies;
}

/** Classes of the file declared `extends` the class `node` names. */
function subclassesOf(node: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): ClassNode[] {
  const declaration = node.id ? node : node.parent.type === AST_NODE_TYPES.VariableDeclarator ? node.parent : null;
  const subclasses: ClassNode[] = [];
  for (const variable of declaration ? sourceCode.getDeclaredVariables(declaration) : [])
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (
        (parent?.type === AST_NODE_TYPES.ClassDeclaration || parent?.type === AST_NODE_TYPES.ClassExpression) &&
        parent.superClass === reference.identifier &&
        !subclasses.includes(parent)
      )
        subclasses.push(parent);
    }
  return subclasses;
}

/** The class `node` extends, when it is declared in the file (`class B extends A`, `const A = class {}`). */
function baseClassOf(node: ClassNode, refs: ModuleRefs): ClassNode | null {
  const superClass = node.superClass ? unwrap(node.superClass) : null;
  if (superClass?.type !== AST_NODE_TYPES.Identifier) return null;
  const def = refs.variableOf(superClass)?.defs[0]?.node;
  if (def?.type === AST_NODE_TYPES.ClassDeclaration) return def;
  if (def?.type === AST_NODE_TYPES.VariableDeclarator && def.init?.type === AST_NODE_TYPES.ClassExpression)
    return def.init;
  return null;
}

function declaresMember(node: ClassNode, name: string): boolean {
  return node.body.body.some(
    (member) =>
      (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
      staticPropertyName(member) === name,
  );
}
