import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A token whose own response says it expires: a token field read beside a lifetime field (`expires_in`,
// `expires_at`, `expiresOn`, ...) of the same object or destructuring, whatever library or helper fetched it.
const lines = (...text: string[]) => text.join('\n');
const HTTP = `import { http } from './http-client';`;

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // The app's own HTTP wrapper: the engine knows neither the client nor the URL, the response's fields say it all.
    // In JavaScript the suggestion stamps the stated lifetime (TypeScript would need `expires_in` on the type).
    filename: 'partner.js',
    code: lines(
      HTTP,
      'let cachedToken;',
      'export async function partnerToken() {',
      '  if (cachedToken) return cachedToken;',
      "  const data = await http.post('/partner/session', { key: process.env.PARTNER_KEY });",
      "  console.log('session valid for', data.expires_in);",
      '  cachedToken = data.access_token;',
      '  return cachedToken;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output: lines(
              HTTP,
              'let cachedToken;',
              'let cachedTokenExpiresAt = 0;',
              'export async function partnerToken() {',
              '  if (cachedToken && Date.now() < cachedTokenExpiresAt) return cachedToken;',
              "  const data = await http.post('/partner/session', { key: process.env.PARTNER_KEY });",
              "  console.log('session valid for', data.expires_in);",
              '  cachedToken = data.access_token;',
              '  cachedTokenExpiresAt = Date.now() + (data.expires_in - 300) * 1000;',
              '  return cachedToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // The same response destructured: `token` counts beside `expires_at` (a GitHub App installation token's shape).
    code: lines(
      HTTP,
      'let installation = null;',
      'export async function installationToken(id) {',
      '  if (installation) return installation;',
      '  const { token, expires_at } = await http.post(`/app/installations/${id}/tokens`);',
      '  installation = token;',
      '  return installation;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              HTTP,
              'let installation = null;',
              'let installationExpiresAt = 0;',
              'export async function installationToken(id) {',
              '  if (installation && Date.now() < installationExpiresAt) return installation;',
              '  const { token, expires_at } = await http.post(`/app/installations/${id}/tokens`);',
              '  installation = token;',
              '  installationExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return installation;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // By its endpoint: a GitHub App installation token (1 h), fetched by hand and kept in module scope. Its response
    // states when it expires (`expires_at`, an ISO 8601 time): the deadline is that time, less the margin.
    code: lines(
      'let installationToken = null;',
      'export async function githubToken(env, jwt) {',
      '  if (installationToken) return installationToken;',
      '  const res = await fetch(`https://api.github.com/app/installations/${env.INSTALLATION_ID}/access_tokens`, { method: "POST", headers: { Authorization: `Bearer ${jwt}` } });',
      '  const data = await res.json();',
      '  installationToken = data.token;',
      '  return installationToken;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output: lines(
              'let installationToken = null;',
              'let installationTokenExpiresAt = 0;',
              'export async function githubToken(env, jwt) {',
              '  if (installationToken && Date.now() < installationTokenExpiresAt) return installationToken;',
              '  const res = await fetch(`https://api.github.com/app/installations/${env.INSTALLATION_ID}/access_tokens`, { method: "POST", headers: { Authorization: `Bearer ${jwt}` } });',
              '  const data = await res.json();',
              '  installationToken = data.token;',
              '  installationTokenExpiresAt = Date.parse(data.expires_at) - 300 * 1000;',
              '  return installationToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // TypeScript, the body asserted to a type literal without the deadline: the literal gets `expires_at: string`.
    filename: 'github.ts',
    code: lines(
      'let installationToken: string | null = null;',
      'export async function githubToken(installationId: string, jwt: string) {',
      '  if (installationToken) return installationToken;',
      '  const res = await fetch(`https://api.github.com/app/installations/${installationId}/access_tokens`, { method: "POST", headers: { Authorization: `Bearer ${jwt}` } });',
      '  const data = (await res.json()) as { token: string };',
      '  installationToken = data.token;',
      '  return installationToken;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output: lines(
              'let installationToken: string | null = null;',
              'let installationTokenExpiresAt = 0;',
              'export async function githubToken(installationId: string, jwt: string) {',
              '  if (installationToken && Date.now() < installationTokenExpiresAt) return installationToken;',
              '  const res = await fetch(`https://api.github.com/app/installations/${installationId}/access_tokens`, { method: "POST", headers: { Authorization: `Bearer ${jwt}` } });',
              '  const data = (await res.json()) as { token: string; expires_at: string };',
              '  installationToken = data.token;',
              '  installationTokenExpiresAt = Date.parse(data.expires_at) - 300 * 1000;',
              '  return installationToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: an OAuth endpoint's `token` field is not the token its `expires_in` describes: a guess, for a person.
    code: lines(
      'let sessionToken = null;',
      'export async function partnerSession() {',
      '  if (sessionToken) return sessionToken;',
      "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });",
      '  const data = await res.json();',
      '  sessionToken = data.token;',
      '  return sessionToken;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              'let sessionToken = null;',
              'let sessionTokenExpiresAt = 0;',
              'export async function partnerSession() {',
              '  if (sessionToken && Date.now() < sessionTokenExpiresAt) return sessionToken;',
              "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });",
              '  const data = await res.json();',
              '  sessionToken = data.token;',
              '  sessionTokenExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return sessionToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike of the GitHub case: the token is reused only until five minutes before its expires_at.
  lines(
    'let installation = null;',
    'export async function githubToken(env, jwt) {',
    '  if (installation && Date.parse(installation.expires_at) - 5 * 60_000 > Date.now()) return installation.token;',
    '  const res = await fetch(`https://api.github.com/app/installations/${env.INSTALLATION_ID}/access_tokens`, { method: "POST", headers: { Authorization: `Bearer ${jwt}` } });',
    '  installation = await res.json();',
    '  return installation.token;',
    '}',
  ),
  // The installation's metadata, not its token endpoint.
  lines(
    'let account = null;',
    'export async function installationAccount(env, jwt) {',
    '  if (account) return account;',
    '  const res = await fetch(`https://api.github.com/app/installations/${env.INSTALLATION_ID}`, { headers: { Authorization: `Bearer ${jwt}` } });',
    '  account = (await res.json()).account;',
    '  return account;',
    '}',
  ),
  // Look-alike: the token kept with its lifetime and checked with a margin before reuse.
  lines(
    HTTP,
    'let cached;',
    'export async function partnerToken() {',
    '  if (cached && cached.expiresAt - 60_000 > Date.now()) return cached.token;',
    "  const data = await http.post('/partner/session', { key: process.env.PARTNER_KEY });",
    '  cached = { token: data.access_token, expiresAt: Date.now() + data.expires_in * 1000 };',
    '  return cached.token;',
    '}',
  ),
  // Look-alike: fetched per request, nothing kept; the lifetime is only logged.
  lines(
    HTTP,
    'export async function callPartner(path) {',
    "  const data = await http.post('/partner/session', { key: process.env.PARTNER_KEY });",
    "  console.log('session valid for', data.expires_in);",
    '  return http.get(path, { headers: { Authorization: `Bearer ${data.access_token}` } });',
    '}',
  ),
  // `token` without any lifetime beside it: a CSRF or pagination token, not a credential.
  lines(
    HTTP,
    'let csrf;',
    'export async function csrfToken() {',
    '  if (csrf) return csrf;',
    "  const data = await http.get('/csrf');",
    '  csrf = data.token;',
    '  return csrf;',
    '}',
  ),
  // The lifetime read off another object than the token.
  lines(
    HTTP,
    'let csrf;',
    'export async function csrfToken(settings) {',
    '  if (csrf) return csrf;',
    "  const data = await http.get('/csrf');",
    '  csrf = data.token;',
    "  console.log('settings expire', settings.expires_in);",
    '  return csrf;',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (tokens by their response shape)', rule, { valid, invalid });
