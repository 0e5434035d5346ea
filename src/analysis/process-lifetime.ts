import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  LONG_RUNNING_CALLS,
  ONE_SHOT_SIGNS,
  SERVER_APPLICATION_DECORATORS,
  TOP_LEVEL_AWAIT_KEEPERS,
} from '../knowledge/index.js';
import { calleeName, declaredBy, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { fileIndex } from './file-index.js';
import { forEachDescendant } from './value-flow.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const COMMONJS_EXPORTS: ReadonlySet<string> = new Set(['module', 'exports']);
const memo = new WeakMap<SourceCode, boolean>();
/** What settles the entry's promise: `main().catch(...)` hands over no callback that outlives the entry. */
const PROMISE_HANDLERS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * True for a one-shot script: the file exports nothing, starts nothing that keeps the process alive (a server, a
 * timer, a consumer), and either reads `process.argv` or calls `process.exit()` (a command), or does its work in
 * top-level `await`s and leaves nothing behind that outlives them (runsOnceAtTopLevel). What it keeps at module
 * scope dies with the process, long before a session ends; only sinks that outlive the process (files, CI outputs)
 * still matter.
 */
export function isOneShotScript(sourceCode: SourceCode): boolean {
  let known = memo.get(sourceCode);
  if (known === undefined) {
    known = computeOneShot(sourceCode);
    memo.set(sourceCode, known);
  }
  return known;
}

/**
 * Whether the file runs in a process that keeps running after its top-level code: it starts something that does
 * (LONG_RUNNING_CALLS), or declares a class a server framework loads for the life of the app
 * (SERVER_APPLICATION_DECORATORS: a NestJS module, controller or provider).
 */
export function keepsProcessRunning(sourceCode: SourceCode): boolean {
  return (
    fileIndex(sourceCode).calls.some((call) => LONG_RUNNING_CALLS.includes(calleeName(call) ?? '')) ||
    declaresServerApplicationClass(sourceCode)
  );
}

function declaresServerApplicationClass(sourceCode: SourceCode): boolean {
  const decorators = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    const entry = SERVER_APPLICATION_DECORATORS.find((e) =>
      (e.modules as readonly string[]).includes(statement.source.value),
    );
    for (const specifier of entry ? statement.specifiers : []) {
      if (
        specifier.type === AST_NODE_TYPES.ImportSpecifier &&
        specifier.imported.type === AST_NODE_TYPES.Identifier &&
        (entry!.names as readonly string[]).includes(specifier.imported.name)
      )
        decorators.add(specifier.local.name);
    }
  }
  if (decorators.size === 0) return false;
  return sourceCode.ast.body.some((statement) => {
    const declaration = declaredBy(statement);
    return (
      declaration?.type === AST_NODE_TYPES.ClassDeclaration &&
      declaration.decorators.some((d) => {
        const expression = unwrap(d.expression);
        const named = expression.type === AST_NODE_TYPES.CallExpression ? unwrap(expression.callee) : expression;
        return named.type === AST_NODE_TYPES.Identifier && decorators.has(named.name);
      })
    );
  });
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
  return readsArgv(sourceCode) || exits || runsOnceAtTopLevel(sourceCode);
}

/**
 * The module's work runs once from its top level: top-level `await`s, or a call of a function of its own as a
 * statement (`main();`, `void main()`, `main().catch(...)`, `run().then(...)`), and it registers no listener,
 * starts no app, publishes nothing on the global object, uses no page globals, and has no loop that never ends or
 * waits on a stream (TOP_LEVEL_AWAIT_KEEPERS). Asked only of a file that exports nothing and calls no
 * LONG_RUNNING_CALLS.
 */
function runsOnceAtTopLevel(sourceCode: SourceCode): boolean {
  const signs = TOP_LEVEL_AWAIT_KEEPERS;
  const index = fileIndex(sourceCode);
  if (!awaitsAtModuleScope(sourceCode) && !runsOwnEntryOnly(sourceCode)) return false;
  const keeps = index.calls.some((call) => {
    const name = calleeName(call) ?? '';
    return (
      (signs.listenerCalls as readonly string[]).includes(name) ||
      (signs.startCalls as readonly string[]).includes(name)
    );
  });
  if (keeps) return false;
  const publishes = index.assignments.some((a) => {
    const left = unwrap(a.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (signs.listenerProperty.test(staticPropertyName(left) ?? '')) return true;
    let root: TSESTree.Node = left;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    return root.type === AST_NODE_TYPES.Identifier && (signs.globalObjects as readonly string[]).includes(root.name);
  });
  if (publishes) return false;
  const globals = sourceCode.scopeManager?.globalScope?.through ?? [];
  if (globals.some((ref) => (signs.browserGlobals as readonly string[]).includes(ref.identifier.name))) return false;
  return !hasEndlessLoop(sourceCode);
}

function awaitsAtModuleScope(sourceCode: SourceCode): boolean {
  let found = false;
  forEachDescendant(sourceCode.ast, sourceCode, (node) => {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return 'skip';
    if (node.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

/**
 * The file runs an entry function of its own from the top, registers no callback at module scope, and writes
 * nothing into an imported module's objects (`AWS.config.credentials = ...`: a set-up module the app imports for
 * that effect configures a library for every other module, not a script's own run).
 */
function runsOwnEntryOnly(sourceCode: SourceCode): boolean {
  return (
    callsOwnEntryAtTopLevel(sourceCode) && !handsOverCallbacks(sourceCode) && !configuresImportedModule(sourceCode)
  );
}

function configuresImportedModule(sourceCode: SourceCode): boolean {
  const imported = new Set<string>();
  for (const statement of sourceCode.ast.body)
    if (statement.type === AST_NODE_TYPES.ImportDeclaration)
      for (const specifier of statement.specifiers) imported.add(specifier.local.name);
  return fileIndex(sourceCode).assignments.some((a) => {
    let root = unwrap(a.left);
    if (root.type !== AST_NODE_TYPES.MemberExpression) return false;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    return root.type === AST_NODE_TYPES.Identifier && imported.has(root.name);
  });
}

/** A top-level statement calls a function the file declares itself: the script's entry point, run once at load. */
function callsOwnEntryAtTopLevel(sourceCode: SourceCode): boolean {
  const own = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id) own.add(statement.id.name);
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of statement.declarations) {
      if (d.id.type === AST_NODE_TYPES.Identifier && d.init && isFunctionNode(unwrap(d.init))) own.add(d.id.name);
    }
  }
  return sourceCode.ast.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    let expression = unwrap(statement.expression);
    if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void')
      expression = unwrap(expression.argument);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = unwrap(expression.argument);
    // `main().catch(...)`, `main().then(...).finally(...)`: down the chain to the first call.
    while (
      expression.type === AST_NODE_TYPES.CallExpression &&
      unwrap(expression.callee).type === AST_NODE_TYPES.MemberExpression
    )
      expression = unwrap((unwrap(expression.callee) as TSESTree.MemberExpression).object);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(expression.callee);
    return callee.type === AST_NODE_TYPES.Identifier && own.has(callee.name);
  });
}

/**
 * A top-level statement hands a function to a call (`server.tool('list', async () => ...)`, `app.get('/', h)`):
 * something registers it to be run later, as a tool, route or handler does, so the process serves it after the
 * entry returns. The entry's own `.catch(...)` / `.then(...)` are not such.
 */
function handsOverCallbacks(sourceCode: SourceCode): boolean {
  let found = false;
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration || statement.type === AST_NODE_TYPES.ImportDeclaration)
      continue;
    forEachDescendant(statement, sourceCode, (node) => {
      if (isFunctionNode(node)) return 'skip';
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
      const callee = unwrap(node.callee);
      const settles =
        callee.type === AST_NODE_TYPES.MemberExpression && PROMISE_HANDLERS.has(staticPropertyName(callee) ?? '');
      if (settles || !node.arguments.some((a) => isFunctionNode(unwrap(a)))) return undefined;
      found = true;
      return 'stop';
    });
    if (found) return true;
  }
  return false;
}

/** A loop anywhere in the file that never ends by its test (`while (true)`, `for (;;)`) or waits on a stream (`for await`). */
function hasEndlessLoop(sourceCode: SourceCode): boolean {
  let found = false;
  forEachDescendant(sourceCode.ast, sourceCode, (node) => {
    const endless =
      (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ||
      (node.type === AST_NODE_TYPES.ForStatement && node.test === null) ||
      ((node.type === AST_NODE_TYPES.WhileStatement || node.type === AST_NODE_TYPES.DoWhileStatement) &&
        isAlwaysTrue(node.test));
    if (!endless) return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

function isAlwaysTrue(test: TSESTree.Expression): boolean {
  const inner = unwrap(test);
  return inner.type === AST_NODE_TYPES.Literal && Boolean(inner.value);
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
