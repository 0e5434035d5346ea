import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';

// The browser's storage as a keeper: a token or temporary keys written to `localStorage` / `sessionStorage` and read
// back by a later page load, with no expiry check on the way, are sent after they have expired. Each reported case
// sits next to a look-alike that stays silent: the expiry stored with the value (in the same object or under a key of
// its own) and checked on read, a value written but never read back (fetched again each time), stored text that is
// not used as credentials.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const COGNITO = lines(
  "import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';",
  "import { S3Client } from '@aws-sdk/client-s3';",
  "const cognito = new CognitoIdentityClient({ region: 'eu-west-1' });",
  'export async function signIn(IdentityId, idToken) {',
  "  const out = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { 'accounts.google.com': idToken } }));",
  "  localStorage.setItem('aws', JSON.stringify(out.Credentials));",
  '}',
);
const s3From = (check: string) =>
  lines(
    'export function s3() {',
    "  const c = JSON.parse(localStorage.getItem('aws') || 'null');",
    `  if (${check}) return null;`,
    '  return new S3Client({ credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken } });',
    '}',
  );

// A login endpoint of the app's own that answers with temporary keys: nothing says so but how the page uses them.
const LOGIN = lines(
  'export async function signIn(username, password) {',
  "  const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ username, password }) });",
  "  localStorage.setItem('session', JSON.stringify(await res.json()));",
  '}',
);

const TOKEN_FETCH = lines(
  'async function fetchToken() {',
  "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
  '  return res.json();',
  '}',
);

const cases: { name: string; lookAlikeName: string; reported: string; lookAlike: string; line: number }[] = [
  {
    name: 'Cognito identity credentials stored and read back into a client',
    reported: lines(COGNITO, s3From('!c')),
    lookAlikeName: 'their Expiration checked on read',
    lookAlike: lines(COGNITO, s3From('!c || new Date(c.Expiration).getTime() < Date.now()')),
    line: 6,
  },
  {
    name: 'keys of a login response stored and read back as the session token of a client',
    reported: lines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      LOGIN,
      'export function db() {',
      "  const session = JSON.parse(localStorage.getItem('session') || '{}');",
      '  const keys = session.credentials;',
      '  return new DynamoDBClient({ credentials: { accessKeyId: keys.AccessKeyId, secretAccessKey: keys.SecretKey, sessionToken: keys.SessionToken } });',
      '}',
    ),
    lookAlikeName: 'the same stored session read back for a display name only',
    lookAlike: lines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      LOGIN,
      'export function displayName() {',
      "  const session = JSON.parse(localStorage.getItem('session') || '{}');",
      "  return session.user ? session.user.name : '';",
      '}',
    ),
    line: 4,
  },
  {
    name: 'an OAuth access token kept in sessionStorage and sent by later requests',
    reported: lines(
      TOKEN_FETCH,
      'export async function signIn() {',
      "  sessionStorage.setItem('token', (await fetchToken()).access_token);",
      '}',
      "export const orders = () => fetch('/api/orders', { headers: { Authorization: `Bearer ${sessionStorage.getItem('token')}` } });",
    ),
    lookAlikeName: 'a token written but never read back (each request fetches its own)',
    lookAlike: lines(
      TOKEN_FETCH,
      'export async function orders() {',
      '  const { access_token } = await fetchToken();',
      "  sessionStorage.setItem('lastToken', access_token);",
      "  return fetch('/api/orders', { headers: { Authorization: `Bearer ${access_token}` } });",
      '}',
    ),
    line: 6,
  },
  {
    name: 'a token kept as a property of window.localStorage',
    reported: lines(
      TOKEN_FETCH,
      'export async function signIn() {',
      '  window.localStorage.token = (await fetchToken()).access_token;',
      '}',
      "export const orders = () => fetch('/api/orders', { headers: { Authorization: `Bearer ${localStorage.token}` } });",
    ),
    lookAlikeName: 'a local object named localStorage',
    lookAlike: lines(
      TOKEN_FETCH,
      'const localStorage = new Map();',
      'export async function signIn() {',
      "  localStorage.set('token', (await fetchToken()).access_token);",
      '  setTimeout(() => localStorage.clear(), 50 * 60 * 1000);',
      '}',
      "export const orders = () => fetch('/api/orders', { headers: { Authorization: `Bearer ${localStorage.get('token')}` } });",
    ),
    line: 6,
  },
  {
    name: 'a token whose deadline is stored under a key of its own and never compared',
    reported: lines(
      TOKEN_FETCH,
      'export async function token() {',
      "  if (localStorage.getItem('token')) return localStorage.getItem('token');",
      '  const body = await fetchToken();',
      "  localStorage.setItem('token', body.access_token);",
      "  localStorage.setItem('tokenExpiresAt', String(Date.now() + body.expires_in * 1000));",
      '  return body.access_token;',
      '}',
    ),
    lookAlikeName: 'the stored deadline compared with the clock before reuse',
    lookAlike: lines(
      TOKEN_FETCH,
      'export async function token() {',
      "  const expiresAt = Number(localStorage.getItem('tokenExpiresAt'));",
      "  if (Date.now() < expiresAt) return localStorage.getItem('token');",
      '  const body = await fetchToken();',
      "  localStorage.setItem('token', body.access_token);",
      "  localStorage.setItem('tokenExpiresAt', String(Date.now() + body.expires_in * 1000));",
      '  return body.access_token;',
      '}',
    ),
    line: 8,
  },
  {
    name: 'a token stored in an object without its expiry',
    reported: lines(
      TOKEN_FETCH,
      'export async function token() {',
      "  const saved = JSON.parse(localStorage.getItem('auth') || 'null');",
      '  if (saved) return saved.token;',
      '  const body = await fetchToken();',
      "  localStorage.setItem('auth', JSON.stringify({ token: body.access_token }));",
      '  return body.access_token;',
      '}',
    ),
    lookAlikeName: 'the expiry stored in the same object and checked on read',
    lookAlike: lines(
      TOKEN_FETCH,
      'export async function token() {',
      "  const saved = JSON.parse(localStorage.getItem('auth') || 'null');",
      '  if (saved && saved.expiresAt > Date.now()) return saved.token;',
      '  const body = await fetchToken();',
      "  localStorage.setItem('auth', JSON.stringify({ token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 }));",
      '  return body.access_token;',
      '}',
    ),
    line: 9,
  },
];

// One owner per defect: a service's output (or a token) in the page's storage is this rule's; what a refreshing
// provider resolved stays no-static-snapshot's wherever it is written.
function findingsOfBoth(code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        plugins: {
          ce: { rules: { B: rule as unknown as Rule.RuleModule, A: snapshotRule as unknown as Rule.RuleModule } },
        },
        rules: { 'ce/A': 'error', 'ce/B': 'error' },
      },
    ],
    'file.js',
  );
  return messages.map((m) => `${m.ruleId}:${m.line}`);
}

describe('browser storage: one rule per defect', () => {
  it('a Cognito GetCredentialsForIdentity output read back is reported by no-module-token-cache only', () => {
    expect(findingsOfBoth(lines(COGNITO, s3From('!c')))).toEqual(['ce/B:6']);
  });

  it("fromCognitoIdentityPool's resolved credentials written there stay no-static-snapshot's", () => {
    const code = lines(
      "import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';",
      'export async function signIn(identityPoolId) {',
      '  const c = await fromCognitoIdentityPool({ identityPoolId })();',
      "  localStorage.setItem('aws', JSON.stringify(c));",
      '}',
      "export const stored = () => JSON.parse(localStorage.getItem('aws') || 'null');",
    );
    expect(findingsOfBoth(code)).toEqual(['ce/A:3']);
  });
});

describe('no-module-token-cache: browser storage as a keeper', () => {
  for (const c of cases) {
    it(`reported: ${c.name}`, () => {
      expect(reported(c.reported)).toEqual([c.line]);
    });
    it(`silent: ${c.lookAlikeName}`, () => {
      expect(reported(c.lookAlike)).toEqual([]);
    });
  }
});
