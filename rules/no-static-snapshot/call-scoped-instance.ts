import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, unwrap } from '../../src/analysis/ast.js';
import { thisFieldOccurrences } from '../../src/analysis/refreshed-before-use.js';
import { slotOf } from '../../src/analysis/storage-slot.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * `this.gh = new Octokit({ auth: token })` in a class the file makes per call: the class is not exported, and each
 * `new Service(...)` of the file sits in a function, bound to a const used only to call its methods
 * (`const svc = new Service(id); await svc.init(); res.json(await svc.list())`). The instance, and the field with
 * it, is dropped when that call returns, unless the class hands the field out (`return this.gh`).
 */
export function diesWithItsCall(target: Node, sourceCode: SourceCode): boolean {
  const slot = slotOf(target, sourceCode);
  if (slot?.kind !== 'member' || slot.owner.kind !== 'class' || slot.owner.isStatic) return false;
  const { classNode } = slot.owner;
  // A declaration at the top of the file: `export class`, `export default class` and class expressions have other parents.
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration || classNode.parent.type !== AST_NODE_TYPES.Program)
    return false;
  if (handsOutField(classNode.body, slot.name, sourceCode)) return false;
  const mentions = sourceCode.getDeclaredVariables(classNode).flatMap((variable) => variable.references);
  return mentions.length > 0 && mentions.every((ref) => isCallScopedConstruction(ref.identifier, sourceCode));
}

/** `const svc = new Service(...)` inside a function, `svc` used only as the receiver of method calls. */
function isCallScopedConstruction(mention: Node, sourceCode: SourceCode): boolean {
  const construction = mention.parent;
  if (construction?.type !== AST_NODE_TYPES.NewExpression || construction.callee !== mention) return false;
  const declarator = construction.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== construction ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const' ||
    enclosingFunction(declarator) === null
  )
    return false;
  const [instance] = sourceCode.getDeclaredVariables(declarator);
  return (
    instance !== undefined && instance.references.every((ref) => ref.init === true || isMethodCallOn(ref.identifier))
  );
}

function isMethodCallOn(identifier: Node): boolean {
  const member = identifier.parent;
  return (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === identifier &&
    member.parent.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  );
}

/**
 * A mention of `this.<name>` other than a write, a test or a use of it as a receiver (`this.gh.rest…`): the field
 * may leave the instance (returned, passed on, copied).
 */
function handsOutField(body: TSESTree.ClassBody, name: string, sourceCode: SourceCode): boolean {
  return thisFieldOccurrences(body, name, sourceCode).some((field) => {
    let outer: Node = field;
    while (outer.parent && unwrap(outer.parent) === field) outer = outer.parent;
    const parent = outer.parent;
    switch (parent?.type) {
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.left !== outer;
      case AST_NODE_TYPES.MemberExpression:
        return parent.object !== outer;
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator !== '!';
      case AST_NODE_TYPES.IfStatement:
        return parent.test !== outer;
      default:
        return true;
    }
  });
}
