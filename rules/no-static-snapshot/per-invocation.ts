import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { PER_INVOCATION_ENTRIES } from '../../src/knowledge/index.js';
import type { Node } from './context.js';

/** Nodes a call may sit in and still run whenever the function around it runs. */
const UNCONDITIONAL: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
]);
const COMMONJS_EXPORTS: ReadonlySet<string> = new Set(['exports', 'module']);

/**
 * The source is resolved anew on every call of a serverless entry point the file exports (a Lambda `handler`, known
 * by its name or its `event` parameter: PER_INVOCATION_ENTRIES):
 * the call sits in the exported function's body, or in callbacks it hands on at once (`new Promise((resolve) =>
 * sts.assumeRole(params, (err, data) => ...))`), behind no `if`, loop or `&&`. Whatever it writes from the result
 * (the global config) is renewed before each invocation uses it; a memo (`if (!configured)`) is not.
 */
export function resolvedOnEveryEntryCall(call: Node): boolean {
  let current: Node = call;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) {
      if (parent.body !== current) return false;
      const host = parent.parent;
      // A callback given to a call: it runs when that call does (executors, v2 callbacks).
      if (
        (host?.type === AST_NODE_TYPES.CallExpression || host?.type === AST_NODE_TYPES.NewExpression) &&
        host.arguments.includes(parent as TSESTree.CallExpressionArgument)
      )
        continue;
      return isExportedEntry(parent) && isPerInvocation(parent);
    }
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current) continue;
    if (!UNCONDITIONAL.has(parent.type)) return false;
  }
  return false;
}

const lambdaEntryFiles = new WeakMap<TSESTree.Program, boolean>();

/**
 * The file exports a Lambda-style entry point at its top level: a function the file exports under the name `handler`
 * or `…Handler` whose first parameter is `event` (`exports.handler = async (event) => …`). Name, parameter and export
 * are all asked for: an exported `errorHandler(err, req, res)` or a `handler(event)` kept inside the file is no entry.
 */
export function exportsLambdaEntry(program: TSESTree.Program): boolean {
  let found = lambdaEntryFiles.get(program);
  if (found === undefined) {
    found = program.body.some((statement) => topLevelFunctions(statement).some(isLambdaEntry));
    lambdaEntryFiles.set(program, found);
  }
  return found;
}

function topLevelFunctions(statement: TSESTree.ProgramStatement): TSESTree.FunctionLike[] {
  const inner = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
  if (!inner) return [];
  if (inner.type === AST_NODE_TYPES.FunctionDeclaration) return [inner];
  if (inner.type === AST_NODE_TYPES.VariableDeclaration)
    return inner.declarations.flatMap((d) =>
      d.init && isFunctionNode(unwrap(d.init)) ? [unwrap(d.init) as TSESTree.FunctionLike] : [],
    );
  if (
    inner.type === AST_NODE_TYPES.ExpressionStatement &&
    inner.expression.type === AST_NODE_TYPES.AssignmentExpression
  ) {
    const right = unwrap(inner.expression.right);
    return isFunctionNode(right) ? [right] : [];
  }
  return [];
}

function isLambdaEntry(fn: TSESTree.FunctionLike): boolean {
  const first = fn.params[0];
  const name = entryName(fn);
  return (
    isExportedEntry(fn) &&
    first?.type === AST_NODE_TYPES.Identifier &&
    (PER_INVOCATION_ENTRIES.firstParameters as readonly string[]).includes(first.name) &&
    name !== null &&
    PER_INVOCATION_ENTRIES.namePattern.test(name)
  );
}

/** `export async function handler()`, `export const handler = async () => …`, `exports.handler = async () => …`. */
function isExportedEntry(fn: TSESTree.FunctionLike): boolean {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator)
    return parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    let root: Node = unwrap(parent.left);
    while (root.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(root) !== null)
      root = unwrap(root.object);
    return root.type === AST_NODE_TYPES.Identifier && COMMONJS_EXPORTS.has(root.name);
  }
  return false;
}

function isPerInvocation(fn: TSESTree.FunctionLike): boolean {
  const first = fn.params[0];
  if (
    first?.type === AST_NODE_TYPES.Identifier &&
    (PER_INVOCATION_ENTRIES.firstParameters as readonly string[]).includes(first.name)
  )
    return true;
  const name = entryName(fn);
  return name !== null && PER_INVOCATION_ENTRIES.namePattern.test(name);
}

function entryName(fn: TSESTree.FunctionLike): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name ?? null;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression
    ? staticPropertyName(parent.left)
    : null;
}
