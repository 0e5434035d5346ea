import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { isConstLike, type ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

/** What counts as a function of this file for `localFunction`; every caller says both. */
interface LocalFunctionOptions {
  /**
   * `written-once`: a variable bound to a function counts only when it is never reassigned (the function read is the
   * one that runs). `any`: any variable whose initializer is a function (the forward walk follows every candidate).
   */
  readonly bindings: 'written-once' | 'any';
  /** Whether `this.method(x)` counts, as the method of that name in the enclosing class. */
  readonly thisMethods: boolean;
}

/**
 * The function of this file that a call (or `new`) runs: `helper(x)` (a function declaration, or a variable bound to a
 * function expression), `auth.setToken(x)` (a method of an object literal bound to a const), or with `thisMethods`
 * `this.method(x)`. Null for anything else.
 */
export function localFunction(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  refs: ModuleRefs,
  options: LocalFunctionOptions,
): TSESTree.FunctionLike | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = refs.variableOf(callee);
    const def = variable?.defs[0];
    if (def?.type === DefinitionType.FunctionName) return def.node;
    if (def?.type !== DefinitionType.Variable || !def.node.init) return null;
    const init = unwrap(def.node.init);
    if (!isFunctionNode(init)) return null;
    return options.bindings === 'any' || isConstLike(variable!) ? init : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.Identifier)
    return objectMethod(callee, refs);
  if (
    !options.thisMethods ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    unwrap(callee.object).type !== AST_NODE_TYPES.ThisExpression
  )
    return null;
  const name = staticPropertyName(callee);
  for (let p: Node | undefined = callee.parent; p; p = p.parent) {
    if (p.type !== AST_NODE_TYPES.ClassBody) continue;
    const method = p.body.find((m) => m.type === AST_NODE_TYPES.MethodDefinition && staticPropertyName(m) === name);
    return method?.type === AST_NODE_TYPES.MethodDefinition ? method.value : null;
  }
  return null;
}

/** `auth.setToken(x)` where `const auth = { setToken(t) { ... } }` (or `setToken: (t) => ...`) is never reassigned. */
function objectMethod(callee: TSESTree.MemberExpression, refs: ModuleRefs): TSESTree.FunctionLike | null {
  const variable = refs.variableOf(unwrap(callee.object) as TSESTree.Identifier);
  const def = variable?.defs[0];
  if (def?.type !== DefinitionType.Variable || !def.node.init || !isConstLike(variable!)) return null;
  const object = unwrap(def.node.init);
  const name = staticPropertyName(callee);
  if (object.type !== AST_NODE_TYPES.ObjectExpression || name === null) return null;
  const property = object.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && staticPropertyName(p) === name,
  );
  const value = property && unwrap(property.value);
  return value && isFunctionNode(value) ? value : null;
}
