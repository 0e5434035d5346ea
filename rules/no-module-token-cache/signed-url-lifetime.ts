import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, findProperty, isNullish, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isMovable } from '../../src/analysis/edits.js';
import { isConstLike, ModuleRefs, moduleSpecifiers } from '../../src/analysis/module-refs.js';
import { SIGNED_URL_CALLS } from '../../src/knowledge/index.js';
import { presignerOf } from '../presign-utils/match.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 6;

/**
 * The lifetime, in seconds, the cached URL was signed for: the `expiresIn` of a known presigner
 * (`await getSignedUrl(client, command, { expiresIn })`, its default when absent), or the lifetime argument of a call
 * that hands the URL back in its result (SIGNED_URL_CALLS: `(await storage.createSignedUrl(path, ttl)).data.signedUrl`),
 * through const locals, destructuring of the result and `?? null`.
 */
export function lifetimeOf(context: Context, node: Node, depth: number): { text: string; node?: Node } | null {
  if (depth > MAX_DEPTH) return null;
  const inner = unwrap(node);
  const { sourceCode } = context;
  switch (inner.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return inner.operator !== '&&' && isNullish(inner.right) ? lifetimeOf(context, inner.left, depth + 1) : null;
    case AST_NODE_TYPES.AwaitExpression:
      return presignedLifetime(context, unwrap(inner.argument));
    case AST_NODE_TYPES.Identifier: {
      const declarator = constDeclaratorOf(context, inner);
      if (!declarator?.init) return null;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) return lifetimeOf(context, declarator.init, depth + 1);
      return null;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const path = SIGNED_URL_CALLS.map((c) => c.resultPath);
      if (!path.some((p) => p.at(-1) === staticPropertyName(inner))) return null;
      const call = resultCallOf(context, unwrap(inner.object));
      if (!call) return null;
      const method = staticPropertyName(call.callee as TSESTree.MemberExpression);
      const signer = SIGNED_URL_CALLS.find((c) => method === c.method);
      const argument = signer && call.arguments[signer.lifetimeArgument];
      return argument && argument.type !== AST_NODE_TYPES.SpreadElement
        ? { text: sourceCode.getText(argument), node: argument }
        : null;
    }
    default:
      return null;
  }
}

/** `data` of `const { data } = await x.createSignedUrl(...)`, or `res.data` of `const res = await ...`: that call. */
function resultCallOf(context: Context, object: Node): TSESTree.CallExpression | null {
  const fromAwait = (init: Node | null | undefined) => {
    const value = init && unwrap(init);
    const call = value?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(value.argument) : null;
    return call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      SIGNED_URL_CALLS.some((c) => staticPropertyName(call.callee as TSESTree.MemberExpression) === c.method)
      ? call
      : null;
  };
  if (object.type === AST_NODE_TYPES.Identifier) {
    const declarator = constDeclaratorOf(context, object);
    if (declarator?.id.type !== AST_NODE_TYPES.ObjectPattern) return null;
    const bound = declarator.id.properties.find(
      (p) =>
        p.type === AST_NODE_TYPES.Property &&
        p.value.type === AST_NODE_TYPES.Identifier &&
        p.value.name === object.name &&
        SIGNED_URL_CALLS.some((c) => c.resultPath[0] === staticPropertyName(p)),
    );
    return bound ? fromAwait(declarator.init) : null;
  }
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    SIGNED_URL_CALLS.some((c) => c.resultPath[0] === staticPropertyName(object)) &&
    unwrap(object.object).type === AST_NODE_TYPES.Identifier
  ) {
    const declarator = constDeclaratorOf(context, unwrap(object.object) as TSESTree.Identifier);
    return declarator?.id.type === AST_NODE_TYPES.Identifier ? fromAwait(declarator.init) : null;
  }
  return null;
}

/** `getSignedUrl(client, command, { expiresIn: 3600 })`: the presigner's duration in seconds. */
function presignedLifetime(context: Context, call: Node): { text: string; node?: Node } | null {
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const { sourceCode } = context;
  const presigner = presignerOf(call, ModuleRefs.for(sourceCode), moduleSpecifiers(sourceCode));
  const expiry = presigner?.expiry;
  if (!expiry || expiry.unit !== 'seconds' || expiry.within) return null;
  const argument = call.arguments[expiry.argument];
  if (!argument) return { text: String(expiry.defaultSeconds) };
  if (!expiry.property) return { text: sourceCode.getText(argument), node: argument };
  const options = unwrap(argument);
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return null;
  if (options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return null;
  const property = findProperty(options, expiry.property);
  if (!property) return { text: String(expiry.defaultSeconds) };
  return { text: sourceCode.getText(property.value), node: property.value };
}

function constDeclaratorOf(context: Context, identifier: TSESTree.Identifier): TSESTree.VariableDeclarator | null {
  const variable = ModuleRefs.for(context.sourceCode).variableOf(identifier);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable) return null;
  return def.node;
}

/**
 * The lifetime expression can be written again at the write: numbers and names never reassigned (a constant, a
 * parameter), combined with arithmetic, that mean the same there.
 */
export function inReach(context: Context, lifetime: Node, statement: Node): boolean {
  const pure = (node: Node): boolean => {
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'number';
    if (inner.type === AST_NODE_TYPES.BinaryExpression)
      return ['*', '+', '-', '/'].includes(inner.operator) && pure(inner.left) && pure(inner.right);
    if (inner.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ModuleRefs.for(context.sourceCode).variableOf(inner);
    const def = variable?.defs[0];
    return (
      variable !== null &&
      isConstLike(variable) &&
      (def?.type === DefinitionType.Variable || def?.type === DefinitionType.Parameter)
    );
  };
  return pure(lifetime) && isMovable(lifetime, statement, context.sourceCode);
}
