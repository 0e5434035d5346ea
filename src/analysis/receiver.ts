import type { TSESTree } from '@typescript-eslint/utils';
import { type ApiRef, moduleMatches, refMatches } from '../knowledge/index.js';
import type { ModuleRefs } from './module-refs.js';

/**
 * Whether `receiver` was made from one of `classes`: true or false when the file shows how it was made (`new
 * S3Client()`, a const bound to one, a `this.x` field, an annotated parameter), null when it does not, so each caller
 * decides what an untraced receiver counts as (usually: whether the file imports the classes' modules).
 * `orReferenced` also accepts a receiver that names the class or namespace itself (`AWS.STS` used as an object).
 */
export function madeFromAny(
  receiver: TSESTree.Node,
  classes: readonly ApiRef[],
  refs: ModuleRefs,
  { orReferenced = false } = {},
): boolean | null {
  const made = refs.instanceOf(receiver) ?? (orReferenced ? refs.resolve(receiver) : null);
  return made ? classes.some((api) => refMatches(made, api)) : null;
}

/** Whether one of the file's module specifiers matches one of `modules` (patterns such as `@aws-sdk/client-*`). */
export function importsAnyOf(specifiers: Iterable<string>, modules: readonly string[]): boolean {
  for (const specifier of specifiers) if (modules.some((m) => moduleMatches(m, specifier))) return true;
  return false;
}
