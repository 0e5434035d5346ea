import type { TSESLint } from '@typescript-eslint/utils';
import type { Candidate } from './kept-candidates.js';
import { isPageRootComponent } from './page-root.js';
import { isKeptInLongLivedRegistry } from './registry-kept.js';
import { isModuleSingleton, type Slot } from './storage-slot.js';

const STORAGE_WORDS = {
  module: 'module scope',
  'static-field': 'a static class field',
  'instance-field': 'a field of a singleton (one instance for the whole process)',
  global: 'a global',
} as const;
/** Written to `process.env` or a request's session, and read back from there by the file. */
const OWNER_WORDS = {
  environment: 'the process environment (it lasts as long as the process, and child processes inherit it)',
  session:
    "the user's session (the session store hands it back on every later request, for as long as the session lasts)",
  'browser-storage': "the browser's storage (every later read gets it back, after reloads too, however old it is)",
} as const;
/** A key of an app's own key-value store on the device (AsyncStorage, SecureStore). */
const APP_STORAGE_WORDS =
  "the app's storage on the device (every later read gets it back, after restarts too, however old it is)";
/** Written into an HTTP client's default headers (the client is `name`). */
const DEFAULT_HEADERS_WORDS = 'its default headers (every later request sends them)';
/** An instance field of the component a file mounts as the page's root (page-root.ts). */
const PAGE_ROOT_WORDS = "a field of the page's root component (one instance, for as long as the page is open)";
/** An instance field of an exported class that memoises the value (isMemoisedByExportedClass), not a known singleton. */
const MEMOISING_CLASS_WORDS =
  'a field of an exported class that memoises it (the instance its importers keep serves every call)';

/** A variable of an exported factory's closure that the functions it returns memoise (factory-closure.ts). */
const FACTORY_CLOSURE_WORDS =
  'the closure of an exported factory (the object it returns, which its importers keep, serves every call from it)';

/** A UI component's state (`useState`), read back by every render and handler while the component is mounted. */
const COMPONENT_STATE_WORDS =
  'component state (every later render and handler reads it back, for as long as the component is mounted)';
/** An instance field of a class whose instances the file keeps in a module-level or static registry (registry-kept.ts). */
const REGISTRY_WORDS =
  'a field of an object kept in a long-lived registry (the registry hands the same instance to every later call)';

/**
 * Where a kept candidate sits, in the words both rules' messages use: no-module-token-cache's `{{storage}}`, and
 * no-static-snapshot's identityTokenKept for a renewing token kept outside component or app-wide state.
 */
export function keeperWords(candidate: Candidate, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const { slot } = candidate;
  return candidate.defaultHeaders
    ? DEFAULT_HEADERS_WORDS
    : candidate.componentState
      ? COMPONENT_STATE_WORDS
      : candidate.factoryClosure
        ? FACTORY_CLOSURE_WORDS
        : slot.kind === 'member' && slot.owner.kind === 'browser-storage' && slot.owner.place === 'app'
          ? APP_STORAGE_WORDS
          : slot.kind === 'member' && slot.owner.kind !== 'class' && slot.owner.kind !== 'global'
            ? OWNER_WORDS[slot.owner.kind]
            : candidate.container && candidate.storage === 'module'
              ? 'a module-level cache'
              : slot.kind === 'member' &&
                  slot.owner.kind === 'class' &&
                  candidate.storage === 'instance-field' &&
                  !isModuleSingleton(slot.owner.classNode, sourceCode)
                ? isPageRootComponent(slot.owner.classNode, sourceCode)
                  ? PAGE_ROOT_WORDS
                  : isKeptInLongLivedRegistry(slot.owner.classNode, sourceCode)
                    ? REGISTRY_WORDS
                    : MEMOISING_CLASS_WORDS
                : STORAGE_WORDS[candidate.storage];
}

/** The keeper's name as the messages show it (`this.token`, `process.env.TOKEN`, `localStorage 'token'`). */
export function displayName(slot: Slot): string {
  if (slot.kind === 'variable') return slot.name;
  if (slot.owner.kind === 'global') return `globalThis.${slot.name}`;
  if (slot.owner.kind === 'environment') return `process.env.${slot.name}`;
  if (slot.owner.kind === 'session') return `req.session.${slot.name}`;
  if (slot.owner.kind === 'browser-storage') return `${slot.owner.storage} '${slot.name}'`;
  if (!slot.owner.isStatic) return `this.${slot.name}`;
  const className = slot.owner.classNode.id?.name;
  return className ? `${className}.${slot.name}` : slot.name;
}
