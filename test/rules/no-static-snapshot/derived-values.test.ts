import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Two false alarms, by family: a session field read only in the call chain of the method that wrote it (only derived
// values are kept), and a test run's global setup, which runs once around the run.
const lines = (...text: string[]) => text.join('\n');
const V2 = `import AWS from 'aws-sdk';`;
/** A config provider that assumes a role in `init()` and reads secrets through `reader`. */
const secretsProvider = (...reader: string[]) =>
  lines(
    V2,
    'export class SecretsConfig {',
    '  private values = new Map<string, string>();',
    '  private session!: AWS.Credentials;',
    '  async init(roleArn: string) {',
    "    const data = await new AWS.STS().assumeRole({ RoleArn: roleArn, RoleSessionName: 'config' }).promise();",
    '    this.session = new AWS.Credentials(data.Credentials!.AccessKeyId, data.Credentials!.SecretAccessKey, data.Credentials!.SessionToken);',
    '    await this.load();',
    '  }',
    ...reader,
    '}',
  );

const PUBLIC_READER = secretsProvider(
  '  private async load() { await this.fetch(); }',
  '  async fetch() {',
  "    const out = await new AWS.SecretsManager({ credentials: this.session }).getSecretValue({ SecretId: 's' }).promise();",
  "    this.values.set('all', out.SecretString!);",
  '  }',
);
const CHAINABLE = "new AWS.ChainableTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'config' } })";

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // The field is read by a public method any caller may call later, after the session ended.
    code: PUBLIC_READER,
    errors: [
      {
        messageId: 'stsCopied',
        line: 6,
        column: 18,
        suggestions: [
          {
            // The STS client is built in `init` itself and the role is its parameter: the renewing object is that
            // call's, with the same source credentials (migration-safe).
            messageId: 'renewFromSameSource',
            data: { replacement: CHAINABLE },
            output: PUBLIC_READER.replace(/new AWS\.Credentials\([^;]*\)(?=;)/u, CHAINABLE),
          },
        ],
      },
    ],
  },
  {
    // The writer reads the field again on its next call (`if (!this.client)`): the client is reused.
    code: lines(
      `import { SQSClient } from '@aws-sdk/client-sqs';`,
      `import { fromSSO } from '@aws-sdk/credential-providers';`,
      'class Queue {',
      '  private client?: SQSClient;',
      '  async send(command: any) {',
      '    if (!this.client) this.client = new SQSClient({ credentials: await fromSSO()() });',
      '    return this.client.send(command);',
      '  }',
      '}',
      'export const queue = new Queue();',
    ),
    output: lines(
      `import { SQSClient } from '@aws-sdk/client-sqs';`,
      `import { fromSSO } from '@aws-sdk/credential-providers';`,
      'class Queue {',
      '  private client?: SQSClient;',
      '  async send(command: any) {',
      '    if (!this.client) this.client = new SQSClient({ credentials: fromSSO() });',
      '    return this.client.send(command);',
      '  }',
      '}',
      'export const queue = new Queue();',
    ),
    errors: [{ messageId: 'storedCredentials', line: 6, column: 66 }],
  },
  {
    // Named like a global setup, but not one: a server module that keeps the copy (no setup/teardown pair).
    code: lines(
      `import { fromSSO } from '@aws-sdk/credential-providers';`,
      'export async function setup() {',
      '  globalThis.awsCredentials = await fromSSO()();',
      '}',
    ),
    errors: [{ messageId: 'storedCredentials', line: 3, column: 31 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Read only by a private method that `init()` alone calls; only the secret values are kept.
  secretsProvider(
    '  private async load() {',
    "    const out = await new AWS.SecretsManager({ credentials: this.session }).getSecretValue({ SecretId: 's' }).promise();",
    "    this.values.set('all', out.SecretString!);",
    '  }',
    '  get(key: string) { return this.values.get(key); }',
  ),
  // The same with an ES private method.
  secretsProvider(
    '  async #read() {',
    "    const out = await new AWS.SecretsManager({ credentials: this.session }).getSecretValue({ SecretId: 's' }).promise();",
    "    this.values.set('all', out.SecretString!);",
    '  }',
  ).replace('await this.load();', 'await this.#read();'),
  // A Vitest global setup (exports setup and teardown) writes the run's credentials to a temp file it deletes.
  lines(
    `import { unlinkSync, writeFileSync } from 'node:fs';`,
    `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
    "const FILE = '/tmp/creds.json';",
    'export async function setup() {',
    '  const c = await fromNodeProviderChain()();',
    '  writeFileSync(FILE, JSON.stringify({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken }));',
    '}',
    'export function teardown() { unlinkSync(FILE); }',
  ),
  // A Jest globalSetup file, known by its name.
  {
    code: lines(
      `const { writeFileSync } = require('fs');`,
      `const { fromIni } = require('@aws-sdk/credential-providers');`,
      'module.exports = async () => {',
      "  const c = await fromIni({ profile: 'ci' })();",
      "  writeFileSync('.jest-creds.json', JSON.stringify(c));",
      '};',
    ),
    filename: 'global-setup.js',
  },
];

createRuleTester().run('no-static-snapshot (derived values and test-run setup)', rule, { valid, invalid });
