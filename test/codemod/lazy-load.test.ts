// The codemod loads ts-morph (and the TypeScript bundled in it) only when stage 2 has work: a run that changes
// nothing never pays for it. Checked on the built CLI, in a fresh process, by what is in Node's module cache at exit.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempRepo, tempTree } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/src/codemod/cli.js');

/** Whether ts-morph was loaded by `credential-expiry migrate --dry <args>` run in `repo`. */
function loadsTsMorph(repo: string, args: string[]): boolean {
  const probe = path.join(tempTree({}), 'probe.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write('\\nTS-MORPH ' + Object.keys(require.cache).some((file) => file.includes('/node_modules/ts-morph/')) + '\\n'));\n",
  );
  const { stderr } = spawnSync(process.execPath, ['-r', probe, CLI, 'migrate', '--dry', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  const line = stderr.split('\n').find((text) => text.startsWith('TS-MORPH '));
  if (!line) throw new Error(`no probe output: ${stderr.slice(0, 500)}`);
  return line === 'TS-MORPH true';
}

describe('codemod module loading', () => {
  const files = {
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
    'src/clean.ts': "export const greeting = 'hello';\n",
    'src/reads-env.js': 'export const region = process.env.AWS_REGION;\n',
  };

  it('does not load ts-morph when stage 1 changes nothing and no finding is a project transform', () => {
    expect(loadsTsMorph(tempRepo(files), [])).toBe(false);
  });

  it('loads it to check a tsconfig given on the command line', () => {
    expect(loadsTsMorph(tempRepo(files), ['--tsconfig', 'tsconfig.json'])).toBe(true);
  });
});
