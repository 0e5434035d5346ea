import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/codemod/cli.js';
import type { MigrationReport } from '../../src/codemod/report.js';
import { cli, git, readTree, tempRepo, tempTree } from './helpers.js';
import { markerPlugin } from './marker-plugin.js';

const FILES = {
  'src/a.ts': "export const a: string = 'stale';\n",
  'src/b.js': "export const b = ['suggest-me', 'unsafe-me'];\n",
  'src/clean.ts': "export const c = 'ok';\n",
  'README.md': "'stale'\n",
};

describe('credential-expiry CLI', () => {
  it('prints help with the exit codes, and the version', async () => {
    const help = await cli(process.cwd(), ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(HELP);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*--check/);
    const version = await cli(process.cwd(), ['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('gives one-line errors with exit code 2 for a missing path, an unknown option, a tsconfig that does not load and a bad setting', async () => {
    const repo = tempRepo({ ...FILES, 'broken.json': '{ "compilerOptions": { ' });
    for (const [argv, text] of [
      [['migrate', 'nope'], 'credential-expiry: path not found: nope\n'],
      [
        ['migrate', '--frobnicate'],
        "credential-expiry: Unknown option '--frobnicate'; run `credential-expiry --help` for the options\n",
      ],
      [['migrate', '--rule', 'nope'], 'credential-expiry: --rule: unknown name "nope"; one of: marker\n'],
      [
        ['migrate', '--transform', 'nope'],
        'credential-expiry: --transform: unknown name "nope"; one of: fix, useSuggested, exported-snapshot\n',
      ],
      [['migrate', '--strict'], 'credential-expiry: --strict goes with --check (try --help)\n'],
      [
        ['migrate', '--dry', '--tsconfig', 'broken.json'],
        /^credential-expiry: tsconfig .*broken\.json does not load: '}' expected\.\n$/,
      ],
      [['migrate', '--dry', '--tsconfig', 'missing.json'], 'credential-expiry: tsconfig not found: missing.json\n'],
      [
        ['migrate', '--dry', '--platform', 'mars'],
        /^credential-expiry: --platform \/ --session-seconds: .*platform must be one of .*got "mars".*\n$/,
      ],
    ] as const) {
      const run = await cli(repo, [...argv], markerPlugin);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      if (typeof text === 'string') expect(run.stderr).toBe(text);
      else expect(run.stderr).toMatch(text);
    }
  });

  it('--dry prints a unified diff, applies fixes and migration-safe suggestions only, and writes nothing', async () => {
    const repo = tempRepo(FILES);
    const run = await cli(repo, ['migrate', '--dry'], markerPlugin);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,1 +1,1 @@\n-export const a: string = 'stale';\n+export const a: string = 'fresh';\n",
    );
    expect(run.stdout).toContain(
      "-export const b = ['suggest-me', 'unsafe-me'];\n+export const b = ['suggested', 'unsafe-me'];\n",
    );
    expect(run.stdout).not.toContain('clean.ts');
    expect(run.stdout).toContain(
      "src/b.js:1:32  credential-expiry/marker  value needs a person\n    what to do: Maybe use 'other'",
    );
    expect(run.stdout).toContain('3 files scanned, 2 would change.');
    expect(run.stdout).toMatch(/Fixed \(pending\):\n {5}2 {2}credential-expiry\/marker\n1 finding needs a person/);
    expect(readTree(repo)).toEqual(FILES);
  });

  it('--check exits 1 while a migration is pending and 0 once it is applied, writing nothing itself', async () => {
    const repo = tempRepo(FILES);
    const pending = await cli(repo, ['migrate', '--check'], markerPlugin);
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain('a migration is pending in 2 files');
    expect(readTree(repo)).toEqual(FILES);

    const applied = await cli(repo, ['migrate'], markerPlugin);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('3 files scanned, 2 changed.');
    expect(readFileSync(join(repo, 'src/a.ts'), 'utf8')).toBe("export const a: string = 'fresh';\n");
    git(repo, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qam', 'migrated');

    const clean = await cli(repo, ['migrate', '--check'], markerPlugin);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('1 finding needs a person');
  });

  it('refuses to write on a dirty git tree, saying why, unless --force', async () => {
    const repo = tempRepo(FILES);
    writeFileSync(join(repo, 'src/clean.ts'), "export const c = 'edited';\n");
    const refused = await cli(repo, ['migrate'], markerPlugin);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(
      /^credential-expiry: refusing to write: the git working tree has 1 uncommitted change under the migrated paths \(src\/clean\.ts\); .*--force\n$/,
    );
    expect(readFileSync(join(repo, 'src/a.ts'), 'utf8')).toBe(FILES['src/a.ts']);

    const dry = await cli(repo, ['migrate', '--dry'], markerPlugin);
    expect(dry.code).toBe(0);

    const forced = await cli(repo, ['migrate', '--force'], markerPlugin);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(repo, 'src/a.ts'), 'utf8')).toBe("export const a: string = 'fresh';\n");
  });

  it('writes a --report with every change and every finding left for a person', async () => {
    const repo = tempRepo(FILES);
    const reportFile = join(tempTree({}), 'report.json');
    const run = await cli(repo, ['migrate', '--dry', '--report', reportFile], markerPlugin);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as MigrationReport;
    expect(report).toMatchObject({ schemaVersion: 1, tool: 'credential-expiry migrate', mode: 'dry', written: false });
    expect(report.summary).toEqual({
      filesScanned: 3,
      filesChanged: 2,
      fixedByRule: { 'credential-expiry/marker': 2 },
      needsPerson: 1,
      skipped: 0,
    });
    expect(report.changes).toEqual([
      {
        file: 'src/a.ts',
        line: 1,
        rule: 'credential-expiry/marker',
        messageId: 'stale',
        stage: 'lint',
        description: 'stale value: it stops working when the session ends',
      },
      {
        file: 'src/b.js',
        line: 1,
        rule: 'credential-expiry/marker',
        messageId: 'suggestMe',
        stage: 'lint',
        description: 'value needs the safe suggestion',
      },
    ]);
    expect(report.needsPerson).toEqual([
      {
        file: 'src/b.js',
        line: 1,
        column: 32,
        rule: 'credential-expiry/marker',
        messageId: 'unsafeMe',
        why: 'value needs a person',
        whatToDo: "Maybe use 'other'",
      },
    ]);
    expect(report.files.map((file) => file.file)).toEqual(['src/a.ts', 'src/b.js']);
    expect(report.files[0]?.diff).toMatch(/^--- a\/src\/a\.ts\n\+\+\+ b\/src\/a\.ts\n@@/);
  });

  it('--json prints the report on stdout and the summary on stderr', async () => {
    const repo = tempRepo(FILES);
    const run = await cli(repo, ['migrate', '--dry', '--json'], markerPlugin);
    const report = JSON.parse(run.stdout) as MigrationReport;
    expect(report.summary.filesChanged).toBe(2);
    expect(run.stderr).toContain('3 files scanned, 2 would change.');
  });

  it('skips and lists an unparsable file and an unreadable one, and never touches them', async () => {
    const broken = 'export const x = (;\n';
    const repo = tempRepo({ ...FILES, 'src/broken.ts': broken, 'src/folder/keep.txt': '' });
    // A name that reads as a file but cannot be read as one (EISDIR), even by root.
    symlinkSync('folder', join(repo, 'src/link.ts'));
    git(repo, 'add', 'src/link.ts');
    git(repo, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'link');
    const run = await cli(repo, ['migrate'], markerPlugin);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^src\/broken\.ts: skipped \(unparsable\): Parsing error: Expression expected\. \(1:18\)$/m,
    );
    expect(run.stdout).toMatch(/^src\/link\.ts: skipped \(symlink\): a symbolic link to src\/folder; not followed/m);
    expect(run.stdout).toContain('2 files skipped and left untouched');
    expect(readFileSync(join(repo, 'src/broken.ts'), 'utf8')).toBe(broken);
    expect(readFileSync(join(repo, 'src/a.ts'), 'utf8')).toBe("export const a: string = 'fresh';\n");
  });

  it('respects .gitignore, the project ESLint ignores, node_modules and build output', async () => {
    const stale = "export const s = 'stale';\n";
    const repo = tempRepo({
      ...FILES,
      '.gitignore': 'generated/\n',
      'generated/g.ts': stale,
      'eslint.config.js': "export default [{ ignores: ['legacy/**'] }];\n",
      'legacy/l.ts': stale,
      'node_modules/m/index.js': stale,
      'dist/d.js': stale,
      'packages/p/build/b.js': stale,
    });
    const run = await cli(repo, ['migrate', '--dry', '--json'], markerPlugin);
    const report = JSON.parse(run.stdout) as MigrationReport;
    expect(report.files.map((file) => file.file)).toEqual(['src/a.ts', 'src/b.js']);
    expect(report.summary.filesScanned).toBe(4); // src/*.ts|js and eslint.config.js
    expect(report.warnings).toEqual([]);
  });

  it("honours eslint-disable comments for the plugin's rules, as the editor does", async () => {
    const disabled = "// eslint-disable-next-line credential-expiry/marker\nexport const d = 'stale';\n";
    const repo = tempRepo({
      'src/d.ts': disabled,
      'src/e.ts': "export const e = 'stale'; // eslint-disable-line other-plugin/rule\n",
    });
    const run = await cli(repo, ['migrate', '--dry', '--json'], markerPlugin);
    const report = JSON.parse(run.stdout) as MigrationReport;
    expect(report.files.map((file) => file.file)).toEqual(['src/e.ts']);
    expect(report.needsPerson).toEqual([]);
  });

  it('works outside git, with a pruned walk', async () => {
    const dir = tempTree({ ...FILES, 'node_modules/m/index.js': "export const m = 'stale';\n" });
    const run = await cli(dir, ['migrate', '--dry', '--json'], markerPlugin);
    expect((JSON.parse(run.stdout) as MigrationReport).files.map((file) => file.file)).toEqual([
      'src/a.ts',
      'src/b.js',
    ]);
  });
});
