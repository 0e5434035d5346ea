import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Keys read off a live v2 object (the global `AWS.config.credentials`, or an instance of a refreshing class) once it
// is loaded, through a name bound to it, and kept by anything: a module variable, a v3 client, another library's
// connection, a file. The live object refreshes; the copied keys do not.
const lines = (...text: string[]) => text.join('\n');
const V2 = `import AWS from 'aws-sdk';`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // The global through a const, into a module variable.
    code: lines(
      V2,
      'let kept;',
      'export async function load() {',
      '  await AWS.config.credentials.getPromise();',
      '  const creds = AWS.config.credentials;',
      '  kept = { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken };',
      '}',
    ),
    errors: [{ messageId: 'v2ChainCopied', line: 6, column: 25 }],
  },
  {
    // A refreshing instance's keys into a v3 client built once.
    code: lines(
      V2,
      `import { SQSClient } from '@aws-sdk/client-sqs';`,
      'const live = new AWS.EC2MetadataCredentials();',
      'let queue;',
      'export async function connect() {',
      '  await live.getPromise();',
      '  queue = new SQSClient({ credentials: { accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken } });',
      '}',
    ),
    errors: [{ messageId: 'v2ChainCopied', line: 7, column: 55 }],
  },
  {
    // Cognito keys of the global into another library's long-lived connection.
    code: lines(
      V2,
      `import awsIot from 'aws-iot-device-sdk';`,
      'export class Link {',
      '  start() {',
      '    AWS.config.credentials.get(() => this.connect());',
      '  }',
      '  connect() {',
      '    const creds = AWS.config.credentials;',
      "    this.client = awsIot.device({ protocol: 'wss', accessKeyId: creds.accessKeyId, secretKey: creds.secretAccessKey, sessionToken: creds.sessionToken });",
      '  }',
      '}',
      'export const link = new Link();',
    ),
    errors: [{ messageId: 'v2ChainCopied', line: 9, column: 65 }],
  },
  {
    // A refreshing instance's keys written to a file.
    code: lines(
      V2,
      `import { writeFile } from 'node:fs/promises';`,
      'const live = new AWS.ECSCredentials();',
      'export async function save() {',
      '  await live.getPromise();',
      "  await writeFile('/tmp/creds.json', JSON.stringify({ accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken }));",
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 6, column: 68 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike of the const copy: the keys go into a client used for this call only.
  lines(
    V2,
    `import { SQSClient, ListQueuesCommand } from '@aws-sdk/client-sqs';`,
    'export async function list() {',
    '  await AWS.config.credentials.getPromise();',
    '  const creds = AWS.config.credentials;',
    '  const sqs = new SQSClient({ credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken } });',
    '  return sqs.send(new ListQueuesCommand({}));',
    '}',
  ),
  // Look-alike of the instance copy: the live object itself is kept, not its keys.
  lines(
    V2,
    `import { SQSClient } from '@aws-sdk/client-sqs';`,
    'const live = new AWS.EC2MetadataCredentials();',
    'let queue;',
    'export async function connect() {',
    '  await live.getPromise();',
    '  queue = new AWS.SQS({ credentials: live });',
    '}',
  ),
  // Only the key id is kept (to log which identity is in use): no secret, no session token.
  lines(
    V2,
    'let identity;',
    'export async function whoAmI() {',
    '  await AWS.config.credentials.getPromise();',
    '  const creds = AWS.config.credentials;',
    '  identity = { accessKeyId: creds.accessKeyId };',
    '}',
  ),
  // A plain object that is not a v2 credentials instance, with the same field names.
  lines(
    V2,
    `import { SQSClient } from '@aws-sdk/client-sqs';`,
    'const live = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET, sessionToken: undefined };',
    'let queue;',
    'export async function connect() {',
    '  await AWS.config.credentials.getPromise();',
    '  queue = new SQSClient({ credentials: { accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken } });',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (keys of a live v2 object)', rule, { valid, invalid });
