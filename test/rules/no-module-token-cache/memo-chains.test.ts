import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Memoised database handles of public Next.js and serverless apps: the pool whose password is an RDS IAM token
// (15 min) sits in one module variable, the ORM built on it in another (`if (db) return db`). The memo of what is
// built from the token is the keeper. Each has a look-alike among the valid cases.
const lines = (...text: string[]) => text.join('\n');
const RDS = lines(
  `import { Signer } from '@aws-sdk/rds-signer';`,
  `import { Pool } from 'pg';`,
  `const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });`,
);

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    code: lines(
      RDS,
      `import { drizzle } from 'drizzle-orm/node-postgres';`,
      'let db = null;',
      'let pool = null;',
      'export async function getDb() {',
      '  if (db) return db;',
      "  pool = new Pool({ host: 'db', user: 'app', password: await signer.getAuthToken() });",
      '  db = drizzle({ client: pool });',
      '  return db;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
        suggestions: [
          {
            messageId: 'passwordPerConnection',
            output: lines(
              "import { Signer } from '@aws-sdk/rds-signer';",
              "import { Pool } from 'pg';",
              "const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });",
              "import { drizzle } from 'drizzle-orm/node-postgres';",
              'let db = null;',
              'let pool = null;',
              'export async function getDb() {',
              '  if (db) return db;',
              "  pool = new Pool({ host: 'db', user: 'app', password: () => signer.getAuthToken() });",
              '  db = drizzle({ client: pool });',
              '  return db;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    code: lines(
      RDS,
      `import { Kysely, PostgresDialect } from 'kysely';`,
      'let pool: Pool | undefined;',
      'let db: Kysely<unknown> | undefined;',
      'export async function database() {',
      '  if (db) return db;',
      "  pool = new Pool({ host: 'db', user: 'app', password: await signer.getAuthToken() });",
      '  db = new Kysely({ dialect: new PostgresDialect({ pool }) });',
      '  return db;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 6,
        suggestions: [
          {
            messageId: 'passwordPerConnection',
            output: lines(
              "import { Signer } from '@aws-sdk/rds-signer';",
              "import { Pool } from 'pg';",
              "const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });",
              "import { Kysely, PostgresDialect } from 'kysely';",
              'let pool: Pool | undefined;',
              'let db: Kysely<unknown> | undefined;',
              'export async function database() {',
              '  if (db) return db;',
              "  pool = new Pool({ host: 'db', user: 'app', password: () => signer.getAuthToken() });",
              '  db = new Kysely({ dialect: new PostgresDialect({ pool }) });',
              '  return db;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The pool asks for a fresh token for each new connection: the memo keeps nothing that expires.
  lines(
    RDS,
    `import { drizzle } from 'drizzle-orm/node-postgres';`,
    'let db = null;',
    'let pool = null;',
    'export async function getDb() {',
    '  if (db) return db;',
    "  pool = new Pool({ host: 'db', user: 'app', password: () => signer.getAuthToken() });",
    '  db = drizzle({ client: pool });',
    '  return db;',
    '}',
  ),
  // A memo of a handle built from a pool written in another function, with a password from the environment.
  lines(
    `import { Pool } from 'pg';`,
    `import { drizzle } from 'drizzle-orm/node-postgres';`,
    'let db = null;',
    'let pool = null;',
    "export function init() { pool = new Pool({ host: 'db', password: process.env.PGPASSWORD }); }",
    'export function getDb() {',
    '  if (db) return db;',
    '  db = drizzle({ client: pool });',
    '  return db;',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (memo chains)', rule, { valid, invalid });
