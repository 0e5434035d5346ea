import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import semverGte from 'semver/functions/gte.js';
import validVersion from 'semver/functions/valid.js';
import minVersion from 'semver/ranges/min-version.js';

/**
 * The version of a package that the project of a linted file uses, as far as the files on disk show it: the
 * installed `node_modules/<name>/package.json`, else the lockfile's entry (`package-lock.json`), else the lowest
 * version the `package.json` dependency range allows (`^12.1.0` → 12.1.0). Looked up from the file's folder
 * upwards, nearest first; undefined when nothing there names the package (or the range has no lower bound).
 */
export function projectPackageVersion(filename: string, name: string): string | undefined {
  let dir = resolve(dirname(filename));
  for (;;) {
    const found = versionIn(dir, name);
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `version` is at least `minimum` (a pre-release counts as below its release). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parsed = coerceVersion(version);
  return parsed !== null && semverGte(parsed, minimum);
}

/** A full version, or the lowest one a range allows (`^18.3.0`, `~18.3.1`, `18.3.x`, `19`); null when neither. */
function coerceVersion(text: string): string | null {
  if (validVersion(text)) return text;
  try {
    return minVersion(text)?.version ?? null;
  } catch {
    return null;
  }
}

const cache = new Map<string, string | null>();

function versionIn(dir: string, name: string): string | undefined {
  const key = `${dir}\0${name}`;
  if (!cache.has(key)) cache.set(key, readVersionIn(dir, name) ?? null);
  return cache.get(key) ?? undefined;
}

function readVersionIn(dir: string, name: string): string | undefined {
  const installed = readJson(join(dir, 'node_modules', name, 'package.json'));
  if (typeof installed?.version === 'string') return installed.version;
  const lock = readJson(join(dir, 'package-lock.json'));
  const packages = lock?.packages as Record<string, { version?: unknown }> | undefined;
  const locked = packages?.[`node_modules/${name}`]?.version;
  if (typeof locked === 'string') return locked;
  const manifest = readJson(join(dir, 'package.json'));
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const range = (manifest?.[field] as Record<string, unknown> | undefined)?.[name];
    if (typeof range === 'string') return coerceVersion(range) ?? undefined;
  }
  return undefined;
}

function readJson(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
