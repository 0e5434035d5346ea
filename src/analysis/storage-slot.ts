import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './find-variable.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  CACHE_PUT_METHOD,
  CACHE_WRITE_METHODS,
  GLOBAL_OBJECTS,
  MEMO_CACHE_PROPERTY,
  PER_CALLER_PARAMETER_PATTERN,
  RENEWING_PARAMETER_PATTERN,
  REQUEST_SESSIONS,
} from '../knowledge/index.js';
import { DefinitionType, enclosingFunction, staticPropertyName, unwrap } from './ast.js';
import { classMembersByName, fileIndex } from './file-index.js';
import { isContainerSingleton } from './storage-singleton.js';
import { rebuiltWheneverReached } from './rebuilt-before-read.js';
import { browserStorageCall, browserStorageProperty, type StoragePlace } from './browser-storage.js';
import { outsideInstanceReads } from './instance-reads.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type SourceCode = Readonly<TSESLint.SourceCode>;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
const PROCESS_ENV = ['process', 'env'] as const;

/**
 * A place where a value is kept and found again: a variable (a Map or object cache counts as one slot), a named
 * class member (static or per instance), a property of the global object, or a variable of `process.env`.
 */
export type Slot =
  | { readonly kind: 'variable'; readonly name: string; readonly variable: Variable }
  | { readonly kind: 'member'; readonly name: string; readonly owner: MemberOwner };

/**
 * `environment`: a variable of the process's own environment (`process.env.X`), which lives as long as the process;
 * `session`: a field of the request's session (`req.session.x`), which the session store keeps across requests;
 * `browser-storage`: a key of the page's `localStorage`/`sessionStorage`, or of an app's `AsyncStorage`/`SecureStore`
 * (`place` says which), named by the slot (browser-storage.ts).
 */
type MemberOwner =
  | { readonly kind: 'class'; readonly classNode: ClassNode; readonly isStatic: boolean }
  | { readonly kind: 'global' }
  | { readonly kind: 'environment' }
  | { readonly kind: 'session' }
  | { readonly kind: 'browser-storage'; readonly storage: string; readonly place: StoragePlace };

/** `write`: replaced; `read-write`: `x ??= v`, `x++`; `container-write`: `cache.set(k, v)`, `cache[k] = v`, `delete cache[k]`. */
type Access = 'read' | 'write' | 'read-write' | 'container-write';

export interface Occurrence {
  /** The identifier, member expression or class property where the slot appears. */
  readonly node: Node;
  readonly access: Access;
  /** For writes: the value put in (`x = v`, `let x = v`, `cache.set(k, v)`), when there is one. */
  readonly value?: Node;
}

export function isWrite(access: Access): boolean {
  return access !== 'read';
}

export function isRead(access: Access): boolean {
  return access === 'read' || access === 'read-write';
}

/**
 * The slot behind a declared identifier, an assignment target or a class property: `x`, `this.x`, `Cls.x`,
 * `globalThis.x`, `cache.x`, `cache[k]`, `this.cache.x` (the last three are the container `cache`).
 * Null when the target cannot be named (a computed member of an unknown object, `this` outside a class).
 */
export function slotOf(target: Node, sourceCode: SourceCode): Slot | null {
  const inner = unwrap(target);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(sourceCode.getScope(inner), inner);
    if (variable && variable.defs.length > 0) return { kind: 'variable', name: variable.name, variable };
    return { kind: 'member', name: inner.name, owner: { kind: 'global' } };
  }
  if (inner.type === AST_NODE_TYPES.PropertyDefinition) {
    const name = staticPropertyName(inner);
    const classNode = inner.parent.parent;
    return name === null ? null : { kind: 'member', name, owner: { kind: 'class', classNode, isStatic: inner.static } };
  }
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const call = browserStorageCall(inner, sourceCode);
    return (
      call && {
        kind: 'member',
        name: call.key,
        owner: { kind: 'browser-storage', storage: call.storage, place: call.place },
      }
    );
  }
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = unwrap(inner.object);
  const name = staticPropertyName(inner);
  const stored = browserStorageProperty(inner, sourceCode);
  if (stored)
    return {
      kind: 'member',
      name: stored.key,
      owner: { kind: 'browser-storage', storage: stored.storage, place: 'browser' },
    };
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    if (isProcessEnvIn(object, sourceCode))
      return name === null ? null : { kind: 'member', name, owner: { kind: 'environment' } };
    if (isRequestSession(object)) return name === null ? null : { kind: 'member', name, owner: { kind: 'session' } };
    return slotOf(object, sourceCode);
  }
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const owner = thisOwner(object);
    return owner && name !== null ? { kind: 'member', name, owner } : null;
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(sourceCode.getScope(object), object);
  if (!variable || variable.defs.length === 0) {
    return GLOBAL_OBJECTS.has(object.name) && name !== null
      ? { kind: 'member', name, owner: { kind: 'global' } }
      : null;
  }
  const def = variable.defs[0];
  if (def.type === DefinitionType.ClassName && name !== null) {
    return { kind: 'member', name, owner: { kind: 'class', classNode: def.node, isStatic: true } };
  }
  return { kind: 'variable', name: variable.name, variable };
}

/** `process.env` of the global `process` (not a local of that name). */
function isProcessEnvIn(node: TSESTree.MemberExpression, sourceCode: SourceCode): boolean {
  const process = unwrap(node.object);
  return (
    staticPropertyName(node) === PROCESS_ENV[1] &&
    !node.computed &&
    process.type === AST_NODE_TYPES.Identifier &&
    process.name === PROCESS_ENV[0] &&
    !findVariable(sourceCode.getScope(process), process)?.defs.length
  );
}

/**
 * `req.session`, `ctx.session` (REQUEST_SESSIONS): the session of the request a handler serves, named by its
 * conventional parameter.
 */
export function isRequestSession(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(inner) !== REQUEST_SESSIONS.property)
    return false;
  const request = unwrap(inner.object);
  return (
    request.type === AST_NODE_TYPES.Identifier &&
    (REQUEST_SESSIONS.requestNames as readonly string[]).includes(request.name)
  );
}

export function sameSlot(a: Slot, b: Slot): boolean {
  if (a.kind === 'variable' || b.kind === 'variable')
    return a.kind === b.kind && a.kind === 'variable' && b.kind === 'variable' && a.variable === b.variable;
  return a.name === b.name && sameOwner(a.owner, b.owner);
}

function sameOwner(a: MemberOwner, b: MemberOwner): boolean {
  if (a.kind === 'browser-storage' || b.kind === 'browser-storage')
    return a.kind === b.kind && a.kind === 'browser-storage' && b.kind === 'browser-storage' && a.storage === b.storage;
  if (a.kind !== 'class' || b.kind !== 'class') return a.kind === b.kind;
  return a.classNode === b.classNode && a.isStatic === b.isStatic;
}

/** Every place the slot appears in the file, with how it is accessed. */
export function occurrencesOf(slot: Slot, sourceCode: SourceCode): Occurrence[] {
  if (slot.kind === 'variable') {
    return slot.variable.references.map((reference) => {
      const node = reference.identifier as Node;
      if (reference.isWrite()) {
        const value = reference.writeExpr ? reference.writeExpr : undefined;
        return { node, access: reference.isRead() ? 'read-write' : 'write', value };
      }
      return occurrenceAt(node);
    });
  }
  const found: Occurrence[] = [];
  if (slot.owner.kind === 'browser-storage') found.push(...storageCallsOf(slot, sourceCode));
  if (slot.owner.kind === 'class') {
    for (const element of slot.owner.classNode.body.body) {
      if (
        element.type === AST_NODE_TYPES.PropertyDefinition &&
        element.static === slot.owner.isStatic &&
        staticPropertyName(element) === slot.name &&
        element.value
      ) {
        found.push({ node: element, access: 'write', value: element.value });
      }
    }
  }
  // `this.x` of an instance field is written only inside its class: no need to look at the rest of the file.
  const members =
    slot.owner.kind === 'class' && !slot.owner.isStatic
      ? classMembersByName(slot.owner.classNode, sourceCode)
      : fileIndex(sourceCode).membersByName;
  for (const member of members.get(slot.name) ?? []) {
    const nested = unwrap(member.object).type === AST_NODE_TYPES.MemberExpression;
    if (
      nested &&
      slot.owner.kind !== 'environment' &&
      slot.owner.kind !== 'session' &&
      slot.owner.kind !== 'browser-storage'
    )
      continue;
    const other = slotOf(member, sourceCode);
    if (other && sameSlot(slot, other)) found.push(occurrenceAt(member));
  }
  // A public field is also read through the instance from outside (`(await Manager.getInstance()).token`).
  if (slot.owner.kind === 'class' && !slot.owner.isStatic)
    for (const read of outsideInstanceReads(slot.owner.classNode, slot.name, sourceCode))
      found.push(occurrenceAt(read));
  return found;
}

/** `getItem(key)` reads the key, `setItem(key, v)` refills it, `removeItem(key)` drops it. */
function storageCallsOf(slot: Slot, sourceCode: SourceCode): Occurrence[] {
  const found: Occurrence[] = [];
  for (const call of fileIndex(sourceCode).calls) {
    const stored = browserStorageCall(call, sourceCode);
    const other = stored && slotOf(call, sourceCode);
    if (!stored || !other || !sameSlot(slot, other)) continue;
    const { access } = stored;
    found.push(
      access === 'read'
        ? { node: call, access: 'read' }
        : { node: call, access: 'write', ...(access === 'write' && { value: call.arguments[1] }) },
    );
  }
  return found;
}

/** How the slot is accessed at `node` (an identifier or member expression naming it). */
function occurrenceAt(node: Node): Occurrence {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) {
    return { node, access: parent.operator === '=' ? 'write' : 'read-write', value: parent.right };
  }
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return { node, access: 'read-write' };
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const grand = parent.parent;
    if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent)
      return { node, access: 'container-write', value: grand.right };
    if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete')
      return { node, access: 'container-write' };
    if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
      const method = staticPropertyName(parent);
      if (method !== null && CACHE_WRITE_METHODS.has(method)) {
        return {
          node,
          access: 'container-write',
          value: method === CACHE_PUT_METHOD ? grand.arguments[1] : undefined,
        };
      }
    }
    // `getToken.cache.clear()`: a memoised function's own cache (lodash `memoize`).
    const call = grand?.parent;
    if (
      staticPropertyName(parent) === MEMO_CACHE_PROPERTY &&
      grand?.type === AST_NODE_TYPES.MemberExpression &&
      grand.object === parent &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === grand &&
      CACHE_WRITE_METHODS.has(staticPropertyName(grand) ?? '') &&
      staticPropertyName(grand) !== CACHE_PUT_METHOD
    )
      return { node, access: 'container-write' };
  }
  return { node, access: 'read' };
}

/** The class whose instance (or, in static members, the class itself) `this` refers to at `node`. */
function thisOwner(node: Node): MemberOwner | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.StaticBlock) return { kind: 'class', classNode: p.parent.parent, isStatic: true };
    if (p.type === AST_NODE_TYPES.MethodDefinition || p.type === AST_NODE_TYPES.PropertyDefinition) {
      return { kind: 'class', classNode: p.parent.parent, isStatic: p.static };
    }
    if (
      (p.type === AST_NODE_TYPES.FunctionDeclaration || p.type === AST_NODE_TYPES.FunctionExpression) &&
      p.parent?.type !== AST_NODE_TYPES.MethodDefinition
    ) {
      return null;
    }
  }
  return null;
}

/**
 * True when a top-level statement makes an instance of the class (`export const tokens = new TokenCache()`,
 * `export default new TokenCache()`, `module.exports = new TokenCache()`), or a DI container keeps one instance of it
 * (storage-singleton.ts): its instance fields are process-wide.
 */
export function isModuleSingleton(classNode: ClassNode, sourceCode: SourceCode): boolean {
  const known = singletons.get(classNode);
  if (known !== undefined) return known;
  const made = (node: Node | null | undefined): boolean => {
    const inner = node ? unwrap(node) : null;
    if (inner?.type !== AST_NODE_TYPES.NewExpression) return false;
    const callee = unwrap(inner.callee);
    if (callee === classNode) return true;
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(sourceCode.getScope(callee), callee);
    return variable?.defs.some((def) => def.node === classNode) ?? false;
  };
  // `let instance; export const service = () => (instance ??= new Service())`: made in a function, kept in module scope.
  const keptLazily = (assignment: TSESTree.AssignmentExpression): boolean => {
    if (!made(assignment.right)) return false;
    const slot = slotOf(assignment.left, sourceCode);
    return slot?.kind === 'variable' && slot.variable.scope.block.type === AST_NODE_TYPES.Program;
  };
  const result =
    sourceCode.ast.body.some((statement) => {
      const inner = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (inner?.type === AST_NODE_TYPES.VariableDeclaration) return inner.declarations.some((d) => made(d.init));
      if (inner?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return made(inner.declaration);
      if (
        inner?.type === AST_NODE_TYPES.ExpressionStatement &&
        inner.expression.type === AST_NODE_TYPES.AssignmentExpression
      )
        return made(inner.expression.right);
      return false;
    }) ||
    assignedConstructions(classNode, sourceCode).some(keptLazily) ||
    isContainerSingleton(classNode, sourceCode);
  singletons.set(classNode, result);
  return result;
}

const singletons = new WeakMap<ClassNode, boolean>();

/**
 * The assignments whose value is `new` of the class itself or of an identifier with the class's name, found from the
 * scope manager's references rather than by a walk over the file: every assignment that `made` can accept is among
 * them.
 */
function assignedConstructions(classNode: ClassNode, sourceCode: SourceCode): TSESTree.AssignmentExpression[] {
  const name = classNode.id?.name;
  const callees: Node[] = [classNode, ...(name === undefined ? [] : identifiersNamed(name, sourceCode))];
  const found: TSESTree.AssignmentExpression[] = [];
  for (const callee of callees) {
    const construction = outermostWrapper(callee).parent;
    if (construction?.type !== AST_NODE_TYPES.NewExpression || unwrap(construction.callee) !== callee) continue;
    const value = outermostWrapper(construction);
    if (value.parent?.type === AST_NODE_TYPES.AssignmentExpression && value.parent.right === value)
      found.push(value.parent);
  }
  return found;
}

/** The outermost of the wrappers `unwrap` strips around `node` (the node itself when it has none). */
function outermostWrapper(node: Node): Node {
  let current = node;
  while (
    current.parent &&
    'expression' in current.parent &&
    current.parent.expression === current &&
    isWrapper(current.parent)
  )
    current = current.parent;
  return current;
}

function isWrapper(node: Node): boolean {
  return unwrap(node) !== node;
}

/**
 * A field of an exported class that the file never instantiates, which its own methods memoise: one method tests
 * the field and a method refills it (`if (!this.token) this.token = await fetchToken()`). The memo only pays off
 * when one instance serves many calls, so the importers keep the instance (a tool, client or service made once).
 * A class the file instantiates itself is judged by what the file does with it (isModuleSingleton); one with a
 * decorator or a base class is not judged here.
 */
export function isMemoisedByExportedClass(slot: Slot, sourceCode: SourceCode): boolean {
  if (slot.kind !== 'member' || slot.owner.kind !== 'class' || slot.owner.isStatic) return false;
  const { classNode } = slot.owner;
  // A decorator (a DI container's scope) or a base class (a framework's component) decides the lifetime elsewhere.
  if ((classNode.decorators ?? []).length > 0 || classNode.superClass) return false;
  if (isMadePerCaller(classNode)) return false;
  let keptByImporters = importerKept.get(classNode);
  if (keptByImporters === undefined) {
    keptByImporters = isExportedClass(classNode, sourceCode) && !isInstantiatedInFile(classNode, sourceCode);
    importerKept.set(classNode, keptByImporters);
  }
  if (!keptByImporters) return false;
  const occurrences = occurrencesOf(slot, sourceCode);
  const inMethod = (o: Occurrence) => {
    const fn = enclosingFunction(o.node);
    return fn !== null && !(fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor');
  };
  return (
    occurrences.some((o) => isWrite(o.access) && o.value !== undefined && inMethod(o)) &&
    occurrences.some((o) => isRead(o.access) && inMethod(o) && inTest(o.node))
  );
}

/** The constructor takes the caller's token, assertion or request (PER_CALLER_PARAMETER_PATTERN): one per caller. */
function isMadePerCaller(classNode: ClassNode): boolean {
  const constructor = classNode.body.body.find(
    (m): m is TSESTree.MethodDefinition => m.type === AST_NODE_TYPES.MethodDefinition && m.kind === 'constructor',
  );
  return (constructor?.value.params ?? []).some((param) => {
    const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const id = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
    return (
      id.type === AST_NODE_TYPES.Identifier &&
      PER_CALLER_PARAMETER_PATTERN.test(id.name) &&
      !RENEWING_PARAMETER_PATTERN.test(id.name)
    );
  });
}

/** Per class: exported and never instantiated in its file (the walk over the file runs once per class). */
const importerKept = new WeakMap<ClassNode, boolean>();

/** The node is read by the test of an `if`, a `?:`, or the left side of `||` / `??` (`this.x ?? refill()`). */
export function inTest(node: Node): boolean {
  for (let child: Node = node, p = node.parent; p; child = p, p = p.parent) {
    if ((p.type === AST_NODE_TYPES.IfStatement || p.type === AST_NODE_TYPES.ConditionalExpression) && p.test === child)
      return true;
    if (p.type === AST_NODE_TYPES.LogicalExpression && p.left === child && p.operator !== '&&') return true;
    if (
      p.type !== AST_NODE_TYPES.UnaryExpression &&
      p.type !== AST_NODE_TYPES.LogicalExpression &&
      p.type !== AST_NODE_TYPES.ChainExpression &&
      p.type !== AST_NODE_TYPES.BinaryExpression &&
      p.type !== AST_NODE_TYPES.TSNonNullExpression &&
      !(p.type === AST_NODE_TYPES.MemberExpression && p.object === child)
    )
      return false;
  }
  return false;
}

/** `export class X`, `export default class`, `module.exports = X`, `module.exports = { X }`, `exports.X = X`. */
function isExportedClass(classNode: ClassNode, sourceCode: SourceCode): boolean {
  const parent = classNode.parent;
  if (
    parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration
  )
    return true;
  const name = classNode.id?.name;
  if (!name) return false;
  return (
    assignmentsOfName(name, sourceCode).some((assignment) => {
      const left = unwrap(assignment.left);
      const root = left.type === AST_NODE_TYPES.MemberExpression ? unwrap(left.object) : null;
      const exportsObject =
        (root?.type === AST_NODE_TYPES.Identifier && root.name === 'exports') ||
        (root?.type === AST_NODE_TYPES.MemberExpression &&
          unwrap(root.object).type === AST_NODE_TYPES.Identifier &&
          (unwrap(root.object) as TSESTree.Identifier).name === 'module' &&
          staticPropertyName(root) === 'exports') ||
        (left.type === AST_NODE_TYPES.MemberExpression &&
          unwrap(left.object).type === AST_NODE_TYPES.Identifier &&
          (unwrap(left.object) as TSESTree.Identifier).name === 'module' &&
          staticPropertyName(left) === 'exports');
      if (!exportsObject) return false;
      const right = unwrap(assignment.right);
      if (right.type === AST_NODE_TYPES.Identifier) return right.name === name;
      return (
        right.type === AST_NODE_TYPES.ObjectExpression &&
        right.properties.some(
          (p) =>
            p.type === AST_NODE_TYPES.Property &&
            unwrap(p.value).type === AST_NODE_TYPES.Identifier &&
            (unwrap(p.value) as TSESTree.Identifier).name === name,
        )
      );
    }) ||
    sourceCode.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
        statement.specifiers.some((s) => s.local.type === AST_NODE_TYPES.Identifier && s.local.name === name),
    )
  );
}

/** Some `new X(...)` of the file (or `extends X`) makes instances of the class. */
function isInstantiatedInFile(classNode: ClassNode, sourceCode: SourceCode): boolean {
  const name = classNode.id?.name;
  const isConstructed = (callee: Node): boolean => {
    const construction = outermostWrapper(callee).parent;
    return construction?.type === AST_NODE_TYPES.NewExpression && unwrap(construction.callee) === callee;
  };
  if (isConstructed(classNode)) return true;
  if (name === undefined) return false;
  return identifiersNamed(name, sourceCode).some(
    (identifier) =>
      isConstructed(identifier) ||
      ((identifier.parent?.type === AST_NODE_TYPES.ClassDeclaration ||
        identifier.parent?.type === AST_NODE_TYPES.ClassExpression) &&
        identifier.parent.superClass === identifier),
  );
}

/**
 * Every identifier of the file that reads `name` as a value, from the scope manager: the references of each variable
 * of that name, and the unresolved ones (globals). A name read anywhere is one of these.
 */
function identifiersNamed(name: string, sourceCode: SourceCode): Node[] {
  const manager = sourceCode.scopeManager;
  if (!manager) return [];
  const found: Node[] = [];
  for (const scope of manager.scopes)
    for (const reference of scope.set.get(name)?.references ?? []) found.push(reference.identifier);
  for (const reference of manager.globalScope?.through ?? [])
    if (reference.identifier.name === name) found.push(reference.identifier);
  return found;
}

/** Assignments whose value is the identifier `name`, or an object literal with a property of that value. */
function assignmentsOfName(name: string, sourceCode: SourceCode): TSESTree.AssignmentExpression[] {
  const found = new Set<TSESTree.AssignmentExpression>();
  for (const identifier of identifiersNamed(name, sourceCode)) {
    let value = outermostWrapper(identifier);
    if (value.parent?.type === AST_NODE_TYPES.Property && value.parent.value === value) {
      const object = value.parent.parent;
      if (object?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      value = outermostWrapper(object);
    }
    if (value.parent?.type === AST_NODE_TYPES.AssignmentExpression && value.parent.right === value)
      found.add(value.parent);
  }
  return [...found];
}

/** True when other modules can read the variable: `export let x`, `export { x }`, `module.exports = { x }`. */
export function isExported(slot: Slot): boolean {
  if (slot.kind !== 'variable') return false;
  const declaration = slot.variable.defs[0]?.parent;
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

/**
 * True when some read of the slot can see a value kept from an earlier call: storage that is only read right after
 * the same function refilled it (`last = await fetchToken(); return last;`, or a client rebuilt behind a configuration
 * test before each use: rebuiltWheneverReached) is a log of the last value, not a cache.
 */
export function isReadBack(occurrences: readonly Occurrence[], sourceCode: SourceCode): boolean {
  const slotNodes = new Set(occurrences.map((o) => o.node));
  const inSlot = (node: Node) => slotNodes.has(node);
  return occurrences.some((read) => isRead(read.access) && !followsRefill(read, occurrences, inSlot, sourceCode));
}

/** The read comes after a write of the slot, in the same function, that runs whenever the read is reached. */
function followsRefill(
  read: Occurrence,
  occurrences: readonly Occurrence[],
  inSlot: (node: Node) => boolean,
  sourceCode: SourceCode,
): boolean {
  const fn = enclosingFunction(read.node);
  if (!fn || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const body = fn.body;
  return occurrences.some(
    (write) =>
      write.access === 'write' &&
      writeEnd(write.node) <= read.node.range[0] &&
      enclosingFunction(write.node) === fn &&
      rebuiltWheneverReached(write.node, body, inSlot, sourceCode),
  );
}

/** Where the write's statement ends: a read inside its own right-hand side (`x = x ?? make()`) comes before it. */
function writeEnd(node: Node): number {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node ? parent.range[1] : node.range[1];
}

/** The identifiers a declaration binds: `x`, `{ a, b: { c } }`, `[d, ...e]`. */
export function patternIdentifiers(pattern: Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((p) =>
        patternIdentifiers(p.type === AST_NODE_TYPES.Property ? p.value : p.argument),
      );
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((e) => (e ? patternIdentifiers(e) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternIdentifiers(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternIdentifiers(pattern.argument);
    default:
      return [];
  }
}

/** Names the file declares, at module level and anywhere (not the parser's implicit lib globals). */
interface DeclaredNames {
  readonly moduleLevel: ReadonlySet<string>;
  readonly anywhere: ReadonlySet<string>;
}

const declaredNamesByFile = new WeakMap<SourceCode, DeclaredNames>();

/** One pass over the scope manager's variables, so that most identifiers need no scope lookup. */
export function declaredNames(sourceCode: SourceCode): DeclaredNames {
  const known = declaredNamesByFile.get(sourceCode);
  if (known) return known;
  const moduleLevel = new Set<string>();
  const anywhere = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      if (variable.defs.length === 0) continue;
      anywhere.add(variable.name);
      if (scope.block.type === AST_NODE_TYPES.Program) moduleLevel.add(variable.name);
    }
  }
  const names = { moduleLevel, anywhere };
  declaredNamesByFile.set(sourceCode, names);
  return names;
}
