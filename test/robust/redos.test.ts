import path from 'node:path';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT, regexSites, SCANNED_FOLDERS } from './regex-inventory.js';

/**
 * Every regular expression that runs on users' files is checked for super-linear backtracking with recheck
 * (https://makenowjust-labs.github.io/recheck/): a new vulnerable regex fails this test.
 */
const sites = regexSites();

async function verdict(source: string, flags: string): Promise<string> {
  const diagnostics = await check(source, flags, { timeout: 20_000 });
  if (diagnostics.status === 'vulnerable') return `vulnerable (${diagnostics.complexity.summary})`;
  return diagnostics.status === 'unknown' ? `unknown (${diagnostics.error.kind})` : 'safe';
}

describe('ReDoS check of every regular expression in src/ and rules/', () => {
  it('finds the regexes (the scan itself works)', () => {
    expect(sites.filter((site) => site.literal).length).toBeGreaterThan(50);
  });

  it('every regex literal is safe', async () => {
    const unsafe: string[] = [];
    for (const site of sites) {
      if (!site.literal) continue;
      const result = await verdict(site.literal.source, site.literal.flags);
      if (result !== 'safe') unsafe.push(`${site.file}:${site.line} /${site.literal.source}/${site.literal.flags}: ${result}`);
    }
    expect(unsafe).toEqual([]);
  }, 120_000);

  it('a RegExp is built from text only at module load, or from another checked RegExp', () => {
    // Patterns built inside functions from input would escape this check: compare strings instead.
    const dynamic = sites.filter((site) => !site.literal && !site.moduleLevel && !site.fromSource);
    expect(dynamic.map((site) => `${site.file}:${site.line}`)).toEqual([]);
  });

  it('every RegExp built at module load is safe', async () => {
    const built: { source: string; flags: string; where: string }[] = [];
    const Original = globalThis.RegExp;
    const inRepository = (stack: string | undefined) =>
      SCANNED_FOLDERS.some((folder) => stack?.split('\n').slice(2, 4).some((line) => line.includes(path.join(REPOSITORY_ROOT, folder) + path.sep)));
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        const made = new target(...args);
        const stack = new Error().stack;
        if (inRepository(stack)) built.push({ source: made.source, flags: made.flags, where: stack!.split('\n')[2]!.trim() });
        return made;
      },
    });
    try {
      for (const file of new Set(sites.filter((site) => !site.literal && site.moduleLevel).map((site) => site.file))) {
        await import(path.join(REPOSITORY_ROOT, file));
      }
    } finally {
      globalThis.RegExp = Original;
    }
    expect(built.length).toBeGreaterThan(0);
    const unsafe: string[] = [];
    for (const regex of built) {
      const result = await verdict(regex.source, regex.flags);
      if (result !== 'safe') unsafe.push(`${regex.where} /${regex.source}/${regex.flags}: ${result}`);
    }
    expect(unsafe).toEqual([]);
  }, 120_000);
});
