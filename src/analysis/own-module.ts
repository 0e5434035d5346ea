import type { TSESTree } from '@typescript-eslint/utils';
import type { ModuleRefs } from './module-refs.js';

/** Module specifiers of the app's own files: relative (`./auth`, `../config/graph`) or absolute paths. */
const OWN_MODULE = /^\.{0,2}\//;

/**
 * Whether the expression is (a property of) something the file imports from a module of the app's own
 * (`import { msalClient } from './auth'`, `const { msalClient } = require('../config/graph')`): the file cannot see
 * how that object was made.
 */
export function importedFromOwnModule(node: TSESTree.Node, refs: ModuleRefs): boolean {
  const ref = refs.resolve(node);
  return ref !== null && OWN_MODULE.test(ref.module);
}
