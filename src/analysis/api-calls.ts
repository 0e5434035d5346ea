import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type ApiRef, refMatches } from '../knowledge/index.js';
import type { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;
const CALLS = new WeakMap<object, Map<ApiRef, boolean>>();
/** Deeper than any real file's nesting; what lies below is not looked at. */
const MAX_NESTING = 200;

/** Whether the file calls `api` anywhere (`awsCredsifyAll(client)`); memoized per file and API. */
export function callsApi(
  api: ApiRef,
  ctx: { readonly sourceCode: Readonly<TSESLint.SourceCode>; readonly refs: ModuleRefs },
): boolean {
  const { sourceCode, refs } = ctx;
  let byApi = CALLS.get(sourceCode);
  if (!byApi) CALLS.set(sourceCode, (byApi = new Map()));
  const known = byApi.get(api);
  if (known !== undefined) return known;
  const name = api.path.at(-1);
  const found =
    (name === undefined || sourceCode.text.includes(name)) &&
    someCall(sourceCode.ast, 0, sourceCode, (call) => {
      const ref = refs.resolve(call.callee);
      return ref !== null && refMatches(ref, api);
    });
  byApi.set(api, found);
  return found;
}

function someCall(
  node: Node,
  depth: number,
  sourceCode: Readonly<TSESLint.SourceCode>,
  test: (call: TSESTree.CallExpression) => boolean,
): boolean {
  if (depth > MAX_NESTING) return false;
  if (node.type === AST_NODE_TYPES.CallExpression && test(node)) return true;
  for (const key of sourceCode.visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    const children = Array.isArray(child) ? child : [child];
    for (const c of children)
      if (c && typeof (c as Node).type === 'string' && someCall(c as Node, depth + 1, sourceCode, test)) return true;
  }
  return false;
}
