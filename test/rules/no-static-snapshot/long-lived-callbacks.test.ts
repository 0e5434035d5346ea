import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A value resolved once in a start-up function and read by a callback it registers for the process's life, or read
// by a callback that outlives any function registering it (a timer nobody can clear, a listener on `process`).
const lines = (...text: string[]) => text.join('\n');
const CHAIN = `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`;
const STS_V3 = `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A readline listener over a child's output signs every event with the copy resolved in main().
    code: lines(
      CHAIN,
      `import { createInterface } from 'node:readline';`,
      `import { invoke } from './sigv4';`,
      'async function main() {',
      '  const creds = await fromNodeProviderChain()();',
      "  createInterface({ input: process.stdin }).on('line', (line) => {",
      '    void invoke(line, { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken });',
      '  });',
      '}',
      'main().catch(console.error);',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 5, column: 17 }],
  },
  {
    // STS keys resolved in an async IIFE and read by a kafkajs consumer's eachMessage handler.
    code: lines(
      STS_V3,
      `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';`,
      `import { Kafka } from 'kafkajs';`,
      '(async () => {',
      "  const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/w', RoleSessionName: 'w' }));",
      "  const consumer = new Kafka({ brokers: ['b:9092'] }).consumer({ groupId: 'g' });",
      '  await consumer.run({',
      '    eachMessage: async ({ message }) => {',
      '      const s3 = new S3Client({ credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken } });',
      "      await s3.send(new PutObjectCommand({ Bucket: 'b', Key: String(message.offset), Body: message.value! }));",
      '    },',
      '  });',
      '})();',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 5, column: 27 }],
  },
  {
    // A Google token read by an express route handler registered in start().
    code: lines(
      `const { GoogleAuth } = require('google-auth-library');`,
      `const express = require('express');`,
      'async function start() {',
      '  const token = await new GoogleAuth().getAccessToken();',
      '  const app = express();',
      "  app.get('/files', async (req, res) => {",
      "    const r = await fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${token}` } });",
      '    res.json(await r.json());',
      '  });',
      '  app.listen(3000);',
      '}',
      'start();',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 4, column: 17 }],
  },
  {
    // An exported start() the file never calls: the timer's handle is dropped, so it outlives every call of start().
    code: lines(
      STS_V3,
      `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';`,
      'export async function startHeartbeat(queueUrl: string) {',
      "  const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/hb', RoleSessionName: 'hb' }));",
      '  setInterval(() => {',
      '    const sqs = new SQSClient({ credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken } });',
      "    void sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'alive' }));",
      '  }, 30_000);',
      '}',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 4, column: 27 }],
  },
  {
    // CommonJS class: a Google token fetched in init() and read by a listener on `process` (IPC from the parent).
    code: lines(
      `const { GoogleAuth } = require('google-auth-library');`,
      'class Worker {',
      '  async init() {',
      '    const token = await new GoogleAuth().getAccessToken();',
      "    process.on('message', (job) => fetch(job.url, { headers: { Authorization: `Bearer ${token}` } }));",
      '  }',
      '}',
      'module.exports = { Worker };',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 4, column: 19 }],
  },
  {
    // An async listener: the chain's provider (it caches until near expiry) is kept and asked in the listener.
    code: lines(
      CHAIN,
      `import { createInterface } from 'node:readline';`,
      `import { invoke } from './sigv4';`,
      'async function main() {',
      '  const creds = await fromNodeProviderChain()();',
      "  createInterface({ input: process.stdin }).on('line', async (line) => {",
      '    if (!line) return;',
      '    await invoke(line, { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey });',
      '  });',
      '}',
      'main().catch(console.error);',
    ),
    errors: [
      {
        messageId: 'capturedByLongLivedCallback',
        line: 5,
        column: 17,
        suggestions: [
          {
            messageId: 'resolveAtUse',
            data: { provider: 'fromNodeProviderChain()' },
            output: lines(
              CHAIN,
              `import { createInterface } from 'node:readline';`,
              `import { invoke } from './sigv4';`,
              'async function main() {',
              '  const credsProvider = fromNodeProviderChain();',
              '  await credsProvider();',
              "  createInterface({ input: process.stdin }).on('line', async (line) => {",
              '    if (!line) return;',
              '    const creds = await credsProvider();',
              '    await invoke(line, { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey });',
              '  });',
              '}',
              'main().catch(console.error);',
            ),
          },
        ],
      },
    ],
  },
  {
    // The provider kept in a const already: only its call moves into the route handler.
    code: lines(
      `const { defaultProvider } = require('@aws-sdk/credential-provider-node');`,
      `const express = require('express');`,
      `const { signedFetch } = require('./signed-fetch');`,
      'async function start() {',
      '  const chain = defaultProvider();',
      '  const keys = await chain();',
      '  const app = express();',
      "  app.get('/items', async (req, res) => {",
      "    res.json(await signedFetch('/items', keys));",
      '  });',
      '  app.listen(3000);',
      '}',
      'start();',
    ),
    errors: [
      {
        messageId: 'capturedByLongLivedCallback',
        line: 6,
        column: 16,
        suggestions: [
          {
            messageId: 'resolveAtUse',
            data: { provider: 'chain' },
            output: lines(
              `const { defaultProvider } = require('@aws-sdk/credential-provider-node');`,
              `const express = require('express');`,
              `const { signedFetch } = require('./signed-fetch');`,
              'async function start() {',
              '  const chain = defaultProvider();',
              '  await chain();',
              '  const app = express();',
              "  app.get('/items', async (req, res) => {",
              '    const keys = await chain();',
              "    res.json(await signedFetch('/items', keys));",
              '  });',
              '  app.listen(3000);',
              '}',
              'start();',
            ),
          },
        ],
      },
    ],
  },
  {
    // A Google token from a client the file keeps (it caches and refreshes the token): fetched again in the handler.
    code: lines(
      `const { GoogleAuth } = require('google-auth-library');`,
      `const express = require('express');`,
      'const auth = new GoogleAuth();',
      'async function start() {',
      '  const token = await auth.getAccessToken();',
      '  const app = express();',
      "  app.get('/files', async (req, res) => {",
      "    const r = await fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${token}` } });",
      '    res.json(await r.json());',
      '  });',
      '  app.listen(3000);',
      '}',
      'start();',
    ),
    errors: [
      {
        messageId: 'capturedByLongLivedCallback',
        line: 5,
        column: 17,
        suggestions: [
          {
            messageId: 'resolveAtUse',
            data: { provider: 'auth.getAccessToken()' },
            output: lines(
              `const { GoogleAuth } = require('google-auth-library');`,
              `const express = require('express');`,
              'const auth = new GoogleAuth();',
              'async function start() {',
              '  await auth.getAccessToken();',
              '  const app = express();',
              "  app.get('/files', async (req, res) => {",
              '    const token = await auth.getAccessToken();',
              "    const r = await fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${token}` } });",
              '    res.json(await r.json());',
              '  });',
              '  app.listen(3000);',
              '}',
              'start();',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike of the above for the remedy: IMDS credentials are fetched anew by each call of the provider (no
    // cache of its own), so calling it per request is not offered; the finding stays for a person.
    code: lines(
      `import { fromInstanceMetadata } from '@aws-sdk/credential-providers';`,
      `import { invoke } from './sigv4';`,
      'async function main() {',
      '  const creds = await fromInstanceMetadata()();',
      "  process.stdin.on('data', async (chunk) => {",
      '    await invoke(String(chunk), creds);',
      '  });',
      '}',
      'main();',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 4, column: 17, suggestions: [] }],
  },
  {
    // Keys copied out of a live v2 object once loaded, read by a timer nobody can clear.
    code: lines(
      `import AWS from 'aws-sdk';`,
      `import { invoke } from './sigv4';`,
      'const live = new AWS.ECSCredentials();',
      'export async function start() {',
      '  await live.getPromise();',
      '  const keys = { accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken };',
      '  setInterval(() => invoke(keys), 60_000);',
      '}',
    ),
    errors: [
      {
        messageId: 'capturedByLongLivedCallback',
        line: 6,
        data: {
          what: 'Keys copied out of the live credentials `live` are',
          callback: 'the `setInterval` callback',
          start: '`start()`',
          session: 'the ECS/Fargate task-role session',
          phrase: 'typically within 6 h',
          them: 'them',
          error: 'ExpiredToken: The security token included in the request is expired',
          instead:
            'Resolve inside the callback (the provider caches and refreshes), or pass the provider or client instead of its result.',
        },
      },
    ],
  },
  {
    // Keys copied out of what a v2 chain resolved, read by a listener on `process`.
    code: lines(
      `import AWS from 'aws-sdk';`,
      `import { invoke } from './sigv4';`,
      'const chain = new AWS.CredentialProviderChain();',
      'export async function start() {',
      '  const live = await chain.resolvePromise();',
      "  process.on('message', (m) => invoke(m, { accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken }));",
      '}',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 5 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: resolved inside the listener, per event (the provider caches and refreshes).
  lines(
    CHAIN,
    `import { createInterface } from 'node:readline';`,
    `import { invoke } from './sigv4';`,
    'async function main() {',
    '  const provider = fromNodeProviderChain();',
    "  createInterface({ input: process.stdin }).on('line', async (line) => {",
    '    const creds = await provider();',
    '    void invoke(line, { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken });',
    '  });',
    '}',
    'main();',
  ),
  // Look-alike: read only by a shutdown handler and a one-time listener.
  lines(
    CHAIN,
    `import { flush } from './sink';`,
    'async function main() {',
    '  const creds = await fromNodeProviderChain()();',
    "  process.on('SIGTERM', () => flush(creds));",
    "  process.once('message', () => flush(creds));",
    '}',
    'main();',
  ),
  // Look-alike: a callback bounded by the function, awaited before it returns.
  lines(
    CHAIN,
    `import { upload } from './upload';`,
    'async function main(files: string[]) {',
    '  const creds = await fromNodeProviderChain()();',
    '  await Promise.all(files.map((f) => upload(f, creds)));',
    '}',
    'main(process.argv.slice(2));',
  ),
  // Look-alike: a command run over its arguments reads the lines of one input file, then ends.
  lines(
    CHAIN,
    `import { createReadStream } from 'node:fs';`,
    `import { createInterface } from 'node:readline';`,
    `import { put } from './put';`,
    'async function main() {',
    '  const creds = await fromNodeProviderChain()();',
    "  createInterface({ input: createReadStream(process.argv[2]) }).on('line', (line) => put(line, creds));",
    '}',
    'main();',
  ),
  // Look-alike: the variable is written again by a refresh timer, so the listener reads fresh keys.
  lines(
    CHAIN,
    `import { invoke } from './sigv4';`,
    `import { EventEmitter } from 'node:events';`,
    'async function main(bus: EventEmitter) {',
    '  const provider = fromNodeProviderChain();',
    '  let creds = await provider();',
    '  setInterval(async () => { creds = await provider(); }, 10 * 60 * 1000);',
    "  bus.on('job', (job) => invoke(job, creds));",
    '}',
    'main(new EventEmitter());',
  ),
  // Look-alike: a function called per request registers a listener on a stream that ends with the request.
  lines(
    CHAIN,
    `import { sign } from './sign';`,
    `import type { Readable } from 'node:stream';`,
    'export async function handle(body: Readable) {',
    '  const creds = await fromNodeProviderChain()();',
    "  body.on('data', (chunk) => sign(chunk, creds));",
    '}',
  ),
  // Look-alike: a function called per request keeps the timer's handle and clears it when the job is done.
  lines(
    CHAIN,
    `import { pollJob } from './jobs';`,
    'export async function waitForJob(id: string) {',
    '  const creds = await fromNodeProviderChain()();',
    '  return new Promise<void>((resolve) => {',
    '    const timer = setInterval(async () => {',
    '      if (await pollJob(id, creds)) { clearInterval(timer); resolve(); }',
    '    }, 1000);',
    '  });',
    '}',
  ),
  // Look-alike: an exported start() whose timer resolves the credentials on every tick (the provider refreshes).
  lines(
    CHAIN,
    `import { report } from './report';`,
    'export async function startReporter() {',
    '  const provider = fromNodeProviderChain();',
    '  setInterval(async () => report(await provider()), 60_000);',
    '}',
  ),
  // Look-alike: an exported function whose process listener handles only the shutdown.
  lines(
    `const { GoogleAuth } = require('google-auth-library');`,
    `const { flush } = require('./flush');`,
    'exports.install = async function install() {',
    '  const token = await new GoogleAuth().getAccessToken();',
    "  process.on('SIGTERM', () => flush(token));",
    '};',
  ),
  // Look-alike: the live v2 object itself, which v2 clients refresh with `get()`, read by the timer.
  lines(
    `import AWS from 'aws-sdk';`,
    'const live = new AWS.ECSCredentials();',
    'export async function start() {',
    '  await live.getPromise();',
    '  setInterval(() => new AWS.S3({ credentials: live }).listBuckets().promise(), 60_000);',
    '}',
  ),
  // Look-alike: what the v2 chain resolved, handed whole to the clients the listener builds.
  lines(
    `import AWS from 'aws-sdk';`,
    'const chain = new AWS.CredentialProviderChain();',
    'export async function start() {',
    '  const live = await chain.resolvePromise();',
    "  process.on('message', () => new AWS.S3({ credentials: live }).listBuckets().promise());",
    '}',
  ),
  // Look-alike: the listener reloads what the v2 chain resolved before it copies the keys.
  lines(
    `import AWS from 'aws-sdk';`,
    `import { invoke } from './sigv4';`,
    'const chain = new AWS.CredentialProviderChain();',
    'export async function start() {',
    '  const live = await chain.resolvePromise();',
    "  process.on('message', async (m) => {",
    '    await live.getPromise();',
    '    await invoke(m, { accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken });',
    '  });',
    '}',
  ),
  // Look-alike: the listener loads the live object again and copies its keys then.
  lines(
    `import AWS from 'aws-sdk';`,
    `import { invoke } from './sigv4';`,
    'const live = new AWS.ECSCredentials();',
    'export async function start() {',
    "  process.on('message', async (m) => {",
    '    await live.getPromise();',
    '    await invoke(m, { accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken });',
    '  });',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (values captured by long-lived callbacks)', rule, { valid, invalid });
