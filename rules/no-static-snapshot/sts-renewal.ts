import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, memberChain, unwrap } from '../../src/analysis/ast.js';
import { isConstLike } from '../../src/analysis/module-refs.js';
import type { Node, SnapshotContext } from './context.js';

const MAX_DEPTH = 4;
/** `process.env.NAME`: read again by the provider, it is the same text for the life of the process. */
const ENV_CHAIN = ['process', 'env'];

/**
 * Whether renewing with the same request keeps meaning: the request names the same role and session every time (its
 * values are literals, environment variables or module constants made of them), and the STS client that sent it
 * was built with no options, so its source credentials are the default ones the renewing object uses too
 * (`AWS.config.credentials` for `ChainableTemporaryCredentials`, the default chain for `fromTemporaryCredentials`).
 */
export function renewsTheSame(call: TSESTree.CallExpression, input: Node, ctx: SnapshotContext): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    builtWithDefaults(callee.object, ctx) &&
    isStaticValue(input, ctx, 0)
  );
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

function isStaticValue(node: Node, ctx: SnapshotContext, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.every((e) => isStaticValue(e, ctx, depth + 1));
    case AST_NODE_TYPES.MemberExpression: {
      const chain = memberChain(inner);
      let root: Node = inner;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
      const shadowed = root.type === AST_NODE_TYPES.Identifier && (ctx.refs.variableOf(root)?.defs.length ?? 0) > 0;
      return !shadowed && chain?.length === 3 && chain[0] === ENV_CHAIN[0] && chain[1] === ENV_CHAIN[1];
    }
    case AST_NODE_TYPES.Identifier: {
      const init = constInit(inner, ctx, true);
      return init !== null && isStaticValue(init, ctx, depth + 1);
    }
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.every((e) => e !== null && isStaticValue(e, ctx, depth + 1));
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.every(
        (p) => p.type === AST_NODE_TYPES.Property && !p.computed && isStaticValue(p.value, ctx, depth + 1),
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
