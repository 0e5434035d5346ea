import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { LONG_RUNNING_CALLS, ONE_SHOT_SIGNS } from '../knowledge/index.js';
import { calleeName, staticPropertyName, unwrap } from './ast.js';
import { fileIndex } from './file-index.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const COMMONJS_EXPORTS: ReadonlySet<string> = new Set(['module', 'exports']);
const memo = new WeakMap<SourceCode, boolean>();

/**
 * True for a one-shot script: the file exports nothing, reads `process.argv` or calls `process.exit()`, and starts
 * nothing that keeps the process alive (a server, a timer, a consumer). What it keeps at module scope dies with the
 * process, long before a session ends; only sinks that outlive the process (files, CI outputs) still matter.
 */
export function isOneShotScript(sourceCode: SourceCode): boolean {
  let known = memo.get(sourceCode);
  if (known === undefined) {
    known = computeOneShot(sourceCode);
    memo.set(sourceCode, known);
  }
  return known;
}

/** Whether the file starts something that keeps the process running after its top-level code (LONG_RUNNING_CALLS). */
export function keepsProcessRunning(sourceCode: SourceCode): boolean {
  return fileIndex(sourceCode).calls.some((call) => LONG_RUNNING_CALLS.includes(calleeName(call) ?? ''));
}

function computeOneShot(sourceCode: SourceCode): boolean {
  const program = sourceCode.ast;
  if (
    program.body.some(
      (s) =>
        s.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        s.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        s.type === AST_NODE_TYPES.ExportAllDeclaration ||
        s.type === AST_NODE_TYPES.TSExportAssignment,
    )
  ) {
    return false;
  }
  const index = fileIndex(sourceCode);
  if (index.assignments.some((a) => assignsCommonJsExport(a.left))) return false;
  if (keepsProcessRunning(sourceCode)) return false;
  const exits = index.calls.some((call) => {
    const callee = unwrap(call.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(callee) === ONE_SHOT_SIGNS.exit[1] &&
      isGlobalNamed(callee.object, ONE_SHOT_SIGNS.exit[0])
    );
  });
  return readsArgv(sourceCode) || exits;
}

/** The file reads `process.argv`: a command run over its arguments. */
export function readsArgv(sourceCode: SourceCode): boolean {
  const [processName, argv] = ONE_SHOT_SIGNS.argv;
  return (fileIndex(sourceCode).membersByName.get(argv) ?? []).some((m) => isGlobalNamed(m.object, processName));
}

function assignsCommonJsExport(target: TSESTree.Node): boolean {
  let root = unwrap(target);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  return root.type === AST_NODE_TYPES.Identifier && COMMONJS_EXPORTS.has(root.name);
}

function isGlobalNamed(node: TSESTree.Node, name: string): boolean {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.Identifier && inner.name === name;
}
