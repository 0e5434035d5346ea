import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Minimatch } from 'minimatch';
import { DOCKERFILE_FILES, DOCKERFILE_IGNORES } from '../knowledge/index.js';
import { lazyModule } from '../util/lazy-module.js';
import { debug } from './debug.js';

/**
 * Folders that hold no infrastructure the code is deployed with: dependencies, build output, tool caches, and
 * test folders (a template under `test/fixtures/` describes a test setup, not where the code runs). A configured
 * folder is read even when it has one of these names; only folders below it are skipped.
 */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  'dist',
  'build',
  'out',
  'coverage',
  'cdk.out',
  '.terraform',
  '.serverless',
  '.aws-sam',
  'tmp',
  'target',
  '__pycache__',
  '.venv',
  'test',
  'tests',
  '__tests__',
  'fixtures',
  '__fixtures__',
  'testdata',
]);
const MAX_DEPTH = 8;
/** Past this many directory entries the walk stops (a huge monorepo): the model then knows only what it saw. */
const MAX_ENTRIES = 50_000;
/** Infrastructure files are small; a bigger file is data, not a template. */
export const MAX_FILE_BYTES = 512 * 1024;

type InfraKind = 'cdk-app' | 'script' | 'terraform' | 'yaml' | 'json' | 'dockerfile';

export interface FoundFile {
  /** Absolute path. */
  readonly file: string;
  readonly kind: InfraKind;
}

/** minimatch loads with the first walk (its ES module costs ~15-30 ms of CPU): most lints never walk. */
const minimatch = lazyModule<typeof import('minimatch')>('minimatch');
let dockerfileMatchers: { names: Minimatch[]; notNames: Minimatch[] } | undefined;

/** Matched against the globs the configs give the Dockerfile language, as ESLint matches `files` (`dot: true`). */
function isDockerfileName(name: string): boolean {
  if (!dockerfileMatchers) {
    const { Minimatch } = minimatch();
    const matchers = (globs: readonly string[]) => globs.map((glob) => new Minimatch(glob, { dot: true }));
    dockerfileMatchers = { names: matchers(DOCKERFILE_FILES), notNames: matchers(DOCKERFILE_IGNORES) };
  }
  const { names, notNames } = dockerfileMatchers;
  return names.some((m) => m.match(name)) && !notNames.some((m) => m.match(name));
}

/** The kind of infrastructure a file name suggests; its contents decide later (a YAML file may be anything). */
function kindOf(name: string): InfraKind | null {
  if (name === 'cdk.json') return 'cdk-app';
  if (name.endsWith('.tf')) return 'terraform';
  if (name.endsWith('.yaml') || name.endsWith('.yml') || name.endsWith('.template')) return 'yaml';
  if (
    name.endsWith('.json') &&
    !/^(package(-lock)?|tsconfig.*|\.?eslintrc|composer|lerna|nx|turbo|jsconfig|cdk\.context)\.json$/.test(name)
  )
    return 'json';
  if (/\.[cm]?[jt]s$/.test(name) && !name.endsWith('.d.ts') && !/\.(test|spec)\.[cm]?[jt]s$/.test(name))
    return 'script';
  if (isDockerfileName(name)) return 'dockerfile';
  return null;
}

/**
 * The files under `folders` that may describe infrastructure. Hand-written rather than a glob library because the
 * walk prunes skipped and hidden folders before descending and stops at a fixed budget, so a large repository
 * costs a bounded, one-time scan.
 */
export function discover(folders: readonly string[]): FoundFile[] {
  const found: FoundFile[] = [];
  let entries = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH || entries > MAX_ENTRIES) return;
    let listing;
    try {
      listing = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      debug('cannot list %s: %s', dir, (error as Error).message);
      return;
    }
    listing.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of listing) {
      if (++entries > MAX_ENTRIES) {
        debug('stopped after %d directory entries; infrastructure further on is not read', MAX_ENTRIES);
        return;
      }
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(full, depth + 1);
        continue;
      }
      if (!entry.isFile()) continue;
      const kind = kindOf(entry.name);
      if (kind) found.push({ file: full, kind });
    }
  };
  for (const folder of folders) walk(folder, 0);
  return found;
}

/** Modification time, or -1 when the file is gone. */
export function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
