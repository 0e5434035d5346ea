import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Credentials resolved once in a start-up function, built into a client (of any library) that a callback registered
// for the process's life uses: each request signs with the copy the client was built with. Look-alikes: the client
// given the provider, the keys resolved per request, an object built from the expiry only, a helper of the file that
// only inspects the keys, a client rebuilt by a timer.
const lines = (...text: string[]) => text.join('\n');
const HEAD = lines(
  `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
  `import express from 'express';`,
  `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';`,
  `import { Vault } from 'acme-vault';`,
  'const app = express();',
);
/** `start()` run once from the top: `body` lines, then the app listens. */
const start = (...body: string[]) =>
  lines(HEAD, 'async function start() {', ...body, '  app.listen(3000);', '}', 'start();');

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: start(
      '  const credentials = await fromNodeProviderChain()();',
      '  const s3 = new S3Client({ credentials });',
      "  app.get('/buckets', async (_req, res) => res.json(await s3.send(new ListBucketsCommand({}))));",
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 7 }],
  },
  {
    // Another library's client, given copied keys.
    code: start(
      '  const c = await fromNodeProviderChain()();',
      '  const vault = new Vault({ key: c.accessKeyId, secret: c.secretAccessKey, token: c.sessionToken });',
      "  app.post('/rotate', async (_req, res) => res.json(await vault.rotate()));",
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 7 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The client asks the provider again before expiry.
  start(
    '  const s3 = new S3Client({ credentials: fromNodeProviderChain() });',
    "  app.get('/buckets', async (_req, res) => res.json(await s3.send(new ListBucketsCommand({}))));",
  ),
  // Resolved per request.
  start(
    "  app.get('/buckets', async (_req, res) => {",
    '    const s3 = new S3Client({ credentials: await fromNodeProviderChain()() });',
    '    res.json(await s3.send(new ListBucketsCommand({})));',
    '  });',
  ),
  // Only the expiry goes into what the route reads.
  start(
    '  const c = await fromNodeProviderChain()();',
    '  const until = new Date(c.expiration!);',
    "  app.get('/health', (_req, res) => res.json({ until: until.toISOString() }));",
  ),
  // A helper of the file only inspects the keys; what it returns holds none of them.
  lines(
    HEAD,
    'function describe(c: { accessKeyId: string }) {',
    '  return { kind: c.accessKeyId.startsWith("ASIA") ? "temporary" : "long-term" };',
    '}',
    'async function start() {',
    '  const info = describe(await fromNodeProviderChain()());',
    "  app.get('/whoami', (_req, res) => res.json(info.kind));",
    '  app.listen(3000);',
    '}',
    'start();',
  ),
  // Rebuilt with fresh keys every ten minutes: the variable is written again.
  start(
    '  let s3 = new S3Client({ credentials: await fromNodeProviderChain()() });',
    '  setInterval(async () => {',
    '    s3 = new S3Client({ credentials: await fromNodeProviderChain()() });',
    '  }, 600_000);',
    "  app.get('/buckets', async (_req, res) => res.json(await s3.send(new ListBucketsCommand({}))));",
  ),
];

createRuleTester().run('no-static-snapshot objects built for long-lived callbacks', rule, { valid, invalid });
