import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isBuiltIntoKeptObject } from './built-into-kept.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { patternPath, staticPropertyName, unwrap } from './ast.js';
import { instanceFieldOutlivesCalls } from './instance-field-lifetime.js';
import type { StorageKind } from './storage.js';
import { environmentReadLater } from './environment-read-later.js';
import {
  declaredNames,
  isExported,
  isReadBack,
  isRead,
  isRequestSession,
  occurrencesOf,
  patternIdentifiers,
  type Slot,
  slotOf,
} from './storage-slot.js';
import { CACHE_PUT_METHOD, GLOBAL_OBJECTS, HTTP_CLIENT_KEEPERS, SERIALIZERS } from '../knowledge/index.js';
import { browserStorageCall } from './browser-storage.js';
import { type AppStateKeeper, type AppStateWrite, appStateWrite } from './app-state-keepers.js';
import { hookStateWritten } from './component-state.js';
import type { Held } from './held.js';
import { ownerOfKeptValue } from './kept-owner.js';
import { staysOpenSign } from './live-connection.js';
import type { HeldValues } from './held-value.js';
import { memoizedForever } from './memoizer.js';
import { ModuleRefs } from './module-refs.js';
import { renewedPerCheckout } from './checkout-renewal.js';
import { codeOf, heldFromStoredSessionKeys } from './held.js';
import { readsSignAsSession } from './session-key-reads.js';
import { bearerShapedToken } from './bearer-shape.js';
import { heldFromTypedShape } from './typed-shape.js';
import { factoryClosureNames, isMemoisedByExportedFactory } from './factory-closure.js';

/** `process.env.X = v`: the process's environment keeps it (a `process.env` slot, storage-slot.ts). */
const PROCESS_GLOBAL = 'process';
/** The values no-static-snapshot follows from their source into a connection kept open (keptByLiveConnection). */
const LIVE_CONNECTION_KINDS: ReadonlySet<Held['kind']> = new Set(['sts-output', 'aws-credentials']);

/**
 * What component state keeps as a cache: a one-shot issuer's output (STS keys, a token response or its access token, a
 * signer's token). Not an ID token nor any token of the signed-in user's session (`userSession`: Firebase,
 * Amplify/Cognito), which the platform's SDK renews, no-static-snapshot's; not a presigned URL: signed per mount for the
 * link the component renders.
 */
const COMPONENT_STATE_KINDS: ReadonlySet<Held['kind']> = new Set([
  'sts-output',
  'aws-credentials',
  'token-response',
  'access-token',
  'auth-token',
]);

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Long-lived storage that is filled with an expiring value somewhere in the file. */
export interface Candidate {
  readonly slot: Slot;
  /** A node naming the storage (for expiryGuardOf). */
  readonly target: Node;
  readonly storage: Exclude<StorageKind, 'local'>;
  /** Filled through `cache.set(k, v)` / `cache[k] = v` rather than replaced. */
  readonly container: boolean;
  /** Written into an HTTP client's default headers (`instance.defaults.headers.common.Authorization`). */
  readonly defaultHeaders?: true;
  /** A variable of an exported factory's closure, memoised by the functions it hands back (factory-closure.ts). */
  readonly factoryClosure?: true;
  /** Written into a UI component's state (`setKeys(v)` of `useState`), which hands it to every later render. */
  readonly componentState?: true;
  /** Written into app-wide state: a signal, a store, or the app's API client (app-state-keepers.ts). */
  readonly appState?: AppStateKeeper;
  readonly held: Held;
  /** The expression written into the storage (`setToken(await user.getIdToken())`: its argument). */
  readonly value: Node;
}

/**
 * Collects, per storage slot, the first expiring value written into long-lived storage: module-level
 * declarations (top-level `await` included), assignments, `cache.set(k, v)`, and class fields.
 */
export class CandidateCollector {
  private readonly bySlot = new Map<unknown, Candidate>();
  private readonly instanceFieldLives = new Map<string, boolean>();

  constructor(
    private readonly context: Context,
    private readonly values: HeldValues,
  ) {}

  /**
   * A syntactic first look, before any scope lookup: `x` or `x.y` where `x` is declared at module level (or is the
   * global object), `this.y`, `Cls.y`, or a class property.
   */
  private mayBeLongLived(target: Node): boolean {
    let root = unwrap(target);
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      if (isRequestSession(root)) return true;
      root = unwrap(root.object);
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return true;
    return (
      declaredNames(this.context.sourceCode).moduleLevel.has(root.name) ||
      GLOBAL_OBJECTS.has(root.name) ||
      root.name === PROCESS_GLOBAL ||
      factoryClosureNames(this.context.sourceCode).has(root.name)
    );
  }

  get candidates(): Iterable<Candidate> {
    return this.bySlot.values();
  }

  declarator(node: TSESTree.VariableDeclarator): void {
    if (!node.init || !isModuleLevel(node)) return;
    if (node.id.type === AST_NODE_TYPES.Identifier) {
      const memo = memoizedForever(node.init, ModuleRefs.for(this.context.sourceCode), this.context.sourceCode);
      if (memo) {
        this.consider(node.id, node.init, () => {
          const held = this.values.returnedBy(memo.fn);
          const memoizer = codeOf(unwrap(node.init!) as TSESTree.CallExpression, this.context);
          return held && { ...held, what: `${held.what}, memoised for good by \`${memoizer}\`` };
        });
        return;
      }
      this.consider(node.id, node.init, () => this.values.heldBy(node.init!));
      return;
    }
    for (const id of patternIdentifiers(node.id)) {
      const path = patternPath(node.id, id);
      if (path)
        this.consider(id, node.init, () =>
          this.values.heldAtPath(
            node.init!,
            path.map((step) => step ?? '0'),
          ),
        );
    }
  }

  assignment(node: TSESTree.AssignmentExpression): void {
    const left = unwrap(node.left);
    if (left.type !== AST_NODE_TYPES.Identifier && left.type !== AST_NODE_TYPES.MemberExpression) return;
    this.consider(left, node.right, () => this.values.heldBy(node.right));
  }

  /** `cache.set(key, value)`, `localStorage.setItem(key, JSON.stringify(value))`, `setKeys(value)` of `useState`. */
  call(node: TSESTree.CallExpression): void {
    const state = node.arguments[0] && hookStateWritten(node, ModuleRefs.for(this.context.sourceCode));
    if (state) {
      this.componentState(state, node.arguments[0]);
      return;
    }
    const app = appStateWrite(node, ModuleRefs.for(this.context.sourceCode));
    if (app && this.appState(app)) return;
    const stored = browserStorageCall(node, this.context.sourceCode);
    if (stored) {
      const value = stored.access === 'write' ? node.arguments[1] : undefined;
      const kept = value && serializedValue(value);
      if (kept) this.consider(node, kept, () => this.values.heldBy(kept) ?? this.readBackAsSessionKeys(node));
      return;
    }
    const callee = unwrap(node.callee);
    const value = node.arguments[1];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== CACHE_PUT_METHOD || !value)
      return;
    this.consider(callee.object, value, () => this.values.heldBy(value), true);
  }

  property(node: TSESTree.PropertyDefinition): void {
    if (node.value) this.consider(node, node.value, () => this.values.heldBy(node.value!));
  }

  /**
   * A short-lived value put into a component's state: the component is the keeper for as long as it is mounted (often
   * the page's life), whatever fetched the value: a one-shot issuer's output (COMPONENT_STATE_KINDS), or a token its
   * identity SDK renews when asked again (`renewedBySource`), which isSnapshotOfRenewingSdk hands to no-static-snapshot.
   * Other tokens of the signed-in user's session (`userSession`) are renewed by the session itself; a Google token
   * getter's result there stays no-static-snapshot's.
   */
  private componentState(state: TSESTree.Identifier, value: Node): void {
    if (isPlainValue(value)) return;
    const slot = slotOf(state, this.context.sourceCode);
    if (slot?.kind !== 'variable' || this.bySlot.has(slot.variable)) return;
    const found = this.values.heldBy(value) ?? heldFromTypedShape(value, this.context.sourceCode);
    if (
      !found ||
      (!found.renewedBySource && (!COMPONENT_STATE_KINDS.has(found.kind) || found.userSession)) ||
      ownerOfKeptValue('instance-field', found.method, true) === 'snapshot'
    )
      return;
    this.bySlot.set(slot.variable, {
      slot,
      target: state,
      storage: 'instance-field',
      container: false,
      componentState: true,
      held: found,
      value,
    });
  }

  /**
   * A token its identity SDK renews when asked again (`renewedBySource`), written to app-wide state once: a signal,
   * a store, or the app's API client as its bearer (app-state-keepers.ts). isSnapshotOfRenewingSdk hands it to
   * no-static-snapshot. True when the write is taken.
   */
  private appState(write: AppStateWrite): boolean {
    for (const value of write.values) {
      if (isPlainValue(value)) continue;
      const found = this.values.heldBy(value);
      if (!found?.renewedBySource) continue;
      const slot = slotOf(write.holder, this.context.sourceCode);
      if (slot?.kind !== 'variable') return false;
      if (this.bySlot.has(slot.variable)) return true;
      this.bySlot.set(slot.variable, {
        slot,
        target: write.holder,
        storage: 'module',
        container: false,
        appState: write.keeper,
        held: found,
        value,
      });
      return true;
    }
    return false;
  }

  /** Stored text of unknown origin that the file reads back and signs with as temporary keys (`sessionToken`). */
  private readBackAsSessionKeys(write: TSESTree.CallExpression): Held | null {
    const { sourceCode } = this.context;
    const slot = slotOf(write, sourceCode);
    const reads = slot ? occurrencesOf(slot, sourceCode).filter((o) => isRead(o.access)) : [];
    return readsSignAsSession(
      reads.map((o) => o.node),
      sourceCode,
    )
      ? heldFromStoredSessionKeys()
      : null;
  }

  /** A token field of an unknown call's result that the slot's readers send as a credential (bearer-shape.ts). */
  private bearerShaped(slot: Slot, value: Node): Held | null {
    const { sourceCode } = this.context;
    return bearerShapedToken(
      value,
      () =>
        occurrencesOf(slot, sourceCode)
          .filter((o) => isRead(o.access))
          .map((o) => o.node),
      this.context,
    );
  }

  /** An instance field that lives as long as the process: of a singleton, or memoised by an exported class. */
  private outlivesCalls(slot: Slot): boolean {
    if (slot.kind !== 'member' || slot.owner.kind !== 'class') return false;
    const key = memberKey(slot);
    let answer = this.instanceFieldLives.get(key);
    if (answer === undefined) {
      answer = instanceFieldOutlivesCalls(slot, this.context.sourceCode);
      this.instanceFieldLives.set(key, answer);
    }
    return answer;
  }

  private consider(target: Node, value: Node, held: () => Held | null, viaSet = false): void {
    if (isPlainValue(value) || !this.mayBeLongLived(target)) return;
    // Where the value goes is cheaper to answer than what it is: most writes go to locals or per-request objects.
    const slot = slotOf(target, this.context.sourceCode);
    if (!slot) return;
    // A variable the closures of an exported factory memoise lives as long as the object it hands back: an instance's.
    const closure =
      slot.kind === 'variable' &&
      storageOfSlot(slot) === 'local' &&
      isMemoisedByExportedFactory(slot.variable, this.context.sourceCode);
    const storage = closure ? 'instance-field' : storageOfSlot(slot);
    if (storage === 'local') return;
    if (storage === 'instance-field' && !closure && !this.outlivesCalls(slot)) return;
    if (renewedPerCheckout(target, value, ModuleRefs.for(this.context.sourceCode))) return;
    const found = held() ?? this.bearerShaped(slot, value) ?? heldFromTypedShape(value, this.context.sourceCode);
    if (!found || ownerOfKeptValue(storage, found.method, true) === 'snapshot') return;
    if (keptByLiveConnection(slot, value, found)) return;
    const key = slot.kind === 'variable' ? slot.variable : memberKey(slot);
    if (this.bySlot.has(key)) return;
    const container =
      viaSet ||
      (slot.kind === 'variable' && unwrap(target).type === AST_NODE_TYPES.MemberExpression) ||
      isNestedMember(target);
    this.bySlot.set(key, {
      slot,
      target,
      storage,
      container,
      held: found,
      value,
      ...(writesDefaultHeaders(target) && { defaultHeaders: true }),
      ...(closure && { factoryClosure: true }),
    });
  }
}

/**
 * AWS keys built into a connection that stays open and signs each reconnect with them (`client = awsIot.device({
 * accessKeyId, ... })` with `client.on('connect', ...)`): no-static-snapshot reports the copy at its source, where the
 * refreshing replacement goes; one finding per defect. Another value built into a connection stays here.
 */
function keptByLiveConnection(slot: Slot, value: Node, held: Held): boolean {
  if (!LIVE_CONNECTION_KINDS.has(held.kind)) return false;
  const built = unwrap(value);
  if (built.type !== AST_NODE_TYPES.CallExpression && built.type !== AST_NODE_TYPES.NewExpression) return false;
  if (held.call?.node === built) return false;
  return staysOpenSign(built, slot.kind === 'variable' ? slot.variable : null) !== null;
}

/** `instance.defaults.headers.common['Authorization']` (HTTP_CLIENT_KEEPERS.defaultHeaderPaths). */
function writesDefaultHeaders(target: Node): boolean {
  const names: string[] = [];
  for (let node = unwrap(target); node.type === AST_NODE_TYPES.MemberExpression; node = unwrap(node.object))
    names.unshift(staticPropertyName(node) ?? '');
  return HTTP_CLIENT_KEEPERS.defaultHeaderPaths.some((path) =>
    names.some((_, i) => path.every((name, j) => names[i + j] === name)),
  );
}

/** What text written to storage carries: the value itself, or what `JSON.stringify(value)` serialises. */
function serializedValue(node: Node): Node {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return inner;
  const callee = unwrap(inner.callee);
  const serialized =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    SERIALIZERS.some(
      ([object, method]) =>
        object === (callee.object as TSESTree.Identifier).name && method === staticPropertyName(callee),
    );
  const argument = inner.arguments[0];
  return serialized && argument && argument.type !== AST_NODE_TYPES.SpreadElement ? unwrap(argument) : inner;
}

function memberKey(slot: Extract<Slot, { kind: 'member' }>): string {
  const owner =
    slot.owner.kind === 'class'
      ? `${slot.owner.classNode.range[0]}:${slot.owner.isStatic}`
      : slot.owner.kind === 'browser-storage'
        ? `${slot.owner.kind}:${slot.owner.storage}`
        : slot.owner.kind;
  return `${owner}:${slot.name}`;
}

/** Cheap rejection before any lookup: literals and the like hold nothing. */
function isPlainValue(node: Node): boolean {
  const inner = unwrap(node);
  return (
    inner.type === AST_NODE_TYPES.Literal ||
    inner.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    inner.type === AST_NODE_TYPES.FunctionExpression ||
    inner.type === AST_NODE_TYPES.ClassExpression ||
    inner.type === AST_NODE_TYPES.UpdateExpression
  );
}

function isModuleLevel(declarator: TSESTree.VariableDeclarator): boolean {
  const declaration = declarator.parent;
  const container = declaration?.parent;
  return (
    container?.type === AST_NODE_TYPES.Program ||
    (container?.type === AST_NODE_TYPES.ExportNamedDeclaration && container.parent?.type === AST_NODE_TYPES.Program)
  );
}

/** `this.cache.token = v`: the slot is `this.cache`, filled rather than replaced. */
function isNestedMember(target: Node): boolean {
  const inner = unwrap(target);
  return (
    inner.type === AST_NODE_TYPES.MemberExpression && unwrap(inner.object).type === AST_NODE_TYPES.MemberExpression
  );
}

/** How long the slot lives (src/analysis/storage.ts terms), read off the slot itself. */
function storageOfSlot(slot: Slot): StorageKind {
  if (slot.kind === 'variable') return slot.variable.scope.block.type === AST_NODE_TYPES.Program ? 'module' : 'local';
  if (slot.owner.kind !== 'class') return 'global';
  return slot.owner.isStatic ? 'static-field' : 'instance-field';
}

/**
 * The kept value is read back after it is written: the storage is read elsewhere in the file, exported, or global; an
 * environment variable only when one of its reads comes after the writer's own run.
 */
export function isReadBackLater(
  candidate: Candidate,
  occurrences: ReturnType<typeof occurrencesOf>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const { slot } = candidate;
  const readBack =
    isReadBack(occurrences, sourceCode) ||
    isExported(slot) ||
    (slot.kind === 'member' && slot.owner.kind === 'global') ||
    isBuiltIntoKeptObject(occurrences, sourceCode);
  if (!readBack) return false;
  return (
    slot.kind !== 'member' ||
    slot.owner.kind !== 'environment' ||
    environmentReadLater(candidate.target, slot.name, sourceCode, ModuleRefs.for(sourceCode))
  );
}

/**
 * Which rule reports the candidate, beside ownerOfKeptValue: the split is by source. A token its SDK renews when asked
 * again (`renewedBySource`), asked once and kept in a long-lived keeper (component state, app-wide state, browser or
 * app storage, a global, a singleton's field, a client's default headers) is a snapshot of that refreshing source,
 * no-static-snapshot's; a one-shot issuer's value kept with no expiry test stays no-module-token-cache's.
 */
export function isSnapshotOfRenewingSdk(candidate: Candidate): boolean {
  if (candidate.held.renewedBySource !== true) return false;
  if (candidate.componentState === true || candidate.appState !== undefined || candidate.defaultHeaders) return true;
  // A module variable of a renewing SDK method's token (MSAL's acquireTokenSilent, not an identity platform's user
  // session token) is still no-module-token-cache's: that half of the split is not done yet.
  return candidate.slot.kind === 'member' || candidate.held.userSession === true;
}
