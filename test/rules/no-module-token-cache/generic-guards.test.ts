import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// Renewals that hold whatever the source: a reuse window measured from a fill time taken from a clock read kept in a
// local (`const now = Date.now(); … fetchedAt = now`). Each guard sits next to a twin that must still be reported.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const STS = lines(
  `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';`,
  'const sts = new STSClient({});',
  'let shared = null;',
  'let fetchedAt = 0;',
  'const REUSE_FOR_MS = 15 * 60 * 1000;',
);
const refill = (test: string) =>
  lines(
    STS,
    'export async function partnerCredentials() {',
    '  const now = Date.now();',
    `  if (${test}) return shared;`,
    "  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's', DurationSeconds: 3600 }));",
    '  shared = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };',
    '  fetchedAt = now;',
    '  return shared;',
    '}',
  );

describe('no-module-token-cache: reuse windows from a fill time', () => {
  it.each([
    ['the window checked against the local clock read', 'shared && now - fetchedAt < REUSE_FOR_MS'],
    ['the window checked against Date.now()', 'shared && Date.now() - fetchedAt < REUSE_FOR_MS'],
  ])('stays silent on %s', (_, test) => {
    expect(reported(refill(test))).toEqual([]);
  });

  it.each([
    ['the window inverted (reused once it is old)', 'shared && now - fetchedAt > REUSE_FOR_MS'],
    ['no window at all', 'shared'],
  ])('reports %s', (_, test) => {
    expect(reported(refill(test))).toEqual([3]);
  });
});

// A field or module variable rebuilt from a fresh token before every read, behind a test that only picks the
// configuration, keeps nothing from one call to the next.
const chat = (method: string[]) =>
  lines(
    `import OpenAI from 'openai';`,
    `import { DefaultAzureCredential } from '@azure/identity';`,
    'class Chat {',
    '  constructor() {',
    '    this.credential = process.env.OPENAI_API_KEY ? undefined : new DefaultAzureCredential();',
    "    this.client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? 'placeholder' });",
    '  }',
    '  async answer(prompt) {',
    ...method.map((line) => `    ${line}`),
    "    return this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
    '  }',
    '}',
    'export const chat = new Chat();',
  );
const FRESH_CLIENT = [
  "  const { token } = await this.credential.getToken('https://cognitiveservices.azure.com/.default');",
  '  this.client = new OpenAI({ apiKey: token });',
];

describe('no-module-token-cache: a client rebuilt before each use', () => {
  it.each([
    ['behind a configuration test', ['if (this.credential && !process.env.OPENAI_API_KEY) {', ...FRESH_CLIENT, '}']],
    ['unconditionally', ['{', ...FRESH_CLIENT, '}']],
  ])('stays silent when rebuilt %s', (_, method) => {
    expect(reported(chat(method))).toEqual([]);
  });

  it.each([
    [
      'behind a test of the field itself (a memo)',
      ["if (this.client.apiKey === 'placeholder') {", ...FRESH_CLIENT, '}'],
    ],
    ['behind a flag the method sets', ['if (!this.ready) {', ...FRESH_CLIENT, '  this.ready = true;', '}']],
    ['behind a call that may say no', ['if (shouldRefresh()) {', ...FRESH_CLIENT, '}']],
  ])('reports the client rebuilt %s', (_, method) => {
    expect(reported(chat(method))).toEqual([6]);
  });

  it('reports a module client rebuilt in one function and read without rebuilding in another', () => {
    const code = lines(
      `import OpenAI from 'openai';`,
      `import { DefaultAzureCredential } from '@azure/identity';`,
      'const credential = new DefaultAzureCredential();',
      'let client;',
      'export async function refresh() {',
      "  client = new OpenAI({ apiKey: (await credential.getToken('https://cognitiveservices.azure.com/.default')).token });",
      '}',
      "export const ask = (prompt) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
    );
    expect(reported(code)).toEqual([4]);
  });
});
