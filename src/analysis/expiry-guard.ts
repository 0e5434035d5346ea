import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  CACHE_PUT_METHOD,
  EXPIRY_FLAG_FIELDS,
  EXPIRY_PREDICATES,
  REFRESH_TIMERS,
  TOKEN_REFRESH_LISTENERS,
  type PredicateMeaning,
  type RelationalOperator,
} from '../knowledge/index.js';
import { constantOutcome } from './absent-field-check.js';
import { calleeName, enclosingFunction, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { browserStorageCall } from './browser-storage.js';
import { isExpiryName, TimeReader } from './expiry-terms.js';
import { fileIndex } from './file-index.js';
import { findVariable } from './find-variable.js';
import { renewedWithoutComparison, type GuardFacts } from './guard-renewals.js';
import { keptFields } from './kept-fields.js';
import { localFunction } from './local-function.js';
import { ModuleRefs } from './module-refs.js';
import { functionName, isPlaceholderValue } from './slot-fills.js';
import {
  isRead,
  isWrite,
  occurrencesOf,
  patternIdentifiers,
  sameSlot,
  slotOf,
  type Occurrence,
  type Slot,
} from './storage-slot.js';
import { asTimeComparison, timeComparisons } from './time-comparisons.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type FunctionLike = TSESTree.FunctionLike;
type Context = Readonly<{ sourceCode: SourceCode }>;

/**
 * Whether the code that reuses a cached value checks its expiry first.
 * - `guarded`: some check on the value's expiry (or its companion deadline, or a refresh timer) decides reuse, or
 *   a check exists whose direction cannot be decided statically (benefit of the doubt).
 * - `inverted`: a check exists, but its direction reuses the value only once it has expired.
 * - `unguarded`: nothing in the file compares the value's expiry.
 */
export type ExpiryGuard =
  | { readonly kind: 'guarded'; readonly by: Node }
  | { readonly kind: 'inverted'; readonly by: Node }
  | { readonly kind: 'unguarded' };

/**
 * `target` names the storage: a declared identifier (`let cached`), an assignment target (`cached`, `this.x`,
 * `Cls.x`, `globalThis.x`, `cache[k]`), a class `PropertyDefinition`, or a Map cache's identifier.
 */
export function expiryGuardOf(target: Node, context: Context): ExpiryGuard {
  const slot = slotOf(target, context.sourceCode);
  return slot ? new GuardSearch(slot, context.sourceCode).run() : { kind: 'unguarded' };
}

/** True when reuse of the value kept at `target` is decided by a correct expiry check (see ExpiryGuard). */
export function isExpiryGuarded(target: Node, context: Context): boolean {
  return expiryGuardOf(target, context).kind === 'guarded';
}

type Verdict = 'correct' | 'inverted' | 'undecided';
type BranchKind = 'refresh' | 'reuse' | 'none';

/** The search for what renews the value kept in one slot; its facts are shared with guard-renewals.ts. */
class GuardSearch implements GuardFacts {
  readonly occurrences: Occurrence[];
  readonly writers = new Set<FunctionLike | null>();
  readonly refresherNames = new Set<string>();
  /** Of those, the functions that write the slot whatever it holds (no `if (!token)` memo around the write). */
  readonly renewerNames = new Set<string>();
  readonly reader: TimeReader;
  /** The same, counting an absent expiry field as one (to read what a broken check meant). */
  private readonly plainReader: TimeReader;
  private readonly absent: ReadonlySet<Node>;

  constructor(
    readonly slot: Slot,
    readonly sourceCode: SourceCode,
  ) {
    this.occurrences = occurrencesOf(slot, sourceCode);
    for (const occurrence of this.occurrences) {
      if (!isWrite(occurrence.access)) continue;
      const writer = enclosingFunction(occurrence.node);
      if (!isPlaceholderValue(occurrence.value) || occurrence.access !== 'write') this.writers.add(writer);
      const name = writer ? functionName(writer) : null;
      if (name) this.refresherNames.add(name);
    }
    const slotNodes = new Set(this.occurrences.filter((o) => isRead(o.access)).map((o) => o.node));
    for (const occurrence of this.occurrences) {
      const writer = isWrite(occurrence.access) ? enclosingFunction(occurrence.node) : null;
      const name = writer ? functionName(writer) : null;
      if (name && !behindTestOf(occurrence.node, writer!, slotNodes)) this.renewerNames.add(name);
    }
    const bare = new TimeReader(sourceCode, slotNodes, new Set());
    const deadlines = this.deadlineReads(bare);
    this.absent = this.absentExpiryReads(slotNodes);
    this.plainReader = new TimeReader(sourceCode, slotNodes, deadlines);
    this.reader = new TimeReader(sourceCode, slotNodes, deadlines, new Map(), false, this.absent);
  }

  /**
   * A comparison that reads only an absent expiry field (absentExpiryReads) has a constant result. It still renews
   * the value when that result is "expired" and the branch it takes refills the slot before going on (every call
   * refetches); it is no check when the result is "not expired", or when the refill only starts (a callback) while
   * the old value is used. Undecidable shapes keep the benefit of the doubt.
   */
  private renewsDespiteAbsentField(
    comparison: Node,
    left: Node,
    right: Node | null,
    operator: RelationalOperator,
  ): boolean {
    const plain = this.plainReader.difference(left, right);
    // Not a test of the absent field at all.
    if (plain.expiry === 0) return false;
    if (plain.now === 0 || Math.sign(plain.now) === Math.sign(plain.expiry)) return true;
    const outcome = constantOutcome(left, right, operator, this.absent, this.sourceCode);
    if (outcome === null) return true;
    const lessThan = operator === '<' || operator === '<=';
    const expiredWhenTrue = plain.expiry > 0 === lessThan;
    if (outcome !== expiredWhenTrue) return false;
    const statement = comparison.parent;
    if (statement?.type !== AST_NODE_TYPES.IfStatement || statement.test !== comparison) return true;
    const branch = outcome ? statement.consequent : statement.alternate;
    if (!branch) return true;
    const checking = enclosingFunction(comparison);
    const within = (node: Node) => branch.range[0] <= node.range[0] && node.range[1] <= branch.range[1];
    if (this.occurrences.some((o) => isWrite(o.access) && within(o.node) && enclosingFunction(o.node) === checking))
      return true;
    return fileIndex(this.sourceCode).calls.some((call) => {
      const name = calleeName(call);
      return within(call) && name !== null && this.refresherNames.has(name) && enclosingFunction(call) === checking;
    });
  }

  /**
   * `slot.expiration` where every value put in the slot is an object written out without that field
   * (`{ accessKeyId, secretAccessKey, sessionToken }`): the test reads undefined, and is no check of its expiry.
   */
  private absentExpiryReads(slotNodes: ReadonlySet<Node>): ReadonlySet<Node> {
    const writes = this.occurrences.filter((o) => isWrite(o.access));
    if (writes.some((o) => o.access !== 'write')) return new Set();
    const values = writes.map((o) => o.value).filter((v): v is Node => v !== undefined && !isPlaceholderValue(v));
    const fields = keptFields(values, this.sourceCode);
    if (!fields) return new Set();
    const absent = new Set<Node>();
    for (const node of slotNodes) {
      const member = node.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) continue;
      const name = staticPropertyName(member);
      if (name !== null && isExpiryName(name) && !fields.has(name)) absent.add(member);
    }
    return absent;
  }

  run(): ExpiryGuard {
    const ttl = renewedWithoutComparison(this);
    if (ttl) return { kind: 'guarded', by: ttl };
    let guardedBy: Node | null = null;
    for (const [node, verdict] of this.checks()) {
      if (verdict === 'inverted') return { kind: 'inverted', by: node };
      guardedBy ??= node;
    }
    return guardedBy ? { kind: 'guarded', by: guardedBy } : { kind: 'unguarded' };
  }

  private *checks(): Generator<[Node, Verdict]> {
    const index = fileIndex(this.sourceCode);
    for (const { node: comparison, left, right, operator } of timeComparisons(this.sourceCode)) {
      let terms = this.reader.difference(left, right);
      if (
        terms.expiry === 0 &&
        this.absent.size > 0 &&
        this.renewsDespiteAbsentField(comparison, left, right, operator)
      ) {
        yield [comparison, 'correct'];
        continue;
      }
      if (terms.expiry === 0 && this.inReuseTest(comparison) && this.readsRefilledValue(comparison)) {
        // The expiry of a value refilled along with this one (`token.expiresAt > now`, the token the pool is built
        // from) in the test that reuses it: decided, or no guard.
        terms = this.reader.ofAnyOwner().difference(left, right);
        if (terms.now === 0 || Math.sign(terms.now) === Math.sign(terms.expiry)) continue;
      }
      if (terms.expiry === 0) continue;
      if (terms.now === 0 || Math.sign(terms.now) === Math.sign(terms.expiry)) {
        yield [comparison, 'undecided'];
        continue;
      }
      const lessThan = operator === '<' || operator === '<=';
      yield [comparison, this.verdict(comparison, terms.expiry > 0 === lessThan)];
    }
    for (const field of EXPIRY_FLAG_FIELDS) {
      for (const flag of index.membersByName.get(field) ?? []) {
        if (this.reader.derivesFromSlot(flag.object)) yield [flag, this.verdict(flag, true)];
      }
    }
    for (const call of index.calls) {
      const name = calleeName(call);
      if (name === null) continue;
      if (REFRESH_TIMERS.includes(name)) {
        if (this.schedulesRefresh(call)) yield [call, 'correct'];
        continue;
      }
      if (TOKEN_REFRESH_LISTENERS.includes(name)) {
        if (call.arguments.some((a) => isFunctionNode(a) && this.refills(a))) yield [call, 'correct'];
        continue;
      }
      const meaning = this.predicateMeaning(call, name);
      if (meaning === 'untied') continue;
      yield [call, meaning === 'unknown' ? 'undecided' : this.verdict(call, meaning === 'expired')];
    }
  }

  /**
   * The comparison reads storage that is written where this slot is refilled: in the same function, or in a function
   * of the file that the refill calls (`pool = new Pool({ password: await getToken() })`, `getToken` writing the token).
   */
  private readsRefilledValue(comparison: Node): boolean {
    const refills = new Set(this.writers);
    for (const call of fileIndex(this.sourceCode).calls) {
      if (!this.writers.has(enclosingFunction(call))) continue;
      const callee = localFunction(call, ModuleRefs.for(this.sourceCode), {
        bindings: 'written-once',
        thisMethods: true,
      });
      if (callee) refills.add(callee);
    }
    let tied = false;
    forEachDescendant(comparison, this.sourceCode, (node) => {
      if (tied || (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression)) return;
      const other = slotOf(node, this.sourceCode);
      tied =
        other !== null &&
        !sameSlot(other, this.slot) &&
        occurrencesOf(other, this.sourceCode).some((o) => isWrite(o.access) && refills.has(enclosingFunction(o.node)));
    });
    return tied;
  }

  /**
   * The comparison is part of an `if`/`?:` test that also reads this slot, or a slot rebuilt from it where it is
   * refilled (`db = drizzle(pool)` after `pool = new Pool(...)`: reusing `db` reuses the pool).
   */
  private inReuseTest(comparison: Node): boolean {
    let node: Node = comparison;
    while (
      node.parent &&
      (node.parent.type === AST_NODE_TYPES.LogicalExpression ||
        (node.parent.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === '!') ||
        node.parent.type === AST_NODE_TYPES.ChainExpression)
    ) {
      node = node.parent;
    }
    const statement = node.parent;
    if (
      (statement?.type !== AST_NODE_TYPES.IfStatement && statement?.type !== AST_NODE_TYPES.ConditionalExpression) ||
      statement.test !== node
    )
      return false;
    const inTest = (read: Node) => node.range[0] <= read.range[0] && read.range[1] <= node.range[1];
    return (
      this.occurrences.some((o) => isRead(o.access) && inTest(o.node)) ||
      this.builtFromReads().some((read) => inTest(read))
    );
  }

  private builtFrom: readonly Node[] | undefined;

  /** Reads of the slots that the refill builds from this one: `db` of `db = drizzle(pool)` in the writer of `pool`. */
  private builtFromReads(): readonly Node[] {
    if (this.builtFrom) return this.builtFrom;
    const reads = new Set(this.occurrences.filter((o) => isRead(o.access)).map((o) => o.node));
    const found: Node[] = [];
    for (const assignment of fileIndex(this.sourceCode).assignments) {
      if (!this.writers.has(enclosingFunction(assignment)) || !mentionsAny(assignment.right, reads)) continue;
      const other = slotOf(assignment.left, this.sourceCode);
      if (!other || sameSlot(other, this.slot)) continue;
      for (const o of occurrencesOf(other, this.sourceCode)) if (isRead(o.access)) found.push(o.node);
    }
    this.builtFrom = found;
    return found;
  }

  /** Functions that call a function of the file writing the slot (a setter): `ensureApi` of `provider.setCredentials(t)`. */
  private settersCallers(): ReadonlySet<FunctionLike> {
    const callers = new Set<FunctionLike>();
    const refs = ModuleRefs.for(this.sourceCode);
    for (const call of fileIndex(this.sourceCode).calls) {
      if (call.arguments.length === 0) continue;
      const caller = enclosingFunction(call);
      if (!caller || this.writers.has(caller)) continue;
      const callee = localFunction(call, refs, { bindings: 'written-once', thisMethods: true });
      if (callee && this.writers.has(callee)) callers.add(caller);
    }
    return callers;
  }

  /** Read occurrences of companion deadlines: other slots written next to this one from an expiry field or the clock. */
  private deadlineReads(reader: TimeReader): Set<Node> {
    const reads = new Set<Node>();
    const deadlines: Slot[] = [];
    const consider = (target: Node, value: Node | null | undefined) => {
      if (!value || isPlaceholderValue(value)) return;
      const other = slotOf(target, this.sourceCode);
      if (!other || sameSlot(other, this.slot) || deadlines.some((d) => sameSlot(d, other))) return;
      if (isExpiryName(other.name) || reader.mentionsExpiryOrClock(value)) deadlines.push(other);
    };
    // Also where the value is handed to the setter that keeps it (`provider.setCredentials(next)` next to
    // `validUntil = token.validUntil`): the deadline is written with the value there.
    const handers = this.settersCallers();
    for (const assignment of fileIndex(this.sourceCode).assignments) {
      const fn = enclosingFunction(assignment);
      if (this.writers.has(fn) || (fn !== null && handers.has(fn))) consider(assignment.left, assignment.right);
    }
    // `localStorage.setItem('expiresAt', ...)` where the value is stored: a deadline kept beside it.
    for (const call of fileIndex(this.sourceCode).calls) {
      if (this.writers.has(enclosingFunction(call)) && browserStorageCall(call, this.sourceCode)?.access === 'write')
        consider(call, call.arguments[1]);
    }
    // `expiresAt.set(key, Date.now() + ttl)` where a Map cache is filled: a deadline per key.
    if (this.occurrences.some((o) => o.access === 'container-write' && o.value !== undefined)) {
      for (const call of fileIndex(this.sourceCode).calls) {
        const callee = unwrap(call.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== CACHE_PUT_METHOD)
          continue;
        if (call.arguments.length === 2 && this.writers.has(enclosingFunction(call)))
          consider(callee.object, call.arguments[1]);
      }
    }
    if (this.writers.has(null)) {
      for (const other of moduleDeadlineCandidates(this.sourceCode, reader)) {
        if (!sameSlot(other, this.slot) && !deadlines.some((d) => sameSlot(d, other))) deadlines.push(other);
      }
    }
    for (const deadline of deadlines) {
      for (const occurrence of occurrencesOf(deadline, this.sourceCode))
        if (isRead(occurrence.access)) reads.add(occurrence.node);
    }
    return reads;
  }

  /**
   * The direction of a check `check` whose `true` means expired (`expiredWhenTrue`) or valid, given how the branch
   * it controls treats the cached value.
   */
  private verdict(check: Node, expiredWhenTrue: boolean): Verdict {
    // Each forcing reads "whenever the check is `check`, the test is `test`".
    let forcings = [
      { check: true, test: true },
      { check: false, test: false },
    ];
    let node: Node = check;
    for (;;) {
      const parent = node.parent;
      if (!parent) return 'undecided';
      if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') {
        forcings = forcings.map((f) => ({ check: f.check, test: !f.test }));
      } else if (
        parent.type === AST_NODE_TYPES.LogicalExpression &&
        (parent.operator === '&&' || parent.operator === '||')
      ) {
        const keep = parent.operator === '||';
        forcings = forcings.filter((f) => f.test === keep);
      } else if (parent.type !== AST_NODE_TYPES.ChainExpression && unwrap(parent) === parent) {
        break;
      }
      node = parent;
    }
    const statement = node.parent;
    const isTest =
      (statement?.type === AST_NODE_TYPES.IfStatement || statement?.type === AST_NODE_TYPES.ConditionalExpression) &&
      statement.test === node;
    if (!isTest || forcings.length === 0) return 'undecided';
    for (const f of forcings) {
      const expiredWhenForced = f.check === expiredWhenTrue;
      // Whenever the check says expired, this branch runs: it must not serve the cached value.
      if (expiredWhenForced && this.branchKind(statement, f.test) === 'reuse') return 'inverted';
      // The other branch runs only when the check says expired: the same.
      if (!expiredWhenForced && this.branchKind(statement, !f.test) === 'reuse') return 'inverted';
    }
    return 'correct';
  }

  private branchKind(statement: TSESTree.IfStatement | TSESTree.ConditionalExpression, taken: boolean): BranchKind {
    const nodes: Node[] = [];
    if (statement.type === AST_NODE_TYPES.ConditionalExpression) {
      nodes.push(taken ? statement.consequent : statement.alternate);
    } else {
      const body = taken ? statement.consequent : statement.alternate;
      if (body) nodes.push(body);
      if (!body || !exits(body)) nodes.push(...restAfter(statement));
    }
    const inside = (node: Node) => nodes.some((n) => n.range[0] <= node.range[0] && node.range[1] <= n.range[1]);
    const refreshes =
      this.occurrences.some((o) => isWrite(o.access) && inside(o.node)) ||
      fileIndex(this.sourceCode).calls.some((call) => inside(call) && this.refresherNames.has(calleeName(call) ?? ''));
    if (refreshes) return 'refresh';
    return this.occurrences.some((o) => isRead(o.access) && inside(o.node)) ? 'reuse' : 'none';
  }

  /** `setTimeout(() => { cached = null }, ms)`, `setInterval(refresh, ms)`, `cron.schedule(expr, refresh)`. */
  private schedulesRefresh(call: TSESTree.CallExpression): boolean {
    return call.arguments.some((callback) => this.refreshesWhenCalled(call, callback));
  }

  private refreshesWhenCalled(call: TSESTree.CallExpression, callback: Node): boolean {
    if (isFunctionNode(callback)) return this.refills(callback);
    const name =
      callback.type === AST_NODE_TYPES.Identifier
        ? callback.name
        : callback.type === AST_NODE_TYPES.MemberExpression
          ? staticPropertyName(callback)
          : null;
    if (name === null) return false;
    if (this.refresherNames.has(name)) return true;
    // A re-armed timer: `const tick = () => { refresh(); setTimeout(tick, ttl); }`.
    const rearmed = enclosingFunction(call);
    return rearmed !== null && functionName(rearmed) === name && this.refills(rearmed);
  }

  /** `fn` writes the slot, or calls the function that does (`async () => { await this.refresh(); }`). */
  private refills(fn: FunctionLike): boolean {
    return (
      this.occurrences.some((o) => isWrite(o.access) && enclosingFunction(o.node) === fn) ||
      fileIndex(this.sourceCode).calls.some(
        (c) => enclosingFunction(c) === fn && this.refresherNames.has(calleeName(c) ?? ''),
      )
    );
  }

  /**
   * What `true` means for a call that tests expiry: `isExpired(cached)`, `cached.needsRefresh()`, or a local
   * function returning a comparison on its argument. `untied` when the call does not test this value.
   */
  private predicateMeaning(call: TSESTree.CallExpression, name: string): PredicateMeaning | 'unknown' | 'untied' {
    const named = EXPIRY_PREDICATES.find((p) => p.pattern.test(name));
    if (!named && !comparingFunctionNames(this.sourceCode).has(name)) return 'untied';
    const local = localFunction(call, ModuleRefs.for(this.sourceCode), { bindings: 'written-once', thisMethods: true });
    if (local) {
      const meaning = this.returnedComparison(local, call);
      if (meaning !== 'untied') return meaning;
    }
    if (!named) return 'untied';
    const callee = unwrap(call.callee);
    const operands = [...call.arguments, ...(callee.type === AST_NODE_TYPES.MemberExpression ? [callee.object] : [])];
    const tied = operands.some(
      (operand) => this.reader.derivesFromSlot(operand) || this.reader.terms(operand).expiry !== 0,
    );
    return tied ? named.trueMeans : 'untied';
  }

  /** The meaning of `return <comparison>` (or `!comparison`) in `fn`, with its parameters bound to the call's arguments. */
  private returnedComparison(fn: FunctionLike, call: TSESTree.CallExpression): PredicateMeaning | 'unknown' | 'untied' {
    let returned: Node | null = null;
    if (fn.body?.type === AST_NODE_TYPES.BlockStatement) {
      const last = fn.body.body.at(-1);
      if (fn.body.body.length === 1 && last?.type === AST_NODE_TYPES.ReturnStatement && last.argument)
        returned = last.argument;
    } else if (fn.body) {
      returned = fn.body;
    }
    if (!returned) return 'untied';
    let negated = false;
    let inner = unwrap(returned);
    while (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') {
      negated = !negated;
      inner = unwrap(inner.argument);
    }
    const comparison = asTimeComparison(inner, this.sourceCode);
    if (!comparison) return 'untied';
    const bindings = new Map<TSESLint.Scope.Variable, Node>();
    fn.params.forEach((param, i) => {
      const argument = call.arguments[i];
      if (param.type !== AST_NODE_TYPES.Identifier || !argument) return;
      const variable = findVariable(this.sourceCode.getScope(param), param);
      if (variable) bindings.set(variable, argument);
    });
    const terms = this.reader.withBindings(bindings).difference(comparison.left, comparison.right);
    if (terms.expiry === 0) return 'untied';
    if (terms.now === 0 || Math.sign(terms.now) === Math.sign(terms.expiry)) return 'unknown';
    const expiredWhenTrue = terms.expiry > 0 === (comparison.operator === '<' || comparison.operator === '<=');
    return expiredWhenTrue !== negated ? 'expired' : 'valid';
  }
}

/** `node` sits in a branch (`if`, `?:`, `&&`, `??=`) of `fn` whose test reads the slot (`if (!token) token = ...`). */
function behindTestOf(node: Node, fn: FunctionLike, slotReads: ReadonlySet<Node>): boolean {
  for (let p: Node | undefined = node.parent; p && p !== fn; p = p.parent) {
    const test =
      p.type === AST_NODE_TYPES.IfStatement || p.type === AST_NODE_TYPES.ConditionalExpression
        ? p.test
        : p.type === AST_NODE_TYPES.LogicalExpression
          ? p.left
          : p.type === AST_NODE_TYPES.AssignmentExpression && p.operator !== '='
            ? p.left
            : null;
    if (test && mentionsAny(test, slotReads)) return true;
  }
  return false;
}

/** True when one of `nodes` lies inside `expression`. */
function mentionsAny(expression: Node, nodes: ReadonlySet<Node>): boolean {
  for (const node of nodes)
    if (expression.range[0] <= node.range[0] && node.range[1] <= expression.range[1]) return true;
  return false;
}

const comparingFunctions = new WeakMap<SourceCode, ReadonlySet<string>>();

/** Names of the file's functions that return a comparison (`isFresh = (t) => t.expiresAt > Date.now()`). */
function comparingFunctionNames(sourceCode: SourceCode): ReadonlySet<string> {
  const known = comparingFunctions.get(sourceCode);
  if (known) return known;
  const names = new Set<string>();
  for (const { node: comparison } of timeComparisons(sourceCode)) {
    let node: Node = comparison;
    while (node.parent?.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === '!') node = node.parent;
    const parent = node.parent;
    const fn =
      parent?.type === AST_NODE_TYPES.ReturnStatement
        ? enclosingFunction(parent)
        : parent && isFunctionNode(parent) && parent.body === node
          ? parent
          : null;
    const name = fn ? functionName(fn) : null;
    if (name) names.add(name);
  }
  comparingFunctions.set(sourceCode, names);
  return names;
}

/** Whether control never falls out of `node` (it returns, throws, breaks or continues). */
function exits(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = node.body.at(-1);
      return last !== undefined && exits(last);
    }
    case AST_NODE_TYPES.IfStatement:
      return node.alternate !== null && node.alternate !== undefined && exits(node.consequent) && exits(node.alternate);
    default:
      return false;
  }
}

/** The statements that run after `statement` in its function: its later siblings, then its parents' later siblings. */
function restAfter(statement: Node): Node[] {
  const rest: Node[] = [];
  let current: Node = statement;
  for (let parent = current.parent; parent && !isFunctionNode(parent); current = parent, parent = parent.parent) {
    if (
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.StaticBlock
    ) {
      const body = parent.body as Node[];
      rest.push(...body.slice(body.indexOf(current) + 1));
    }
  }
  return rest;
}

/**
 * Module-level bindings that could be a companion deadline of any cached value (an expiry-like name, or filled from
 * an expiry field or the clock), found once per file: a guard search runs per finding, and rescanning every module
 * declarator per finding made a file with many findings quadratic. `reader` must carry no slot-specific state
 * beyond what `mentionsExpiryOrClock` ignores (it reads names and the clock only).
 */
const MODULE_DEADLINE_CANDIDATES = new WeakMap<TSESTree.Program, readonly Slot[]>();

function moduleDeadlineCandidates(sourceCode: SourceCode, reader: TimeReader): readonly Slot[] {
  const program = sourceCode.ast;
  const cached = MODULE_DEADLINE_CANDIDATES.get(program);
  if (cached) return cached;
  const candidates: Slot[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (!declarator.init || isPlaceholderValue(declarator.init)) continue;
      let mentions: boolean | undefined;
      for (const id of patternIdentifiers(declarator.id)) {
        const slot = slotOf(id, sourceCode);
        if (!slot) continue;
        mentions ??= reader.mentionsExpiryOrClock(declarator.init);
        if ((isExpiryName(slot.name) || mentions) && !candidates.some((c) => sameSlot(c, slot))) candidates.push(slot);
      }
    }
  }
  MODULE_DEADLINE_CANDIDATES.set(program, candidates);
  return candidates;
}
