import { fileURLToPath } from 'node:url';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// An mssql pool (or a Sequelize mssql instance) kept for the process, logging in with one Entra access token
// (`azure-active-directory-access-token`): the remedy hands tedious the credential (`token-credential`), safe only
// where the project's tedious (>= 18.3) or mssql (>= 12) version shows that type; otherwise for a person.
const lines = (...text: string[]) => text.join('\n');
const project = (name: string, file: string) =>
  fileURLToPath(new URL(`../../fixtures/tedious-projects/${name}/${file}`, import.meta.url));
// Files under test/ are test code to the rules: these stand for application code.
const settings = { 'credential-expiry': { testCode: 'report' } };

const pooled = lines(
  "const sql = require('mssql');",
  "const { DefaultAzureCredential } = require('@azure/identity');",
  '',
  'let pool = null;',
  '',
  'async function getPool() {',
  '  if (pool) return pool;',
  '  const credential = new DefaultAzureCredential();',
  "  const tokenResponse = await credential.getToken('https://database.windows.net/.default');",
  '  pool = await sql.connect({',
  '    server: process.env.DATABASE_HOST,',
  "    authentication: { type: 'azure-active-directory-access-token', options: { token: tokenResponse.token } },",
  '  });',
  '  return pool;',
  '}',
  'module.exports = { getPool };',
);
const pooledOutput = lines(
  "const sql = require('mssql');",
  "const { DefaultAzureCredential } = require('@azure/identity');",
  '',
  'let pool = null;',
  '',
  'async function getPool() {',
  '  if (pool) return pool;',
  '  const credential = new DefaultAzureCredential();',
  '  pool = await sql.connect({',
  '    server: process.env.DATABASE_HOST,',
  "    authentication: { type: 'token-credential', options: { credential } },",
  '  });',
  '  return pool;',
  '}',
  'module.exports = { getPool };',
);

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    // CommonJS, tedious ^19 declared: the token's declaration goes, the credential takes its place.
    code: pooled,
    settings,
    filename: project('tedious-19', 'db.js'),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        suggestions: [{ messageId: 'useTokenCredential', output: pooledOutput }],
      },
    ],
  },
  {
    // The same file in a project whose lockfile has mssql 12 (its package.json says only `latest`).
    code: pooled,
    settings,
    filename: project('mssql-12', 'db.js'),
    errors: [
      { messageId: 'moduleTokenCache', suggestions: [{ messageId: 'useTokenCredential', output: pooledOutput }] },
    ],
  },
  {
    // tedious 16: the same edit, for a person who upgrades first.
    code: pooled,
    settings,
    filename: project('tedious-16', 'db.js'),
    errors: [
      {
        messageId: 'moduleTokenCache',
        suggestions: [{ messageId: 'useTokenCredentialAfterUpgrade', output: pooledOutput }],
      },
    ],
  },
  {
    // TS, a checked token read elsewhere too (its declaration stays), a credential named otherwise, the scope a constant.
    code: lines(
      "import * as sql from 'mssql';",
      "import { DefaultAzureCredential } from '@azure/identity';",
      '',
      "const SQL_SCOPE = 'https://database.windows.net/';",
      'let poolPromise: Promise<sql.ConnectionPool> | undefined;',
      '',
      'async function connect(server: string) {',
      '  const identity = new DefaultAzureCredential();',
      '  const token = await identity.getToken(SQL_SCOPE);',
      "  if (!token?.token) throw new Error('no access token for SQL');",
      '  const config: sql.config = {',
      '    server,',
      '    authentication: {',
      '      type: "azure-active-directory-access-token",',
      '      options: { token: token.token },',
      '    },',
      '  };',
      '  return new sql.ConnectionPool(config).connect();',
      '}',
      '',
      'export async function getPool(): Promise<sql.ConnectionPool> {',
      '  poolPromise ??= connect(process.env.SQL_SERVER!);',
      '  return poolPromise;',
      '}',
    ),
    settings,
    filename: project('tedious-19', 'db.ts'),
    errors: [
      {
        messageId: 'moduleTokenCache',
        suggestions: [
          {
            messageId: 'useTokenCredential',
            output: lines(
              "import * as sql from 'mssql';",
              "import { DefaultAzureCredential } from '@azure/identity';",
              '',
              "const SQL_SCOPE = 'https://database.windows.net/';",
              'let poolPromise: Promise<sql.ConnectionPool> | undefined;',
              '',
              'async function connect(server: string) {',
              '  const identity = new DefaultAzureCredential();',
              '  const token = await identity.getToken(SQL_SCOPE);',
              "  if (!token?.token) throw new Error('no access token for SQL');",
              '  const config: sql.config = {',
              '    server,',
              '    authentication: {',
              '      type: "token-credential",',
              '      options: { credential: identity },',
              '    },',
              '  };',
              '  return new sql.ConnectionPool(config).connect();',
              '}',
              '',
              'export async function getPool(): Promise<sql.ConnectionPool> {',
              '  poolPromise ??= connect(process.env.SQL_SERVER!);',
              '  return poolPromise;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Sequelize's mssql dialect at module level, the token destructured and passed by shorthand.
    code: lines(
      "import { DefaultAzureCredential } from '@azure/identity';",
      "import { Sequelize } from 'sequelize';",
      '',
      'const credential = new DefaultAzureCredential();',
      "const { token } = await credential.getToken('https://database.windows.net/.default');",
      '',
      'export const warehouse = new Sequelize({',
      "  dialect: 'mssql',",
      "  dialectOptions: { authentication: { type: 'azure-active-directory-access-token', options: { token } } },",
      '});',
    ),
    settings,
    filename: project('tedious-19', 'warehouse.js'),
    errors: [
      {
        messageId: 'moduleTokenCache',
        suggestions: [
          {
            messageId: 'useTokenCredential',
            output: lines(
              "import { DefaultAzureCredential } from '@azure/identity';",
              "import { Sequelize } from 'sequelize';",
              '',
              'const credential = new DefaultAzureCredential();',
              '',
              'export const warehouse = new Sequelize({',
              "  dialect: 'mssql',",
              "  dialectOptions: { authentication: { type: 'token-credential', options: { credential } } },",
              '});',
            ),
          },
        ],
      },
    ],
  },
];

// Look-alikes: the finding stays, but the token-credential edit is not offered.
const noTokenCredential = [
  // The token comes from a helper that makes its own credential: none is in reach of the options.
  lines(
    "import sql from 'mssql';",
    "import { DefaultAzureCredential } from '@azure/identity';",
    'let pool = null;',
    'async function sqlToken() {',
    "  const result = await new DefaultAzureCredential().getToken('https://database.windows.net/.default');",
    '  return result.token;',
    '}',
    'export async function getPool() {',
    '  if (pool) return pool;',
    '  const token = await sqlToken();',
    "  pool = await sql.connect({ server: 'db', authentication: { type: 'azure-active-directory-access-token', options: { token } } });",
    '  return pool;',
    '}',
  ),
  // A scope that is not Azure SQL's: tedious would ask the credential for the server's own.
  lines(
    "import sql from 'mssql';",
    "import { DefaultAzureCredential } from '@azure/identity';",
    'let pool = null;',
    'export async function getPool() {',
    '  if (pool) return pool;',
    '  const credential = new DefaultAzureCredential();',
    "  const t = await credential.getToken('https://ossrdbms-aad.database.windows.net/.default');",
    "  pool = await sql.connect({ server: 'db', authentication: { type: 'azure-active-directory-access-token', options: { token: t.token } } });",
    '  return pool;',
    '}',
  ),
  // The credential is reassigned after the token was asked: which one the pool should ask is not clear.
  lines(
    "import sql from 'mssql';",
    "import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';",
    'let pool = null;',
    'let credential = new DefaultAzureCredential();',
    'export async function getPool() {',
    '  if (pool) return pool;',
    "  const t = await credential.getToken('https://database.windows.net/.default');",
    '  credential = new ManagedIdentityCredential();',
    "  pool = await sql.connect({ server: 'db', authentication: { type: 'azure-active-directory-access-token', options: { token: t.token } } });",
    '  return pool;',
    '}',
  ),
];

describe('no-module-token-cache: no token-credential edit for look-alikes', () => {
  it.each(noTokenCredential.map((code, i) => [i, code]))('look-alike %i is reported without it', (_i, code) => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
          settings,
          plugins: { ce: { rules: { 'no-module-token-cache': rule as unknown as Rule.RuleModule } } },
          rules: { 'ce/no-module-token-cache': 'error' },
        },
      ],
      project('tedious-19', 'lookalike.js'),
    );
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.map((m) => m.messageId)).toContain('moduleTokenCache');
    const offered = messages.flatMap((m) => m.suggestions ?? []).map((s) => s.messageId);
    expect(offered).not.toContain('useTokenCredential');
    expect(offered).not.toContain('useTokenCredentialAfterUpgrade');
  });
});

const valid: ValidTestCase<[]>[] = [
  {
    // Already the credential: nothing is kept.
    code: lines(
      "import sql from 'mssql';",
      "import { DefaultAzureCredential } from '@azure/identity';",
      'let pool = null;',
      'export async function getPool() {',
      "  pool ??= await sql.connect({ server: 'db', authentication: { type: 'token-credential', options: { credential: new DefaultAzureCredential() } } });",
      '  return pool;',
      '}',
    ),
    settings,
    filename: project('tedious-19', 'done.js'),
  },
];

createRuleTester().run('no-module-token-cache (token-credential)', rule, {
  valid,
  invalid,
});
