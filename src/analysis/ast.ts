import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type ScopeDefinitionType = typeof TSESLint.Scope.DefinitionType;

/**
 * What declared a variable (`def.type`), as values typed with typescript-eslint's enum. Spelled out (checked against
 * the enum) because reading the enum at run time loads typescript-eslint's scope manager with the plugin.
 */
const definitionTypes = {
  CatchClause: 'CatchClause',
  ClassName: 'ClassName',
  FunctionName: 'FunctionName',
  ImplicitGlobalVariable: 'ImplicitGlobalVariable',
  ImportBinding: 'ImportBinding',
  Parameter: 'Parameter',
  TSEnumMember: 'TSEnumMemberName',
  TSEnumName: 'TSEnumName',
  TSModuleName: 'TSModuleName',
  Type: 'Type',
  Variable: 'Variable',
} as const satisfies { [Kind in keyof ScopeDefinitionType]: `${ScopeDefinitionType[Kind]}` };
export const DefinitionType = definitionTypes as unknown as ScopeDefinitionType;

/** What a top-level statement declares: the declaration of `export ...` / `export default ...`, else the statement. */
export function declaredBy(statement: TSESTree.ProgramStatement): Node | null | undefined {
  return statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
    ? statement.declaration
    : statement;
}

/** Strips wrappers that do not change the value: parentheses are not nodes, but TS assertions and `!` are. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** `await x` → `x` (after unwrapping), or null when the node is not awaited. */
export function awaited(node: Node): Node | null {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.AwaitExpression ? unwrap(inner.argument) : null;
}

/** `null` or `undefined`: the value an empty slot holds. */
export function isNullish(node: Node): boolean {
  const inner = unwrap(node);
  return (
    (inner.type === AST_NODE_TYPES.Literal && inner.value === null) ||
    (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined')
  );
}

/** The static name of a property key or member property: `a.b`, `a['b']`, `{ b: 1 }`, `{ 'b': 1 }`. */
export function staticPropertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | null {
  const computed = node.computed;
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0)
    return key.quasis[0].value.cooked ?? null;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return null;
}

/** The property path to `target` in a destructuring pattern; `null` steps are array positions. */
export function patternPath(pattern: Node, target: TSESTree.Identifier): (string | null)[] | null {
  if (pattern === target) return [];
  switch (pattern.type) {
    case AST_NODE_TYPES.AssignmentPattern:
      return patternPath(pattern.left, target);
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = staticPropertyName(property);
        const rest = patternPath(property.value, target);
        if (name !== null && rest) return [name, ...rest];
      }
      return null;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) {
        const rest = element ? patternPath(element, target) : null;
        if (rest) return [null, ...rest];
      }
      return null;
    default:
      return null;
  }
}

/** The property `name` of an object literal, if present and not computed from a runtime value. */
export function findProperty(object: Node, name: string): TSESTree.Property | undefined {
  const inner = unwrap(object);
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const prop of inner.properties) {
    if (prop.type === AST_NODE_TYPES.Property && staticPropertyName(prop) === name) return prop;
  }
  return undefined;
}

/** Follows a property path through nested object literals: `{ params: { DurationSeconds: 900 } }`. */
export function findPropertyPath(object: Node, path: readonly string[]): TSESTree.Property | undefined {
  let current: Node = object;
  let found: TSESTree.Property | undefined;
  for (const name of path) {
    found = findProperty(current, name);
    if (!found) return undefined;
    current = found.value;
  }
  return found;
}

export function isFunctionNode(node: Node): node is TSESTree.FunctionLike {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The nearest function around `node`, or null at module (or class static-block) level. */
export function enclosingFunction(node: Node): TSESTree.FunctionLike | null {
  for (let p = node.parent; p; p = p.parent) {
    if (isFunctionNode(p)) return p;
  }
  return null;
}

/** `a.b.c` as ['a', 'b', 'c'] when every part is static, else null. */
export function memberChain(node: Node): string[] | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return [inner.name];
  if (inner.type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const base = memberChain(inner.object);
    const name = staticPropertyName(inner);
    return base && name !== null ? [...base, name] : null;
  }
  return null;
}

/** The callee's final name: `foo()` → foo, `a.b.foo()` → foo. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(callee);
  return null;
}

/** The name a function is called by: its declaration's, its const's, or its method's. */
export function declaredFunctionName(fn: TSESTree.FunctionLike): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  return parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property
    ? staticPropertyName(parent)
    : null;
}
