import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

/**
 * Held-out cases for the lifetime engine (test/fixtures/engine-heldout/): A and B defects re-created from families of
 * public code the rules were not written against (labels.json says which), and a look-alike (N*) next to each family
 * that must stay silent. Written before the closure and Vite steps existed (they found 4 of 8 A, 6 of 6 B then);
 * HELDOUT_MISSES lists what still differs.
 */
const HELDOUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/engine-heldout');
const KIND_OF_RULE: Readonly<Record<string, string>> = {
  'credential-expiry/no-static-snapshot': 'A',
  'credential-expiry/no-module-token-cache': 'B',
};

const HELDOUT_MISSES: Readonly<Record<string, string>> = {
  'HA07.ts':
    'A: a Google token kept at module scope and baked into an axios instance is reported by no-module-token-cache (module-level storage belongs to B), not as A.',
};

interface Label {
  file: string;
  expect: { line: number; kind: string }[];
}

const labels: Label[] = JSON.parse(readFileSync(path.join(HELDOUT, 'labels.json'), 'utf8'));
type Finding = { line: number; kind: string };
const byLine = (a: Finding, b: Finding) => a.line - b.line || a.kind.localeCompare(b.kind);

describe('engine held-out cases (test/fixtures/engine-heldout)', () => {
  let found: Map<string, Finding[]>;

  beforeAll(async () => {
    const eslint = new ESLint({ cwd: HELDOUT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const results = await eslint.lintFiles(labels.map((label) => label.file));
    found = new Map(
      results.map((result) => [
        path.basename(result.filePath),
        result.messages
          .filter((m) => m.ruleId && m.ruleId in KIND_OF_RULE)
          .map((m) => ({ line: m.line, kind: KIND_OF_RULE[m.ruleId!] }))
          .sort(byLine),
      ]),
    );
  });

  it('has at least 10 defects and 10 look-alikes', () => {
    expect(labels.filter((l) => l.expect.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(labels.filter((l) => l.expect.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it.each(labels.filter((l) => !(l.file in HELDOUT_MISSES)).map((l) => [l.file, l] as const))(
    '%s is reported exactly as labelled',
    (file, label) => {
      expect(found.get(file)).toEqual([...label.expect].sort(byLine));
    },
  );

  it.each(labels.filter((l) => l.file in HELDOUT_MISSES).map((l) => [l.file, l] as const))(
    '%s is a known miss (remove it once it passes)',
    (file, label) => {
      expect(found.get(file)).not.toEqual([...label.expect].sort(byLine));
    },
  );

  // Recall per kind counts findings of the labelled kind at the labelled line. Precision counts findings at a labelled
  // line by either rule: one reported by the other rule (HA07) is a right detection under the other rule's name.
  it('reaches recall 0.8 per kind, and precision 0.95 over all findings', () => {
    const expectedAt = (kind?: string) =>
      labels.flatMap((l) =>
        l.expect.filter((e) => !kind || e.kind === kind).map((e) => `${l.file}:${e.line}:${kind ? e.kind : ''}`),
      );
    const reportedAt = (kind?: string) =>
      labels.flatMap((l) =>
        (found.get(l.file) ?? [])
          .filter((f) => !kind || f.kind === kind)
          .map((f) => `${l.file}:${f.line}:${kind ? f.kind : ''}`),
      );
    for (const kind of ['A', 'B']) {
      const expected = expectedAt(kind);
      const hits = reportedAt(kind).filter((r) => expected.includes(r)).length;
      expect(hits / expected.length, `${kind} recall`).toBeGreaterThanOrEqual(0.8);
    }
    const labelled = expectedAt();
    const reported = reportedAt();
    expect(reported.filter((r) => labelled.includes(r)).length / reported.length, 'precision').toBeGreaterThanOrEqual(
      0.95,
    );
  });
});
