import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CHECKOUT_METHODS } from '../knowledge/index.js';
import { enclosingFunction, staticPropertyName, unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

/** Callbacks between the replacement and the write. */
const MAX_NESTING = 3;
/** Wrappers a replaced method may sit in: `pool.connect = (async () => { ... }) as any`. */
const WRAPPERS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/**
 * A write of a fresh value into a kept connection object by the code that runs before each of its checkouts: the
 * function put in place of one of the object's CHECKOUT_METHODS (`pool.connect = async (...a) => { pool.options.password =
 * await iamToken(); return connect(...a); }`), or a subclass's override of one (`async connect() {
 * this.options.password = await signer.getAuthToken(); return super.connect(); }`). The value must be made in that
 * function (a local of it, or a call there): each connection then gets a token minted for it, and the object keeps
 * nothing older than its last checkout.
 */
export function renewedPerCheckout(target: Node, value: Node, refs: ModuleRefs): boolean {
  const root = rootOf(target);
  if (!root) return false;
  // The write may sit in a callback of the replacement (`signer.getAuthToken().then((token) => { ... })`).
  let fn = enclosingFunction(target);
  for (let level = 0; fn && level < MAX_NESTING; level++, fn = enclosingFunction(fn))
    if (replacesCheckout(fn, root, refs)) return madeIn(value, fn, refs);
  return false;
}

function replacesCheckout(
  fn: TSESTree.FunctionLike,
  root: TSESTree.Identifier | TSESTree.ThisExpression,
  refs: ModuleRefs,
): boolean {
  let holder: Node | undefined = fn.parent;
  while (holder && WRAPPERS.has(holder.type)) holder = holder.parent;
  if (holder?.type === AST_NODE_TYPES.MethodDefinition)
    return root.type === AST_NODE_TYPES.ThisExpression && CHECKOUT_METHODS.includes(staticPropertyName(holder) ?? '');
  if (holder?.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  const replaced = unwrap(holder.left);
  if (
    replaced.type !== AST_NODE_TYPES.MemberExpression ||
    !CHECKOUT_METHODS.includes(staticPropertyName(replaced) ?? '')
  )
    return false;
  const owner = rootOf(replaced.object);
  return (
    owner?.type === AST_NODE_TYPES.Identifier &&
    root.type === AST_NODE_TYPES.Identifier &&
    owner.name === root.name &&
    refs.variableOf(owner) === refs.variableOf(root)
  );
}

/** `pool` of `(pool as any).options.password`, `this` of `this.options.password`. */
function rootOf(node: Node): TSESTree.Identifier | TSESTree.ThisExpression | null {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression ? current : null;
}

/** The value is computed in `fn`: a call or await there, or a local of `fn` (or of a function nested in it). */
function madeIn(value: Node, fn: TSESTree.FunctionLike, refs: ModuleRefs): boolean {
  const root = rootOf(value);
  if (!root) {
    const inner = unwrap(value);
    return inner.type === AST_NODE_TYPES.AwaitExpression || inner.type === AST_NODE_TYPES.CallExpression;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const declared = refs.variableOf(root)?.defs[0]?.name;
  return declared !== undefined && declared.range[0] >= fn.range[0] && declared.range[1] <= fn.range[1];
}
