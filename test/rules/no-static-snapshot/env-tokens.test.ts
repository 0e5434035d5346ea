import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Tokens (IAM auth tokens, registry passwords, Google request headers) copied into `process.env` under a name of the
// app's own by a process that keeps running: whatever reads the variable later gets the one token. Each has a look-alike.
const lines = (...text: string[]) => text.join('\n');
const ECR = [
  `import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';`,
  'const ecr = new ECRClient({});',
];
const RDS = [
  `import { Signer } from '@aws-sdk/rds-signer';`,
  "const signer = new Signer({ hostname: 'db', port: 5432, username: 'app', region: 'eu-west-1' });",
];
const SERVER = `import http from 'node:http';`;
const LISTEN = 'http.createServer((req, res) => res.end()).listen(8080);';

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A registry password (12 hours) kept in the environment of a server.
    code: lines(
      ...ECR,
      SERVER,
      'async function boot() {',
      '  const out = await ecr.send(new GetAuthorizationTokenCommand({}));',
      '  process.env.ECR_TOKEN = out.authorizationData[0].authorizationToken;',
      '}',
      'boot();',
      LISTEN,
    ),
    errors: [
      {
        messageId: 'copiedIntoEnvironment',
        line: 5,
        data: {
          what: 'A token from `GetAuthorizationTokenCommand` is',
          variable: 'ECR_TOKEN',
          reader: 'client or child process',
          session: 'the registry authorization token',
          phrase: 'after 12 h',
          them: 'it',
          error: 'an authentication error from the service it is for',
          instead:
            'Leave the environment alone and have each client get the token where it uses it: use a fresh GetAuthorizationToken call before `authorizationData[0].expiresAt` instead.',
        },
      },
    ],
  },
  {
    // An RDS IAM token (15 minutes) as PGPASSWORD, read by every pool the server builds later.
    code: lines(
      ...RDS,
      SERVER,
      'export async function boot() {',
      '  process.env.PGPASSWORD = await signer.getAuthToken();',
      '}',
      LISTEN,
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 5 }],
  },
  {
    // Google request headers: their Authorization copied in with Object.assign.
    code: lines(
      `import { GoogleAuth } from 'google-auth-library';`,
      SERVER,
      'const auth = new GoogleAuth();',
      'export async function boot() {',
      '  const headers = await auth.getRequestHeaders();',
      '  Object.assign(process.env, { API_AUTH: headers.Authorization });',
      '}',
      LISTEN,
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 5 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The registry's address, not its password.
  lines(
    ...ECR,
    SERVER,
    'async function boot() {',
    '  const out = await ecr.send(new GetAuthorizationTokenCommand({}));',
    '  process.env.ECR_ENDPOINT = out.authorizationData[0].proxyEndpoint;',
    '}',
    'boot();',
    LISTEN,
  ),
  // A provider-free value in the environment, the token used at once.
  lines(
    ...RDS,
    SERVER,
    `import pg from 'pg';`,
    'export async function boot() {',
    "  process.env.PGHOST = 'db';",
    '  const client = new pg.Client({ password: await signer.getAuthToken() });',
    '  await client.connect();',
    '  await client.end();',
    '}',
    LISTEN,
  ),
  // A one-shot script: its environment dies with it, long before the token.
  lines(
    ...RDS,
    `import { execFileSync } from 'node:child_process';`,
    'process.env.PGPASSWORD = await signer.getAuthToken();',
    "execFileSync('psql', ['-h', 'db', '-c', 'select 1']);",
  ),
];

createRuleTester().run('no-static-snapshot (tokens copied into process.env)', rule, { valid, invalid });
