import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Tokens no-module-token-cache owns in storage (Azure `getToken()`, MSAL, `jwt.authorize()`, gcp-metadata, requests
// made by hand to a token or metadata endpoint) reach keepers that outlive any value whatever its source: a file, a
// bundle constant, the environment of a running server, a callback registered for the life of the process. Each has a
// look-alike next to it.
const lines = (...text: string[]) => text.join('\n');
const AZURE = [
  `import { DefaultAzureCredential } from '@azure/identity';`,
  'const credential = new DefaultAzureCredential();',
];
const MSAL = [
  `import { ConfidentialClientApplication } from '@azure/msal-node';`,
  'const msal = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET } });',
];
const JWT = [
  `import { JWT } from 'google-auth-library';`,
  'const jwt = new JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY, scopes: [] });',
];
const SCOPE = `'https://management.azure.com/.default'`;
const GOOGLE_TOKEN_URL = `'https://oauth2.googleapis.com/token'`;
const IMDS = `'http://169.254.169.254/latest/meta-data/iam/security-credentials/app'`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // An Azure access token saved to a file: whoever reads it after an hour or so gets 401.
    code: lines(
      ...AZURE,
      `import { writeFile } from 'node:fs/promises';`,
      'export async function save() {',
      `  const { token } = await credential.getToken(${SCOPE});`,
      `  await writeFile('/tmp/token', token);`,
      '}',
    ),
    errors: [
      {
        messageId: 'writtenToOutlivingSink',
        line: 5,
        data: {
          what: 'An access token from `credential.getToken()` is',
          sink: 'a file',
          them: 'it',
          session: 'the Microsoft Entra access token',
          phrase: 'typically within 60 to 90 min',
          error: '401/403 "Lifetime validation failed. The token is expired"',
          instead:
            'Hand the reader a way to get its own token where it uses it instead (a credential helper, or the client that issued the token): use `getBearerTokenProvider(credential, scope)` instead (it caches and refreshes the token).',
        },
      },
    ],
  },
  {
    // An MSAL token read by a timer that runs for the life of the process.
    code: lines(
      ...MSAL,
      'export async function start() {',
      `  const { accessToken } = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });`,
      `  setInterval(() => fetch('https://graph.microsoft.com/v1.0/users', { headers: { Authorization: \`Bearer \${accessToken}\` } }), 60_000);`,
      '}',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 4 }],
  },
  {
    // A token fetched by hand from Google's token endpoint, copied into the environment of a running server.
    code: lines(
      `import axios from 'axios';`,
      `import http from 'node:http';`,
      'export async function boot() {',
      `  const res = await axios.post(${GOOGLE_TOKEN_URL}, { grant_type: 'refresh_token', refresh_token: process.env.REFRESH_TOKEN });`,
      '  process.env.GOOGLE_TOKEN = res.data.access_token;',
      '}',
      'http.createServer((req, res) => res.end()).listen(8080);',
    ),
    errors: [
      {
        messageId: 'copiedIntoEnvironment',
        line: 4,
        data: {
          what: 'A token response from the Google OAuth token endpoint is',
          variable: 'GOOGLE_TOKEN',
          reader: 'client or child process',
          them: 'it',
          session: 'the Google access token',
          phrase: 'after about 1 h',
          error: '401 "Request had invalid authentication credentials"',
          instead:
            'Leave the environment alone and have each client get the token where it uses it: call `await auth.getRequestHeaders()` where the value is used (it refreshes by itself), or keep `expires_in` with it and fetch again before it passes.',
        },
      },
    ],
  },
  {
    // Keys fetched by hand from the instance metadata service, baked into a bundle.
    code: lines(
      `import { defineConfig } from 'vite';`,
      `const keys = await fetch(${IMDS}).then((r) => r.json());`,
      'export default defineConfig({ define: { __KEYS__: JSON.stringify({ id: keys.AccessKeyId, token: keys.Token }) } });',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 2 }],
  },
  {
    // An Azure token read by an async timer callback: the credential caches and renews it, so it is asked there.
    code: lines(
      ...AZURE,
      'export async function start() {',
      `  const t = await credential.getToken(${SCOPE});`,
      '  setInterval(async () => {',
      "    await fetch('https://management.azure.com/subscriptions', { headers: { Authorization: `Bearer ${t.token}` } });",
      '  }, 60_000);',
      '}',
    ),
    errors: [
      {
        messageId: 'capturedByLongLivedCallback',
        line: 4,
        suggestions: [
          {
            messageId: 'resolveAtUse',
            data: { provider: `credential.getToken(${SCOPE})` },
            output: lines(
              ...AZURE,
              'export async function start() {',
              `  await credential.getToken(${SCOPE});`,
              '  setInterval(async () => {',
              `    const t = await credential.getToken(${SCOPE});`,
              "    await fetch('https://management.azure.com/subscriptions', { headers: { Authorization: `Bearer ${t.token}` } });",
              '  }, 60_000);',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // `jwt.authorize()` resolves a token response; a listener on `process` reads its token for ever.
    code: lines(
      ...JWT,
      'export async function start() {',
      '  const tokens = await jwt.authorize();',
      `  process.on('message', () => fetch('https://fcm.googleapis.com/v1/send', { headers: { Authorization: \`Bearer \${tokens.access_token}\` } }));`,
      '}',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 4 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Only the token's expiry written to a file.
  lines(
    ...AZURE,
    `import { writeFile } from 'node:fs/promises';`,
    'export async function save() {',
    `  const { expiresOnTimestamp } = await credential.getToken(${SCOPE});`,
    `  await writeFile('/tmp/expiry', String(expiresOnTimestamp));`,
    '}',
  ),
  // The callback asks MSAL again on every tick (MSAL serves it from its cache and renews it).
  lines(
    ...MSAL,
    'export async function start() {',
    '  setInterval(async () => {',
    `    const { accessToken } = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });`,
    `    await fetch('https://graph.microsoft.com/v1.0/users', { headers: { Authorization: \`Bearer \${accessToken}\` } });`,
    '  }, 60_000);',
    '}',
  ),
  // A timer that refreshes the token the listener reads.
  lines(
    ...JWT,
    'export async function start() {',
    '  let tokens = await jwt.authorize();',
    '  setInterval(async () => {',
    '    tokens = await jwt.authorize();',
    '  }, 30 * 60_000);',
    `  process.on('message', () => fetch('https://fcm.googleapis.com/v1/send', { headers: { Authorization: \`Bearer \${tokens.access_token}\` } }));`,
    '}',
  ),
  // The response's lifetime, not its token, in the environment.
  lines(
    `import axios from 'axios';`,
    `import http from 'node:http';`,
    'export async function boot() {',
    `  const res = await axios.post(${GOOGLE_TOKEN_URL}, { grant_type: 'refresh_token', refresh_token: process.env.REFRESH_TOKEN });`,
    '  process.env.GOOGLE_TOKEN_TTL = String(res.data.expires_in);',
    '}',
    'http.createServer((req, res) => res.end()).listen(8080);',
  ),
  // The metadata document's expiry, not its keys, in the bundle.
  lines(
    `import { defineConfig } from 'vite';`,
    `const keys = await fetch(${IMDS}).then((r) => r.json());`,
    'export default defineConfig({ define: { __EXPIRES__: JSON.stringify(keys.Expiration) } });',
  ),
  // A request to an API that is no token endpoint.
  lines(
    `import { writeFile } from 'node:fs/promises';`,
    'export async function save() {',
    `  const items = await fetch('https://api.example.com/v1/items').then((r) => r.json());`,
    `  await writeFile('/tmp/items.json', JSON.stringify(items.access_token));`,
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (tokens of other sources in outliving keepers)', rule, { valid, invalid });
