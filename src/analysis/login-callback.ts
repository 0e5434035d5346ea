import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { LOGIN_CALLBACKS, type LoginCallback, refMatches } from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import { findVariable } from './find-variable.js';
import type { ModuleRefs } from './module-refs.js';
import { madeFromAny } from './receiver.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/**
 * The login widget whose result `variable`, a parameter of `fn`, receives (LOGIN_CALLBACKS): `fn` is the listener of
 * the widget's event (`lock.on('authenticated', fn)`, `lock` made from the widget's class), or the value of its prop
 * (`<GoogleLogin onSuccess={fn} />`, written inline or as `this.method` / a function of the file).
 */
export function loginCallbackOf(
  fn: TSESTree.FunctionLike,
  variable: Variable,
  refs: ModuleRefs,
  sourceCode: SourceCode,
): LoginCallback | null {
  for (const entry of LOGIN_CALLBACKS) {
    const param = fn.params[entry.parameter];
    if (param?.type !== AST_NODE_TYPES.Identifier || refs.variableOf(param) !== variable) continue;
    if ('event' in entry.via ? listensTo(fn, entry, refs) : givenAsProp(fn, entry, refs, sourceCode)) return entry;
  }
  return null;
}

function listensTo(fn: Node, entry: LoginCallback, refs: ModuleRefs): boolean {
  if (!('event' in entry.via)) return false;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return false;
  const callee = unwrap(call.callee);
  const event = call.arguments[0];
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(callee) === entry.via.method &&
    event?.type === AST_NODE_TYPES.Literal &&
    event.value === entry.via.event &&
    madeFromAny(callee.object, [entry.api], refs) === true
  );
}

function givenAsProp(fn: Node, entry: LoginCallback, refs: ModuleRefs, sourceCode: SourceCode): boolean {
  if (!('prop' in entry.via)) return false;
  const prop = entry.via.prop;
  return propValuesNaming(fn, sourceCode).some((container) => {
    const attribute = container.parent;
    const element = attribute?.parent;
    return (
      attribute?.type === AST_NODE_TYPES.JSXAttribute &&
      attribute.name.type === AST_NODE_TYPES.JSXIdentifier &&
      attribute.name.name === prop &&
      element?.type === AST_NODE_TYPES.JSXOpeningElement &&
      componentIs(element, entry, refs, sourceCode)
    );
  });
}

/** The JSX expression containers whose expression is `fn`, `this.name` of it (a class member) or its name. */
function propValuesNaming(fn: Node, sourceCode: SourceCode): TSESTree.JSXExpressionContainer[] {
  if (fn.parent?.type === AST_NODE_TYPES.JSXExpressionContainer) return [fn.parent];
  const owner = fn.parent;
  const member =
    owner?.type === AST_NODE_TYPES.PropertyDefinition || owner?.type === AST_NODE_TYPES.MethodDefinition
      ? staticPropertyName(owner)
      : null;
  const declared =
    owner?.type === AST_NODE_TYPES.VariableDeclarator && owner.id.type === AST_NODE_TYPES.Identifier
      ? owner.id.name
      : fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? (fn.id?.name ?? null)
        : null;
  if (member === null && declared === null) return [];
  const found: TSESTree.JSXExpressionContainer[] = [];
  const root = member !== null ? owner!.parent! : sourceCode.ast;
  forEachDescendant(root, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.JSXExpressionContainer) return;
    const value = unwrap(node.expression);
    const named =
      member !== null
        ? value.type === AST_NODE_TYPES.MemberExpression &&
          unwrap(value.object).type === AST_NODE_TYPES.ThisExpression &&
          staticPropertyName(value) === member
        : value.type === AST_NODE_TYPES.Identifier && value.name === declared;
    if (named) found.push(node);
  });
  return found;
}

/** `<GoogleLogin …>` where `GoogleLogin` is imported from the entry's module. */
function componentIs(
  element: TSESTree.JSXOpeningElement,
  entry: LoginCallback,
  refs: ModuleRefs,
  sourceCode: SourceCode,
): boolean {
  if (element.name.type !== AST_NODE_TYPES.JSXIdentifier) return false;
  const variable = findVariable(sourceCode.getScope(element), element.name.name);
  const local = variable?.defs[0]?.name;
  const ref = local?.type === AST_NODE_TYPES.Identifier ? refs.resolve(local) : null;
  return ref !== null && refMatches(ref, entry.api);
}
