// Fixture pairs: test/codemod/fixtures/<case>/ holds `input.<ext>` (one file, migrated as src/index.<ext>) or
// `<name>.input.<ext>` files (several files, migrated as src/<name>.<ext>), and the expected `*output*` twin of each
// file the migration changes (no twin: the file must stay as it is). An optional `expected.json` lists the findings
// stage 2 must leave for a person; an optional `package.json` replaces the project's default one (a remedy that
// depends on a dependency's version reads it there). Set UPDATE_CODEMOD_FIXTURES=1 to write the outputs (then review them by hand).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import type { MigrationReport } from '../../src/codemod/report.js';
import { cli, git, tempRepo, tempTree } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('fixtures', import.meta.url));
const INPUT = /^(?:(?<stem>.+)\.)?input\.(?<ext>[^.]+)$/;
const UPDATE = process.env.UPDATE_CODEMOD_FIXTURES === '1';

interface FixtureFile {
  input: string;
  output: string;
  /** Where it is migrated, in the temporary repository. */
  target: string;
}

function fixtureFiles(dir: string): FixtureFile[] {
  return readdirSync(dir).flatMap((name) => {
    const match = INPUT.exec(name);
    if (!match?.groups) return [];
    const { stem, ext } = match.groups;
    return [
      { input: name, output: name.replace(/input(\.[^.]+)$/, 'output$1'), target: `src/${stem ?? 'index'}.${ext}` },
    ];
  });
}

const PROJECT = {
  'package.json': `${JSON.stringify({ name: 'fixture', private: true, type: 'module' }, null, 2)}\n`,
  'tsconfig.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true } }, null, 2)}\n`,
  'eslint.config.js': 'export default [{}];\n',
};

/** The fixture's own package.json, when it has one, in place of the default. */
function projectFor(dir: string): Record<string, string> {
  const own = join(dir, 'package.json');
  return existsSync(own) ? { ...PROJECT, 'package.json': readFileSync(own, 'utf8') } : PROJECT;
}

async function lint(dir: string, files: readonly string[]) {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
  const results = await eslint.lintFiles(files.map((file) => join(dir, file)));
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: result.filePath.slice(dir.length + 1),
      rule: message.ruleId,
      messageId: message.messageId,
    })),
  );
}

const commit = (repo: string, message: string) =>
  git(repo, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '--allow-empty', '-qam', message);

describe('codemod fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    const files = fixtureFiles(dir);
    it(`${name}: migrates to the expected text, is idempotent, and the linter agrees`, async () => {
      const inputs = Object.fromEntries(
        files.map((file) => [file.target, readFileSync(join(dir, file.input), 'utf8')]),
      );
      const project = projectFor(dir);
      const repo = tempRepo({ ...project, ...inputs });
      const reportFile = join(tempTree({}), 'report.json');
      const run = await cli(repo, ['migrate', '--report', reportFile]);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as MigrationReport;

      for (const file of files) {
        const actual = readFileSync(join(repo, file.target), 'utf8');
        const outputPath = join(dir, file.output);
        if (UPDATE) {
          if (actual === inputs[file.target]) rmSync(outputPath, { force: true });
          else writeFileSync(outputPath, actual);
        }
        const expected = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : inputs[file.target];
        expect(actual, file.target).toBe(expected);
      }
      const expectedReport = join(dir, 'expected.json');
      if (existsSync(expectedReport)) {
        const { needsPerson } = JSON.parse(readFileSync(expectedReport, 'utf8')) as {
          needsPerson: { file: string; line: number; rule: string; whatToDo: string; why?: string }[];
        };
        for (const entry of needsPerson) {
          const why = entry.why === undefined ? {} : { why: expect.stringContaining(entry.why) };
          expect(report.needsPerson).toContainEqual(
            expect.objectContaining({
              file: entry.file,
              line: entry.line,
              rule: entry.rule,
              whatToDo: expect.stringContaining(entry.whatToDo),
              ...why,
            }),
          );
        }
      }

      // Idempotence: a second run on the migrated tree finds nothing more to change.
      commit(repo, 'migrated');
      const again = await cli(repo, ['migrate', '--check']);
      expect(again.code, again.stdout).toBe(0);

      // Parity: the linter flags each input, and is silent on the outputs for every finding the codemod claims it fixed.
      const targets = files.map((file) => file.target);
      const before = await lint(tempTree({ ...project, ...inputs }), targets);
      expect(before.length).toBeGreaterThan(0);
      const after = await lint(repo, targets);
      for (const change of report.changes) {
        expect(after, `${change.rule}/${change.messageId} is still reported in ${change.file}`).not.toContainEqual({
          file: change.file,
          rule: change.rule,
          messageId: change.messageId,
        });
      }
    });
  }
});
