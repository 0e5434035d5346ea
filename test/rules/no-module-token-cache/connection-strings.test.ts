import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// Temporary keys written into a long-lived client's connection string (`mongodb+srv://key:secret@host/?authMechanism=
// MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:...`, through `new URL(...)` and `toString()`) or into the
// options written after it (`auth`, `authMechanismProperties`): every new connection of the memoised client signs in
// with the first keys. Each keeper sits next to its look-alike.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const HEAD = lines(
  "import { MongoClient } from 'mongodb';",
  "import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';",
  'const sts = new STSClient({});',
);
const ASSUME =
  "  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'atlas' }));";
const MEMO = (build: string[]) =>
  lines(
    HEAD,
    'let cached = null;',
    'export async function client() {',
    '  if (cached) return cached;',
    ASSUME,
    ...build,
    '  return cached;',
    '}',
  );

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'keys in the URI of a memoised client',
    code: MEMO([
      '  cached = await new MongoClient(`mongodb+srv://${Credentials.AccessKeyId}:${encodeURIComponent(Credentials.SecretAccessKey)}@c.mongodb.net/?authMechanism=MONGODB-AWS`).connect();',
    ]),
    lines: [4],
  },
  {
    name: 'keys in a URL object whose text the client gets',
    code: MEMO([
      '  const uri = new URL(`mongodb+srv://${Credentials.AccessKeyId}:${encodeURIComponent(Credentials.SecretAccessKey)}@c.mongodb.net`);',
      "  uri.searchParams.set('authMechanism', 'MONGODB-AWS');",
      '  cached = new MongoClient(uri.toString());',
    ]),
    lines: [4],
  },
  {
    name: 'keys in the options written after the connection string',
    code: MEMO([
      "  cached = new MongoClient('mongodb+srv://c.mongodb.net', { authMechanism: 'MONGODB-AWS', auth: { username: Credentials.AccessKeyId, password: Credentials.SecretAccessKey }, authMechanismProperties: { AWS_SESSION_TOKEN: Credentials.SessionToken } });",
    ]),
    lines: [4],
  },
  {
    name: 'a client built and closed per invocation',
    code: lines(
      HEAD,
      'export async function handler(id) {',
      ASSUME,
      '  const c = new MongoClient(`mongodb+srv://${Credentials.AccessKeyId}:${encodeURIComponent(Credentials.SecretAccessKey)}@c.mongodb.net/?authMechanism=MONGODB-AWS`);',
      "  try { return await c.db('x').collection('y').findOne({ id }); } finally { await c.close(); }",
      '}',
    ),
    lines: [],
  },
  {
    name: 'the driver left to fetch the keys itself',
    code: lines(
      "import { MongoClient } from 'mongodb';",
      'let cached = null;',
      'export async function client() {',
      "  if (!cached) cached = await new MongoClient('mongodb+srv://c.mongodb.net/?authMechanism=MONGODB-AWS&authSource=%24external').connect();",
      '  return cached;',
      '}',
    ),
    lines: [],
  },
];

describe('no-module-token-cache: temporary keys in a connection string', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
