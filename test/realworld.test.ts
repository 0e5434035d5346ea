import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

/**
 * The labelled re-creations of public code in ../shared/realworld/: each rule that exists must report exactly the
 * labelled lines, and nothing else, on every file (the N* files are look-alikes that must stay silent).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REALWORLD = path.resolve(ROOT, '../shared/realworld');

const RULES_BY_KIND: Record<string, readonly string[]> = {
  A: ['no-static-snapshot'],
  B: ['no-module-token-cache'],
  C: ['no-embedded-credentials'],
  D: ['presign-within-session', 'presign-max-lifetime'],
};

interface Label {
  file: string;
  pattern: string | null;
  expect: { line: number; kind: string }[];
}

const kindOfRule = new Map(Object.entries(RULES_BY_KIND).flatMap(([kind, ids]) => ids.map((id) => [`credential-expiry/${id}`, kind])));
const kindsWithRules = Object.keys(RULES_BY_KIND).filter((kind) => RULES_BY_KIND[kind].some((id) => id in plugin.rules));

describe('shared/realworld', () => {
  it('is present beside the repository', () => {
    expect(existsSync(path.join(REALWORLD, 'labels.json'))).toBe(true);
  });

  const labels: Label[] = existsSync(path.join(REALWORLD, 'labels.json'))
    ? JSON.parse(readFileSync(path.join(REALWORLD, 'labels.json'), 'utf8'))
    : [];
  let results: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    const eslint = new ESLint({ cwd: REALWORLD, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const linted = await eslint.lintFiles(labels.map((label) => label.file));
    results = new Map(linted.map((result) => [path.basename(result.filePath), result]));
  });

  it.each(labels.map((label) => [label.file, label] as const))('%s', (file, label) => {
    const result = results.get(file);
    expect(result, `${file} was not linted: no config block matches it`).toBeDefined();
    expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
    const found = result!.messages
      .filter((m) => kindOfRule.has(m.ruleId ?? ''))
      .map((m) => ({ line: m.line, kind: kindOfRule.get(m.ruleId!)!, rule: m.ruleId, message: m.message }));
    const expected = label.expect.filter((e) => kindsWithRules.includes(e.kind));
    expect(found.map(({ line, kind }) => ({ line, kind })).sort((a, b) => a.line - b.line), JSON.stringify(found, null, 1)).toEqual(
      expected.map(({ line, kind }) => ({ line, kind })).sort((a, b) => a.line - b.line),
    );
  });
});
