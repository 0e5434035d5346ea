import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, enclosingFunction, isNullish, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import { isRead, isWrite, type Occurrence, type Slot } from '../../src/analysis/storage-slot.js';

type Node = TSESTree.Node;

/**
 * Where a kept value is reported: the storage's declaration (the variable, or the class property), where the cache is
 * named, read and filled by one memo; or the write itself, when a function only fills a module variable declared
 * empty and other code tests it (`async function login() { token = res.data.token }`): that store is where the
 * token arrives without its expiry.
 */
export function reportLocation(candidate: Candidate, occurrences: readonly Occurrence[]): Node {
  const { slot, target } = candidate;
  // An object built with the token (`pool = new Pool({ password })`, `createTransport({ auth })`) is fixed where it is
  // built and kept.
  if (!candidate.held.keptIn && fillsDeclaredEmpty(slot, target, occurrences)) return target;
  return declarationOf(
    slot,
    occurrences.map((o) => o.node),
    target,
  );
}

/**
 * `name = value`, the one write of a module variable declared empty, in a function (and the functions around
 * it) that reads `name` nowhere before it.
 */
function fillsDeclaredEmpty(slot: Slot, target: Node, occurrences: readonly Occurrence[]): boolean {
  if (slot.kind !== 'variable' || slot.variable.scope.block.type !== AST_NODE_TYPES.Program) return false;
  const def = slot.variable.defs[0];
  if (slot.variable.defs.length !== 1 || def?.type !== DefinitionType.Variable) return false;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || (declarator.init && !isEmpty(declarator.init))) return false;
  const write = unwrap(target);
  const assignment = write.parent;
  if (
    write.type !== AST_NODE_TYPES.Identifier ||
    assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
    assignment.left !== write ||
    // `token ??= await fetchToken()` tests the variable as it fills it: a memo.
    assignment.operator !== '='
  )
    return false;
  let value = unwrap(assignment.right);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  if (value.type === AST_NODE_TYPES.NewExpression) return false;
  // A variable also reset elsewhere (`token = null` on sign-out) is state managed in several places: named once, at
  // its declaration.
  const writes = occurrences.filter((o) => isWrite(o.access) && o.node !== def.name);
  if (writes.length !== 1 || writes[0].node !== write) return false;
  const functions: Node[] = [];
  for (let fn = enclosingFunction(write); fn; fn = enclosingFunction(fn)) functions.push(fn);
  if (functions.length === 0) return false;
  return !occurrences.some(
    (o) => isRead(o.access) && o.node.range[0] < write.range[0] && functions.some((fn) => insideOf(o.node, fn)),
  );
}

function insideOf(node: Node, fn: Node): boolean {
  return node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1];
}

function isEmpty(node: Node): boolean {
  const inner = unwrap(node);
  return isNullish(inner) || (inner.type === AST_NODE_TYPES.Literal && (inner.value === '' || inner.value === false));
}

/** The declaration of the storage (the variable, or the class property), else its first write. */
function declarationOf(slot: Slot, occurrences: readonly Node[], fallback: Node): Node {
  if (slot.kind === 'variable') {
    const def = slot.variable.defs[0];
    // An object imported from another module (a shared HTTP client) is kept there: the write here is the defect.
    return def && def.type !== DefinitionType.ImportBinding ? def.name : fallback;
  }
  // A key of the browser's storage, or a property of the global object, is declared nowhere: its write is the defect.
  if (slot.owner.kind === 'browser-storage' || slot.owner.kind === 'global') return fallback;
  if (slot.owner.kind === 'class') {
    const { isStatic } = slot.owner;
    const property = slot.owner.classNode.body.body.find(
      (e) =>
        e.type === AST_NODE_TYPES.PropertyDefinition && e.static === isStatic && staticPropertyName(e) === slot.name,
    );
    if (property?.type === AST_NODE_TYPES.PropertyDefinition) return property.key;
  }
  const first = [...occurrences].sort((a, b) => a.range[0] - b.range[0])[0];
  return first ?? fallback;
}
