import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cli, readTree, tempRepo } from './helpers.js';
import { markerPlugin } from './marker-plugin.js';

const FILES = {
  'src/a.ts': "export const a = ['stale', 'suggest-me'];\n",
  'src/b.js': "export const b = 'stale';\n",
  'lib/c.tsx': "export const c = 'stale';\n",
};

/** The marker rule twice, under two names, to choose between. */
const twoRules: ESLint.Plugin = {
  meta: { name: 'two' },
  rules: { marker: markerPlugin.rules!.marker!, other: markerPlugin.rules!.marker! },
};

describe('migrate options', () => {
  it("--transform fix applies the rules' fixes only; a migration-safe suggestion id applies that suggestion only", async () => {
    const fixOnly = await cli(tempRepo(FILES), ['migrate', '--dry', '--transform', 'fix'], markerPlugin);
    expect(fixOnly.stdout).toContain("+export const a = ['fresh', 'suggest-me'];");
    expect(fixOnly.stdout).toMatch(/src\/a\.ts:1:28 {2}credential-expiry\/marker {2}value needs the safe suggestion/);
    const suggestionOnly = await cli(
      tempRepo(FILES),
      ['migrate', '--dry', '--transform', 'useSuggested'],
      markerPlugin,
    );
    expect(suggestionOnly.stdout).toContain("+export const a = ['stale', 'suggested'];");
    expect(suggestionOnly.stdout).not.toContain('b/src/b.js');
  });

  it('--rule runs only the rules named', async () => {
    const both = await cli(tempRepo(FILES), ['migrate', '--dry', '--json'], twoRules);
    const one = await cli(
      tempRepo(FILES),
      ['migrate', '--dry', '--json', '--rule', 'credential-expiry/other'],
      twoRules,
    );
    const fixedBy = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { summary: { fixedByRule: Record<string, number> } }).summary.fixedByRule;
    expect(Object.keys(fixedBy(both)).sort()).toEqual(['credential-expiry/marker', 'credential-expiry/other']);
    expect(Object.keys(fixedBy(one))).toEqual(['credential-expiry/other']);
  });

  it('--ignore-pattern and --extensions narrow the files', async () => {
    const repo = tempRepo(FILES);
    const run = await cli(repo, ['migrate', '--ignore-pattern', 'lib/**', '--extensions', 'ts,.tsx'], markerPlugin);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 file scanned, 1 changed.');
    expect(readTree(repo)).toEqual({ ...FILES, 'src/a.ts': "export const a = ['fresh', 'suggested'];\n" });
  });

  it('--check --strict also fails while findings need a person; --check alone does not', async () => {
    const repo = tempRepo({ 'src/a.ts': "export const a = 'unsafe-me';\n" });
    expect((await cli(repo, ['migrate', '--check'], markerPlugin)).code).toBe(0);
    const strict = await cli(repo, ['migrate', '--check', '--strict'], markerPlugin);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('credential-expiry: 1 finding still needs a person (--strict)');
  });

  it('--verbose says what happened to each file', async () => {
    const run = await cli(tempRepo(FILES), ['migrate', '--dry', '--verbose'], markerPlugin);
    expect(run.stdout).toContain('src/a.ts: changed, 2 fixed, 0 left for a person\n');
    expect(run.stdout).toMatch(/^lint: 1 thread for 3 files$/m);
  });
});
