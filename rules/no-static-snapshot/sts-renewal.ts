import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { forEachDescendant } from '../../src/analysis/value-flow.js';
import { DefinitionType, enclosingFunction, memberChain, unwrap } from '../../src/analysis/ast.js';
import { isConstLike } from '../../src/analysis/module-refs.js';
import { AWS_V2_CONFIG_UPDATE, AWS_V2_GLOBAL_CREDENTIALS } from '../../src/knowledge/index.js';
import { type Node, resolvesTo, type SnapshotContext } from './context.js';
import { stableInCall, type StableIn } from './stable-in-call.js';

const MAX_DEPTH = 4;
/** `process.env.NAME`: read again by the provider, it is the same text for the life of the process. */
const ENV_CHAIN = ['process', 'env'];

/**
 * Whether renewing with the same request keeps meaning: the request names the same role and session every time (its
 * values are literals, environment variables or module constants made of them), and the STS client that sent it
 * was built with no options, so its source credentials are the default ones the renewing object uses too
 * (`AWS.config.credentials` for `ChainableTemporaryCredentials`, the default chain for `fromTemporaryCredentials`).
 * When that client is built in the same function as the call, with the global credentials left alone from there to
 * the call, the request may also name what is fixed for that call (a parameter never reassigned, a `readonly` field
 * of `this`): the renewing object built there is the call's own, as the keys it replaces were.
 */
export function renewsTheSame(call: TSESTree.CallExpression, input: Node, ctx: SnapshotContext): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !builtWithDefaults(callee.object, ctx)) return false;
  if (isStaticValue(input, ctx, 0, null)) return true;
  const fn = enclosingFunction(call);
  const built = fn ? builtIn(callee.object, fn, ctx) : null;
  if (!fn || !built || globalCredentialsWritten(fn, built.range[1], call.range[0], ctx)) return false;
  return isStaticValue(input, ctx, 0, stableInCall(fn, ctx));
}

/** The client's construction when it happens in `fn` itself: `new AWS.STS().assumeRole(...)` or a const of `fn`. */
function builtIn(receiver: Node, fn: TSESTree.FunctionLike, ctx: SnapshotContext): Node | null {
  const node = unwrap(receiver);
  if (node.type === AST_NODE_TYPES.NewExpression) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const def = ctx.refs.variableOf(node)?.defs[0];
  return def?.type === DefinitionType.Variable && enclosingFunction(def.node) === fn ? def.node : null;
}

/** `AWS.config.credentials = …` or `AWS.config.update(…)` in `fn` between `from` and `to`. */
function globalCredentialsWritten(fn: TSESTree.FunctionLike, from: number, to: number, ctx: SnapshotContext): boolean {
  let written = false;
  if (!fn.body) return false;
  forEachDescendant(fn.body, ctx.sourceCode, (node) => {
    if (written || node.range[1] <= from || node.range[0] >= to) return written ? 'stop' : undefined;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && resolvesTo(node.left, AWS_V2_GLOBAL_CREDENTIALS, ctx))
      written = true;
    if (node.type === AST_NODE_TYPES.CallExpression && resolvesTo(node.callee, AWS_V2_CONFIG_UPDATE, ctx))
      written = true;
    return undefined;
  });
  return written;
}

/** `new AWS.STS()`, `new STSClient({})`, or a const holding one. */
function builtWithDefaults(receiver: Node, ctx: SnapshotContext): boolean {
  let node = unwrap(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(node, ctx);
    if (!init) return false;
    node = unwrap(init);
  }
  if (node.type !== AST_NODE_TYPES.NewExpression || node.arguments.length > 1) return false;
  const options = node.arguments[0] ? unwrap(node.arguments[0]) : null;
  return options === null || (options.type === AST_NODE_TYPES.ObjectExpression && options.properties.length === 0);
}

function isStaticValue(node: Node, ctx: SnapshotContext, depth: number, stable: StableIn | null): boolean {
  if (depth > MAX_DEPTH) return false;
  const inner = unwrap(node);
  if (stable?.holds(inner)) return true;
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.every((e) => isStaticValue(e, ctx, depth + 1, stable));
    case AST_NODE_TYPES.MemberExpression: {
      const chain = memberChain(inner);
      let root: Node = inner;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
      const shadowed = root.type === AST_NODE_TYPES.Identifier && (ctx.refs.variableOf(root)?.defs.length ?? 0) > 0;
      return !shadowed && chain?.length === 3 && chain[0] === ENV_CHAIN[0] && chain[1] === ENV_CHAIN[1];
    }
    case AST_NODE_TYPES.Identifier: {
      const init = constInit(inner, ctx, true);
      return init !== null && isStaticValue(init, ctx, depth + 1, stable);
    }
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.every((e) => e !== null && isStaticValue(e, ctx, depth + 1, stable));
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.every(
        (p) => p.type === AST_NODE_TYPES.Property && !p.computed && isStaticValue(p.value, ctx, depth + 1, stable),
      );
    default:
      return false;
  }
}

/** The initializer of a const-like variable (a module-level one only, when `moduleLevel`). */
function constInit(identifier: TSESTree.Identifier, ctx: SnapshotContext, moduleLevel = false): Node | null {
  const variable = ctx.refs.variableOf(identifier);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable || !def.node.init) return null;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  if (moduleLevel && def.parent.parent?.type !== AST_NODE_TYPES.Program) return null;
  return def.node.init;
}
