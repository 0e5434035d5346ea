// The examples/ app still type-checks after `migrate` (on a copy: examples/ itself is the demo and is not touched).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, git } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository (in its git-ignored tmp/), so the copy resolves the SDK types from node_modules.
mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A committed copy of examples/ inside the repository's tmp/. */
function copyOfExamples(): string {
  const copy = mkdtempSync(join(REPO_ROOT, 'tmp', 'codemod-examples-'));
  copies.push(copy);
  cpSync(join(REPO_ROOT, 'examples'), copy, { recursive: true });
  git(copy, 'init', '-q');
  git(copy, 'add', '-A');
  git(copy, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'examples');
  return copy;
}

describe('the migrated examples/ app', () => {
  it("matches the README's sample diff exactly", async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const sample = /```diff\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(sample).toMatch(/^--- a\/src\/storage\/archive-store\.ts\n/);
    const dry = await cli(copyOfExamples(), ['migrate', '--dry']);
    expect(dry.stdout).toContain(sample);
  }, 180_000);

  it('type-checks with tsc --noEmit', () => {
    const copy = copyOfExamples();
    return cli(copy, ['migrate', '.']).then((run) => {
      expect(run.code, run.stderr).toBe(0);
      const before = readFileSync(join(REPO_ROOT, 'examples/src/storage/archive-store.ts'), 'utf8');
      expect(readFileSync(join(copy, 'src/storage/archive-store.ts'), 'utf8')).not.toBe(before);
      expect(git(copy, 'status', '--porcelain')).not.toBe('');
      const tsc = join(REPO_ROOT, 'node_modules/.bin/tsc');
      expect(() =>
        execFileSync(tsc, ['--noEmit', '-p', join(copy, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' }),
      ).not.toThrow();
    });
  }, 180_000);
});
