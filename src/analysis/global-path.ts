import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { GLOBAL_OBJECTS } from '../knowledge/index.js';
import { memberChain, unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

/** How many `const` aliases a path is followed back through. */
const MAX_ALIASES = 3;

/**
 * The path of a browser global an expression names, read from the global scope: `google.accounts.oauth2.x`, also
 * written `window.google?.accounts.oauth2.x`, `(window as any).google.accounts.oauth2.x`, or through a `const`
 * bound to part of it (`const gis = window.google?.accounts?.oauth2; gis.x`). Null when its root is a variable of the
 * file that is no such alias (a local `google` is not the global).
 */
export function globalPath(node: TSESTree.Node, refs: ModuleRefs, aliases = 0): string[] | null {
  const chain = memberChain(node);
  const root = rootIdentifier(node);
  if (!chain || !root) return null;
  const variable = refs.variableOf(root);
  if (variable?.defs.length && !declaresTheGlobal(variable.defs[0].node)) {
    const def = variable.defs[0];
    const declarator = def.node;
    if (
      aliases >= MAX_ALIASES ||
      variable.defs.length !== 1 ||
      declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
      declarator.id.type !== AST_NODE_TYPES.Identifier ||
      declarator.parent.kind !== 'const' ||
      !declarator.init
    )
      return null;
    const base = globalPath(declarator.init, refs, aliases + 1);
    return base && [...base, ...chain.slice(1)];
  }
  let start = 0;
  while (start < chain.length - 1 && GLOBAL_OBJECTS.has(chain[start])) start++;
  return chain.slice(start);
}

function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}

/** `declare const gapi: any;` (TypeScript's name for a global a script tag provides): still the global. */
function declaresTheGlobal(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.VariableDeclarator &&
    node.init === null &&
    node.parent.type === AST_NODE_TYPES.VariableDeclaration &&
    node.parent.declare === true
  );
}
