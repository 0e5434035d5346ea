import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { WRITE_PAUSE_ENV } from '../../src/codemod/write-stage.js';
import { BUILT_CLI, ensureBuilt, tempRepo, tempTree } from './helpers.js';

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

describe('an interrupted write phase', () => {
  beforeAll(ensureBuilt, 120_000);

  it('leaves every file either old or new, never half-written', async () => {
    const names = ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts'];
    const old = Array.from({ length: 1000 }, (_, index) => `export const v${index} = 'stale';\n`).join('');
    const fresh = old.replaceAll("'stale'", "'fresh'");
    const repo = tempRepo(Object.fromEntries(names.map((name) => [name, old])));
    const script = childScript(tempTree({}));

    const child = spawn(process.execPath, [script, 'migrate'], { cwd: repo, env: { ...process.env, [WRITE_PAUSE_ENV]: '10000' } });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('wrote ')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the CLI exited before writing: ${stderr}`)));
    });
    await new Promise((resolve) => child.on('close', resolve));

    const texts = names.map((name) => readFileSync(join(repo, name), 'utf8'));
    for (const text of texts) expect([old, fresh]).toContain(text);
    expect(texts.filter((text) => text === fresh)).toHaveLength(1);
    expect(readdirSync(join(repo, 'src')).sort()).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts']);
  }, 120_000);
});
