import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileTypesOf } from '../../src/configs.js';
import { LANGUAGE_IDS } from '../../src/languages/ids.js';
import plugin from '../../src/index.js';
import { REPOSITORY_URL, type CredentialExpiryDocs } from '../../src/util/create-rule.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const ruleEntries = Object.entries(plugin.rules);

describe('plugin object', () => {
  it('names itself for caching and concurrency', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, namespace: 'credential-expiry', version: pkg.version });
  });

  it('provides every language its rules name under its own namespace', () => {
    const own = Object.values(LANGUAGE_IDS)
      .flat()
      .filter((id) => id.startsWith('credential-expiry/'));
    expect(own.length).toBeGreaterThan(0);
    for (const id of own) expect(plugin.languages).toHaveProperty(id.slice('credential-expiry/'.length));
  });

  it('has rules', () => {
    expect(ruleEntries.length).toBeGreaterThan(0);
  });
});

describe.each(ruleEntries)('rule %s', (id, rule) => {
  const docs = rule.meta?.docs as (CredentialExpiryDocs & { description?: string; url?: string }) | undefined;
  const docPath = path.join(ROOT, 'docs', 'rules', `${id}.md`);

  it('has a description, a docs url that matches its page, and messages', () => {
    expect(docs?.description).toMatch(/\w{10,}/);
    expect(docs?.url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`);
    expect(Object.keys(rule.meta?.messages ?? {}).length).toBeGreaterThan(0);
  });

  it('has a docs page with wrong and right examples', () => {
    expect(existsSync(docPath)).toBe(true);
    const page = readFileSync(docPath, 'utf8');
    expect(page).toMatch(/❌|Incorrect|Wrong/i);
    expect(page).toMatch(/✅|Correct|Right/i);
    expect(page).toMatch(/```/);
  });

  it('is in configs.recommended at its documented severity, for each of its file types', () => {
    const key = `credential-expiry/${id}`;
    const blocks = plugin.configs.recommended.filter((block) => block.rules && key in block.rules);
    if (!docs?.recommended) {
      expect(blocks).toEqual([]);
      return;
    }
    expect(blocks.map((b) => b.name?.split('/').pop()).sort()).toEqual(fileTypesOf(rule.meta?.languages).sort());
    for (const block of blocks) expect(block.rules?.[key]).toBe(docs.recommended);
  });

  it('declares the languages it reads, each one this plugin or a companion plugin provides', () => {
    const languages = rule.meta?.languages;
    expect(languages?.length).toBeGreaterThan(0);
    const known = new Set<string>(Object.values(LANGUAGE_IDS).flat());
    for (const language of languages ?? []) expect(known).toContain(language);
    expect(fileTypesOf(languages).length).toBeGreaterThan(0);
  });

  it('is in configs.strict', () => {
    expect(plugin.configs.strict.some((block) => block.rules && `credential-expiry/${id}` in block.rules)).toBe(true);
  });

  it('lists only its own suggestion ids as safe for migration', () => {
    for (const suggestion of docs?.migrationSafeSuggestions ?? [])
      expect(rule.meta?.messages).toHaveProperty(suggestion);
  });
});

describe('configs', () => {
  it('are flat-config arrays with one named block per file type', () => {
    for (const config of [plugin.configs.recommended, plugin.configs.strict]) {
      expect(Array.isArray(config)).toBe(true);
      const names = config.map((block) => block.name);
      expect(new Set(names).size).toBe(names.length);
      for (const block of config) expect(block.files?.length).toBeGreaterThan(0);
    }
  });

  it('are accepted by ESLint for every file type, and a JS-only rule is refused on a Dockerfile (meta.languages)', async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.strict });
    const files = {
      Dockerfile: 'FROM alpine\n',
      '.env': 'A=1\n',
      'config.json': '{}\n',
      'values.yaml': 'a: 1\n',
      'probe.ts': 'export {};\n',
    };
    for (const [file, text] of Object.entries(files))
      expect((await eslint.lintText(text, { filePath: path.join(ROOT, file) }))[0].messages).toEqual([]);
    const jsOnly = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs.dockerfile,
        { files: ['**/Dockerfile'], rules: { 'credential-expiry/no-static-snapshot': 'error' } },
      ],
    });
    await expect(jsOnly.lintText('FROM alpine\n', { filePath: path.join(ROOT, 'Dockerfile') })).rejects.toThrow(
      /do not support the language "credential-expiry\/dockerfile"/,
    );
  });

  it('load in ESLint and lint a TypeScript file through the recommended config', async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText('const value: number = 1;\nexport default value;\n', {
      filePath: path.join(ROOT, 'probe.ts'),
    });
    expect(result.messages).toEqual([]);
  });
});

describe('package', () => {
  it('can be required from CommonJS and imported as ESM (built dist/)', () => {
    const script = `
      const cjs = require(${JSON.stringify(pkg.name)});
      import(${JSON.stringify(pkg.name)}).then((esm) => {
        console.log(JSON.stringify([cjs.meta.name, Object.keys(cjs.rules).length, esm.default.meta.name, Array.isArray(cjs.configs.recommended)]));
      });`;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([pkg.name, ruleEntries.length, pkg.name, true]);
  });
});
