import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './find-variable.js';
import type { ApiRef } from '../knowledge/index.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  CACHE_GET_METHOD,
  CLOCK_CALLS,
  CLOCK_CONSTRUCTORS,
  DATE_DIFFERENCE_FUNCTION_PATTERN,
  DATE_DIFFERENCE_METHODS,
  DATE_FNS_MODULES,
  DATE_LIBRARY_CLOCKS,
  DATE_LIBRARY_CONVERSIONS,
  DATE_METHODS,
  DEADLINE_NAME_PHRASES,
  EXPIRY_FIELD_NAMES,
  EXPIRY_NAME_PATTERN,
  FILL_TIME_NAME_PATTERN,
  TIME_FUNCTIONS,
  TIME_METHODS,
  moduleMatches,
  refMatches,
} from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import { constDeclarator, ModuleRefs } from './module-refs.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

const MAX_DEPTH = 4;

/**
 * How a time expression moves with the clock and with the cached value's expiry: `expiry - Date.now()` is
 * { now: -1, expiry: +1 }. Only the signs matter; constants (margins, `* 1000`) are ignored.
 */
interface Terms {
  now: number;
  expiry: number;
}

/**
 * Reads time expressions for one cached value: which nodes are the value itself (`slotNodes`), which are its
 * companion deadline (`deadlineNodes`: `tokenDeadline`, `this.expiresAt`), and which parameters stand for an
 * argument at a call being analysed (`bindings`).
 */
export class TimeReader {
  private readonly derivesCache = new Map<Node, boolean>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly slotNodes: ReadonlySet<Node>,
    private readonly deadlineNodes: ReadonlySet<Node>,
    private readonly bindings: ReadonlyMap<Variable, Node> = new Map(),
    private readonly anyOwner = false,
    /** Reads of an expiry field the kept value never has (`cache.expiration` of `{ accessKeyId, ... }`): no expiry. */
    private readonly absentFields: ReadonlySet<Node> = new Set(),
  ) {}

  withBindings(bindings: ReadonlyMap<Variable, Node>): TimeReader {
    return new TimeReader(
      this.sourceCode,
      this.slotNodes,
      this.deadlineNodes,
      bindings,
      this.anyOwner,
      this.absentFields,
    );
  }

  /**
   * A reader that counts any expiry field or name, whatever value it belongs to: for a check that sits in the same
   * reuse test as the cached value (`if (pool && token.expiresAt > now) return pool`).
   */
  ofAnyOwner(): TimeReader {
    return new TimeReader(this.sourceCode, this.slotNodes, this.deadlineNodes, this.bindings, true, this.absentFields);
  }

  /** The terms of `left - right`, as in the comparison `left < right`; a null `right` is the clock. */
  difference(left: Node, right: Node | null): Terms {
    const terms = { now: 0, expiry: 0 };
    this.walk(left, 1, terms, 0);
    if (right) this.walk(right, -1, terms, 0);
    else terms.now -= 1;
    return terms;
  }

  /** The terms of one expression. */
  terms(node: Node): Terms {
    const terms = { now: 0, expiry: 0 };
    this.walk(node, 1, terms, 0);
    return terms;
  }

  /** True when the expression is computed from the cached value (`cached`, `cache.get(k)`, a local made from them). */
  derivesFromSlot(node: Node, depth = 0): boolean {
    const known = this.derivesCache.get(node);
    if (known !== undefined) return known;
    const result = depth <= MAX_DEPTH && this.search(node, (n) => this.isSlotReference(n, depth));
    this.derivesCache.set(node, result);
    return result;
  }

  /** True when the expression reads the clock: `Date.now()`, `new Date()`, or a local `now` made from one. */
  isClock(node: Node, depth = 0): boolean {
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(inner.callee);
      if (inner.arguments.length === 0 && this.isDateLibrary(callee, DATE_LIBRARY_CLOCKS)) return true;
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        CLOCK_CALLS.some(
          ([object, method]) => this.isGlobal(callee.object, object) && staticPropertyName(callee) === method,
        )
      );
    }
    if (inner.type === AST_NODE_TYPES.NewExpression) {
      return inner.arguments.length === 0 && CLOCK_CONSTRUCTORS.some((name) => this.isGlobal(inner.callee, name));
    }
    if (inner.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
      const init = this.localInit(inner);
      return init !== null && this.isClock(init, depth + 1);
    }
    return false;
  }

  /** True when the expression mentions an expiry field or name (`data.expires_in`, `expiresAt`) or the clock. */
  mentionsExpiryOrClock(node: Node): boolean {
    return this.search(node, (n) => {
      if (n.type === AST_NODE_TYPES.MemberExpression) {
        const name = staticPropertyName(n);
        return name !== null && isExpiryName(name);
      }
      if (n.type === AST_NODE_TYPES.Identifier) return (isExpiryName(n.name) && !isPropertyKey(n)) || this.isClock(n);
      return this.isClock(n);
    });
  }

  private walk(node: Node, sign: number, terms: Terms, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const inner = unwrap(node);
    if (this.isClock(inner)) {
      terms.now += sign;
      return;
    }
    if (this.deadlineNodes.has(inner)) {
      terms.expiry += sign;
      return;
    }
    switch (inner.type) {
      case AST_NODE_TYPES.BinaryExpression:
        if (inner.operator === '+' || inner.operator === '*' || inner.operator === '/') {
          this.walk(inner.left, sign, terms, depth);
          this.walk(inner.right, sign, terms, depth);
        } else if (inner.operator === '-') {
          this.walk(inner.left, sign, terms, depth);
          this.walk(inner.right, -sign, terms, depth);
        }
        return;
      case AST_NODE_TYPES.UnaryExpression:
        if (inner.operator === '-' || inner.operator === '+')
          this.walk(inner.argument, inner.operator === '-' ? -sign : sign, terms, depth);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        if (inner.operator !== '&&') this.walk(inner.left, sign, terms, depth);
        return;
      case AST_NODE_TYPES.MemberExpression: {
        // `expiresAt[key]`: one entry of a per-key deadline record.
        if (inner.computed && this.deadlineNodes.has(unwrap(inner.object))) {
          terms.expiry += sign;
          return;
        }
        const name = staticPropertyName(inner);
        const timed = name !== null && (isExpiryName(name) || FILL_TIME_NAME_PATTERN.test(name));
        if (timed && !this.absentFields.has(inner) && (this.anyOwner || this.derivesFromSlot(inner.object)))
          terms.expiry += sign;
        return;
      }
      case AST_NODE_TYPES.CallExpression: {
        // `expiresAt.get(key)`: one entry of a per-key deadline map.
        const callee = unwrap(inner.callee);
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          staticPropertyName(callee) === CACHE_GET_METHOD &&
          this.deadlineNodes.has(unwrap(callee.object))
        ) {
          terms.expiry += sign;
          return;
        }
        const difference = this.dateDifference(inner);
        if (difference) {
          this.walk(difference[0], sign, terms, depth + 1);
          this.walk(difference[1], -sign, terms, depth + 1);
          return;
        }
        const argument = this.timeConversionArgument(inner);
        if (argument) this.walk(argument, sign, terms, depth + 1);
        return;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        // `cache ? cache.expiresAt - Date.now() : 0`: the branches are the value's times or constants.
        this.walk(inner.consequent, sign, terms, depth + 1);
        this.walk(inner.alternate, sign, terms, depth + 1);
        return;
      case AST_NODE_TYPES.NewExpression:
        if (inner.arguments.length === 1 && CLOCK_CONSTRUCTORS.some((name) => this.isGlobal(inner.callee, name))) {
          this.walk(inner.arguments[0], sign, terms, depth + 1);
        }
        return;
      case AST_NODE_TYPES.Identifier: {
        const bound = this.bound(inner);
        if (bound) {
          this.walk(bound, sign, terms, depth + 1);
          return;
        }
        const init = this.localInit(inner);
        if (!init) {
          if (this.anyOwner && isExpiryName(inner.name)) terms.expiry += sign;
          return;
        }
        // `const expiresAt = new Date(cache.expiration || 0)` read off a field the value never has: its own terms.
        const named =
          isExpiryName(inner.name) &&
          (this.anyOwner || this.derivesFromSlot(init, depth + 1)) &&
          !(this.absentFields.size > 0 && this.search(init, (n) => this.absentFields.has(n)));
        if (named) terms.expiry += sign;
        else this.walk(init, sign, terms, depth + 1);
        return;
      }
      default:
        return;
    }
  }

  /** `a.diff(b)` (dayjs, moment), `differenceInSeconds(a, b)` (date-fns) → [a, b]: the time `a - b`. */
  private dateDifference(call: TSESTree.CallExpression): [Node, Node] | null {
    const callee = unwrap(call.callee);
    const [first, second] = call.arguments;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(callee);
      return name !== null && DATE_DIFFERENCE_METHODS.includes(name) && first ? [callee.object, first] : null;
    }
    const ref = ModuleRefs.for(this.sourceCode).resolve(callee);
    const named = ref?.path.length === 1 && DATE_DIFFERENCE_FUNCTION_PATTERN.test(ref.path[0]);
    return named && DATE_FNS_MODULES.some((m) => moduleMatches(m, ref.module)) && first && second
      ? [first, second]
      : null;
  }

  /** Whether `callee` resolves to one of the date library functions `apis` (`dayjs`, luxon `DateTime.now`). */
  private isDateLibrary(callee: Node, apis: readonly ApiRef[]): boolean {
    const ref = ModuleRefs.for(this.sourceCode).resolve(callee);
    return ref !== null && apis.some((api) => refMatches(ref, api));
  }

  /** `x.getTime()`, `Date.parse(x)`, `Math.floor(x)`, `dayjs.unix(x)`, `d.add(1, 'minute')` → x. */
  private timeConversionArgument(call: TSESTree.CallExpression): Node | null {
    const callee = unwrap(call.callee);
    if (call.arguments[0] && this.isDateLibrary(callee, DATE_LIBRARY_CONVERSIONS)) return call.arguments[0];
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(callee);
      if (name !== null && TIME_METHODS.includes(name) && call.arguments.length === 0) return callee.object;
      if (name !== null && DATE_METHODS.includes(name)) return callee.object;
      const matches = TIME_FUNCTIONS.some(
        (path) => path.length === 2 && this.isGlobal(callee.object, path[0]) && name === path[1],
      );
      return matches && call.arguments[0] ? call.arguments[0] : null;
    }
    const global = TIME_FUNCTIONS.some((path) => path.length === 1 && this.isGlobal(callee, path[0]));
    return global && call.arguments[0] ? call.arguments[0] : null;
  }

  private isSlotReference(node: Node, depth: number): boolean {
    if (this.slotNodes.has(node)) return true;
    if (node.type !== AST_NODE_TYPES.Identifier || isPropertyKey(node)) return false;
    const bound = this.bound(node);
    if (bound) return this.derivesFromSlot(bound, depth + 1);
    const init = this.localInit(node);
    return init !== null && this.derivesFromSlot(init, depth + 1);
  }

  private bound(identifier: TSESTree.Identifier): Node | null {
    if (this.bindings.size === 0) return null;
    const variable = this.variableOf(identifier);
    return (variable && this.bindings.get(variable)) ?? null;
  }

  /** The initializer of a local, written-once variable (`const now = Date.now()`, `const { exp } = decode(t)`). */
  private localInit(identifier: TSESTree.Identifier): Node | null {
    return constDeclarator(identifier, this.sourceCode.getScope(identifier))?.declarator.init ?? null;
  }

  private variableOf(identifier: TSESTree.Identifier): Variable | null {
    return findVariable(this.sourceCode.getScope(identifier), identifier);
  }

  /** `name` as an unshadowed global: `Date`, `Math`. */
  private isGlobal(node: Node, name: string): boolean {
    const inner = unwrap(node);
    if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== name) return false;
    const variable = this.variableOf(inner);
    return !variable || variable.defs.length === 0;
  }

  /** Depth-first search of an expression (not into nested functions). */
  private search(root: Node, test: (node: Node) => boolean): boolean {
    let found = false;
    forEachDescendant(root, this.sourceCode, (node) => {
      if (test(node)) {
        found = true;
        return 'stop';
      }
      const nested =
        node !== root &&
        (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression);
      return nested ? 'skip' : undefined;
    });
    return found;
  }
}

export function isExpiryName(name: string): boolean {
  return EXPIRY_FIELD_NAMES.has(name) || EXPIRY_NAME_PATTERN.test(name) || namesDeadline(name);
}

/** `tokenValidTo`, `refresh_after`: the name's words contain a deadline phrase (DEADLINE_NAME_PHRASES). */
function namesDeadline(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return DEADLINE_NAME_PHRASES.some((phrase) => words.some((_, i) => phrase.every((word, j) => words[i + j] === word)));
}

/** `b` in `a.b` or `{ b: 1 }`: a name, not a variable. */
function isPropertyKey(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.property === identifier && !parent.computed;
  if (parent?.type === AST_NODE_TYPES.Property)
    return parent.key === identifier && !parent.computed && !parent.shorthand;
  return false;
}
