import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ENVIRONMENT_INHERITING_MODULES } from '../knowledge/index.js';
import { enclosingFunction, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { moduleSpecifiers, type ModuleRefs } from './module-refs.js';
import { importsAnyOf } from './receiver.js';
import { isProcessEnv } from './storage.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Calls of the file's own functions followed from a read back to the write: bounded, so that recursion ends. */
const MAX_CALL_HOPS = 4;

/**
 * Whether a variable the file writes into its own environment (`process.env.NAME = token` at `write`) can be read
 * after the value has gone stale: a read of `process.env.NAME` that does not run right after the write, in the
 * writing code's own run (a route, a timer, an exported function, another callback), the environment handed on as a
 * whole (`{ ...process.env }`), or a child process or worker the file can start (it inherits the variable). A read
 * in the writing function after the write, or in a function of the file called only from there, sees the value just
 * written: the environment is then a hand-over, not a keeper. A variable the file never reads is read by other
 * modules of the process, at any time.
 */
export function environmentReadLater(write: Node, name: string, sourceCode: SourceCode, refs: ModuleRefs): boolean {
  if (importsAnyOf(moduleSpecifiers(sourceCode), ENVIRONMENT_INHERITING_MODULES.modules)) return true;
  const writer = enclosingFunction(write);
  const writeEnd = statementEnd(write);
  let later = false;
  let reads = 0;
  forEachDescendant(sourceCode.ast, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || !isProcessEnv(node, refs)) return undefined;
    const use = node.parent;
    if (use?.type === AST_NODE_TYPES.MemberExpression && use.object === node) {
      const variable = staticPropertyName(use);
      if ((variable !== null && variable !== name) || isAssignedTo(use)) return 'skip';
      reads += 1;
      later = !reachedOnlyAfterWrite(use, writer, writeEnd, sourceCode, 0);
    } else later = !isAssignTarget(node);
    return later ? 'stop' : 'skip';
  });
  // Read nowhere in the file: other modules of the process read it, whenever they run.
  return later || reads === 0;
}

/** The read runs only in the writer's own run, after the write: in the writer itself, or in a function only it calls. */
function reachedOnlyAfterWrite(
  node: Node,
  writer: TSESTree.FunctionLike | null,
  writeEnd: number,
  sourceCode: SourceCode,
  hops: number,
): boolean {
  const fn = enclosingFunction(node);
  if (fn === writer) return node.range[0] >= writeEnd && !insideLoopOrCallback(node, writer);
  if (!fn || hops >= MAX_CALL_HOPS) return false;
  const calls = callSitesOf(fn, sourceCode);
  return (
    calls !== null &&
    calls.length > 0 &&
    calls.every((call) => reachedOnlyAfterWrite(call, writer, writeEnd, sourceCode, hops + 1))
  );
}

/**
 * Every place a function of the file is called from, when calling it is all that is ever done with it (a function
 * declaration, or a const bound to a function); null when it is exported, handed on or reached some other way.
 */
function callSitesOf(fn: TSESTree.FunctionLike, sourceCode: SourceCode): TSESTree.CallExpression[] | null {
  const binding =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn
        ? fn.parent
        : null;
  const declaration = binding?.type === AST_NODE_TYPES.VariableDeclarator ? binding.parent : binding;
  if (!binding || declaration?.parent?.type.startsWith('Export')) return null;
  const [variable] = sourceCode.getDeclaredVariables(binding);
  if (!variable) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return null;
    calls.push(call);
  }
  return calls;
}

/** Between the writer and the read, a loop or a nested function that could run the read again later. */
function insideLoopOrCallback(node: Node, writer: TSESTree.FunctionLike | null): boolean {
  for (let p = node.parent; p && p !== writer; p = p.parent) {
    if (isFunctionNode(p)) return true;
    switch (p.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      default:
    }
  }
  return false;
}

/** `Object.assign(process.env, { ... })`: the environment written to, not read. */
function isAssignTarget(env: Node): boolean {
  const call = env.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== env) return false;
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(callee) === 'assign' &&
    unwrap(callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrap(callee.object) as TSESTree.Identifier).name === 'Object'
  );
}

function isAssignedTo(member: Node): boolean {
  const parent = member.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member;
}

/** Where the write's statement ends: what its own right-hand side reads comes before the value is there. */
function statementEnd(write: Node): number {
  for (let p: Node | undefined = write; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.ExpressionStatement || p.type === AST_NODE_TYPES.VariableDeclaration)
      return p.range[1];
    if (isFunctionNode(p)) break;
  }
  return write.range[1];
}
