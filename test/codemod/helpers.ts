import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ESLint } from 'eslint';
import { afterEach } from 'vitest';
import { runCli } from '../../src/codemod/cli.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder holding `files` (path → text); removed after the test. */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'credential-expiry-codemod-'));
  made.push(dir);
  writeTree(dir, files);
  return dir;
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Every file under `dir` (except .git), path → text. */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !relative(dir, path).split('/').includes('.git'))
      files[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}

/** A temporary git repository with `files` committed. */
export function tempRepo(files: Record<string, string>): string {
  const dir = tempTree(files);
  git(dir, 'init', '-q');
  git(dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
  git(dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'initial');
  return dir;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `credential-expiry <argv>` in-process in `cwd`. */
export async function cli(cwd: string, argv: string[], plugin?: ESLint.Plugin): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stderrStream = {
    isTTY: false,
    write: (text: string) => ((stderr += text), true),
  } as unknown as NodeJS.WriteStream;
  const code = await runCli(argv, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: stderrStream,
    ...(plugin ? { plugin } : {}),
  });
  return { code, stdout, stderr };
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_CLI = join(REPO_ROOT, 'dist/src/codemod/cli.js');

/** The built CLI is what a user runs; rebuild it when the sources are newer (npm test builds first anyway). */
export function ensureBuilt(): void {
  const dir = join(REPO_ROOT, 'src/codemod');
  const sources = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs);
  if (existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= Math.max(...sources)) return;
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'ignore' });
  } catch {
    // Type errors elsewhere in the tree still emit JavaScript; the existence check below is what matters.
  }
  if (!existsSync(BUILT_CLI)) throw new Error('dist/src/codemod/cli.js is missing after the build');
}
