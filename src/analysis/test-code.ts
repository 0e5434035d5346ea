import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DEFAULT_TEST_CODE_POLICY, TEST_CODE, type TestCodePolicy } from '../knowledge/test-code.js';
import { readSettings } from '../settings.js';
import { unwrap } from './ast.js';

/** The parts of a rule context this module reads (any language: JS, Dockerfile, .env, JSON, YAML). */
interface FileContext {
  readonly filename: string;
  readonly cwd: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly sourceCode: { readonly ast: unknown };
}

const TEST_DIRECTORIES: ReadonlySet<string> = new Set(TEST_CODE.directories);
const RUNNER_MODULES: ReadonlySet<string> = new Set(TEST_CODE.runnerModules);
const RUNNER_GLOBALS: ReadonlySet<string> = new Set(TEST_CODE.runnerGlobals);

/**
 * A test file by where it lives: a folder of TEST_CODE.directories or a `*.test.*` / `*.spec.*` name. Judged on the
 * path relative to the working directory, so that a repository checked out under `/home/me/test/` is not all tests.
 * Exported for bench/sweep.js, which marks each finding in test code for triage.
 */
export function isTestPath(filename: string, cwd: string): boolean {
  const relative = relativePath(cwd, filename);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filename;
  const parts = inside.split(/[/\\]/u);
  const name = parts.at(-1) ?? '';
  if (TEST_CODE.fileName.test(name) || TEST_CODE.globalSetupFileName.test(name)) return true;
  return parts.slice(0, -1).some((part) => TEST_DIRECTORIES.has(part));
}

/** A `.` or `..` segment, an empty one, or a trailing separator: what `path.relative` would resolve away. */
const UNRESOLVED_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/u;

/**
 * `path.relative(cwd, filename)` (~3 µs, as much as the rest of a closed rule's work on a file), answered by slicing
 * where both are plain POSIX paths and `filename` is below `cwd`, as ESLint passes them: there it is the same string.
 */
function relativePath(cwd: string, filename: string): string {
  if (
    path.sep === '/' &&
    cwd.startsWith('/') &&
    filename.startsWith(`${cwd}/`) &&
    !UNRESOLVED_SEGMENT.test(cwd) &&
    !UNRESOLVED_SEGMENT.test(filename.slice(cwd.length + 1))
  )
    return filename.slice(cwd.length + 1);
  return path.relative(cwd, filename);
}

/** A JS/TS program that imports a test runner, or calls a runner global (`describe(...)`) that the file does not bind. */
function usesTestRunner(program: TSESTree.Program): boolean {
  // Only the runner globals' own names matter: a bundle binds thousands of others at its top level.
  const bound = new Set<string>();
  const bind = (name: string) => {
    if (RUNNER_GLOBALS.has(name)) bound.add(name);
  };
  const exported = new Set<string>();
  let callsGlobal = false;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      for (const name of exportedNames(statement)) exported.add(name);
    } else if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (RUNNER_MODULES.has(statement.source.value)) return true;
      for (const specifier of statement.specifiers) bind(specifier.local.name);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations)
        if (declarator.id.type === AST_NODE_TYPES.Identifier) bind(declarator.id.name);
    } else if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id) {
      bind(statement.id.name);
    } else if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      runnerGlobalCalled(statement.expression, bound)
    ) {
      callsGlobal = true;
    }
  }
  return callsGlobal || TEST_CODE.globalSetupExports.every((name) => exported.has(name));
}

/** `export function setup() {}`, `export const teardown = ...`, `export { setup }`. */
function exportedNames(statement: TSESTree.ExportNamedDeclaration): string[] {
  const declaration = statement.declaration;
  if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration) return declaration.id ? [declaration.id.name] : [];
  if (declaration?.type === AST_NODE_TYPES.VariableDeclaration)
    return declaration.declarations.flatMap((d) => (d.id.type === AST_NODE_TYPES.Identifier ? [d.id.name] : []));
  return statement.specifiers.flatMap((s) => (s.exported.type === AST_NODE_TYPES.Identifier ? [s.exported.name] : []));
}

/** `describe(...)`, `it.each(table)(...)`, `test.skip(...)`, `describe.concurrent(...)`: the name at the root of the callee. */
function runnerGlobalCalled(expression: TSESTree.Expression, bound: ReadonlySet<string>): boolean {
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  let callee: TSESTree.Node = unwrap(expression.callee);
  while (callee.type === AST_NODE_TYPES.MemberExpression || callee.type === AST_NODE_TYPES.CallExpression) {
    callee = unwrap(callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee.callee);
  }
  return callee.type === AST_NODE_TYPES.Identifier && RUNNER_GLOBALS.has(callee.name) && !bound.has(callee.name);
}

const TEST_CODE_OF = new WeakMap<object, boolean>();

/** The file is test code: by its path, or (JS/TS) because it runs under a test runner. */
function isTestCode(context: FileContext): boolean {
  const key = context.sourceCode.ast as object;
  let known = TEST_CODE_OF.get(key);
  if (known === undefined) {
    const ast = context.sourceCode.ast as { type?: string };
    known =
      isTestPath(context.filename, context.cwd) ||
      (ast.type === AST_NODE_TYPES.Program && 'sourceType' in ast && usesTestRunner(ast as TSESTree.Program));
    TEST_CODE_OF.set(key, known);
  }
  return known;
}

/** `settings['credential-expiry'].testCode`, or the default. */
function testCodePolicy(context: Pick<FileContext, 'settings'>): TestCodePolicy {
  return readSettings(context.settings).testCode ?? DEFAULT_TEST_CODE_POLICY;
}

/** True when the file is test code and the settings say to skip it (what "skip" keeps is up to each rule). */
export function skipsTestCode(context: FileContext): boolean {
  return testCodePolicy(context) === 'skip' && isTestCode(context);
}
