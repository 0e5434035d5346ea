import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Families that fresh real-world code showed the engine missing for anti-pattern B: tokens of signers and services
// it did not know, and keepers it did not see. Each invalid case has a look-alike among the valid.
const lines = (...text: string[]) => text.join('\n');
const DSQL = lines(
  `import { DsqlSigner } from '@aws-sdk/dsql-signer';`,
  `import { Pool } from 'pg';`,
  `const signer = new DsqlSigner({ hostname: 'cluster.dsql.us-east-1.on.aws', region: 'us-east-1' });`,
);

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    // An Aurora DSQL auth token (900 s by default) minted when the module loads and kept as a pool's password.
    code: lines(
      DSQL,
      'const token = await signer.getDbConnectAdminAuthToken();',
      "export const pool = new Pool({ host: 'cluster.dsql.us-east-1.on.aws', user: 'admin', password: token });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        suggestions: [
          {
            messageId: 'passwordPerConnection',
            output: lines(
              DSQL,
              "export const pool = new Pool({ host: 'cluster.dsql.us-east-1.on.aws', user: 'admin', password: () => signer.getDbConnectAdminAuthToken() });",
            ),
          },
        ],
      },
    ],
  },
  {
    // The same token behind a lazily built pool in module scope.
    code: lines(
      DSQL,
      'let pool: Pool | undefined;',
      'export async function db() {',
      "  pool ??= new Pool({ host: 'h', user: 'app', password: await signer.getDbConnectAuthToken() });",
      '  return pool;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        suggestions: [
          {
            messageId: 'passwordPerConnection',
            output: lines(
              DSQL,
              'let pool: Pool | undefined;',
              'export async function db() {',
              "  pool ??= new Pool({ host: 'h', user: 'app', password: () => signer.getDbConnectAuthToken() });",
              '  return pool;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Cognito identity credentials (1 h) memoised in module scope (SDK v2).
    code: lines(
      `import AWS from 'aws-sdk';`,
      'let creds;',
      'export async function credentials(identityId) {',
      '  if (!creds) creds = (await new AWS.CognitoIdentity().getCredentialsForIdentity({ IdentityId: identityId }).promise()).Credentials;',
      '  return creds;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'checkExpiration',
            output: lines(
              `import AWS from 'aws-sdk';`,
              'let creds;',
              'export async function credentials(identityId) {',
              '  if (!creds || !creds.Expiration || creds.Expiration.getTime() - Date.now() <= 5 * 60 * 1000) creds = (await new AWS.CognitoIdentity().getCredentialsForIdentity({ IdentityId: identityId }).promise()).Credentials;',
              '  return creds;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: the same cache, renewed before `Expiration`.
  lines(
    `import AWS from 'aws-sdk';`,
    'let creds;',
    'export async function credentials(identityId) {',
    '  if (!creds || creds.Expiration.getTime() - Date.now() < 60_000) creds = (await new AWS.CognitoIdentity().getCredentialsForIdentity({ IdentityId: identityId }).promise()).Credentials;',
    '  return creds;',
    '}',
  ),
  // The pool asks the signer for a fresh token on every new connection.
  lines(
    DSQL,
    "export const pool = new Pool({ host: 'h', user: 'admin', password: () => signer.getDbConnectAdminAuthToken() });",
  ),
  // A connection opened per call with a fresh token, closed before the token expires.
  lines(
    DSQL,
    'export async function query(sql: string) {',
    "  const client = new Pool({ host: 'h', user: 'app', password: await signer.getDbConnectAuthToken() });",
    '  try { return await client.query(sql); } finally { await client.end(); }',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (families from fresh code)', rule, { valid, invalid });
