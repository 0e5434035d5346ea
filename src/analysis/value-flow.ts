import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  BUILDER_METHOD_PATTERN,
  CACHE_WRITE_METHODS,
  CONNECTING_METHODS,
  IGNORED_CREDENTIAL_OPTIONS,
  refMatches,
  SINGLETON_FACTORIES,
} from '../knowledge/index.js';
import { enclosingFunction, findProperty, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { bodiesCallingOwnMethod } from './class-family.js';
import { callsOfMethod, localFunction } from './local-function.js';
import { awaitedCallRunning, namedThenCallback, promiseSettledBy, thenCallsOf } from './promise-flow.js';
import type { ModuleRefs } from './module-refs.js';
import { type StorageKind, storageOf } from './storage.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * One place a value (or something built from it) reaches, answering "where does this value go?":
 * - `store`: bound to a variable, field or export, or put in a Map-like cache (`storage` says how long that lives);
 * - `field`: a property read off the value (`c.accessKeyId`, or destructured `{ accessKeyId }`);
 * - `property`: placed in an object literal under `name` (null for a spread);
 * - `argument`: passed to a call or constructor (the call's result is treated as built from it);
 * - `method`: used as the receiver of a method call (the result is followed only for `.then`, a builder link and
 *   a connecting method such as `connect()` on an object built with the value);
 * - `return`: returned from `fn` (the walk continues at the call sites it can find);
 * - `capture`: read inside the nested function `node`, which is followed as a closure built from the value;
 * - `discard`: evaluated for its side effects only.
 */
type FlowStep =
  | { readonly kind: 'store'; readonly node: Node; readonly target: Node; readonly storage: StorageKind }
  | { readonly kind: 'field'; readonly node: Node; readonly name: string | null }
  | {
      readonly kind: 'property';
      readonly node: TSESTree.Property | TSESTree.SpreadElement;
      readonly name: string | null;
      readonly object: TSESTree.ObjectExpression;
    }
  | {
      readonly kind: 'argument';
      readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
      readonly index: number;
    }
  | { readonly kind: 'method'; readonly node: TSESTree.CallExpression; readonly name: string | null }
  | { readonly kind: 'return'; readonly node: Node; readonly fn: TSESTree.FunctionLike }
  | { readonly kind: 'capture'; readonly node: TSESTree.FunctionLike; readonly reference: TSESTree.Identifier }
  | { readonly kind: 'discard'; readonly node: Node };

/** A step, the expression that carries the value there, and the step it came from (null for the first). */
export interface FlowNode {
  readonly step: FlowStep;
  /** The expression that holds the value at this point (the node the walk continues from). */
  readonly value: Node;
  readonly previous: FlowNode | null;
}

interface FlowOptions {
  /** Variable, parameter, closure and caller hops to follow (default 6). */
  readonly maxHops?: number;
  /** Stop following past a step (it is still reported). */
  readonly stopAt?: (node: FlowNode) => boolean;
}

const MAX_STEPS = 300;
const DEFAULT_HOPS = 6;
const THEN = 'then';
const OBJECT_GLOBAL = 'Object';
const OBJECT_ASSIGN = 'assign';

interface Pending {
  readonly value: Node;
  readonly previous: FlowNode | null;
  readonly hops: number;
}

/**
 * Follows a value forward from `start` through bindings, field reads, object literals, calls, returns (to the
 * call sites of local functions and same-class methods) and closures, within one file and a bounded number of
 * hops. The result is every step reached, each linked to the step before it, so callers can ask "did something
 * built from this value reach long-lived storage, and how?".
 */
export function traceValue(
  start: Node,
  refs: ModuleRefs,
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: FlowOptions = {},
): FlowNode[] {
  const walker = new FlowWalker(refs, sourceCode, options);
  walker.run(start);
  return walker.steps;
}

/** The chain of steps that led to `node`, first step first. */
export function flowPath(node: FlowNode): FlowNode[] {
  const path: FlowNode[] = [];
  for (let n: FlowNode | null = node; n; n = n.previous) path.unshift(n);
  return path;
}

class FlowWalker {
  readonly steps: FlowNode[] = [];
  private readonly queue: Pending[] = [];
  private readonly seen = new Set<Node>();
  private readonly maxHops: number;

  constructor(
    private readonly refs: ModuleRefs,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly options: FlowOptions,
  ) {
    this.maxHops = options.maxHops ?? DEFAULT_HOPS;
  }

  run(start: Node): void {
    this.queue.push({ value: start, previous: null, hops: 0 });
    while (this.queue.length > 0 && this.steps.length < MAX_STEPS) {
      const item = this.queue.shift()!;
      if (this.seen.has(item.value)) continue;
      this.seen.add(item.value);
      this.visit(item);
    }
  }

  private emit(step: FlowStep, value: Node, from: Pending): FlowNode | null {
    const node: FlowNode = { step, value, previous: from.previous };
    this.steps.push(node);
    return this.options.stopAt?.(node) ? null : node;
  }

  private follow(value: Node, previous: FlowNode | null, hops: number): void {
    if (hops <= this.maxHops) this.queue.push({ value, previous, hops });
  }

  private visit(item: Pending): void {
    if (item.value.type === AST_NODE_TYPES.FunctionDeclaration) {
      this.followFunctionDeclaration(item.value, item);
      return;
    }
    const child = climb(item.value);
    const parent = child.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === child) this.bind(parent.id, item);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === child) this.assign(parent, item);
        return;
      case AST_NODE_TYPES.Property:
        // A destructured binding as the start: the value arrives in it (`const { stdout } = await run(cmd)`).
        if (parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectPattern && !item.previous) {
          this.bind(child, item);
          return;
        }
        if (parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
          if (this.isIgnoredOption(parent.parent, staticPropertyName(parent))) return;
          const at = this.emit(
            { kind: 'property', node: parent, name: staticPropertyName(parent), object: parent.parent },
            parent.parent,
            item,
          );
          if (at) this.follow(parent.parent, at, item.hops);
        }
        return;
      case AST_NODE_TYPES.SpreadElement:
        this.spread(parent, item);
        return;
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.BinaryExpression:
        this.follow(parent, item.previous, item.hops);
        return;
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object === child) this.member(parent, item);
        return;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (parent.callee !== child) {
          const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
          if (index >= 0) this.argument(parent, index, item);
        }
        return;
      case AST_NODE_TYPES.ReturnStatement: {
        const fn = enclosingFunction(parent);
        if (fn) this.returned(parent, fn, item);
        return;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        // A parameter as the start: the value arrives through it (a callback's `(err, value)`).
        if ((parent.params as Node[]).includes(child)) this.bind(child, item);
        else if (parent.body === child && parent.type === AST_NODE_TYPES.ArrowFunctionExpression)
          this.returned(child, parent, item);
        return;
      case AST_NODE_TYPES.PropertyDefinition:
        if (parent.value === child)
          this.emit(
            { kind: 'store', node: parent, target: parent, storage: storageOf(parent, this.refs) },
            parent,
            item,
          );
        return;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        this.emit({ kind: 'store', node: parent, target: parent, storage: 'module' }, parent, item);
        return;
      case AST_NODE_TYPES.ExpressionStatement:
        this.emit({ kind: 'discard', node: parent }, parent, item);
        return;
      default:
        return;
    }
  }

  private bind(pattern: Node, item: Pending): void {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier: {
        const at = this.emit(
          { kind: 'store', node: pattern, target: pattern, storage: storageOf(pattern, this.refs) },
          pattern,
          item,
        );
        const variable = this.refs.variableOf(pattern);
        if (at && variable) this.followReads(variable, at, item.hops + 1);
        return;
      }
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties) {
          if (property.type === AST_NODE_TYPES.RestElement) {
            this.bind(property.argument, item);
            continue;
          }
          const at = this.emit(
            { kind: 'field', node: property, name: staticPropertyName(property) },
            property.value,
            item,
          );
          if (at) this.bind(property.value, { value: property.value, previous: at, hops: item.hops });
        }
        return;
      case AST_NODE_TYPES.AssignmentPattern:
        this.bind(pattern.left, item);
        return;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of pattern.elements) if (element) this.bind(element, item);
        return;
      default:
        return;
    }
  }

  private assign(assignment: TSESTree.AssignmentExpression, item: Pending): void {
    const target = assignment.left;
    const at = this.emit(
      { kind: 'store', node: assignment, target, storage: storageOf(target, this.refs) },
      target,
      item,
    );
    if (!at) return;
    // The container a local `obj.x = value` fills now carries the value (where it is used whole, or `.x` is read).
    const root = rootIdentifier(target);
    const variable = root ? this.refs.variableOf(root) : null;
    const slot = root && root !== unwrap(target) ? firstPropertyName(root) : undefined;
    if (variable) this.followReads(variable, at, item.hops + 1, slot);
    this.follow(assignment, at, item.hops);
  }

  private spread(spread: TSESTree.SpreadElement, item: Pending): void {
    const container = spread.parent;
    if (container.type === AST_NODE_TYPES.ObjectExpression) {
      const at = this.emit({ kind: 'property', node: spread, name: null, object: container }, container, item);
      if (at) this.follow(container, at, item.hops);
    } else if (container.type === AST_NODE_TYPES.ArrayExpression) {
      this.follow(container, item.previous, item.hops);
    } else if (container.type === AST_NODE_TYPES.CallExpression || container.type === AST_NODE_TYPES.NewExpression) {
      this.argument(container, container.arguments.indexOf(spread), item);
    }
  }

  private member(member: TSESTree.MemberExpression, item: Pending): void {
    const name = staticPropertyName(member);
    const parent = member.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === member) {
      const at = this.emit({ kind: 'method', node: parent, name }, parent, item);
      // `.with_credentials(k, s, t).with_endpoint(e).build()`: each link of a builder chain carries the value on.
      if (
        at &&
        name !== null &&
        BUILDER_METHOD_PATTERN.test(name) &&
        (isBuilderLink(item.value, item.previous) || isBuilderVariable(item.value, item.previous))
      )
        this.follow(parent, at, item.hops);
      // `await new MongoClient(uri).connect()`: the connection opened hands back the object built with the value.
      if (
        at &&
        name !== null &&
        CONNECTING_METHODS.includes(name) &&
        (isBuiltWith(item.value, item.previous) || isBuilderVariable(item.value, item.previous))
      )
        this.follow(parent, at, item.hops);
      const callback = parent.arguments[0];
      // `.then((value) => ...)`, or `.then(keepCredentials)` naming a function of the file.
      const handler = callback && isFunctionNode(callback) ? callback : namedThenCallback(parent, this.refs);
      if (at && name === THEN && handler && handler.params[0]?.type === AST_NODE_TYPES.Identifier) {
        const variable = this.refs.variableOf(handler.params[0]);
        if (variable) this.followReads(variable, at, item.hops + 1);
      }
      return;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) return;
    const at = this.emit({ kind: 'field', node: member, name }, member, item);
    if (at) this.follow(member, at, item.hops);
  }

  /** `AwsSigv4Signer({ credentials })`: an option the called library never reads keeps nothing. */
  private isIgnoredOption(object: TSESTree.ObjectExpression, name: string | null): boolean {
    const call = object.parent;
    if (name === null || (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression))
      return false;
    const ref = this.refs.resolve(call.callee);
    return (
      ref !== null &&
      IGNORED_CREDENTIAL_OPTIONS.some(
        (entry) => refMatches(ref, entry.api) && (entry.options as readonly string[]).includes(name),
      )
    );
  }

  private argument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, item: Pending): void {
    const at = this.emit({ kind: 'argument', node: call, index }, call, item);
    if (!at) return;
    const callee = unwrap(call.callee);
    if (
      call.type === AST_NODE_TYPES.CallExpression &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      CACHE_WRITE_METHODS.has(staticPropertyName(callee) ?? '')
    ) {
      // `cache.set(key, value)`: the container keeps the value.
      this.emit(
        { kind: 'store', node: call, target: callee.object, storage: storageOf(callee.object, this.refs) },
        callee.object,
        { ...item, previous: at },
      );
    }
    this.follow(call, at, item.hops);
    // `resolve(value)` in a `new Promise` executor: the promise carries the value.
    const promise = call.type === AST_NODE_TYPES.CallExpression ? promiseSettledBy(call, this.refs) : null;
    if (promise) this.follow(promise, at, item.hops + 1);
    // `Object.assign(options, connector(creds))`: the target object now carries the value wherever it is read.
    const target = index > 0 && isObjectAssign(call, this.refs) ? unwrap(call.arguments[0]) : null;
    const targetVariable = target?.type === AST_NODE_TYPES.Identifier ? this.refs.variableOf(target) : null;
    if (targetVariable) this.followReads(targetVariable, at, item.hops + 1);
    const param = localFunction(call, this.refs, { bindings: 'any', thisMethods: false })?.params[index];
    const variable = param?.type === AST_NODE_TYPES.Identifier ? this.refs.variableOf(param) : null;
    if (variable) this.followReads(variable, at, item.hops + 1);
  }

  private returned(node: Node, fn: TSESTree.FunctionLike, item: Pending): void {
    const at = this.emit({ kind: 'return', node, fn }, node, item);
    if (!at) return;
    const factory = singletonFactoryOf(fn);
    if (factory)
      this.emit({ kind: 'store', node: factory, target: factory, storage: 'module' }, factory, {
        ...item,
        previous: at,
      });
    for (const call of callSites(fn, this.refs, this.sourceCode)) this.follow(call, at, item.hops + 1);
  }

  private followFunctionDeclaration(fn: TSESTree.FunctionDeclaration, item: Pending): void {
    if (!fn.id || !item.previous) return;
    const variable = this.refs.variableOf(fn.id);
    if (variable) this.followReads(variable, item.previous, item.hops + 1);
  }

  /** Follows every read of `variable`; with `onlyProperty`, skips reads of the container's other properties. */
  private followReads(variable: Variable, previous: FlowNode, hops: number, onlyProperty?: string | null): void {
    if (hops > this.maxHops) return;
    const home = variable.scope.block.type === AST_NODE_TYPES.Program ? null : variableFunction(variable);
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as TSESTree.Identifier;
      if (onlyProperty !== undefined) {
        const read = firstPropertyName(identifier);
        if (read !== undefined && read !== onlyProperty) continue;
      }
      this.follow(identifier, previous, hops);
      const closure = home ? outermostClosure(identifier, home) : null;
      if (closure) {
        const at: FlowNode = {
          step: { kind: 'capture', node: closure, reference: identifier },
          value: closure,
          previous,
        };
        this.steps.push(at);
        if (!this.options.stopAt?.(at)) this.follow(closure, at, hops + 1);
      }
    }
  }
}

/** Climbs through wrappers that pass the value on unchanged: TS assertions, `await`, `a ?? b`, `c ? a : b`, `(x, a)`. */
export function climb(node: Node): Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    switch (parent.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.LogicalExpression:
        current = parent;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return current;
        current = parent;
        break;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== current) return current;
        current = parent;
        break;
      default:
        return current;
    }
  }
}

/** `Object.assign(...)` of the global `Object`. */
function isObjectAssign(call: TSESTree.CallExpression | TSESTree.NewExpression, refs: ModuleRefs): boolean {
  const callee = unwrap(call.callee);
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === OBJECT_GLOBAL &&
    staticPropertyName(callee) === OBJECT_ASSIGN &&
    !refs.variableOf(callee.object)?.defs.length
  );
}

/** A builder method's call that was handed the value (or continues a chain that was): its result is the builder. */
function isBuilderLink(value: Node, previous: FlowNode | null): boolean {
  if (value.type !== AST_NODE_TYPES.CallExpression || !previous) return false;
  const { step } = previous;
  if ((step.kind !== 'argument' && step.kind !== 'method') || step.node !== value) return false;
  const callee = unwrap(value.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression && BUILDER_METHOD_PATTERN.test(staticPropertyName(callee) ?? '')
  );
}

/** A construction or factory call that was handed the value: `new MongoClient(uri)`, `createClient({ password })`. */
function isBuiltWith(value: Node, previous: FlowNode | null): boolean {
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
  return previous?.step.kind === 'argument' && previous.step.node === value;
}

/**
 * A builder made from the value and kept in a variable: `const builder = Factory.new_with_websockets({
 * credentials_provider })`, then `builder.with_endpoint(e)` and `builder.build()` (the variable read, bound to the
 * result of a call the value was handed to).
 */
function isBuilderVariable(value: Node, previous: FlowNode | null): boolean {
  if (value.type !== AST_NODE_TYPES.Identifier || previous?.step.kind !== 'store') return false;
  return previous.previous?.step.kind === 'argument';
}

/** `obj.x...` → 'x' for the member read directly off `object` (null when computed), undefined when it is used whole. */
function firstPropertyName(object: Node): string | null | undefined {
  const parent = object.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== object) return undefined;
  return staticPropertyName(parent);
}

function rootIdentifier(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}

/** The function whose scope declares `variable` (its parameters count as inside it). */
function variableFunction(variable: Variable): Node | null {
  const block = variable.scope.block;
  if (isFunctionNode(block)) return block;
  return enclosingFunction(block);
}

/** The outermost function between `reference` and `home` (exclusive): the closure that captured the variable. */
function outermostClosure(reference: Node, home: Node): TSESTree.FunctionLike | null {
  let closure: TSESTree.FunctionLike | null = null;
  for (let p = reference.parent; p && p !== home; p = p.parent) {
    if (isFunctionNode(p)) closure = p;
  }
  return closure;
}

/** `{ provide: X, useFactory: fn }`: the property whose function a DI container runs once (SINGLETON_FACTORIES). */
function singletonFactoryOf(fn: TSESTree.FunctionLike): TSESTree.Property | null {
  const property = fn.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== fn) return null;
  const name = staticPropertyName(property);
  const object = property.parent as TSESTree.ObjectExpression;
  const factory = SINGLETON_FACTORIES.find((f) => f.option === name);
  return factory && findProperty(object, factory.sibling) && !findProperty(object, factory.perUseOption)
    ? property
    : null;
}

/**
 * Where a function's result goes: calls of a named function or a const-bound function expression, and
 * `this.name()` / `ClassName.name()` calls of a method inside its own class, its base classes and the subclasses
 * that inherit it (class-family.ts).
 */
function callSites(fn: TSESTree.FunctionLike, refs: ModuleRefs, sourceCode: Readonly<TSESLint.SourceCode>): Node[] {
  const holder = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return calleeUses(refs.variableOf(fn.id));
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    return calleeUses(refs.variableOf(holder.id));
  }
  // An inline `.then(fn)` callback: what it returns is what the `.then(...)` call settles to.
  if (holder && thenCallsOf([fn as unknown as TSESTree.Identifier]).length > 0) return [holder];
  if (holder?.type === AST_NODE_TYPES.MethodDefinition) {
    const name = staticPropertyName(holder);
    if (name === null) return [];
    const inside = bodiesCallingOwnMethod(holder.parent, name, refs, sourceCode).flatMap((body) =>
      methodCalls(body, name, sourceCode),
    );
    return [...new Set([...inside, ...callsOfMethod(fn, refs)])];
  }
  const wrapper = awaitedCallRunning(fn);
  return wrapper ? [wrapper] : callsOfMethod(fn, refs);
}

function calleeUses(variable: Variable | null): Node[] {
  if (!variable) return [];
  const calls: Node[] = [];
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
  }
  // `.then(fn)` runs `fn` and settles to its result.
  calls.push(...thenCallsOf(variable.references.map((r) => r.identifier as TSESTree.Identifier)));
  return calls;
}

function methodCalls(body: TSESTree.ClassBody, name: string, sourceCode: Readonly<TSESLint.SourceCode>): Node[] {
  const className = body.parent.id?.name;
  const calls: Node[] = [];
  forEachDescendant(body, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== name) return;
    const object = unwrap(callee.object);
    if (
      object.type === AST_NODE_TYPES.ThisExpression ||
      (object.type === AST_NODE_TYPES.Identifier && object.name === className)
    ) {
      calls.push(node);
    }
  });
  return calls;
}

/**
 * Visits every node under `root` (depth first) using the parser's visitor keys. `visit` may answer `'skip'` (not into
 * this node's children) or `'stop'` (no further node).
 */
export function forEachDescendant(
  root: Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  visit: (node: Node) => void | 'skip' | 'stop',
): void {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const answer = visit(node);
    if (answer === 'stop') return;
    if (answer === 'skip') continue;
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof (c as Node).type === 'string') stack.push(c as Node);
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}
