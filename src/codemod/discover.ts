import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';
import { gitListFiles } from './git.js';

/** Build output and dependency folders: never migrated, whether or not .gitignore says so. */
const BUILD_OUTPUT_DIRS = [
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.git',
];

/** The same folders as ESLint global ignores. */
export const BUILD_OUTPUT_IGNORES = BUILD_OUTPUT_DIRS.map((dir) => `**/${dir}/`);

/** `path` itself when it is a directory, else the directory holding it. */
export function directoryOf(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
}

/** `path` relative to `root`, with `/` separators (the form the report and the diff use). */
export function relativeName(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * A directory walk for trees outside git, pruning build output and dependencies. Written by hand because ESLint
 * does not expose its file enumeration; inside a git working tree `git ls-files` is used instead.
 */
function walk(dir: string, files: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!BUILD_OUTPUT_DIRS.includes(entry.name)) walk(join(dir, entry.name), files);
    } else if (entry.isFile()) {
      files.push(join(dir, entry.name));
    }
  }
}

/** Every file under `root` except dependencies and build output, whatever .gitignore or the ESLint config say. */
export function walkRepository(root: string): string[] {
  const files: string[] = [];
  walk(root, files);
  return files;
}

/**
 * Every candidate file under `paths`: git's view (tracked plus untracked, .gitignore applied) inside a working
 * tree, a pruned walk outside one. Explicit file arguments are kept as given. Absolute, sorted, unique.
 */
export function discoverFiles(cwd: string, root: string, inGit: boolean, paths: readonly string[]): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) throw new UsageError(`path not found: ${path}`);
    if (!statSync(absolute).isDirectory()) {
      files.add(absolute);
      continue;
    }
    const listed = inGit ? gitListFiles(root, absolute) : undefined;
    if (listed) {
      // ls-files also lists tracked files deleted from the working tree.
      for (const file of listed) if (existsSync(file)) files.add(file);
    } else {
      const walked: string[] = [];
      walk(absolute, walked);
      for (const file of walked) files.add(file);
    }
  }
  return [...files].sort();
}
