// Renewals of a kept value that need no expiry comparison: a cache that drops entries itself, a drop or refetch when
// the service rejects the value, the client's own hooks, a verification that throws once it has expired, and a drop
// once its request settles.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  EXPIRY_VERIFIERS,
  HTTP_CLIENT_KEEPERS,
  refMatches,
  REJECTED_TOKEN_STATUSES,
  TTL_CACHE_OPTIONS,
  TTL_SET_ARGUMENT_INDEX,
} from '../knowledge/index.js';
import {
  calleeName,
  enclosingFunction,
  findProperty,
  isFunctionNode,
  isNullish,
  staticPropertyName,
  unwrap,
} from './ast.js';
import type { TimeReader } from './expiry-terms.js';
import { fileIndex } from './file-index.js';
import { ModuleRefs } from './module-refs.js';
import { functionName, insideFunctionNamed, isPlaceholderValue } from './slot-fills.js';
import { isRead, isWrite, type Occurrence, type Slot } from './storage-slot.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type FunctionLike = TSESTree.FunctionLike;

/** What a guard search knows of the slot: its occurrences, the functions that fill it, and how time is read. */
export interface GuardFacts {
  readonly slot: Slot;
  readonly sourceCode: SourceCode;
  readonly occurrences: readonly Occurrence[];
  /** Functions that write a real value to the slot (null: module level). */
  readonly writers: ReadonlySet<FunctionLike | null>;
  /** Names of the functions that write the slot. */
  readonly refresherNames: ReadonlySet<string>;
  /** Of those, the functions that write the slot whatever it holds (no `if (!token)` memo around the write). */
  readonly renewerNames: ReadonlySet<string>;
  readonly reader: TimeReader;
}

/** How deep below the slot a client's `interceptors` are looked for: `api.interceptors`, `Vue.http.interceptors`. */
const MAX_CLIENT_DEPTH = 2;
/** Promise callbacks that run once the request has settled (`finally`), or succeeded (`then`). */
const SETTLED_CALLBACKS: readonly string[] = ['finally', 'then'];

/** The first renewal of the slot's value that needs no comparison, checked in this order. */
export function renewedWithoutComparison(facts: GuardFacts): Node | null {
  return (
    ttlOption(facts) ??
    ttlOnPut(facts) ??
    droppedWhenRejected(facts) ??
    renewedByClientHooks(facts) ??
    droppedWhenSettled(facts) ??
    renewedWhenVerifyFails(facts)
  );
}

/**
 * `new LRUCache({ ttl: 23 * 3600_000 })`, `new NodeCache({ stdTTL: 600 })`: the cache drops each entry itself. A zero
 * or absent TTL keeps entries forever (lru-cache: `ttl: 0` means none).
 */
function ttlOption(facts: GuardFacts): Node | null {
  if (facts.slot.kind !== 'variable') return null;
  const def = facts.slot.variable.defs[0];
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : null;
  const options = init?.type === AST_NODE_TYPES.NewExpression ? init.arguments[0] : undefined;
  for (const name of options ? TTL_CACHE_OPTIONS : []) {
    const property = findProperty(options!, name);
    const value = property && unwrap(property.value);
    if (value && !(value.type === AST_NODE_TYPES.Literal && !value.value)) return property;
  }
  return null;
}

/** `cache.set(key, value, ttl)`: a cache whose `set` takes a lifetime drops that entry itself (Map#set takes two). */
function ttlOnPut(facts: GuardFacts): Node | null {
  for (const occurrence of facts.occurrences) {
    const member = occurrence.node.parent;
    if (occurrence.access !== 'container-write' || member?.type !== AST_NODE_TYPES.MemberExpression) continue;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || staticPropertyName(member) !== 'set') continue;
    const lifetime = call.arguments[TTL_SET_ARGUMENT_INDEX];
    const given = lifetime && unwrap(lifetime);
    if (given && !isNullish(given) && !(given.type === AST_NODE_TYPES.Literal && !given.value)) return lifetime;
  }
  return null;
}

/**
 * `if (res.status === 401) { cached = null; return retry(); }`: the value is dropped, or fetched again
 * (`cached = await fetchToken()`, or a call of the file's function that does: `await refreshToken()`), when the
 * service rejects it, so what follows uses a new one.
 */
function droppedWhenRejected(facts: GuardFacts): Node | null {
  const renewals: Node[] = [];
  for (const occurrence of facts.occurrences) {
    const renews =
      (occurrence.access === 'write' && occurrence.value !== undefined) || occurrence.access === 'container-write';
    if (renews && (!isPlaceholderValue(occurrence.value) || refillsOnMiss(facts, occurrence.node)))
      renewals.push(occurrence.node);
  }
  // A call of a function that renews the value; not a retry of the function the call sits in (`return call(path,
  // true)`), which reuses the value it kept.
  for (const call of fileIndex(facts.sourceCode).calls) {
    const name = calleeName(call);
    if (name && facts.renewerNames.has(name) && !insideFunctionNamed(call, name)) renewals.push(call);
  }
  let test: Node | null = null;
  const renewing = new Set<FunctionLike>();
  for (const node of renewals) {
    for (let p: Node | undefined = node.parent; p && !isFunctionNode(p); p = p.parent) {
      if (p.type !== AST_NODE_TYPES.IfStatement) continue;
      const inConsequent = p.consequent.range[0] <= node.range[0] && node.range[1] <= p.consequent.range[1];
      if (!inConsequent || !mentionsRejectedStatus(p.test, facts.sourceCode)) continue;
      test ??= p.test;
      const fn = enclosingFunction(p);
      if (fn) renewing.add(fn);
    }
  }
  return test && everyUseRenewsWhenRejected(facts, renewing) ? test : null;
}

/**
 * A value dropped on rejection (`token = null`) is renewed only if the function that dropped it fills it again on a
 * miss, itself or through a function of the file that does; one that only throws "sign in again" leaves every later
 * use failing until a person acts.
 */
function refillsOnMiss(facts: GuardFacts, drop: Node): boolean {
  const fn = enclosingFunction(drop);
  if (!fn) return false;
  if (facts.writers.has(fn)) return true;
  let calls = false;
  forEachDescendant(fn, facts.sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const name = calleeName(node);
    if (name && facts.refresherNames.has(name)) {
      calls = true;
      return 'stop';
    }
  });
  return calls;
}

/**
 * The service's rejection renews the value only where it is handled: every function that reads the value (other
 * than those that fill it) handles a rejected status itself, or is called only from functions that do. A service
 * whose one method retries on 401 while its others swallow the error still serves the expired token there.
 */
function everyUseRenewsWhenRejected(facts: GuardFacts, renewing: ReadonlySet<FunctionLike>): boolean {
  const covered = (fn: FunctionLike) => renewing.has(fn) || facts.writers.has(fn);
  for (const occurrence of facts.occurrences) {
    if (!isRead(occurrence.access)) continue;
    const reader = enclosingFunction(occurrence.node);
    if (!reader || covered(reader)) continue;
    const name = functionName(reader);
    const callers = name
      ? fileIndex(facts.sourceCode)
          .calls.filter((call) => calleeName(call) === name)
          .map(enclosingFunction)
      : [];
    if (callers.length === 0 || !callers.every((caller) => caller !== null && covered(caller))) return false;
  }
  return true;
}

/**
 * `instance.interceptors.request.use(...)` on the client that keeps the value, or axios-auth-refresh's
 * `createAuthRefreshInterceptor(instance, refresh)`: the client runs code of the file's own for each request or
 * after a rejected one, which is where the header is asked for again (HTTP_CLIENT_KEEPERS).
 */
function renewedByClientHooks(facts: GuardFacts): Node | null {
  for (const { node } of facts.occurrences) {
    // `api.interceptors`, or the interceptors of the client the slot holds (`Vue.http.interceptors`).
    for (
      let inner: Node = node, member = node.parent, steps = 0;
      member?.type === AST_NODE_TYPES.MemberExpression && member.object === inner && steps < MAX_CLIENT_DEPTH;
      inner = member, member = member.parent, steps++
    ) {
      if (HTTP_CLIENT_KEEPERS.interceptorPath.includes(staticPropertyName(member) ?? '')) return member;
    }
  }
  const refs = ModuleRefs.for(facts.sourceCode);
  for (const call of fileIndex(facts.sourceCode).calls) {
    const client = call.arguments[0];
    if (!client || !facts.reader.derivesFromSlot(client)) continue;
    const ref = refs.resolve(call.callee);
    if (ref && HTTP_CLIENT_KEEPERS.refreshInterceptors.some((api) => refMatches(ref, api))) return call;
  }
  return null;
}

/**
 * `try { jwt.verify(cached, key); return cached; } catch { cached = null; }`: the verification throws once the token
 * has expired, and the handler drops or refetches it.
 */
function renewedWhenVerifyFails(facts: GuardFacts): Node | null {
  const refs = ModuleRefs.for(facts.sourceCode);
  for (const call of fileIndex(facts.sourceCode).calls) {
    const verified = call.arguments[0];
    if (!verified || !facts.reader.derivesFromSlot(verified)) continue;
    const ref = refs.resolve(call.callee);
    if (!ref || !EXPIRY_VERIFIERS.some((api) => refMatches(ref, api))) continue;
    for (let p: Node | undefined = call.parent; p && !isFunctionNode(p); p = p.parent) {
      const handler = p.parent?.type === AST_NODE_TYPES.TryStatement && p.parent.block === p ? p.parent.handler : null;
      const inside = (n: Node) => handler && handler.range[0] <= n.range[0] && n.range[1] <= handler.range[1];
      if (facts.occurrences.some((o) => isWrite(o.access) && inside(o.node))) return call;
    }
  }
  return null;
}

/**
 * `inflight = fetchToken().finally(() => { inflight = null; })`, or a `finally { inflight = null; }` where it is
 * filled: the value is dropped once its request settles, so concurrent callers share it and nobody reuses it later.
 */
function droppedWhenSettled(facts: GuardFacts): Node | null {
  for (const { node, access, value } of facts.occurrences) {
    if (access !== 'write' || !value || !isNullish(unwrap(value))) continue;
    const fn = enclosingFunction(node);
    const chained = fn?.parent;
    if (
      chained?.type === AST_NODE_TYPES.CallExpression &&
      chained.arguments.includes(fn as TSESTree.Expression) &&
      SETTLED_CALLBACKS.includes(calleeName(chained) ?? '') &&
      facts.writers.has(enclosingFunction(chained))
    )
      return node;
    for (let p: Node | undefined = node.parent; p && p !== fn; p = p.parent) {
      const inFinally = p.parent?.type === AST_NODE_TYPES.TryStatement && p.parent.finalizer === p;
      if (inFinally && facts.writers.has(fn)) return node;
    }
  }
  return null;
}

/** `res.status === 401`, `[401, 403].includes(e.response?.status)`: the test names a status of a rejected token. */
function mentionsRejectedStatus(test: Node, sourceCode: SourceCode): boolean {
  let found = false;
  forEachDescendant(test, sourceCode, (node) => {
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number')
      found ||= REJECTED_TOKEN_STATUSES.includes(node.value);
  });
  return found;
}
