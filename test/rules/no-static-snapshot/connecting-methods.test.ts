import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A client built with copied keys and opened with a connecting method (`await new MongoClient(uri).connect()`,
// node-redis `createClient(options).connect()`): what the method hands back is the client, which keeps the keys.
// Whatever the library, the memo that keeps it lives as long as the process. Look-alikes: the client built per call
// and closed in it, the memo filled by a provider handed over, a connecting method on an object built without them.
const lines = (...text: string[]) => text.join('\n');
const CHAIN = `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`;
const MONGO_URI =
  '`mongodb+srv://${c.accessKeyId}:${c.secretAccessKey}@db.example.net/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:${c.sessionToken}`';
/** A module memo filled in `db()` with `open`, the expression that builds and connects the client from `c`. */
const memo = (module: string, open: string, ...after: string[]) =>
  lines(
    CHAIN,
    module,
    'let client = null;',
    'export async function db() {',
    '  if (client) return client;',
    '  const c = await fromNodeProviderChain()();',
    `  client = ${open};`,
    ...after,
    '  return client;',
    '}',
  );

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // mongodb: `connect()` resolves to the client itself, built from the connection string with the keys.
    code: memo(`import { MongoClient } from 'mongodb';`, `await new MongoClient(${MONGO_URI}).connect()`),
    errors: [{ messageId: 'copiedCredentials', line: 6 }],
  },
  {
    // Any library: the options object carries the keys into the client that `connect()` hands back.
    code: memo(
      `import { createClient } from 'acme-store';`,
      'await createClient({ key: c.accessKeyId, secret: c.secretAccessKey, token: c.sessionToken }).connect()',
    ),
    errors: [{ messageId: 'copiedCredentials', line: 6 }],
  },
  {
    // Built into a local first, then connected into the memo.
    code: lines(
      CHAIN,
      `import { MongoClient } from 'mongodb';`,
      'let connected = null;',
      'export async function db() {',
      '  if (connected) return connected;',
      '  const c = await fromNodeProviderChain()();',
      `  const client = new MongoClient(${MONGO_URI});`,
      '  connected = await client.connect();',
      '  return connected;',
      '}',
    ),
    errors: [{ messageId: 'copiedCredentials', line: 6 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Built, connected and closed per call: the keys live no longer than the call.
  lines(
    CHAIN,
    `import { MongoClient } from 'mongodb';`,
    'export async function findOne() {',
    '  const c = await fromNodeProviderChain()();',
    `  const client = await new MongoClient(${MONGO_URI}).connect();`,
    '  try {',
    "    return await client.db('a').collection('b').findOne({});",
    '  } finally {',
    '    await client.close();',
    '  }',
    '}',
  ),
  // The memo is built with the provider: the client asks it again.
  lines(
    CHAIN,
    `import { createClient } from 'acme-store';`,
    'let client = null;',
    'export async function db() {',
    '  client ??= await createClient({ credentials: fromNodeProviderChain() }).connect();',
    '  return client;',
    '}',
  ),
  // The keys only choose where to connect; the connected object is built without them.
  lines(
    CHAIN,
    `import { createClient } from 'acme-store';`,
    'let client = null;',
    'export async function db() {',
    '  if (client) return client;',
    '  const c = await fromNodeProviderChain()();',
    "  console.log('connecting as', c.accessKeyId.slice(0, 4));",
    "  client = await createClient({ url: 'redis://cache:6379' }).connect();",
    '  return client;',
    '}',
  ),
  // Long-term keys (no session token) do not expire.
  memo(
    `import { MongoClient } from 'mongodb';`,
    'await new MongoClient(`mongodb+srv://${c.accessKeyId}:${c.secretAccessKey}@db.example.net/?authMechanism=MONGODB-AWS`).connect()',
  ),
];

createRuleTester().run('no-static-snapshot connecting methods', rule, { valid, invalid });
