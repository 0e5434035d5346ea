import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type ApiRef, refMatches } from '../knowledge/index.js';
import type { ModuleRefs } from './module-refs.js';
import { forEachDescendant } from './value-flow.js';

const CALLS = new WeakMap<object, Map<ApiRef, boolean>>();

/** Whether the file calls `api` anywhere (`awsCredsifyAll(client)`); memoized per file and API. */
export function callsApi(
  api: ApiRef,
  ctx: { readonly sourceCode: Readonly<TSESLint.SourceCode>; readonly refs: ModuleRefs },
): boolean {
  const { sourceCode, refs } = ctx;
  let byApi = CALLS.get(sourceCode);
  if (!byApi) CALLS.set(sourceCode, (byApi = new Map<ApiRef, boolean>()));
  const known = byApi.get(api);
  if (known !== undefined) return known;
  const name = api.path.at(-1);
  let found = false;
  // Only files that name the API's export are walked.
  if (name === undefined || sourceCode.text.includes(name))
    forEachDescendant(sourceCode.ast, sourceCode, (node) => {
      if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
      const ref = refs.resolve(node.callee);
      found = ref !== null && refMatches(ref, api);
    });
  byApi.set(api, found);
  return found;
}
