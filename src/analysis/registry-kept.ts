import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CACHE_PUT_METHOD } from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import { findVariable } from './find-variable.js';
import { occurrencesOf, type Slot, slotOf } from './storage-slot.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** How many aliases (`const adapter = new X(); cache.set(k, adapter)`) are followed from the construction. */
const MAX_ALIASES = 1;
/** Container methods that drop entries: a registry that evicts decides its entries' lifetime elsewhere. */
const EVICTING_METHODS: ReadonlySet<string> = new Set(['delete', 'clear']);

/**
 * The file keeps instances of the class in a long-lived registry (`AdapterFactory.cache.set(key, new Adapter())`, a
 * module-level `Map` filled with `adapter = await new Adapter().init()`): each instance, and every field it fills,
 * then lives as long as the process, whatever the container. A registry the file evicts from (`delete`, `clear`)
 * is not known to keep them.
 */
export function isKeptInLongLivedRegistry(classNode: ClassNode, sourceCode: SourceCode): boolean {
  const known = answers.get(classNode);
  if (known !== undefined) return known;
  const answer = constructionsOf(classNode, sourceCode).some((made) => storedInRegistry(made, sourceCode, 0));
  answers.set(classNode, answer);
  return answer;
}

const answers = new WeakMap<ClassNode, boolean>();

function constructionsOf(classNode: ClassNode, sourceCode: SourceCode): TSESTree.NewExpression[] {
  const [variable] = sourceCode.getDeclaredVariables(classNode);
  if (!variable) return [];
  return variable.references.flatMap((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === reference.identifier ? [parent] : [];
  });
}

/** `node`, through `await`, `new X().init()` calls on it and casts, is put into a long-lived registry. */
function storedInRegistry(node: Node, sourceCode: SourceCode, aliases: number): boolean {
  const top = outermostOf(node);
  const parent = top.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression)
    return parent.arguments[1] === top && isRegistryPut(parent, sourceCode);
  if (aliases >= MAX_ALIASES) return false;
  const alias =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top
      ? parent.id
      : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top
        ? parent.left
        : null;
  if (alias?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode.getScope(alias), alias);
  return (
    variable?.references.some(
      (reference) => reference.isRead() && storedInRegistry(reference.identifier, sourceCode, aliases + 1),
    ) ?? false
  );
}

/** Up through `await`, casts and method calls made on the value (`(await new X().initialize(s))`). */
function outermostOf(node: Node): Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    if (
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression
    ) {
      current = parent;
      continue;
    }
    const grand = parent.parent;
    if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === current &&
      grand?.type === AST_NODE_TYPES.CallExpression &&
      grand.callee === parent
    ) {
      current = grand;
      continue;
    }
    return current;
  }
}

/** `registry.set(key, value)` on a module-level or static container that the file never evicts from. */
function isRegistryPut(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== CACHE_PUT_METHOD) return false;
  const slot = slotOf(callee.object, sourceCode);
  if (!slot || !livesWithProcess(slot)) return false;
  return !occurrencesOf(slot, sourceCode).some((o) => {
    const member = o.node.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === o.node &&
      EVICTING_METHODS.has(staticPropertyName(member) ?? '')
    );
  });
}

function livesWithProcess(slot: Slot): boolean {
  if (slot.kind === 'variable') return slot.variable.scope.block.type === AST_NODE_TYPES.Program;
  return slot.owner.kind === 'global' || (slot.owner.kind === 'class' && slot.owner.isStatic);
}
