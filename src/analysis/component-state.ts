import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type ApiRef, COMPONENT_STATE, refMatches } from '../knowledge/index.js';
import { DefinitionType, staticPropertyName, unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

/**
 * A write to a UI component's state, which keeps the value for as long as the component is mounted (often the page's
 * life) and hands it to every later render and handler: `this.setState({ ... })` in a class that extends another (a
 * React or Preact class component), or the setter of a `useState` hook (`const [keys, setKeys] = useState()`).
 */
export function isComponentStateWrite(call: TSESTree.CallExpression, refs: ModuleRefs): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression)
    return (
      unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression &&
      (COMPONENT_STATE.classMethods as readonly string[]).includes(staticPropertyName(callee) ?? '') &&
      inDerivedClass(call)
    );
  return callee.type === AST_NODE_TYPES.Identifier && isHookSetter(callee, refs);
}

function inDerivedClass(node: TSESTree.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.ClassDeclaration || p.type === AST_NODE_TYPES.ClassExpression)
      return p.superClass !== null;
  }
  return false;
}

/** `setKeys` bound as the second element of `useState(...)`'s result (or of another of `hooks`). */
function isHookSetter(
  name: TSESTree.Identifier,
  refs: ModuleRefs,
  hooks: readonly ApiRef[] = COMPONENT_STATE.hooks,
): boolean {
  const def = refs.variableOf(name)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.ArrayPattern || !def.node.init)
    return false;
  if (def.node.id.elements[COMPONENT_STATE.hookSetterIndex] !== def.name) return false;
  const init = unwrap(def.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression) return false;
  const ref = refs.resolve(init.callee);
  return ref !== null && hooks.some((api) => refMatches(ref, api));
}

/**
 * The state variable a hook setter call writes (`keys` of `const [keys, setKeys] = useState()` for `setKeys(v)`): the
 * component keeps what it is given there, and every later render and handler reads it back. Null for any other call.
 */
export function hookStateWritten(
  call: TSESTree.CallExpression,
  refs: ModuleRefs,
  hooks: readonly ApiRef[] = COMPONENT_STATE.hooks,
): TSESTree.Identifier | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !isHookSetter(callee, refs, hooks)) return null;
  const pattern = refs.variableOf(callee)?.defs[0]?.node;
  if (pattern?.type !== AST_NODE_TYPES.VariableDeclarator || pattern.id.type !== AST_NODE_TYPES.ArrayPattern)
    return null;
  const state = pattern.id.elements[COMPONENT_STATE.hookStateIndex];
  return state?.type === AST_NODE_TYPES.Identifier ? state : null;
}
