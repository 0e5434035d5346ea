import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
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
  if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.NewExpression)
    return madeObjectMethod(callee, refs);
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

/**
 * The method `receiver.name(x)` runs when `receiver` is a never-reassigned binding of this file: a method of an object
 * literal (`const auth = { setToken(t) { ... } }`, or `setToken: (t) => ...`), a static method of a class
 * (`Auth.obtain()`), or an instance method of a class of this file (`const auth = new Auth(); auth.obtain()`).
 */
function objectMethod(callee: TSESTree.MemberExpression, refs: ModuleRefs): TSESTree.FunctionLike | null {
  const name = staticPropertyName(callee);
  const variable = refs.variableOf(unwrap(callee.object) as TSESTree.Identifier);
  const def = variable?.defs[0];
  if (name === null || !def) return null;
  if (def.type === DefinitionType.ClassName) return classMethod(def.node, name, true);
  if (def.type !== DefinitionType.Variable || !def.node.init || !isConstLike(variable)) return null;
  const init = unwrap(def.node.init);
  if (init.type === AST_NODE_TYPES.ClassExpression) return classMethod(init, name, true);
  if (init.type === AST_NODE_TYPES.NewExpression) {
    const made = localClassOf(init, refs);
    return made ? classMethod(made, name, false) : null;
  }
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const property = init.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && staticPropertyName(p) === name,
  );
  const value = property && unwrap(property.value);
  return value && isFunctionNode(value) ? value : null;
}

/** `new Auth().obtain()`: the instance method of a class of this file, called on an instance made right there. */
function madeObjectMethod(callee: TSESTree.MemberExpression, refs: ModuleRefs): TSESTree.FunctionLike | null {
  const name = staticPropertyName(callee);
  const made = localClassOf(unwrap(callee.object) as TSESTree.NewExpression, refs);
  return name !== null && made ? classMethod(made, name, false) : null;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class of this file that `new X()` builds, when `X` names one directly. */
export function localClassOf(made: TSESTree.NewExpression, refs: ModuleRefs): ClassNode | null {
  const callee = unwrap(made.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const def = refs.variableOf(callee)?.defs[0];
  if (def?.type === DefinitionType.ClassName) return def.node;
  const init = def?.type === DefinitionType.Variable && def.node.init ? unwrap(def.node.init) : null;
  return init?.type === AST_NODE_TYPES.ClassExpression ? init : null;
}

function classMethod(node: ClassNode, name: string, isStatic: boolean): TSESTree.FunctionLike | null {
  const method = node.body.body.find(
    (m): m is TSESTree.MethodDefinition =>
      m.type === AST_NODE_TYPES.MethodDefinition && m.static === isStatic && staticPropertyName(m) === name,
  );
  return method?.value ?? null;
}

/**
 * The calls of this file that run `fn` through the binding that holds it (the inverse of `objectMethod`): for a method
 * of a const object literal, `auth.obtain()`; for a static method, `Auth.obtain()`; for an instance method, the same
 * call on a const made by `new Auth()` or on the instance itself (`new Auth().obtain()`). Calls through `this` are
 * the caller's business.
 */
export function callsOfMethod(fn: TSESTree.FunctionLike, refs: ModuleRefs): TSESTree.CallExpression[] {
  const holder = fn.parent;
  const bindings: TSESTree.Identifier[] = [];
  const direct: TSESTree.CallExpression[] = [];
  if (holder?.type === AST_NODE_TYPES.Property && holder.parent.type === AST_NODE_TYPES.ObjectExpression)
    bindings.push(...declaredName(holder.parent));
  if (holder?.type === AST_NODE_TYPES.MethodDefinition) {
    const owner = holder.parent.parent;
    const names = owner.type === AST_NODE_TYPES.ClassDeclaration && owner.id ? [owner.id] : declaredName(owner);
    if (holder.static) bindings.push(...names);
    else
      for (const use of names.flatMap((n) => referencesOfName(n, refs))) {
        const made = use.identifier.parent;
        if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee !== use.identifier) continue;
        bindings.push(...declaredName(made));
        const call = madeObjectCall(made, holder);
        if (call) direct.push(call);
      }
  }
  const calls: TSESTree.CallExpression[] = [...direct];
  for (const reference of bindings.flatMap((b) => referencesOfName(b, refs))) {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === member &&
      objectMethod(member, refs) === fn
    )
      calls.push(call);
  }
  return calls;
}

/** `new Auth().obtain()`: the call of the method `holder` on the instance `made` builds, right where it is built. */
function madeObjectCall(
  made: TSESTree.NewExpression,
  holder: TSESTree.MethodDefinition,
): TSESTree.CallExpression | null {
  const member = made.parent;
  const call = member?.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === made &&
    staticPropertyName(member) === staticPropertyName(holder) &&
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee === member
    ? call
    : null;
}

/** The name a value is declared under when it is a declarator's whole initializer (`const auth = <node>`). */
function declaredName(node: TSESTree.Node): TSESTree.Identifier[] {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === node &&
    parent.id.type === AST_NODE_TYPES.Identifier
    ? [parent.id]
    : [];
}

/**
 * The references to a declared name. A class declaration's name is two variables: one in the class's own scope, which
 * the class body refers to (`SegmentSink.identity()` in a method), and one where the rest of the file sees it.
 */
function referencesOfName(name: TSESTree.Identifier, refs: ModuleRefs): TSESLint.Scope.Reference[] {
  const variable = refs.variableOf(name);
  if (!variable) return [];
  if (variable.scope.block !== name.parent) return variable.references;
  const outer = variable.scope.upper?.set.get(name.name);
  return outer ? [...variable.references, ...outer.references] : variable.references;
}
