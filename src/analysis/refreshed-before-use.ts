import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { type ClassMember, readsInstanceConfiguration } from './instance-configuration.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type Member = ClassMember;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many private-method calls a read is followed back through to the renewal before it. */
const CALL_DEPTH = 3;

/**
 * Whether an instance field written with a freshly resolved value is renewed before each use. A method renews the
 * field when, on every call and before anything can return early, it makes the same resolving call (`resolved`'s
 * callee: `fetchAuthSession()`, `fromX(...)()`) and then writes the field. Every read of `this.<name>` in the class
 * must follow a renewal: in a renewing method, the write; elsewhere, an unconditional call of a renewing method
 * (`await this.ensureCredentials()` opening every operation); or, in a private method (`private`, `#name`, `_name`),
 * a renewal before each of its calls in the class. The field then never serves a value older than the resolution
 * behind it (which refreshes), so it is not a long-lived keeper. A memo (`if (this.creds) return` before the
 * resolution), a read before the renewal or behind a branch, and a read in a public method that does neither keep
 * it a keeper.
 */
export function refreshedBeforeEachUse(field: Node, resolved: Node, sourceCode: SourceCode): boolean {
  const write = unwrap(field);
  const name = write.type === AST_NODE_TYPES.MemberExpression ? thisFieldName(write) : null;
  const writer = classMemberOf(write);
  const resolving = resolvingCallee(resolved, sourceCode);
  if (name === null || !writer || writer.parent.type !== AST_NODE_TYPES.ClassBody || resolving === null) return false;
  const members = writer.parent.body.filter(
    (m): m is Member => m.type === AST_NODE_TYPES.MethodDefinition || m.type === AST_NODE_TYPES.PropertyDefinition,
  );
  const model: ClassModel = { name, resolving, sourceCode, members, renewing: new Map() };
  for (const member of members) {
    const renewal = renewalIn(member, model);
    if (renewal) model.renewing.set(member, renewal);
  }
  if (!model.renewing.has(writer)) return false;

  const reads = thisFieldOccurrences(writer.parent, name, sourceCode).filter(
    (node) => !(node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node),
  );
  return reads.length > 0 && reads.every((read) => renewedBefore(read, model, CALL_DEPTH));
}

interface ClassModel {
  readonly name: string;
  readonly resolving: string;
  readonly sourceCode: SourceCode;
  readonly members: readonly Member[];
  /** Each renewing method, with the write after which the field is fresh. */
  readonly renewing: Map<Member, Node>;
}

/** The write of the field that follows the resolving call in a statement that always runs, if the member has one. */
function renewalIn(member: Member, model: ClassModel): Node | null {
  const body = bodyOf(member);
  if (!body) return null;
  let resolvedAt: number | null = null;
  for (const statement of unconditionalStatements(body, 'throws')) {
    if (resolvedAt === null && someCall(statement, model, (call) => calleeText(call, model) === model.resolving))
      resolvedAt = statement.range[0];
  }
  if (resolvedAt === null) return null;
  let written: Node | null = null;
  forEachDescendant(body, model.sourceCode, (node) => {
    if (isFunctionNode(node) && node !== member.value) return 'skip';
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.range[0] > resolvedAt &&
      thisFieldName(unwrap(node.left)) === model.name
    ) {
      written = node;
      return 'stop';
    }
    return undefined;
  });
  return written;
}

/** Whether a renewal of the field always happens before `at` in its method (or before every call of it). */
function renewedBefore(at: Node, model: ClassModel, depth: number): boolean {
  const method = classMemberOf(at);
  if (!method) return false;
  const write = model.renewing.get(method);
  if (write && write.range[1] <= at.range[0]) return true;
  const body = bodyOf(method);
  if (body && renewingCallBefore(body, at, model)) return true;
  if (depth === 0 || !isPrivate(method)) return false;
  const methodName = staticPropertyName(method);
  // Every call of it, branches and callbacks included: each must follow a renewal.
  const calls: Node[] = [];
  forEachDescendant(method.parent, model.sourceCode, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && callsThisMethod(node, methodName)) calls.push(node);
  });
  return calls.length > 0 && calls.every((call) => renewedBefore(call, model, depth - 1));
}

/**
 * Whether a statement that always runs, and ends before `at`, calls a renewing method of the class; or an `if` on the
 * instance's configuration (`if (this.fromSession) await this.refreshClient()`, a flag only the constructor sets)
 * does: with the flag off the field never holds a resolved value, with it on every use renews it first.
 */
function renewingCallBefore(body: TSESTree.BlockStatement, at: Node, model: ClassModel): boolean {
  const names = new Set([...model.renewing.keys()].map((member) => staticPropertyName(member)));
  const renews = (root: Node) =>
    someCall(root, model, (call) => [...names].some((name) => callsThisMethod(call, name)));
  const configuration = (test: Node) => readsInstanceConfiguration(test, model.members, model.sourceCode);
  for (const statement of unconditionalStatements(body, 'guards', configuration)) {
    if (statement.range[1] > at.range[0]) return false;
    if (statement.type === AST_NODE_TYPES.IfStatement) {
      if (renews(statement.consequent)) return true;
      continue;
    }
    if (renews(statement)) return true;
  }
  return false;
}

/**
 * The statements of a method body that run on every call up to the first that may not let the rest run: plain
 * expression statements and declarations, those of a `try` block; the first `if`, loop or `return` ends them. With
 * `guards`, an `if` without `else` that always throws or returns (a guard clause: the rest runs whenever it is
 * reached) is stepped over, and an `if` without `else` whose test `isConfiguration` accepts is yielded (the caller decides what its branch counts for). With `throws`, only a guard clause that throws is
 * stepped over: a renewing method may refuse to run (`if (!jwt) throw`), but `if (this.creds) return` is a memo.
 */
function* unconditionalStatements(
  body: TSESTree.BlockStatement,
  allow: 'none' | 'throws' | 'guards' = 'none',
  isConfiguration?: (test: Node) => boolean,
): Generator<TSESTree.Statement> {
  for (const statement of body.body) {
    if (statement.type === AST_NODE_TYPES.TryStatement) {
      yield* unconditionalStatements(statement.block, allow, isConfiguration);
      continue;
    }
    if (allow !== 'none' && isGuardClause(statement, allow === 'throws')) continue;
    if (
      isConfiguration &&
      statement.type === AST_NODE_TYPES.IfStatement &&
      !statement.alternate &&
      isConfiguration(statement.test)
    ) {
      yield statement;
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement && statement.type !== AST_NODE_TYPES.VariableDeclaration)
      return;
    yield statement;
  }
}

function isGuardClause(statement: TSESTree.Statement, throwsOnly: boolean): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  const last =
    statement.consequent.type === AST_NODE_TYPES.BlockStatement
      ? statement.consequent.body.at(-1)
      : statement.consequent;
  return last?.type === AST_NODE_TYPES.ThrowStatement || (!throwsOnly && last?.type === AST_NODE_TYPES.ReturnStatement);
}

/** Whether a call that always runs when `root` runs (not in a nested function or a `?:`/`&&`/`||`/`??` branch) matches. */
function someCall(root: Node, model: ClassModel, matches: (call: TSESTree.CallExpression) => boolean): boolean {
  let found = false;
  forEachDescendant(root, model.sourceCode, (node) => {
    if (node !== root && isFunctionNode(node)) return 'skip';
    if (node.type === AST_NODE_TYPES.ConditionalExpression || node.type === AST_NODE_TYPES.LogicalExpression)
      return 'skip';
    if (node.type !== AST_NODE_TYPES.CallExpression || !matches(node)) return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

/** The text of the call that resolves the value (`fetchAuthSession`, `fromNodeProviderChain()`), awaits seen through. */
function resolvingCallee(resolved: Node, sourceCode: SourceCode): string | null {
  const inner = unwrap(resolved);
  const call = inner.type === AST_NODE_TYPES.AwaitExpression ? unwrap(inner.argument) : inner;
  return call.type === AST_NODE_TYPES.CallExpression ? sourceCode.getText(call.callee) : null;
}

function calleeText(call: TSESTree.CallExpression, model: ClassModel): string {
  return model.sourceCode.getText(call.callee);
}

function callsThisMethod(call: TSESTree.CallExpression, method: string | null): boolean {
  const callee = unwrap(call.callee);
  return method !== null && callee.type === AST_NODE_TYPES.MemberExpression && thisFieldName(callee) === method;
}

/** `x` for `this.x` (or `this['x']`, `this.#x` as `#x`); null for anything else. */
export function thisFieldName(node: Node): string | null {
  return node.type === AST_NODE_TYPES.MemberExpression && unwrap(node.object).type === AST_NODE_TYPES.ThisExpression
    ? staticPropertyName(node)
    : null;
}

/** Called only from inside the class, by what its name or modifier says (`private`, `#name`, an `_name` convention). */
function isPrivate(member: Member): boolean {
  const name = staticPropertyName(member);
  return member.accessibility === 'private' || name?.startsWith('#') === true || name?.startsWith('_') === true;
}

/**
 * The class member whose `this` the node's `this` is: the nearest method or field initializer, seen through arrow
 * functions; null inside a nested `function` (its own `this`) or outside a class.
 */
export function classMemberOf(node: Node): Member | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const parent = fn.parent;
    if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn) return parent;
    if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === fn) return parent;
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return null;
  }
  return null;
}

function bodyOf(member: Member): TSESTree.BlockStatement | null {
  const value = member.value;
  return value && isFunctionNode(value) && value.body?.type === AST_NODE_TYPES.BlockStatement ? value.body : null;
}

/** Every `this.<name>` in a class body, nested classes (their own `this`) left out. */
export function thisFieldOccurrences(
  classBody: TSESTree.ClassBody,
  name: string,
  sourceCode: SourceCode,
): TSESTree.MemberExpression[] {
  const found: TSESTree.MemberExpression[] = [];
  forEachDescendant(classBody, sourceCode, (node) => {
    if (node !== classBody && node.type === AST_NODE_TYPES.ClassBody) return 'skip';
    if (node.type === AST_NODE_TYPES.MemberExpression && thisFieldName(node) === name) found.push(node);
    return undefined;
  });
  return found;
}
