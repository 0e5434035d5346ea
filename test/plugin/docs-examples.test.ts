import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * Every rule page's examples, and those of its catalogue (docs/rules/<rule>/catalogue.md) where it has one, are
 * linted with `configs.strict`: a block under a ❌ line is reported by that rule, a block under a ✅ line is not. A block may be preceded by `<!-- example-settings: {...} -->` (JSON of the shared
 * settings, e.g. a platform) when the example's comment says where it runs.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS = path.join(ROOT, 'docs/rules');

/** The file name an example of each fence language is linted as (its config block is chosen by name). */
const FILE_OF_LANGUAGE: Readonly<Record<string, string>> = {
  ts: 'example.ts',
  tsx: 'example.tsx',
  js: 'example.mjs',
  cjs: 'example.cjs',
  dockerfile: 'Dockerfile',
  env: '.env',
  dotenv: '.env',
  json: 'example.json',
  yaml: 'example.yaml',
  yml: 'example.yml',
};

interface Example {
  rule: string;
  title: string;
  wrong: boolean;
  file: string;
  code: string;
  settings?: Record<string, unknown>;
}

/** The rule's page, then its catalogue when it has one. */
function pagesOf(rule: string): string[] {
  const catalogue = path.join(rule, 'catalogue.md');
  return [`${rule}.md`, ...(existsSync(path.join(DOCS, catalogue)) ? [catalogue] : [])];
}

function examplesOf(rule: string): Example[] {
  return pagesOf(rule).flatMap((page) => examplesIn(rule, page));
}

function examplesIn(rule: string, page: string): Example[] {
  const lines = readFileSync(path.join(DOCS, page), 'utf8').split('\n');
  const examples: Example[] = [];
  let verdict: { wrong: boolean; line: number } | undefined;
  let settings: Record<string, unknown> | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (/^\s*❌/u.test(line)) verdict = { wrong: true, line: index + 1 };
    else if (/^\s*✅/u.test(line) && !line.includes('`recommended`')) verdict = { wrong: false, line: index + 1 };
    const setting = /^<!-- example-settings: (.*) -->$/u.exec(line);
    if (setting) settings = JSON.parse(setting[1]) as Record<string, unknown>;
    const fence = /^```(\w+)\s*$/u.exec(line);
    if (!fence) continue;
    const end = lines.indexOf('```', index + 1);
    const file = FILE_OF_LANGUAGE[fence[1]];
    if (verdict && file) {
      const code = lines.slice(index + 1, end).join('\n') + '\n';
      examples.push({
        rule,
        title: `${verdict.wrong ? '❌' : '✅'} at ${page} line ${index + 1}`,
        wrong: verdict.wrong,
        file,
        code,
        settings,
      });
    }
    index = end;
    settings = undefined;
  }
  return examples;
}

const rules = Object.keys(plugin.rules);
const examples = rules.flatMap(examplesOf);

describe('rule docs examples', () => {
  it.each(rules)('docs/rules/%s.md has wrong and right examples', (rule) => {
    expect(examplesOf(rule).filter((example) => example.wrong).length).toBeGreaterThan(0);
    expect(examplesOf(rule).filter((example) => !example.wrong).length).toBeGreaterThan(0);
  });

  it.each(examples.map((example) => [`${example.rule}: ${example.title}`, example] as const))(
    '%s',
    async (_, example) => {
      const eslint = new ESLint({
        cwd: ROOT,
        overrideConfigFile: true,
        overrideConfig: [
          ...plugin.configs.strict,
          ...(example.settings ? [{ settings: { 'credential-expiry': example.settings } }] : []),
        ],
      });
      const [result] = await eslint.lintText(example.code, {
        filePath: path.join(ROOT, 'docs-example', example.rule, example.file),
      });
      expect(result.messages.filter((message) => message.fatal)).toEqual([]);
      const own = result.messages.filter((message) => message.ruleId === `credential-expiry/${example.rule}`);
      if (example.wrong) expect(own.length, example.code).toBeGreaterThan(0);
      else
        expect(
          own.map((message) => message.message),
          example.code,
        ).toEqual([]);
    },
  );
});
