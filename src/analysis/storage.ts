import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { GLOBAL_OBJECTS } from '../knowledge/index.js';
import { DefinitionType, enclosingFunction, unwrap } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

/**
 * Where a stored value lives, and so how long it outlives the code that produced it.
 * `local` dies with its function call; everything else outlives the request that filled it.
 */
export type StorageKind = 'module' | 'static-field' | 'instance-field' | 'global' | 'local';

const COMMONJS_EXPORTS = new Set(['module', 'exports']);

export function isLongLived(kind: StorageKind): boolean {
  return kind !== 'local';
}

/** The storage behind an assignment target or declared identifier: `x`, `this.x`, `Cls.x`, `globalThis.x`, `cache.x`. */
export function storageOf(target: Node, refs: ModuleRefs): StorageKind {
  const inner = unwrap(target);
  if (inner.type === AST_NODE_TYPES.Identifier) return variableStorage(refs.variableOf(inner));
  if (inner.type === AST_NODE_TYPES.PropertyDefinition) return inner.static ? 'static-field' : 'instance-field';
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return 'local';
  const object = unwrap(inner.object);
  if (object.type === AST_NODE_TYPES.ThisExpression)
    return isInStaticMember(object) ? 'static-field' : 'instance-field';
  if (isProcessEnv(object, refs)) return 'global';
  if (object.type === AST_NODE_TYPES.MemberExpression) return storageOf(object, refs);
  if (object.type !== AST_NODE_TYPES.Identifier) return 'local';
  const variable = refs.variableOf(object);
  if (!variable || variable.defs.length === 0) {
    if (GLOBAL_OBJECTS.has(object.name)) return 'global';
    if (COMMONJS_EXPORTS.has(object.name)) return 'module';
    return 'local';
  }
  const def = variable.defs[0];
  if (def.type === DefinitionType.ClassName) return 'static-field';
  if (
    def.type === DefinitionType.Variable &&
    def.node.init &&
    unwrap(def.node.init).type === AST_NODE_TYPES.ThisExpression
  ) {
    return 'instance-field'; // `const self = this`
  }
  return variableStorage(variable);
}

/**
 * `process.env`: what is written there lives as long as the process, and child processes inherit it (the SDK's env
 * provider reads it without ever refreshing). https://nodejs.org/api/process.html#processenv
 */
export function isProcessEnv(node: Node, refs: ModuleRefs): boolean {
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    node.computed ||
    node.property.type !== AST_NODE_TYPES.Identifier ||
    node.property.name !== 'env'
  )
    return false;
  const process = unwrap(node.object);
  if (process.type !== AST_NODE_TYPES.Identifier) return false;
  if (process.name === 'process' && !refs.variableOf(process)?.defs.length) return true;
  // `import * as process from 'process'`, `import process from 'node:process'`, `const proc = require('process')`.
  const ref = refs.resolve(process);
  return ref !== null && ref.path.length === 0 && PROCESS_MODULES.has(ref.module);
}

const PROCESS_MODULES: ReadonlySet<string> = new Set(['process', 'node:process']);

function variableStorage(variable: TSESLint.Scope.Variable | null): StorageKind {
  if (!variable) return 'global';
  if (variable.defs.length === 0) return 'global';
  const block = variable.scope.block;
  // In CommonJS files ESLint adds a function scope for the module wrapper; its block is still the Program.
  if (block.type === AST_NODE_TYPES.Program) return 'module';
  // A TypeScript namespace's body and a block of the module's own code (`if (stage) { const creds = ... }`) run once,
  // when the module loads: what they bind lives as long as the module for every closure that captures it.
  return isRunOnceAtLoad(variable.scope) && enclosingFunction(block) === null ? 'module' : 'local';
}

function isRunOnceAtLoad(scope: TSESLint.Scope.Scope): boolean {
  if (scope.block.type === AST_NODE_TYPES.TSModuleDeclaration) return true;
  const { block } = scope;
  return (
    (block.type === AST_NODE_TYPES.BlockStatement ||
      block.type === AST_NODE_TYPES.SwitchStatement ||
      block.type === AST_NODE_TYPES.CatchClause) &&
    !isLoopBody(block)
  );
}

/** A loop's body binds afresh on each pass: its variables are not the module's. */
function isLoopBody(block: Node): boolean {
  for (let node: Node | undefined = block; node && node.type !== AST_NODE_TYPES.Program; node = node.parent) {
    if (
      node.type === AST_NODE_TYPES.ForStatement ||
      node.type === AST_NODE_TYPES.ForInStatement ||
      node.type === AST_NODE_TYPES.ForOfStatement ||
      node.type === AST_NODE_TYPES.WhileStatement ||
      node.type === AST_NODE_TYPES.DoWhileStatement
    )
      return true;
  }
  return false;
}

function isInStaticMember(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.StaticBlock) return true;
    if (p.type === AST_NODE_TYPES.MethodDefinition || p.type === AST_NODE_TYPES.PropertyDefinition) return p.static;
    if (p.type === AST_NODE_TYPES.FunctionDeclaration || p.type === AST_NODE_TYPES.FunctionExpression) {
      if (p.parent?.type !== AST_NODE_TYPES.MethodDefinition) return false;
    }
  }
  return false;
}
