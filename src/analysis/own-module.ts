import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiRef } from '../knowledge/index.js';
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

/**
 * Whether `receiver` was made from a class of the app's own module that bears the name of one of `classes`
 * (`new GoogleAuth(credentials)` with `GoogleAuth` from `./jwt`: a port of the library's client to a runtime it does
 * not support, a WeChat mini-program or a Worker). The port's method of the same name hands out the same value.
 */
export function madeFromOwnNamesake(receiver: TSESTree.Node, classes: readonly ApiRef[], refs: ModuleRefs): boolean {
  const made = refs.instanceOf(receiver);
  if (!made || !OWN_MODULE.test(made.module) || made.path.length !== 1) return false;
  return classes.some((api) => api.path.length > 0 && api.path.at(-1) === made.path[0]);
}
