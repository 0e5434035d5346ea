import path from 'node:path';
import { PLATFORM_PRESETS, type Session, sessionOf } from '../knowledge/index.js';
import { buildModel } from './build.js';
import { relativePath } from './cite.js';
import { modifiedAt } from './discover.js';
import type { ComputeUnit, InfraRole, RepositoryModel } from './types.js';

export { citationText, roleNameOfArn } from './cite.js';
export type { Citation, ComputeUnit, InfraRole, RepositoryModel } from './types.js';

/** How often, at most, a cached model checks whether its infrastructure files changed (an editor's long run). */
const RECHECK_MS = 2000;

interface Cached {
  model: RepositoryModel;
  checkedAt: number;
}

/**
 * One model per repository root and folder list, per thread: ESLint's `--concurrency` runs rules in worker
 * threads, each of which builds the same model from the same files, so findings do not depend on the split.
 */
const cache = new Map<string, Cached>();

/**
 * The repository model for a lint run started in `cwd`: built on first use, then shared by every file. `folders`
 * come from `settings['credential-expiry'].infrastructure` (relative to `cwd`); `false` turns the model off.
 */
export function repositoryModel(cwd: string, folders: false | readonly string[] | undefined): RepositoryModel | null {
  if (folders === false) return null;
  const absolute = (folders ?? ['.']).map((f) => path.resolve(cwd, f));
  const key = [cwd, ...absolute].join('\0');
  const now = Date.now();
  const cached = cache.get(key);
  if (cached) {
    if (now - cached.checkedAt < RECHECK_MS || unchanged(cached.model)) {
      cached.checkedAt = now;
      return cached.model;
    }
  }
  const model = buildModel(cwd, absolute, folders !== undefined);
  cache.set(key, { model, checkedAt: now });
  return model;
}

function unchanged(model: RepositoryModel): boolean {
  for (const [file, mtime] of model.files) if (modifiedAt(path.resolve(model.root, file)) !== mtime) return false;
  return true;
}

/** Per model, the units running each file asked about: every presign call of a file asks the same question. */
const runningCache = new WeakMap<RepositoryModel, Map<string, ComputeUnit[]>>();

/** The compute units whose code includes `file`. */
function unitsRunning(model: RepositoryModel, file: string): ComputeUnit[] {
  let byFile = runningCache.get(model);
  if (!byFile) runningCache.set(model, (byFile = new Map<string, ComputeUnit[]>()));
  const known = byFile.get(file);
  if (known) return known;
  const relative = relativePath(model.root, file);
  const units = relative.startsWith('..')
    ? []
    : model.units.filter((unit) => unit.paths.some((p) => p === '.' || relative === p || relative.startsWith(`${p}/`)));
  byFile.set(file, units);
  return units;
}

function sessionOfUnit(unit: ComputeUnit): Session {
  return sessionOf(PLATFORM_PRESETS[unit.platform]);
}

/**
 * Where `file` runs, as the unit with the shortest session when several run it (the code then runs there too),
 * or null when no unit the model knows includes it.
 */
export function placementOf(model: RepositoryModel, file: string): { unit: ComputeUnit; session: Session } | null {
  const placed = unitsRunning(model, file).map((unit) => ({ unit, session: sessionOfUnit(unit) }));
  placed.sort((a, b) => a.session.seconds - b.session.seconds);
  return placed[0] ?? null;
}

/** The role whose ARN the environment variable `name` carries for `file`, when every unit running it agrees. */
export function roleInEnvironment(model: RepositoryModel, file: string, name: string): InfraRole | undefined {
  const units = unitsRunning(model, file);
  const roles = new Set(units.map((u) => u.roleEnvironment[name]));
  const [role] = roles;
  return roles.size === 1 ? role : undefined;
}

/** The declared role an ARN names, when exactly one role has that name. */
export function roleNamed(model: RepositoryModel, name: string): InfraRole | undefined {
  const matches = model.roles.filter((r) => r.names.includes(name));
  return matches.length === 1 ? matches[0] : undefined;
}
