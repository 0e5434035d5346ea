import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { KNOWN_MISSES } from './realworld-known-misses.js';

/**
 * The labelled re-creations of public code in test/fixtures/realworld/ (labels.json, sources in sources.md): each
 * case must be reported exactly at the labelled lines by the rules of its kind, and nothing else (the N* files are
 * look-alikes that must stay silent). Cases in KNOWN_MISSES must still differ from their label, with the reason there.
 */
const REALWORLD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/realworld');

const KIND_OF_RULE: Readonly<Record<string, string>> = {
  'credential-expiry/no-static-snapshot': 'A',
  'credential-expiry/no-module-token-cache': 'B',
  'credential-expiry/no-embedded-credentials': 'C',
  'credential-expiry/presign-within-session': 'D',
  'credential-expiry/presign-max-lifetime': 'D',
};

interface Label {
  file: string;
  pattern: string | null;
  expect: { line: number; kind: string }[];
}

const labels: Label[] = JSON.parse(readFileSync(path.join(REALWORLD, 'labels.json'), 'utf8'));
const byLine = (a: { line: number; kind: string }, b: { line: number; kind: string }) =>
  a.line - b.line || a.kind.localeCompare(b.kind);

describe('real-world cases (test/fixtures/realworld)', () => {
  let results: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    const eslint = new ESLint({ cwd: REALWORLD, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const linted = await eslint.lintFiles(labels.map((label) => label.file));
    results = new Map(linted.map((result) => [path.basename(result.filePath), result]));
  });

  it('has the 88 labelled cases, and every known miss names one of them', () => {
    expect(labels.length).toBe(88);
    const files = new Set(labels.map((label) => label.file));
    expect(Object.keys(KNOWN_MISSES).filter((file) => !files.has(file))).toEqual([]);
  });

  function findings(file: string) {
    const result = results.get(file);
    expect(result, `${file} was not linted: no config block matches it`).toBeDefined();
    expect(result!.messages.filter((m) => m.fatal || !m.ruleId)).toEqual([]);
    return result!.messages
      .filter((m) => m.ruleId && m.ruleId in KIND_OF_RULE)
      .map((m) => ({ line: m.line, kind: KIND_OF_RULE[m.ruleId!], message: m.message }));
  }

  const expected = (label: Label) => label.expect.map(({ line, kind }) => ({ line, kind })).sort(byLine);
  const found = (file: string) =>
    findings(file)
      .map(({ line, kind }) => ({ line, kind }))
      .sort(byLine);

  it.each(labels.filter((label) => !(label.file in KNOWN_MISSES)).map((label) => [label.file, label] as const))(
    '%s is reported exactly as labelled',
    (file, label) => {
      expect(found(file), JSON.stringify(findings(file), null, 1)).toEqual(expected(label));
    },
  );

  it.each(labels.filter((label) => label.file in KNOWN_MISSES).map((label) => [label.file, label] as const))(
    '%s is a known miss (remove it from KNOWN_MISSES once it passes)',
    (file, label) => {
      expect(
        found(file),
        `${file} is now reported as labelled: remove it from test/realworld-known-misses.ts`,
      ).not.toEqual(expected(label));
    },
  );
});
