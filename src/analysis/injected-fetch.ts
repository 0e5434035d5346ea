import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { HTTP_CLIENT_GLOBALS } from '../knowledge/index.js';
import { DefinitionType, staticPropertyName, unwrap } from './ast.js';
import { findVariable } from './find-variable.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A fetch handed in by the caller rather than the global one: `options.fetch(url)`, a `fetch` parameter, or
 * `const fetchImpl = options.fetch ?? fetch` (the global as the fallback). Code written to be testable or to run
 * on several runtimes takes its fetch this way; the call still sends the request the global would. Only the name
 * says so, so a caller asks it of requests whose URL alone names a token endpoint.
 */
export function isInjectedFetch(callee: Node, sourceCode: SourceCode): boolean {
  const inner = unwrap(callee);
  if (inner.type === AST_NODE_TYPES.MemberExpression)
    return !inner.computed && HTTP_CLIENT_GLOBALS.includes(staticPropertyName(inner) ?? '');
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(sourceCode.getScope(inner), inner)?.defs[0];
  if (!def) return false;
  // `(fetch) => …`, or `({ fetch: fetchImpl }) => …`: the caller's option named for the global.
  if (def.type === DefinitionType.Parameter)
    return HTTP_CLIENT_GLOBALS.includes(inner.name) || HTTP_CLIENT_GLOBALS.includes(bindingKey(def.name) ?? '');
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const init = unwrap(def.node.init);
  return (
    init.type === AST_NODE_TYPES.LogicalExpression &&
    init.operator !== '&&' &&
    [init.left, init.right].some((side) => isGlobalFetch(side, sourceCode))
  );
}

function isGlobalFetch(node: Node, sourceCode: SourceCode): boolean {
  const inner = unwrap(node);
  return (
    inner.type === AST_NODE_TYPES.Identifier &&
    HTTP_CLIENT_GLOBALS.includes(inner.name) &&
    !findVariable(sourceCode.getScope(inner), inner)?.defs.length
  );
}

/** The property a destructured binding reads: `fetch` of `{ fetch: fetchImpl }` (and of `{ fetch = globalFetch }`). */
function bindingKey(name: Node): string | null {
  let node: Node | undefined = name;
  if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern && node.parent.left === node) node = node.parent;
  const property = node.parent;
  return property?.type === AST_NODE_TYPES.Property && property.value === node ? staticPropertyName(property) : null;
}
