import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, Linter, type Rule } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';
import rule from '../../../rules/no-embedded-credentials/index.js';
import {
  fakeGoogleToken,
  fakeJwt,
  fakeKeyId,
  fakePem,
  fakeRefreshToken,
  fakeSecretKey,
  fakeSessionToken,
} from './embedded-fixtures.js';

/**
 * "Never print a secret": secrets planted in every file type, linted through configs.recommended; no output
 * (stylish, the json formatter, message data, suggestion texts) may contain any 8 consecutive characters of one.
 * ESLint itself copies the whole file text into `result.source` for files with problems, and the json formatter
 * prints that field: the plugin cannot prevent it, so `source` is checked separately and documented.
 */
const SECRETS = {
  tempKey: fakeKeyId('ASIA'),
  longKey: fakeKeyId('AKIA'),
  secret: fakeSecretKey(),
  secret2: fakeSecretKey(),
  token: fakeSessionToken(),
  google: fakeGoogleToken(),
  refresh: fakeRefreshToken(),
  jwt: fakeJwt(new Date('2026-05-01T00:00:00Z')),
  pem: fakePem(),
};

const FILES: Record<string, { text: string; findings: number }> = {
  Dockerfile: {
    text: [
      'FROM node:20',
      `ENV AWS_ACCESS_KEY_ID=${SECRETS.tempKey} AWS_SECRET_ACCESS_KEY=${SECRETS.secret} AWS_SESSION_TOKEN=${SECRETS.token}`,
      `ARG GOOGLE_TOKEN=${SECRETS.google}`,
      'RUN npm ci',
      '',
    ].join('\n'),
    // The set on line 2 is one finding.
    findings: 2,
  },
  '.env': {
    text: [
      `AWS_ACCESS_KEY_ID=${SECRETS.longKey}`,
      `AWS_SECRET_ACCESS_KEY=${SECRETS.secret2}`,
      `ID_TOKEN=${SECRETS.jwt}`,
      `KEY="${SECRETS.pem}"`,
      `REACT_APP_AWS_SESSION_TOKEN=${SECRETS.token}`,
      '',
    ].join('\n'),
    findings: 5,
  },
  'sa.json': {
    text: JSON.stringify(
      {
        type: 'service_account',
        private_key: SECRETS.pem,
        client_email: 'x@p.iam.gserviceaccount.com',
        other: { AccessKeyId: SECRETS.tempKey, SecretAccessKey: SECRETS.secret, Token: SECRETS.token },
      },
      null,
      2,
    ),
    findings: 4,
  },
  'deploy.yaml': {
    text: [
      'env:',
      '  - name: AWS_SESSION_TOKEN',
      `    value: ${SECRETS.token}`,
      'refresh:',
      `  refresh_token: ${SECRETS.refresh}`,
      'data:',
      `  - AWS_ACCESS_KEY_ID=${SECRETS.longKey}`,
      `  - AWS_SECRET_ACCESS_KEY=${SECRETS.secret2}`,
      '',
    ].join('\n'),
    findings: 4,
  },
  'client.ts': {
    text: [
      `// token for manual testing: ${SECRETS.google}`,
      `export const creds = { accessKeyId: '${SECRETS.tempKey}', secretAccessKey: '${SECRETS.secret}', sessionToken: '${SECRETS.token}' };`,
      `export const idToken = '${SECRETS.jwt}';`,
      `export const key = \`${SECRETS.pem}\`;`,
      `export const refresh = { refresh_token: '${SECRETS.refresh}' };`,
      '',
    ].join('\n'),
    // The set on line 2 is one finding.
    findings: 5,
  },
};

/** Every run of 8 characters of every planted secret (the 4-character previews are shorter). */
const WINDOWS = Object.values(SECRETS)
  .flatMap((secret) => Array.from({ length: secret.length - 7 }, (_, start) => secret.slice(start, start + 8)))
  .filter((window) => !/\s|-----/.test(window));

function leaks(output: string): string[] {
  return WINDOWS.filter((window) => output.includes(window));
}

describe('no-embedded-credentials never prints a secret', () => {
  let dir: string;
  let results: ESLint.LintResult[];
  let eslint: ESLint;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'credential-expiry-leak-'));
    for (const [name, { text }] of Object.entries(FILES)) writeFileSync(path.join(dir, name), text);
    eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    results = await eslint.lintFiles(['.']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the planted secrets in every file type through configs.recommended', () => {
    const counts = Object.fromEntries(
      results.map((result) => [
        path.basename(result.filePath),
        result.messages.filter((m) => m.ruleId === 'credential-expiry/no-embedded-credentials').length,
      ]),
    );
    expect(results.flatMap((result) => result.messages.filter((m) => m.fatal))).toEqual([]);
    expect(counts).toEqual(Object.fromEntries(Object.entries(FILES).map(([name, { findings }]) => [name, findings])));
  });

  it('prints none of them with the stylish formatter', async () => {
    const output = await (await eslint.loadFormatter('stylish')).format(results);
    expect(output).toContain('no-embedded-credentials');
    expect(leaks(output)).toEqual([]);
  });

  it('prints none of them with the json formatter, apart from the file text ESLint itself puts in `source`', async () => {
    const output = await (await eslint.loadFormatter('json')).format(results);
    const withoutSource = JSON.parse(output).map(({ source: _source, ...rest }: { source?: string }) => rest);
    expect(leaks(JSON.stringify(withoutSource))).toEqual([]);
    // The suggestions' fix texts are part of the messages checked above; make sure they were there to check.
    expect(JSON.stringify(withoutSource)).toContain('"suggestions"');
  });

  it('puts none of them in message data or suggestion data', () => {
    const reported: unknown[] = [];
    const spy: Rule.RuleModule = {
      meta: (rule as unknown as Rule.RuleModule).meta,
      create(context) {
        const recording = Object.create(context, {
          report: {
            value: (descriptor: Rule.ReportDescriptor) => {
              reported.push(descriptor);
              context.report(descriptor);
            },
          },
        }) as Rule.RuleContext;
        return (rule as unknown as Rule.RuleModule).create(recording);
      },
    };
    const spyPlugin = { ...plugin, rules: { ...plugin.rules, spy } };
    const configs = plugin.configs.recommended.map((block) => ({
      ...block,
      plugins: { ...block.plugins, 'credential-expiry': spyPlugin },
      ...(block.rules ? { rules: { 'credential-expiry/spy': 'error' as const } } : {}),
    }));
    const linter = new Linter();
    const messages = Object.entries(FILES).flatMap(([name, { text }]) => linter.verify(text, configs, name));
    expect(reported.length).toBe(Object.values(FILES).reduce((sum, file) => sum + file.findings, 0));
    // Descriptors carry data and suggestion data; the fix functions' results are the messages' suggestion texts.
    expect(leaks(JSON.stringify(reported))).toEqual([]);
    expect(leaks(JSON.stringify(messages.map((message) => message.suggestions ?? [])))).toEqual([]);
  });
});
