import { GOOGLE_TOKEN_METHODS } from '../knowledge/index.js';
import type { StorageKind } from './storage.js';

/** The two views of the lifetime engine: A (a refreshing source's value kept) and B (a cache without expiry test). */
type LifetimeView = 'snapshot' | 'token-cache';

const MODULE_LEVEL: ReadonlySet<StorageKind> = new Set(['module', 'static-field', 'global']);
/** Google token getters whose result on an object's field is a snapshot of the auth client that refreshes it. */
const FIELD_SNAPSHOT_METHODS: ReadonlySet<string> = new Set(
  GOOGLE_TOKEN_METHODS.filter((m) => m.yields !== 'token-response' && !m.argumentPattern).map((m) => m.id),
);

/**
 * Which rule reports a short-lived value kept as such in `storage`: one finding per defect. A value at module level
 * (a variable, a `Map` there, a static field, a global) is a cache, `no-module-token-cache`'s; a Google token on an
 * object's field (`this.token = await auth.getAccessToken()`) is a snapshot, `no-static-snapshot`'s; any other
 * value on the field of an object that outlives the calls (`outlivesCalls`: a module singleton) is a cache again.
 * Elsewhere each rule keeps its own view (null): A reports copies built into clients.
 */
export function ownerOfKeptValue(
  storage: StorageKind,
  method: string | undefined,
  outlivesCalls = false,
): LifetimeView | null {
  if (MODULE_LEVEL.has(storage)) return 'token-cache';
  if (storage !== 'instance-field') return null;
  if (method !== undefined && FIELD_SNAPSHOT_METHODS.has(method)) return 'snapshot';
  return outlivesCalls ? 'token-cache' : null;
}
