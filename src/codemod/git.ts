import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** The top of the git working tree holding `dir`, or undefined outside git (or without git installed). */
export function gitRoot(dir: string): string | undefined {
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  return top ? resolve(top) : undefined;
}

/** Tracked and untracked-but-not-ignored files under `dir` (git applies every .gitignore), absolute. */
export function gitListFiles(root: string, dir: string): string[] | undefined {
  const out = git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate', '--', dir]);
  if (out === undefined) return undefined;
  return out
    .split('\0')
    .filter(Boolean)
    .map((file) => resolve(root, file));
}

/** `git status --porcelain` entries (modified, staged, untracked) under `paths`, relative to the root. */
export function gitDirtyFiles(root: string, paths: readonly string[]): string[] {
  const out = git(root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...paths]) ?? '';
  return out
    .split('\0')
    .filter(Boolean)
    .map((entry) => entry.slice(3));
}

/** The git directory of the working tree holding `dir` (`.git`, or a worktree's own), absolute; undefined outside git. */
export function gitDir(dir: string): string | undefined {
  const path = git(dir, ['rev-parse', '--absolute-git-dir'])?.trim();
  return path ? resolve(path) : undefined;
}
