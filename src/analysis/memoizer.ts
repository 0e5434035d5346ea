import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './find-variable.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findByApi, MEMOIZERS, type Memoizer } from '../knowledge/index.js';
import { DefinitionType, findProperty, isFunctionNode, unwrap } from './ast.js';
import { isConstLike, type ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

/** A memoiser call that keeps its function's results for good: the memoiser and the function it wraps. */
export interface MemoizedForever {
  readonly memoizer: Memoizer;
  readonly fn: TSESTree.FunctionLike;
}

/**
 * `memoize(fetchToken)`, `pMemoize(async () => ...)`: a known memoiser (MEMOIZERS) given a function of this file and
 * none of its lifetime options. Null for anything else, and when an option gives results a lifetime.
 */
export function memoizedForever(
  call: Node,
  refs: ModuleRefs,
  sourceCode: Readonly<TSESLint.SourceCode>,
): MemoizedForever | null {
  const inner = unwrap(call);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return null;
  const memoizer = findByApi(MEMOIZERS, refs.resolve(inner.callee));
  const [wrapped, options] = inner.arguments;
  if (!memoizer || !wrapped) return null;
  const fn = functionOf(wrapped, sourceCode);
  if (!fn) return null;
  const settings = options && unwrap(options);
  if (settings && settings.type !== AST_NODE_TYPES.ObjectExpression && memoizer.lifetimeOptions.length > 0) return null;
  const limited =
    settings?.type === AST_NODE_TYPES.ObjectExpression &&
    (settings.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement) ||
      memoizer.lifetimeOptions.some((name) => findProperty(settings, name)));
  return limited ? null : { memoizer, fn };
}

/** The function an argument is: written in place, a function declaration, or a const bound to one. */
function functionOf(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.FunctionLike | null {
  const inner = unwrap(node);
  if (isFunctionNode(inner)) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(sourceCode.getScope(inner), inner);
  const def = variable?.defs[0];
  if (def?.type === DefinitionType.FunctionName) return def.node;
  if (def?.type === DefinitionType.Variable && def.node.init && isFunctionNode(def.node.init) && isConstLike(variable!))
    return def.node.init;
  return null;
}
