// Fields that an SDK base class renews itself: the keys a subclass of v2 `AWS.Credentials` resets in its own
// `refresh()`, which the SDK calls again whenever the object needs refreshing (AWS_V2_CREDENTIALS_SUBCLASS).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AWS_V2_CREDENTIALS_SUBCLASS, refMatches } from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import { fileIndex } from './file-index.js';
import { type ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * `this.accessKeyId = …` inside `refresh()` of `class X extends AWS.Credentials` that also sets `this.expireTime`
 * there (or decides `needsRefresh()` itself): the SDK runs that `refresh` again when the keys are due, so the field is
 * renewed, not a copy kept for ever.
 */
export function isRenewedBySdkRefresh(target: Node, refs: ModuleRefs, sourceCode: SourceCode): boolean {
  const member = unwrap(target);
  if (member.type !== AST_NODE_TYPES.MemberExpression || unwrap(member.object).type !== AST_NODE_TYPES.ThisExpression)
    return false;
  const method = enclosingMethod(member);
  if (!method || staticPropertyName(method) !== AWS_V2_CREDENTIALS_SUBCLASS.refreshMethod) return false;
  const classNode = method.parent.parent;
  const superClass = classNode.superClass ? refs.resolve(unwrap(classNode.superClass)) : null;
  if (!superClass || !refMatches(superClass, AWS_V2_CREDENTIALS_SUBCLASS.base)) return false;
  const ownPredicate = classNode.body.body.some(
    (m) =>
      m.type === AST_NODE_TYPES.MethodDefinition &&
      staticPropertyName(m) === AWS_V2_CREDENTIALS_SUBCLASS.refreshPredicate,
  );
  return ownPredicate || setsExpireTime(method.value, sourceCode);
}

/** The class method whose own body (not a nested function's) holds `node`. */
function enclosingMethod(node: Node): (TSESTree.MethodDefinition & { parent: TSESTree.ClassBody }) | null {
  let functions = 0;
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.FunctionExpression || p.type === AST_NODE_TYPES.FunctionDeclaration) {
      functions += 1;
      if (functions > 1) return null;
      continue;
    }
    if (p.type === AST_NODE_TYPES.MethodDefinition)
      return p.parent.type === AST_NODE_TYPES.ClassBody
        ? (p as TSESTree.MethodDefinition & { parent: TSESTree.ClassBody })
        : null;
  }
  return null;
}

function setsExpireTime(fn: Node, sourceCode: SourceCode): boolean {
  return fileIndex(sourceCode).assignments.some((assignment) => {
    const left = unwrap(assignment.left);
    return (
      fn.range[0] <= assignment.range[0] &&
      assignment.range[1] <= fn.range[1] &&
      left.type === AST_NODE_TYPES.MemberExpression &&
      unwrap(left.object).type === AST_NODE_TYPES.ThisExpression &&
      staticPropertyName(left) === AWS_V2_CREDENTIALS_SUBCLASS.expiryField
    );
  });
}
