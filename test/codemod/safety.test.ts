import { chmodSync, existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, git, readTree, tempRepo, tempTree } from './helpers.js';
import { markerPlugin } from './marker-plugin.js';

const commit = (repo: string, message: string) =>
  git(repo, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A') +
  git(repo, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', message);

describe('codemod safety', () => {
  it('never writes through a symbolic link that leads out of the repository', async () => {
    const outside = tempTree({ 'shared.ts': "export const s = 'stale';\n" });
    const repo = tempRepo({ 'src/a.ts': "export const a = 'stale';\n" });
    symlinkSync(join(outside, 'shared.ts'), join(repo, 'src/shared.ts'));
    symlinkSync(outside, join(repo, 'vendor'));
    commit(repo, 'links');
    const run = await cli(repo, ['migrate'], markerPlugin);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^src\/shared\.ts: skipped \(symlink\): a symbolic link to a file outside the repository; not followed$/m,
    );
    expect(readFileSync(join(outside, 'shared.ts'), 'utf8')).toBe("export const s = 'stale';\n");
    expect(readFileSync(join(repo, 'src/a.ts'), 'utf8')).toBe("export const a = 'fresh';\n");
  });

  it('skips a file that is not valid UTF-8 (reported, byte for byte untouched), and keeps a BOM', async () => {
    const latin1 = Buffer.from("export const caf\xe9 = 'stale'; // caf\xe9\n", 'latin1');
    const repo = tempRepo({ 'src/b.ts': "\uFEFFexport const b = 'stale';\r\n" });
    writeFileSync(join(repo, 'src/latin1.ts'), latin1);
    commit(repo, 'latin1');
    const run = await cli(repo, ['migrate'], markerPlugin);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^src\/latin1\.ts: skipped \(not-utf8\): not valid UTF-8/m);
    expect(readFileSync(join(repo, 'src/latin1.ts')).equals(latin1)).toBe(true);
    expect(readFileSync(join(repo, 'src/b.ts'), 'utf8')).toBe("\uFEFFexport const b = 'fresh';\r\n");
  });

  it('removes its own stale temporary files instead of calling the tree dirty, and keeps the mode of a file', async () => {
    const repo = tempRepo({ 'src/a.ts': "export const a = 'stale';\n" });
    chmodSync(join(repo, 'src/a.ts'), 0o755);
    commit(repo, 'exec');
    writeFileSync(join(repo, 'src/a.ts.credential-expiry-4242.tmp'), 'half');
    const run = await cli(repo, ['migrate'], markerPlugin);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(repo, 'src/a.ts.credential-expiry-4242.tmp'))).toBe(false);
    expect(readTree(repo)).toEqual({ 'src/a.ts': "export const a = 'fresh';\n" });
    expect(statSync(join(repo, 'src/a.ts')).mode & 0o777).toBe(0o755);
  });

  it('warns when it writes outside a git repository', async () => {
    const dir = tempTree({ 'src/a.ts': "export const a = 'stale';\n" });
    const run = await cli(dir, ['migrate'], markerPlugin);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'warning: not inside a git repository: files are changed in place, and git cannot show or undo the change',
    );
  });

  const TOKEN =
    "import { GoogleAuth } from 'google-auth-library';\nconst auth = new GoogleAuth();\nexport const accessToken = await auth.getAccessToken();\n";
  const USE = (from: string) =>
    `import { accessToken } from '${from}';\n\nexport async function call(): Promise<string> {\n  return \`Bearer \${accessToken}\`;\n}\n`;

  it.each([
    ['outside the given path', { 'b/use.ts': USE('../a/token.js') }, ['migrate', 'a'], 'b/use.ts'],
    [
      'ignored by .gitignore',
      { 'a/gen/use.ts': USE('../token.js'), '.gitignore': 'gen/\n' },
      ['migrate'],
      'a/gen/use.ts',
    ],
  ])('refuses a cross-file rewrite when an importer is %s, naming it', async (_where, extra, argv, importer) => {
    const files = { 'package.json': '{ "type": "module" }\n', 'a/token.ts': TOKEN, ...extra };
    const repo = tempRepo(files);
    const run = await cli(repo, argv);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`is imported by ${importer}, which this run does not migrate`);
    expect(readFileSync(join(repo, 'a/token.ts'), 'utf8')).toBe(TOKEN);
    expect(readFileSync(join(repo, importer), 'utf8')).toBe(files[importer as keyof typeof files]);
  });

  it('with every importer in the run, rewrites them together', async () => {
    const repo = tempRepo({
      'package.json': '{ "type": "module" }\n',
      'a/token.ts': TOKEN,
      'b/use.ts': USE('../a/token.js'),
    });
    const run = await cli(repo, ['migrate']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(repo, 'a/token.ts'), 'utf8')).toContain(
      'export const getAccessToken = () => auth.getAccessToken();',
    );
    expect(readFileSync(join(repo, 'b/use.ts'), 'utf8')).toContain('Bearer ${await getAccessToken()}');
  });
});
