import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, unwrap } from './ast.js';
import { isConstLike, type ModuleRefs } from './module-refs.js';

/**
 * Module specifiers of the app's own files: relative (`./auth`, `../config/graph`) or absolute paths, or the path
 * aliases bundlers and tsconfig `paths` set up for the project root (`@/lib/appwrite`, `~/auth`): no npm package
 * name starts `@/` or `~/`.
 */
const OWN_MODULE = /^(?:\.{0,2}|@|~)\//;
const MAX_DEPTH = 4;

/**
 * Whether the expression is (a property of) something the file imports from a module of the app's own
 * (`import { msalClient } from './auth'`, `const { msalClient } = require('../config/graph')`), or of what a function
 * imported from one returns (`const { account } = getAppwriteBrowser()`, `(await createSessionClient()).account`):
 * the file cannot see how that object was made.
 */
export function importedFromOwnModule(node: TSESTree.Node, refs: ModuleRefs): boolean {
  const ref = refs.resolve(node);
  return (ref !== null && OWN_MODULE.test(ref.module)) || returnedByOwnModule(node, refs, 0);
}

function returnedByOwnModule(node: TSESTree.Node, refs: ModuleRefs, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.CallExpression: {
      const ref = refs.resolve(inner.callee);
      return ref !== null && OWN_MODULE.test(ref.module);
    }
    case AST_NODE_TYPES.AwaitExpression:
      return returnedByOwnModule(inner.argument, refs, depth + 1);
    case AST_NODE_TYPES.MemberExpression:
      return returnedByOwnModule(inner.object, refs, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const variable = refs.variableOf(inner);
      const def = variable?.defs[0];
      // `const account = ...` or `const { account } = ...`: the object is (a part of) the initializer.
      return (
        variable !== null &&
        variable !== undefined &&
        def?.type === DefinitionType.Variable &&
        def.node.init !== null &&
        isConstLike(variable) &&
        returnedByOwnModule(def.node.init, refs, depth + 1)
      );
    }
    default:
      return false;
  }
}
