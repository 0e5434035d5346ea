import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { WRITE_PAUSE_ENV } from '../../src/codemod/write-stage.js';
import { BUILT_CLI, ensureBuilt, git, tempRepo, tempTree } from './helpers.js';

/** A child process running the built CLI with a one-fix plugin, so the test does not depend on any rule's details. */
function childScript(dir: string): string {
  const script = join(dir, 'run-cli.mjs');
  writeFileSync(
    script,
    `import { runCli } from ${JSON.stringify(pathToFileURL(BUILT_CLI).href)};
const rule = {
  meta: { type: 'problem', fixable: 'code', docs: { recommended: 'error' }, messages: { stale: 'stale' }, schema: [] },
  create: (context) => ({ Literal(node) { if (node.value === 'stale') context.report({ node, messageId: 'stale', fix: (f) => f.replaceText(node, "'fresh'") }); } }),
};
process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, plugin: { meta: { name: 'p' }, rules: { stale: rule } } });
`,
  );
  return script;
}

const NAMES = ['src/a.ts', 'src/b.ts', 'lib/c.ts', 'lib/d.ts'];
const OLD = Array.from({ length: 200 }, (_, index) => `export const v${index} = 'stale';\n`).join('');
const FRESH = OLD.replaceAll("'stale'", "'fresh'");

/** Runs migrate in a child that stalls after the step `marker`, and SIGKILLs it once that step is on stderr. */
async function killAt(repo: string, script: string, marker: string): Promise<void> {
  const child = spawn(process.execPath, [script, 'migrate'], {
    cwd: repo,
    env: { ...process.env, [WRITE_PAUSE_ENV]: marker },
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(marker)) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`the CLI exited before "${marker}": ${stderr}`)));
  });
  await new Promise((resolve) => child.on('close', resolve));
}

/** Every file under the repository except .git, to find leftover temporary files. */
const listing = (repo: string) =>
  readdirSync(repo, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes(`${join(repo, '.git')}`))
    .map((entry) => join(entry.parentPath, entry.name).slice(repo.length + 1))
    .sort();

describe('a migration killed while writing', () => {
  // Building the CLI takes minutes on a loaded machine.
  beforeAll(ensureBuilt, 600_000);

  it.each([
    ['after its first temporary file', 'prepared lib/c.ts', 'rolled it back'],
    ['after every temporary file, before any rename', 'prepared src/b.ts', 'rolled it back'],
    ['between renames', 'wrote lib/d.ts', 'completed it (4 of 4 files now migrated)'],
  ])(
    '%s: each file is old or new, the next run finishes the job and says so, no temporary file remains',
    async (_when, marker, said) => {
      const repo = tempRepo(Object.fromEntries(NAMES.map((name) => [name, OLD])));
      const script = childScript(tempTree({}));
      await killAt(repo, script, marker);
      for (const name of NAMES) expect([OLD, FRESH]).toContain(readFileSync(join(repo, name), 'utf8'));

      const next = spawnSync(process.execPath, [script, 'migrate'], { cwd: repo, encoding: 'utf8' });
      expect(next.status).toBe(0);
      expect(next.stderr).toContain(`credential-expiry: an earlier run was interrupted`);
      expect(next.stderr).toContain(said);
      for (const name of NAMES) expect(readFileSync(join(repo, name), 'utf8')).toBe(FRESH);
      expect(listing(repo)).toEqual([...NAMES].sort());
      expect(existsSync(join(repo, '.git', 'credential-expiry-migrate.journal.json'))).toBe(false);
      expect(git(repo, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual(
        NAMES.map((name) => ` M ${name}`).sort(),
      );
    },
    120_000,
  );
});
