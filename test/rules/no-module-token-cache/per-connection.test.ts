import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A pool built once with one token as its password (passwordPerConnection): pg and TypeORM's postgres driver call a
// function password for each connection they open, so the token call moves into one. Each shape has a look-alike.
const lines = (...text: string[]) => text.join('\n');
const RDS = lines(`import { Signer } from '@aws-sdk/rds-signer';`, `import { Pool, Client } from 'pg';`);
const lazyPool = (options: string, before = '') =>
  lines(
    RDS,
    'let pool;',
    'export async function db() {',
    '  if (pool) return pool;',
    "  const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });",
    ...(before ? [before] : []),
    `  pool = new Pool({ host: 'db.example.com', ${options} });`,
    '  return pool;',
    '}',
  );
const perConnection = (code: string, output: string): InvalidTestCase<TokenCacheMessageId, []> => ({
  code,
  errors: [{ messageId: 'moduleTokenCache', line: 3, suggestions: [{ messageId: 'passwordPerConnection', output }] }],
});

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  perConnection(lazyPool('password: await signer.getAuthToken()'), lazyPool('password: () => signer.getAuthToken()')),
  // Through a const local read only there: its declaration goes.
  perConnection(
    lazyPool('password: token', '  const token = await signer.getAuthToken();'),
    lazyPool('password: () => signer.getAuthToken()'),
  ),
  // A field of the awaited result (Azure's AccessToken).
  perConnection(
    lines(
      `import { DefaultAzureCredential } from '@azure/identity';`,
      `import { Pool } from 'pg';`,
      'let pool;',
      'export async function db() {',
      '  if (pool) return pool;',
      '  const credential = new DefaultAzureCredential();',
      "  const t = await credential.getToken('https://ossrdbms-aad.database.windows.net/.default');",
      '  pool = new Pool({ password: t.token });',
      '  return pool;',
      '}',
    ),
    lines(
      `import { DefaultAzureCredential } from '@azure/identity';`,
      `import { Pool } from 'pg';`,
      'let pool;',
      'export async function db() {',
      '  if (pool) return pool;',
      '  const credential = new DefaultAzureCredential();',
      "  pool = new Pool({ password: async () => (await credential.getToken('https://ossrdbms-aad.database.windows.net/.default')).token });",
      '  return pool;',
      '}',
    ),
  ),
  // The local is read elsewhere too (a check that a token came back): it stays, and the pool asks per connection.
  perConnection(
    lazyPool(
      'password: token',
      "  const token = await signer.getAuthToken();\n  if (!token) throw new Error('no token');",
    ),
    lazyPool(
      'password: () => signer.getAuthToken()',
      "  const token = await signer.getAuthToken();\n  if (!token) throw new Error('no token');",
    ),
  ),
  // Look-alike: the signer is rebuilt by a call in the same expression, which a function would run per connection.
  {
    code: lazyPool('password: await new Signer(options()).getAuthToken()'),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lazyPool('password: await new Signer(options()).getAuthToken()')
              .replace('let pool;', 'let pool;\nlet poolExpiresAt = 0;')
              .replace('if (pool) return pool;', 'if (pool && Date.now() < poolExpiresAt) return pool;')
              .replace('  return pool;\n}', '  poolExpiresAt = Date.now() + 10 * 60 * 1000;\n  return pool;\n}'),
          },
        ],
      },
    ],
  },
  // Look-alike: one pg Client connects once; a function password would be asked once too.
  {
    code: lines(
      RDS,
      "const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });",
      'export const client = new Client({ password: await signer.getAuthToken() });',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 4, suggestions: [] }],
  },
  // Look-alike: TypeORM passes a function password on only for postgres.
  {
    code: lines(
      `import { Signer } from '@aws-sdk/rds-signer';`,
      `import { DataSource } from 'typeorm';`,
      "const signer = new Signer({ hostname: 'db.example.com', port: 3306, username: 'app' });",
      "export const source = new DataSource({ type: 'mysql', password: await signer.getAuthToken() });",
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 4, suggestions: [] }],
  },
];

// The options come back from a helper of the file called only there: the returned object's password is the pool's.
const helperPool = (password: string, token: string, extra = '') =>
  lines(
    `import { DefaultAzureCredential } from '@azure/identity';`,
    `import { Pool } from 'pg';`,
    'let pool;',
    'async function poolConfig() {',
    '  const credential = new DefaultAzureCredential();',
    ...(token ? [token] : []),
    `  return { host: 'db.example.com', password: ${password} };`,
    '}',
    'export async function db() {',
    '  if (!pool) pool = new Pool(await poolConfig());',
    '  return pool;',
    '}',
    ...(extra ? [extra] : []),
  );
const SCOPE = "'https://ossrdbms-aad.database.windows.net/.default'";
invalid.push(
  perConnection(
    helperPool("token?.token ?? ''", `  const token = await credential.getToken(${SCOPE});`),
    helperPool(`async () => (await credential.getToken(${SCOPE}))?.token ?? ''`, ''),
  ),
  perConnection(
    helperPool(`(await credential.getToken(${SCOPE})).token`, ''),
    helperPool(`async () => (await credential.getToken(${SCOPE})).token`, ''),
  ),
);
// Look-alike: the helper's options also go elsewhere (exported), so its password is not the pool's alone.
const sharedHelper = helperPool(
  "token?.token ?? ''",
  `  const token = await credential.getToken(${SCOPE});`,
  'export { poolConfig };',
);

const valid: (string | ValidTestCase<[]>)[] = [
  // Already a function: each connection asks the signer.
  lazyPool('password: () => signer.getAuthToken()'),
  lines(
    `import { Signer } from '@aws-sdk/rds-signer';`,
    `import { DataSource } from 'typeorm';`,
    "const signer = new Signer({ hostname: 'db.example.com', port: 5432, username: 'app' });",
    "export const source = new DataSource({ type: 'postgres', password: () => signer.getAuthToken() });",
  ),
];

invalid.push({
  code: sharedHelper,
  errors: [
    {
      messageId: 'moduleTokenCache',
      line: 3,
      suggestions: [
        {
          messageId: 'addExpiryCheck',
          output: sharedHelper
            .replace('let pool;', 'let pool;\nlet poolExpiresAt = 0;')
            .replace(
              'if (!pool) pool = new Pool(await poolConfig());',
              'if (!pool || Date.now() >= poolExpiresAt) { pool = new Pool(await poolConfig()); poolExpiresAt = Date.now() + 55 * 60 * 1000; }',
            ),
        },
      ],
    },
  ],
});

createRuleTester().run('no-module-token-cache (password per connection)', rule, { valid, invalid });
