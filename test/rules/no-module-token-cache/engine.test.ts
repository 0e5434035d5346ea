import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// The lifetime engine's newer families for anti-pattern B: token fields of any fetched response, IAM auth and registry
// tokens, objects built once with a token (pools, clients), signers built from resolved credentials, stored deadlines
// (`until`, `validUntil`), storage never read back, one-shot scripts. Each invalid case has a look-alike below.
const lines = (...text: string[]) => text.join('\n');
const RDS = lines(
  `import { Signer } from '@aws-sdk/rds-signer';`,
  `const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });`,
);
const ECR = lines(
  `import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';`,
  'const ecr = new ECRClient({});',
);

type Invalid = InvalidTestCase<TokenCacheMessageId, []>;
const at = (
  messageId: TokenCacheMessageId,
  line: number,
  column: number,
  suggestions: { messageId: TokenCacheMessageId; output: string }[],
) => ({
  messageId,
  line,
  column,
  suggestions,
});

const invalid: Invalid[] = [
  {
    // Source: the `accessToken` field of any fetched JSON, reached through a fallback.
    code: lines(
      'let session = null;',
      'export async function token() {',
      '  if (session) return session;',
      "  const r = await fetch('https://app.example.com/api/auth/session');",
      '  const body = await r.json();',
      '  session = body?.accessToken || null;',
      '  return session;',
      '}',
    ),
    errors: [
      at('moduleTokenCache', 1, 5, [
        {
          messageId: 'addExpiryCheck',
          output:
            "let session = null;\nlet sessionExpiresAt = 0;\nexport async function token() {\n  if (session && Date.now() < sessionExpiresAt) return session;\n  const r = await fetch('https://app.example.com/api/auth/session');\n  const body = await r.json();\n  session = body?.accessToken || null;\n  sessionExpiresAt = Date.now() + 55 * 60 * 1000;\n  return session;\n}",
        },
      ]),
    ],
  },
  {
    // Source: an RDS IAM token (15 min) kept at module scope.
    code: lines(
      RDS,
      'let password;',
      'export async function dbPassword() {',
      '  if (!password) password = await signer.getAuthToken();',
      '  return password;',
      '}',
    ),
    errors: [
      at('moduleTokenCache', 3, 5, [
        {
          messageId: 'addExpiryCheck',
          output:
            "import { Signer } from '@aws-sdk/rds-signer';\nconst signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });\nlet password;\nlet passwordExpiresAt = 0;\nexport async function dbPassword() {\n  if (!password || Date.now() >= passwordExpiresAt) { password = await signer.getAuthToken(); passwordExpiresAt = Date.now() + 10 * 60 * 1000; }\n  return password;\n}",
        },
      ]),
    ],
  },
  {
    // Keeper: a pool built once with the token as its password.
    code: lines(
      RDS,
      `import { Pool } from 'pg';`,
      'let pool;',
      'export async function db() {',
      '  if (!pool) pool = new Pool({ host: "db", password: await signer.getAuthToken() });',
      '  return pool;',
      '}',
    ),
    errors: [
      at('moduleTokenCache', 4, 5, [
        {
          // pg calls a function password for each connection it opens.
          messageId: 'passwordPerConnection',
          output:
            "import { Signer } from '@aws-sdk/rds-signer';\nconst signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });\nimport { Pool } from 'pg';\nlet pool;\nexport async function db() {\n  if (!pool) pool = new Pool({ host: \"db\", password: () => signer.getAuthToken() });\n  return pool;\n}",
        },
      ]),
    ],
  },
  {
    // Source: an ECR registry password (12 h).
    code: lines(
      ECR,
      'let auth;',
      'export async function registry() {',
      '  if (auth) return auth;',
      '  auth = (await ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData[0].authorizationToken;',
      '  return auth;',
      '}',
    ),
    errors: [
      at('moduleTokenCache', 3, 5, [
        {
          messageId: 'addExpiryCheck',
          output:
            "import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';\nconst ecr = new ECRClient({});\nlet auth;\nlet authExpiresAt = 0;\nexport async function registry() {\n  if (auth && Date.now() < authExpiresAt) return auth;\n  auth = (await ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData[0].authorizationToken;\n  authExpiresAt = Date.now() + 715 * 60 * 1000;\n  return auth;\n}",
        },
      ]),
    ],
  },
  {
    // Source: an MSK IAM token kept at module scope.
    code: lines(
      `import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';`,
      'let msk;',
      "export async function kafkaToken() { msk ??= (await generateAuthToken({ region: 'us-east-1' })).token; return msk; }",
    ),
    errors: [at('moduleTokenCache', 2, 5, [])],
  },
  {
    // Flow: a signer of the file's own built from resolved credentials; a client built with its token; an inverted guard.
    code: lines(
      `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
      `import { createClient } from 'redis';`,
      `import { TokenSigner } from './token-signer';`,
      'const pooled = { client: null, validUntil: 0 };',
      'export async function cache() {',
      '  if (pooled.client && Date.now() > pooled.validUntil) return pooled.client;',
      '  const signer = new TokenSigner({ credentials: await fromNodeProviderChain()(), expiresIn: 900 });',
      '  pooled.validUntil = Date.now() + 800_000;',
      '  pooled.client = createClient({ password: await signer.sign() });',
      '  return pooled.client;',
      '}',
    ),
    errors: [
      at('invertedExpiryCheck', 4, 7, [
        {
          messageId: 'invertComparison',
          output:
            "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';\nimport { createClient } from 'redis';\nimport { TokenSigner } from './token-signer';\nconst pooled = { client: null, validUntil: 0 };\nexport async function cache() {\n  if (pooled.client && Date.now() <= pooled.validUntil) return pooled.client;\n  const signer = new TokenSigner({ credentials: await fromNodeProviderChain()(), expiresIn: 900 });\n  pooled.validUntil = Date.now() + 800_000;\n  pooled.client = createClient({ password: await signer.sign() });\n  return pooled.client;\n}",
        },
      ]),
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // `accessToken` of an object that no request returned.
  lines(
    'let last;',
    'export function remember(user) { last = user.accessToken; }',
    'export function current() { return last; }',
  ),
  // A password function: the pool asks for a fresh token per connection.
  lines(
    RDS,
    `import { Pool } from 'pg';`,
    'export const pool = new Pool({ host: "db", password: () => signer.getAuthToken() });',
  ),
  // A pool with a static password from the environment.
  lines(
    `import { Pool } from 'pg';`,
    'let pool;',
    'export function db() { pool ??= new Pool({ password: process.env.PGPASSWORD }); return pool; }',
  ),
  // The token is signed per call and kept in a local only.
  lines(
    RDS,
    'export async function connectOptions() { const password = await signer.getAuthToken(); return { password }; }',
  ),
  // A registry password with its expiresAt checked before reuse.
  lines(
    ECR,
    'let cached;',
    'export async function registry() {',
    '  if (cached && cached.expiresAt.getTime() > Date.now() + 60_000) return cached.token;',
    '  const [data] = (await ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData;',
    '  cached = { token: data.authorizationToken, expiresAt: data.expiresAt };',
    '  return cached.token;',
    '}',
  ),
  // Guard: a stored `until` compared the right way round.
  lines(
    `import axios from 'axios';`,
    'const memo = new Map();',
    'export async function token(id) {',
    '  const hit = memo.get(id);',
    '  if (hit && hit.until > Date.now()) return hit.value;',
    "  const { data } = await axios.post('https://id.example.com/oauth/token', { grant_type: 'client_credentials' });",
    '  memo.set(id, { value: data.access_token, until: Date.now() + data.expires_in * 1000 });',
    '  return data.access_token;',
    '}',
  ),
  // Storage written, then read back only right after the refill: a log of the last token, not a cache.
  lines(
    'let lastToken = null;',
    'export async function fresh() {',
    "  const r = await fetch('https://id.example.com/oauth/token', { method: 'POST', body: 'grant_type=client_credentials' });",
    '  lastToken = (await r.json()).access_token;',
    '  return lastToken;',
    '}',
  ),
  // A one-shot script: its module scope dies with it.
  lines(
    RDS,
    'const password = await signer.getAuthToken();',
    'for (const table of process.argv.slice(2)) console.log(table, password.length);',
    'process.exit(0);',
  ),
  // An inverted-looking comparison on a value that is not kept (a local).
  lines(
    RDS,
    'export async function check(deadline) { const t = await signer.getAuthToken(); if (Date.now() > deadline) return t; return null; }',
  ),
];

createRuleTester().run('no-module-token-cache (engine families)', rule, { valid, invalid });
