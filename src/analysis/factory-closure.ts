import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { PER_CALLER_PARAMETER_PATTERN, RENEWING_PARAMETER_PATTERN } from '../knowledge/index.js';
import { declaredBy, enclosingFunction } from './ast.js';
import { inTest, isRead, isWrite, occurrencesOf } from './storage-slot.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** React's rule of hooks names them `use…`: a hook's locals are made again on every render. */
const HOOK_NAME = /^use[A-Z0-9]/;

/**
 * A variable of an exported factory's closure that the functions it hands back memoise (`export function
 * createSender(options) { let token = null; async function get() { if (!token) token = await issue(); return token; }
 * return { send } }`). The object the factory returns keeps the closure for as long as its caller keeps it, and a
 * factory of clients is called once and its result kept, as an exported class memoising in a field is
 * (isMemoisedByExportedClass): the same importers, the same one instance. Not a factory the file itself calls (the
 * file shows how long its result lives), a hook, one that takes the caller's token or request, nor a variable that
 * only the factory's own body fills.
 */
export function isMemoisedByExportedFactory(variable: Variable, sourceCode: SourceCode): boolean {
  const factory = variable.scope.block;
  if (!isFunction(factory) || variable.defs.length !== 1) return false;
  const def = variable.defs[0];
  if (def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind === 'const') return false;
  if (def.parent.parent !== factory.body) return false;
  const name = exportedFactoryName(factory, sourceCode);
  if (name === null || HOOK_NAME.test(name) || !returnsHandle(factory)) return false;
  const perCaller = (p: Node) =>
    p.type === AST_NODE_TYPES.Identifier &&
    PER_CALLER_PARAMETER_PATTERN.test(p.name) &&
    !RENEWING_PARAMETER_PATTERN.test(p.name);
  if (factory.params.some(perCaller)) return false;
  const slot = { kind: 'variable', name: variable.name, variable } as const;
  const occurrences = occurrencesOf(slot, sourceCode);
  const inClosure = (node: Node) => {
    const fn = enclosingFunction(node);
    return fn !== null && fn !== factory;
  };
  return (
    occurrences.some((o) => isWrite(o.access) && o.value !== undefined && inClosure(o.node)) &&
    occurrences.some((o) => isRead(o.access) && inClosure(o.node) && inTest(o.node))
  );
}

/**
 * Names of the `let`/`var` variables declared at the top of an exported module-level function: the only locals that
 * isMemoisedByExportedFactory may keep (a cheap first look before any scope lookup).
 */
export function factoryClosureNames(sourceCode: SourceCode): ReadonlySet<string> {
  const known = namesByFile.get(sourceCode);
  if (known) return known;
  const names = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    const inner = declaredBy(statement);
    for (const fn of functionsDeclaredBy(inner))
      if (fn.body.type === AST_NODE_TYPES.BlockStatement)
        for (const s of fn.body.body)
          if (s.type === AST_NODE_TYPES.VariableDeclaration && s.kind !== 'const')
            for (const d of s.declarations) if (d.id.type === AST_NODE_TYPES.Identifier) names.add(d.id.name);
  }
  namesByFile.set(sourceCode, names);
  return names;
}

const namesByFile = new WeakMap<SourceCode, ReadonlySet<string>>();

function functionsDeclaredBy(node: Node | null | undefined): FunctionNode[] {
  if (!node) return [];
  if (isFunction(node)) return [node];
  if (node.type !== AST_NODE_TYPES.VariableDeclaration) return [];
  return node.declarations.flatMap((d) => (d.init && isFunction(d.init) ? [d.init] : []));
}

function isFunction(node: Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/**
 * The factory's name when it is declared at module level, exported (`export function f`, `export const f = () =>`,
 * `export default function f`, `module.exports = { f }` is not followed) and never called in its own file.
 */
function exportedFactoryName(factory: FunctionNode, sourceCode: SourceCode): string | null {
  let holder: Node | undefined = factory.parent;
  let id: TSESTree.Identifier | null = factory.type === AST_NODE_TYPES.FunctionDeclaration ? factory.id : null;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator) {
    id = holder.id.type === AST_NODE_TYPES.Identifier ? holder.id : null;
    holder = holder.parent?.parent;
  }
  const exported =
    holder?.type === AST_NODE_TYPES.ExportNamedDeclaration || holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
  if (!exported || holder?.parent?.type !== AST_NODE_TYPES.Program) return null;
  if (!id) return holder.type === AST_NODE_TYPES.ExportDefaultDeclaration ? '' : null;
  const variable = sourceCode.getDeclaredVariables(id.parent).find((v) => v.name === id.name);
  const calledHere = (variable?.references ?? []).some(
    (r) => r.identifier.parent?.type === AST_NODE_TYPES.CallExpression && r.identifier.parent.callee === r.identifier,
  );
  return calledHere ? null : id.name;
}

/** The factory hands back an object or a function (the closures that keep its variables), not JSX or a value. */
function returnsHandle(factory: FunctionNode): boolean {
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return factory.body.body.some(
    (s) =>
      s.type === AST_NODE_TYPES.ReturnStatement &&
      s.argument !== null &&
      s.argument !== undefined &&
      (s.argument.type === AST_NODE_TYPES.ObjectExpression ||
        s.argument.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        s.argument.type === AST_NODE_TYPES.FunctionExpression),
  );
}
