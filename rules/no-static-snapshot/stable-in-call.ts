import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, enclosingFunction, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { forEachDescendant } from '../../src/analysis/value-flow.js';
import type { Node, SnapshotContext } from './context.js';

/** Values that stay the same for the whole of one call of a function. */
export interface StableIn {
  holds(node: Node): boolean;
}

/**
 * In a call of `fn`: a parameter of `fn` that nothing reassigns, and `this.field` (or `this.field.a.b`) where the
 * class declares `field` readonly and the file writes none of `a`, `b` on anything (nor a computed property).
 */
export function stableInCall(fn: TSESTree.FunctionLike, ctx: SnapshotContext): StableIn {
  const owner = classOfThis(fn);
  let written: ReadonlySet<string> | null = null;
  const writtenNames = () => (written ??= writtenPropertyNames(ctx));
  return {
    holds: (node) =>
      unwrittenParameter(node, fn, ctx) || (owner !== null && readonlyFieldRead(node, owner, writtenNames)),
  };
}

function unwrittenParameter(node: Node, fn: TSESTree.FunctionLike, ctx: SnapshotContext): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ctx.refs.variableOf(node);
  const def = variable?.defs[0];
  return (
    variable !== null &&
    variable !== undefined &&
    def?.type === DefinitionType.Parameter &&
    def.node === fn &&
    variable.references.every((reference) => !reference.isWrite())
  );
}

/** The class whose instance `this` is in `fn`: `fn` (or the function an arrow `fn` sits in) is one of its methods. */
function classOfThis(fn: TSESTree.FunctionLike): TSESTree.ClassBody | null {
  let current: TSESTree.FunctionLike | null = fn;
  while (current) {
    const parent: Node | undefined = current.parent;
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      if (parent?.type === AST_NODE_TYPES.PropertyDefinition && !parent.static) return classBodyOf(parent);
      current = enclosingFunction(current);
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.MethodDefinition && !parent.static) return classBodyOf(parent);
    return null;
  }
  return null;
}

function classBodyOf(member: Node): TSESTree.ClassBody | null {
  return member.parent?.type === AST_NODE_TYPES.ClassBody ? member.parent : null;
}

function readonlyFieldRead(node: Node, body: TSESTree.ClassBody, written: () => ReadonlySet<string>): boolean {
  const path: string[] = [];
  let current: Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = current.computed ? null : staticPropertyName(current);
    if (name === null) return false;
    path.unshift(name);
    current = unwrap(current.object);
  }
  if (current.type !== AST_NODE_TYPES.ThisExpression || path.length === 0) return false;
  const [field, ...rest] = path;
  const names = rest.length > 0 ? written() : null;
  return (
    declaresReadonly(body, field) && (names === null || (!names.has('*') && rest.every((name) => !names.has(name))))
  );
}

/** `readonly field` / `readonly #field`, or a constructor's `private readonly field: T` parameter property. */
function declaresReadonly(body: TSESTree.ClassBody, field: string): boolean {
  return body.body.some((member) => {
    if (member.type === AST_NODE_TYPES.PropertyDefinition)
      return member.readonly && !member.static && !member.computed && keyName(member.key) === field;
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') return false;
    return member.value.params.some(
      (param) =>
        param.type === AST_NODE_TYPES.TSParameterProperty &&
        param.readonly &&
        param.parameter.type === AST_NODE_TYPES.Identifier &&
        param.parameter.name === field,
    );
  });
}

function keyName(key: Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  return null;
}

/** Property names the file assigns, updates or deletes on any object (`x.roleArn = …`, `delete x.roleArn`). */
function writtenPropertyNames(ctx: SnapshotContext): ReadonlySet<string> {
  const names = new Set<string>();
  const add = (target: Node) => {
    const inner = unwrap(target);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return;
    const name = staticPropertyName(inner);
    names.add(name ?? '*');
  };
  forEachDescendant(ctx.sourceCode.ast, ctx.sourceCode, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression) add(node.left);
    else if (node.type === AST_NODE_TYPES.UpdateExpression) add(node.argument);
    else if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete') add(node.argument);
    return undefined;
  });
  return names;
}
