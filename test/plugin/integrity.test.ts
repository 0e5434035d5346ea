import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileTypesOf } from '../../src/configs.js';
import { LANGUAGE_IDS } from '../../src/languages/ids.js';
import plugin from '../../src/index.js';
import {
  type CredentialExpiryDocs,
  INTERNAL_ERROR_MESSAGE_ID,
  PROJECT_TRANSFORMS,
  REPOSITORY_URL,
} from '../../src/util/create-rule.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const ruleEntries = Object.entries(plugin.rules);
const RULES_DIR = path.join(ROOT, 'rules');
const TESTS_DIR = path.join(ROOT, 'test', 'rules');

/** The .ts files under a folder, with paths relative to it. */
const tsFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

/** The rule names rules/ holds: `rules/<name>.ts` or `rules/<name>/index.ts`; `rules/<x>-utils/` are shared helpers. */
const ruleNamesOnDisk = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => (entry.isDirectory() ? !entry.name.endsWith('-utils') : entry.name.endsWith('.ts')))
  .map((entry) => entry.name.replace(/\.ts$/, ''))
  .sort();

/** The text of a rule's own sources and of the shared `-utils` folders they import. */
function ruleSources(id: string): string {
  const own = existsSync(path.join(RULES_DIR, id))
    ? tsFilesUnder(path.join(RULES_DIR, id)).map((file) => path.join(RULES_DIR, id, file))
    : [path.join(RULES_DIR, `${id}.ts`)];
  const text = own.map((file) => readFileSync(file, 'utf8')).join('\n');
  const utils = [...text.matchAll(/from '\.\.?\/(?:\.\.\/)?([\w-]+-utils)\//g)].map((match) => match[1]);
  const shared = [...new Set(utils)].flatMap((folder) =>
    tsFilesUnder(path.join(RULES_DIR, folder)).map((file) => readFileSync(path.join(RULES_DIR, folder, file), 'utf8')),
  );
  return [text, ...shared].join('\n');
}

/** The test files of a rule and their case files: `test/rules/<id>/…` or `test/rules/<id>[-.]….ts`. */
function testFilesOf(id: string): string[] {
  return tsFilesUnder(TESTS_DIR)
    .filter((file) => file.startsWith(`${id}/`) || new RegExp(`^${id}[-.]`).test(file))
    .map((file) => path.join(TESTS_DIR, file));
}

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

  it('exports exactly the rules in rules/', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleNamesOnDisk);
  });

  it('names only existing transforms, rules and messages in the codemod triggers, and every transform has one', () => {
    const triggered = new Set<string>();
    for (const [id, rule] of ruleEntries) {
      const triggers = (rule.meta?.docs as CredentialExpiryDocs | undefined)?.codemodTriggers ?? {};
      for (const [transform, messageIds] of Object.entries(triggers)) {
        expect(PROJECT_TRANSFORMS, `${id}: transform ${transform}`).toContain(transform);
        triggered.add(transform);
        for (const messageId of messageIds) expect(rule.meta?.messages, id).toHaveProperty(messageId);
      }
    }
    expect([...triggered].sort()).toEqual([...PROJECT_TRANSFORMS].sort());
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

  it('owns its reports: context.report() is called in its entry file only, which does more than forward', () => {
    const entry = existsSync(path.join(RULES_DIR, id)) ? path.join(id, 'index.ts') : `${id}.ts`;
    const callers = tsFilesUnder(RULES_DIR).filter((file) =>
      /\bcontext\.report\(/.test(readFileSync(path.join(RULES_DIR, file), 'utf8')),
    );
    expect(callers).toContain(entry);
    expect(callers.filter((file) => file.startsWith(`${id}/`) || file === `${id}.ts`)).toEqual([entry]);
    expect(readFileSync(path.join(RULES_DIR, entry), 'utf8').split('\n').length).toBeGreaterThanOrEqual(40);
  });

  it('has tests with valid and invalid cases', () => {
    const tests = testFilesOf(id).map((file) => readFileSync(file, 'utf8'));
    expect(tests.length).toBeGreaterThan(0);
    expect(tests.some((text) => /\bvalid\s*:/.test(text))).toBe(true);
    expect(tests.some((text) => /\binvalid\s*:/.test(text))).toBe(true);
  });

  it('reports or suggests with every message it declares, each one asserted by its tests', () => {
    const sources = ruleSources(id);
    const tests = testFilesOf(id)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const declared = Object.keys(rule.meta?.messages ?? {}).filter(
      (messageId) => messageId !== INTERNAL_ERROR_MESSAGE_ID,
    );
    // A message id chosen by a finding's kind (no-embedded-credentials' describeFinding) is not quoted in the rule.
    expect(
      declared.filter((messageId) => !sources.includes(`'${messageId}'`) && !tests.includes(`'${messageId}'`)),
    ).toEqual([]);
    expect(declared.filter((messageId) => !tests.includes(`'${messageId}'`))).toEqual([]);
  });

  it('is in configs.strict', () => {
    expect(plugin.configs.strict.some((block) => block.rules && `credential-expiry/${id}` in block.rules)).toBe(true);
  });

  it('lists only its own suggestion ids as safe for migration', () => {
    for (const suggestion of docs?.migrationSafeSuggestions ?? [])
      expect(rule.meta?.messages).toHaveProperty(suggestion);
  });

  it('gives reasons for a person only for its own message ids, none of them a migration-safe suggestion', () => {
    for (const [messageId, reason] of Object.entries(docs?.manualReasons ?? {})) {
      expect(rule.meta?.messages).toHaveProperty(messageId);
      expect(docs?.migrationSafeSuggestions ?? []).not.toContain(messageId);
      // It completes "Left to you because …", which the codemod ends with a full stop.
      expect(reason).toMatch(/^[a-z].*[^.]$/);
    }
  });
});

describe('documents for contributors', () => {
  it.each(['README.md', 'docs/architecture.md', 'docs/codemod.md'])('%s cites only files of the repository', (doc) => {
    const text = readFileSync(path.join(ROOT, doc), 'utf8');
    // A repository path in backticks; one introduced as "a new `…`" is a file the reader would create.
    const cited = [...text.matchAll(/(?<!\ba new\s+)`((?:src|rules|test|docs|bench|examples)\/[\w./-]+)`/g)].map(
      (m) => m[1],
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((file) => !existsSync(path.join(ROOT, file)))).toEqual([]);
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
