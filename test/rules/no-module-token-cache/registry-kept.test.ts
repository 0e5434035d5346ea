import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import tokenCache from '../../../rules/no-module-token-cache/index.js';
import snapshot from '../../../rules/no-static-snapshot/index.js';

// A class whose instances the file keeps in a module-level or static registry (`Factory.cache.set(key, adapter)`):
// each instance lives as long as the process, so a field it fills once with STS keys is a cache without an expiry
// check, whatever the container. One finding, by no-module-token-cache; no-static-snapshot stays silent on it.
const lines = (...text: string[]) => text.join('\n');
const ADAPTER = [
  "import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';",
  "import { S3Client } from '@aws-sdk/client-s3';",
  'class Adapter {',
  '  private keys?: any;',
  '  async roleKeys() {',
  '    if (!this.keys) {',
  "      const out = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's' }));",
  '      this.keys = out.Credentials;',
  '    }',
  '    return this.keys;',
  '  }',
  '  async client() {',
  '    const k = await this.roleKeys();',
  '    return new S3Client({ credentials: { accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey, sessionToken: k.SessionToken } });',
  '  }',
  '  async init() {',
  '    return this;',
  '  }',
  '}',
];

const staticRegistry = (...extra: string[]) =>
  lines(
    ...ADAPTER,
    'export class Factory {',
    '  private static cache = new Map<string, Adapter>();',
    '  async forKey(key: string) {',
    '    let adapter = Factory.cache.get(key);',
    '    if (!adapter) {',
    '      adapter = await new Adapter().init();',
    '      Factory.cache.set(key, adapter);',
    '    }',
    '    return adapter;',
    '  }',
    ...extra,
    '}',
  );
const moduleRegistry = lines(
  ...ADAPTER,
  'const adapters = new Map<string, Adapter>();',
  'export function adapterFor(key: string) {',
  '  if (!adapters.has(key)) adapters.set(key, new Adapter());',
  '  return adapters.get(key)!;',
  '}',
);

function findings(code: string): { rule: string; line: number; message: string }[] {
  return new Linter({ configType: 'flat' })
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as never },
          plugins: {
            ce: {
              rules: {
                b: tokenCache as unknown as Rule.RuleModule,
                a: snapshot as unknown as Rule.RuleModule,
              },
            },
          },
          rules: { 'ce/a': 'error', 'ce/b': 'error' },
        },
      ],
      'src/adapters.ts',
    )
    .map((m) => ({ rule: m.ruleId ?? '', line: m.line, message: m.message }));
}

describe('no-module-token-cache: fields of instances kept in a long-lived registry', () => {
  it('reports STS keys on an instance a static Map keeps, once and by this rule', () => {
    const found = findings(staticRegistry());
    expect(found.map((f) => [f.rule, f.line])).toEqual([['ce/b', 4]]);
    expect(found[0].message).toContain('in a field of an object kept in a long-lived registry');
  });

  it('reports the same keys on an instance a module-level Map keeps', () => {
    expect(findings(moduleRegistry).map((f) => [f.rule, f.line])).toEqual([['ce/b', 4]]);
  });

  it('stays silent when the registry evicts its entries', () => {
    expect(findings(staticRegistry('  static drop(key: string) {', '    Factory.cache.delete(key);', '  }'))).toEqual(
      [],
    );
    expect(findings(`${moduleRegistry}\nexport function reset() {\n  adapters.clear();\n}`)).toEqual([]);
  });

  it('stays silent when each instance is made per call and kept nowhere', () => {
    expect(
      findings(lines(...ADAPTER, 'export async function upload() {', '  return new Adapter().client();', '}')),
    ).toEqual([]);
  });

  it('stays silent when the registry is a local of one call', () => {
    const local = lines(
      ...ADAPTER,
      'export function run(keys: string[]) {',
      '  const adapters = new Map<string, Adapter>();',
      '  for (const k of keys) adapters.set(k, new Adapter());',
      '  return adapters;',
      '}',
    );
    expect(findings(local)).toEqual([]);
  });

  it('stays silent when the kept keys are checked against their Expiration before reuse', () => {
    const checked = staticRegistry().replace(
      'if (!this.keys) {',
      'if (!this.keys || this.keys.Expiration.getTime() - Date.now() < 5 * 60 * 1000) {',
    );
    expect(findings(checked)).toEqual([]);
  });
});
