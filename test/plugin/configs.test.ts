import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { ESLintUtils } from '@typescript-eslint/utils';
import { ESLint, type Linter, type Rule } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const EMBEDDED = 'credential-expiry/no-embedded-credentials';
const SECRET = 'Zp4Lk8Qw2Er6Ty0Ui3Op7As1Df5Gh9Jk/Lz+Xc2V';

/** One file of each non-JS type, each with a credential, plus look-alike names that are not Dockerfiles. */
const FILES: Record<string, string> = {
  Dockerfile: `FROM alpine\nENV AWS_SECRET_ACCESS_KEY=${SECRET}\n`,
  '.env': `AWS_SECRET_ACCESS_KEY=${SECRET}\n`,
  'config.json': `{ "aws": { "secretAccessKey": "${SECRET}" } }\n`,
  'deploy.yaml': `env:\n  - name: AWS_SECRET_ACCESS_KEY\n    value: "${SECRET}"\n`,
  'Dockerfile.tmLanguage': '<?xml version="1.0"?>\n<plist><dict><key>name</key></dict></plist>\n',
  'Dockerfile.md': '# How we build\n',
};

/** What `js.configs.recommended` turns on: ESLint's core rules marked recommended. */
const CORE_RECOMMENDED: Linter.RulesRecord = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([id]) => [id, 'error']),
);

/** A type-checked rule as typescript-eslint writes them: it asks for parser services at create time. */
const typedRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: {} },
  create(context) {
    ESLintUtils.getParserServices(context as never);
    return {};
  },
};

describe('configs beside the configs projects already have', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'credential-expiry-configs-'));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function lint(config: Linter.Config[]): Promise<Record<string, string[]>> {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintFiles(['.']);
    return Object.fromEntries(
      results.map((result) => [
        path.relative(dir, result.filePath),
        result.messages.map((message) => (message.fatal ? `fatal: ${message.message}` : String(message.ruleId))),
      ]),
    );
  }

  const everyTypeOnce = {
    Dockerfile: [EMBEDDED],
    '.env': [EMBEDDED],
    'config.json': [EMBEDDED],
    'deploy.yaml': [EMBEDDED],
  };

  it.each([
    ['before', (ours: Linter.Config[]) => [{ rules: CORE_RECOMMENDED }, ...ours]],
    ['after', (ours: Linter.Config[]) => [...ours, { rules: CORE_RECOMMENDED }]],
  ])('core recommended rules without `files`, %s ours: no crash, our findings', async (_, combine) => {
    expect(await lint(combine(plugin.configs.recommended))).toEqual(everyTypeOnce);
  });

  it('a parser set later without `files` (typescript-eslint base) does not take YAML files', async () => {
    expect(
      await lint([...plugin.configs.recommended, { languageOptions: { parser: tsParser, sourceType: 'module' } }]),
    ).toEqual(everyTypeOnce);
  });

  it("the user's own `json` plugin entry (another @eslint/json) does not clash with ours", async () => {
    const theirJson = { meta: { name: '@eslint/json' }, rules: {} };
    expect(await lint([{ plugins: { json: theirJson } }, ...plugin.configs.recommended])).toEqual(everyTypeOnce);
  });

  it.each([
    ['before', (theirs: Linter.Config, ours: Linter.Config[]) => [theirs, ...ours]],
    ['after', (theirs: Linter.Config, ours: Linter.Config[]) => [...ours, theirs]],
  ])("@eslint/json's own JSON block %s ours: its rules run, so does ours", async (_, combine) => {
    const theirs = {
      files: ['**/*.json'],
      plugins: { json },
      language: 'json/json',
      rules: { 'json/no-duplicate-keys': 'error' as const },
    };
    writeFileSync(path.join(dir, 'duplicate.json'), '{ "a": 1, "a": 2 }\n');
    try {
      expect(await lint(combine(theirs as Linter.Config, plugin.configs.recommended))).toEqual({
        ...everyTypeOnce,
        'duplicate.json': ['json/no-duplicate-keys'],
      });
    } finally {
      rmSync(path.join(dir, 'duplicate.json'));
    }
  });

  it('a type-checked rule without `files` stops with one message that says how to scope its config', async () => {
    const typed = { plugins: { typed: { rules: { rule: typedRule } } }, rules: { 'typed/rule': 'error' as const } };
    await expect(lint([...plugin.configs.dockerfile, typed])).rejects.toThrow(
      /needs TypeScript type information, which Dockerfile files do not have.*Scope it to JS\/TS files/su,
    );
  });

  it('per-file-type configs each reach their own files only', async () => {
    expect(await lint(plugin.configs.dockerfile)).toEqual({ Dockerfile: [EMBEDDED] });
    expect(await lint(plugin.configs.yaml)).toEqual({ 'deploy.yaml': [EMBEDDED] });
    expect(plugin.configs.js.map((block) => [block.files, block.language])).toEqual([
      [['**/*.{ts,cts,mts,tsx}'], undefined],
      [['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'], undefined],
    ]);
  });
});
