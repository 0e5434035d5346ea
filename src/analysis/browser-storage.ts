import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { APP_STORAGES, BROWSER_STORAGES, GLOBAL_OBJECTS, refMatches } from '../knowledge/index.js';
import { staticPropertyName, unwrap } from './ast.js';
import { findVariable } from './find-variable.js';
import { ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;
export type StoragePlace = 'browser' | 'app';
type SourceCode = Readonly<TSESLint.SourceCode>;

const STORAGE_OBJECTS: ReadonlySet<string> = new Set(BROWSER_STORAGES.objects);

/**
 * A call of Web Storage: `localStorage.setItem(key, value)`, `sessionStorage.getItem(key)`, `…removeItem(key)`; or of
 * an app's key-value store (APP_STORAGES): `AsyncStorage.setItem(key, value)`, `SecureStore.getItemAsync(key)`.
 */
export interface BrowserStorageCall {
  /** `localStorage`, `sessionStorage`, or the app store's label (`AsyncStorage`). */
  readonly storage: string;
  /** Where the store lives: the browser's (Web Storage) or the app's on the device. */
  readonly place: StoragePlace;
  readonly access: 'write' | 'read' | 'remove';
  /** The key, as its static text, or as the code that names it (`TOKEN_KEY`) when it is not static. */
  readonly key: string;
  readonly call: TSESTree.CallExpression;
}

/** `localStorage`, `window.localStorage`, `globalThis.sessionStorage` (the unshadowed globals), or null. */
export function browserStorageOf(node: Node, sourceCode: SourceCode): string | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const host = unwrap(inner.object);
    const name = staticPropertyName(inner);
    if (host.type !== AST_NODE_TYPES.Identifier || !GLOBAL_OBJECTS.has(host.name) || name === null) return null;
    if (!STORAGE_OBJECTS.has(name) || isShadowed(host, sourceCode)) return null;
    return name;
  }
  if (inner.type !== AST_NODE_TYPES.Identifier || !STORAGE_OBJECTS.has(inner.name)) return null;
  return isShadowed(inner, sourceCode) ? null : inner.name;
}

function isShadowed(identifier: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  return (findVariable(sourceCode.getScope(identifier), identifier)?.defs.length ?? 0) > 0;
}

/** The Web Storage or app-store call `node` is, or null. */
export function browserStorageCall(node: Node, sourceCode: SourceCode): BrowserStorageCall | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(node.callee);
  const keyNode = node.arguments[0];
  if (!keyNode || keyNode.type === AST_NODE_TYPES.SpreadElement) return null;
  // `getItemAsync(key)` imported by name from the store's module.
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const app = appStorageCall(callee, callee.name, sourceCode);
    return app && { ...app, place: 'app', key: storageKey(keyNode, sourceCode), call: node };
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = staticPropertyName(callee);
  const access =
    method === BROWSER_STORAGES.write
      ? 'write'
      : method === BROWSER_STORAGES.read
        ? 'read'
        : method === BROWSER_STORAGES.remove
          ? 'remove'
          : null;
  const storage = access && browserStorageOf(callee.object, sourceCode);
  if (access && storage) return { storage, place: 'browser', access, key: storageKey(keyNode, sourceCode), call: node };
  const app = appStorageCall(callee, method, sourceCode);
  return app && { ...app, place: 'app', key: storageKey(keyNode, sourceCode), call: node };
}

const APP_STORAGE_METHODS: ReadonlySet<string> = new Set(APP_STORAGES.flatMap((s) => [s.write, s.read, s.remove]));

/** `AsyncStorage.setItem`, `SecureStore.getItemAsync` on the imported store (not a local object of that name). */
function appStorageCall(
  callee: TSESTree.MemberExpression | TSESTree.Identifier,
  method: string | null,
  sourceCode: SourceCode,
): { storage: string; access: BrowserStorageCall['access'] } | null {
  if (method === null || !APP_STORAGE_METHODS.has(method)) return null;
  const ref = ModuleRefs.for(sourceCode).resolve(callee);
  if (!ref) return null;
  for (const store of APP_STORAGES) {
    if (!refMatches(ref, { modules: store.api.modules, path: [...store.api.path, method] })) continue;
    const access =
      method === store.write ? 'write' : method === store.read ? 'read' : method === store.remove ? 'remove' : null;
    if (access) return { storage: store.label, access };
  }
  return null;
}

const STORAGE_METHODS: ReadonlySet<string> = new Set([
  BROWSER_STORAGES.write,
  BROWSER_STORAGES.read,
  BROWSER_STORAGES.remove,
  ...BROWSER_STORAGES.otherMembers,
]);

/** `localStorage.token`, `localStorage['token']`: a key read or written as a property (its methods excluded). */
export function browserStorageProperty(
  member: TSESTree.MemberExpression,
  sourceCode: SourceCode,
): { storage: string; key: string } | null {
  const key = staticPropertyName(member);
  if (key === null || STORAGE_METHODS.has(key)) return null;
  const storage = browserStorageOf(member.object, sourceCode);
  return storage ? { storage, key } : null;
}

/** A key's static text (`'session'`, a `const` bound to it), else the code that names it. */
export function storageKey(node: Node, sourceCode: SourceCode): string {
  const value = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  return value && typeof value.value === 'string' ? value.value : sourceCode.getText(node);
}
