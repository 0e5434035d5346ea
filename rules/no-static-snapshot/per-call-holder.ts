import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, unwrap } from '../../src/analysis/ast.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { climb } from '../../src/analysis/value-flow.js';
import type { SnapshotContext } from './context.js';

type Node = TSESTree.Node;

/**
 * The object that holds a captured provider lives only as long as one call of the function that resolved the value:
 * `async function getClient() { const c = await resolve(); return new Client({ getCredentials: async () => c }); }`,
 * where every call of `getClient` in the file keeps its result in a `const` of another function (`const client =
 * await getClient()`) or uses it at once (`(await getClient()).search(q)`). Each call resolves anew and builds a new holder, so no holder outlives
 * the value it was given. A call at module level, or a result stored anywhere else, keeps the holder longer.
 */
export function heldForOneCall(
  holder: TSESTree.CallExpression | TSESTree.NewExpression,
  captured: TSESTree.Identifier,
  ctx: SnapshotContext,
): boolean {
  const factory = enclosingFunction(holder);
  const variable = ctx.refs.variableOf(captured);
  if (!factory || !variable || variable.scope.variableScope.block !== factory) return false;
  if (!returnedFrom(holder, factory)) return false;
  const name = factoryName(factory);
  if (name === null) return false;
  const calls = fileIndex(ctx.sourceCode).calls.filter((call) => {
    const callee = unwrap(call.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === name;
  });
  return calls.length > 0 && calls.every(keptInALocal);
}

/** Levels of options between the holder and what the factory returns: `new Client({ ...AwsSigv4Signer({ ... }) })`. */
const MAX_NESTING = 6;

/** The holder, or the object built from it (`new Client({ ...signer(...) })`), is what the factory returns. */
function returnedFrom(holder: Node, factory: TSESTree.FunctionLike): boolean {
  let top = climb(holder);
  for (let depth = 0; depth < MAX_NESTING; depth++) {
    const parent = top.parent;
    const wraps =
      parent?.type === AST_NODE_TYPES.SpreadElement ||
      parent?.type === AST_NODE_TYPES.ObjectExpression ||
      (parent?.type === AST_NODE_TYPES.Property && parent.value === top) ||
      ((parent?.type === AST_NODE_TYPES.NewExpression || parent?.type === AST_NODE_TYPES.CallExpression) &&
        parent.arguments.includes(top as TSESTree.CallExpressionArgument));
    if (!wraps) break;
    top = climb(parent);
  }
  if (top.parent?.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(top.parent) === factory;
  return factory.body === top;
}

function factoryName(fn: TSESTree.FunctionLike): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : null;
}

/** `const client = await getClient()` inside a function, or `(await getClient()).get(...)` there. */
function keptInALocal(call: TSESTree.CallExpression): boolean {
  const top = climb(call);
  const parent = top.parent;
  const inFunction = enclosingFunction(call) !== null;
  if (!inFunction) return false;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top) {
    const declaration = parent.parent;
    return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const';
  }
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === top;
}
