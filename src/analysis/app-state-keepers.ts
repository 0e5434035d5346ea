import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  CLIENT_TOKEN_SETTER_PATTERN,
  COMPONENT_STATE,
  refMatches,
  STATE_STORE_WRITES,
  WRITABLE_STORES,
} from '../knowledge/index.js';
import { DefinitionType, staticPropertyName, unwrap } from './ast.js';
import { hookStateWritten } from './component-state.js';
import type { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

/**
 * What keeps a value written to app-wide state beyond a component: a signal (`setToken(v)` of `createSignal`), a
 * store (`token.set(v)` of Svelte's `writable`, `useAuthStore.setState({ token: v })`), or the app's API client given
 * its bearer token (`apiClient.setToken(v)`).
 */
export type AppStateKeeper = 'signal' | 'store' | 'client';

export interface AppStateWrite {
  readonly keeper: AppStateKeeper;
  /** The binding that keeps it: the signal's getter, the store, the client (the root of `a.b.setToken`). */
  readonly holder: TSESTree.Identifier;
  /** The expression written (for `setState({ token: v })`, each property value is a candidate: see `values`). */
  readonly values: readonly Node[];
}

const STORE_METHODS: ReadonlySet<string> = new Set(STATE_STORE_WRITES.storeMethods);

/** The write `call` makes to app-wide state, or null. */
export function appStateWrite(call: TSESTree.CallExpression, refs: ModuleRefs): AppStateWrite | null {
  const [argument] = call.arguments;
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
  const signal = hookStateWritten(call, refs, COMPONENT_STATE.signals);
  if (signal) return { keeper: 'signal', holder: signal, values: [argument] };
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = staticPropertyName(callee);
  if (method === null) return null;
  const store = writableStoreOf(callee.object, method, refs);
  if (store) return { keeper: 'store', holder: store, values: [argument] };
  const holder = moduleLevelRoot(callee.object, refs);
  if (!holder) return null;
  if (STORE_METHODS.has(method) && unwrap(argument).type === AST_NODE_TYPES.ObjectExpression)
    return { keeper: 'store', holder, values: propertyValues(unwrap(argument) as TSESTree.ObjectExpression) };
  return CLIENT_TOKEN_SETTER_PATTERN.test(method) ? { keeper: 'client', holder, values: [argument] } : null;
}

/** `token` of `token.set(v)` when `const token = writable(...)` (WRITABLE_STORES). */
function writableStoreOf(object: Node, method: string, refs: ModuleRefs): TSESTree.Identifier | null {
  const store = unwrap(object);
  if (store.type !== AST_NODE_TYPES.Identifier) return null;
  const def = refs.variableOf(store)?.defs[0];
  if (def?.type !== DefinitionType.Variable || !def.node.init) return null;
  const init = unwrap(def.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression) return null;
  const ref = refs.resolve(init.callee);
  if (!ref) return null;
  const known = WRITABLE_STORES.some(
    (s) => refMatches(ref, s.api) && (s.writeMethods as readonly string[]).includes(method),
  );
  return known && def.name.type === AST_NODE_TYPES.Identifier ? def.name : null;
}

/**
 * The root binding of `a.b.c` when it is imported or declared at module level: an object that lives as long as the
 * page or process (`this`, a parameter or a local is not).
 */
function moduleLevelRoot(object: Node, refs: ModuleRefs): TSESTree.Identifier | null {
  let root = unwrap(object);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression)
    root = unwrap(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  if (root.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = refs.variableOf(root);
  const def = variable?.defs[0];
  if (!variable || !def || variable.scope.block.type !== AST_NODE_TYPES.Program) return null;
  return def.type === DefinitionType.ImportBinding || def.type === DefinitionType.Variable ? root : null;
}

function propertyValues(object: TSESTree.ObjectExpression): Node[] {
  return object.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [p.value] : []));
}
