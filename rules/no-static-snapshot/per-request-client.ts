import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, isFunctionNode, memberChain, unwrap } from '../../src/analysis/ast.js';
import type { ModuleRefs } from '../../src/analysis/module-refs.js';
import type { Node } from './context.js';

const MAX_DEPTH = 3;

/**
 * Whether `receiver` is a client made inside the function that sets its credentials and never leaves that function
 * (not returned, not stored outside its locals): a Next.js route handler that builds `new OAuth2()` per request with
 * the caller's token. The client dies with the request, long before the token, so nothing keeps the token.
 */
export function isPerRequestClient(receiver: Node, at: Node, refs: ModuleRefs): boolean {
  const scope = enclosingFunction(at);
  const inner = unwrap(receiver);
  if (!scope || inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = refs.variableOf(inner);
  const declarator = variable?.defs[0]?.node;
  if (
    !variable ||
    variable.defs.length !== 1 ||
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    enclosingFunction(declarator) !== scope ||
    !declarator.init ||
    unwrap(declarator.init).type !== AST_NODE_TYPES.NewExpression
  )
    return false;
  return !escapes(variable.references, scope, refs, 0);
}

/** The token is the caller's, not a constant of the deployment: not a literal, `process.env.X` or a module variable. */
export function isPerRequestValue(value: Node, refs: ModuleRefs): boolean {
  const inner = unwrap(value);
  if (inner.type === AST_NODE_TYPES.Literal) return false;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0) return false;
  const chain = memberChain(inner);
  if (chain && chain[0] === 'process' && chain[1] === 'env') return false;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const declared = refs.variableOf(inner)?.defs[0]?.node;
    return declared !== undefined && enclosingFunction(declared) !== null;
  }
  return true;
}

type Reference = { readonly identifier: TSESTree.Identifier | TSESTree.JSXIdentifier; readonly init?: boolean | null };

/**
 * A reference escapes when the value (or an object built from it, such as `google.drive({ auth: client })`) is
 * returned, assigned to anything but a local, or captured by a nested function, which may outlive the call.
 */
function escapes(references: readonly Reference[], scope: TSESTree.FunctionLike, refs: ModuleRefs, depth: number) {
  if (depth > MAX_DEPTH) return true;
  for (const reference of references) {
    if (reference.init) continue;
    let node: Node = reference.identifier;
    for (let parent: Node | undefined = node.parent; parent && parent !== scope; parent = parent.parent) {
      if (isFunctionNode(parent)) return true;
      // A member or method call on it (`drive.files.list()`) yields something else: a response, not the client.
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) break;
      if (parent.type === AST_NODE_TYPES.ReturnStatement || parent.type === AST_NODE_TYPES.YieldExpression) return true;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) return true;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
        const id = parent.id;
        if (id.type !== AST_NODE_TYPES.Identifier) return true;
        const local = refs.variableOf(id);
        if (!local || escapes(local.references, scope, refs, depth + 1)) return true;
        break;
      }
      node = parent;
    }
    if (node === scope.body && node.type !== AST_NODE_TYPES.BlockStatement) return true; // an arrow's returned body
  }
  return false;
}
