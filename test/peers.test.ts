import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

/**
 * The in-scope cases of peer scanners' own test suites (secretlint, gitleaks, trufflehog, buildkit's
 * SecretsUsedInArgOrEnv, hadolint DL3064), re-created with our own fake values in test/fixtures/peers/ and listed in
 * cases.json with the peer's verdict. The plugin must report every case the peer reports (unless the case is marked
 * out of scope, with the reason), stay silent on the peer's negative cases and known false positives, and give exactly
 * the findings recorded in `ours` (the table in docs/peers.md).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEERS = path.join(ROOT, 'test/fixtures/peers');

interface PeerCase {
  file: string;
  peer: 'secretlint' | 'gitleaks' | 'trufflehog' | 'buildkit' | 'hadolint';
  source: string;
  what: string;
  /** silent: the peer's negative case; false positive: the peer reports it and should not; misses: the peer's own known miss. */
  peerVerdict: 'reports' | 'silent' | 'false positive' | 'misses';
  /** `line:messageId` of every finding of the plugin, in order. */
  ours: string[];
  scope: 'in' | 'out';
  note?: string;
}

const cases: PeerCase[] = JSON.parse(readFileSync(path.join(PEERS, 'cases.json'), 'utf8'));

describe('peer suites (test/fixtures/peers)', () => {
  let found: Map<string, string[]>;

  beforeAll(async () => {
    // Peers scan every file alike: the fixtures' test-folder path must not make them test code here.
    const eslint = new ESLint({
      cwd: PEERS,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, { settings: { 'credential-expiry': { testCode: 'report' } } }],
    });
    const results = await eslint.lintFiles(cases.map((entry) => entry.file));
    found = new Map(
      results.map((result) => {
        expect(result.messages.filter((m) => m.fatal)).toEqual([]);
        return [
          path.basename(result.filePath),
          result.messages
            .filter((m) => m.ruleId?.startsWith('credential-expiry/'))
            .map((m) => `${m.line}:${m.messageId}`),
        ];
      }),
    );
  });

  it('lists every fixture once, each out-of-scope case with its reason', () => {
    const files = readdirSync(PEERS).filter((name) => name !== 'cases.json');
    expect(cases.map((entry) => entry.file).sort()).toEqual(files.sort());
    expect(cases.filter((entry) => entry.scope === 'out' && !entry.note)).toEqual([]);
    expect(new Set(cases.map((entry) => entry.peer))).toEqual(
      new Set(['secretlint', 'gitleaks', 'trufflehog', 'buildkit', 'hadolint']),
    );
  });

  it.each(cases.map((entry) => [entry.file, entry] as const))('%s', (file, entry) => {
    const ours = found.get(file);
    expect(ours, `${file} was not linted: no config block matches it`).toBeDefined();
    expect(ours).toEqual(entry.ours);
    if (entry.peerVerdict === 'silent' || entry.peerVerdict === 'false positive') expect(ours).toEqual([]);
    if ((entry.peerVerdict === 'reports' && entry.scope === 'in') || entry.peerVerdict === 'misses')
      expect(ours!.length).toBeGreaterThan(0);
  });

  it('docs/peers.md has a row for every case', () => {
    const table = readFileSync(path.join(ROOT, 'docs/peers.md'), 'utf8');
    expect(cases.filter((entry) => !table.includes(`\`${entry.file}\``)).map((entry) => entry.file)).toEqual([]);
  });
});
