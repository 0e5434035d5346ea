import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Token memos of public Next.js and Express code whose token passes through a promise chain (`.catch`, `.finally`),
// a `try`, or a helper of another module (`decrypt(res.data)`, `camelcaseKeys(body)`) before it is kept. Each has a
// look-alike among the valid cases.
const lines = (...text: string[]) => text.join('\n');
const memo = (...body: string[]) =>
  lines('let cached = null;', 'export async function getToken() {', '  if (cached) return cached;', ...body, '}');
const LOGIN =
  "fetch('https://realm.example.test/api/client/v2.0/app/x/auth/providers/api-key/login', { method: 'POST' })";

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    // The `.catch` handler only logs: on success the promise settles to the same response.
    code: memo(
      `  const response = await ${LOGIN}.catch((err) => console.log(err));`,
      '  const body = await response.json();',
      "  cached = body['access_token'];",
      '  return cached;',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            // The body is a local holding the token response: the deadline comes from its own expires_in.
            messageId: 'expireFromResponse',
            output: lines(
              'let cached = null;',
              'let cachedExpiresAt = 0;',
              'export async function getToken() {',
              '  if (cached && Date.now() < cachedExpiresAt) return cached;',
              "  const response = await fetch('https://realm.example.test/api/client/v2.0/app/x/auth/providers/api-key/login', { method: 'POST' }).catch((err) => console.log(err));",
              '  const body = await response.json();',
              "  cached = body['access_token'];",
              '  cachedExpiresAt = Date.now() + (body.expires_in - 300) * 1000;',
              '  return cached;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    code: memo(
      `  const body = await ${LOGIN}.then((r) => r.json()).catch(() => ({})).finally(() => console.log('done'));`,
      '  cached = body.access_token;',
      '  return cached;',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              'let cached = null;',
              'let cachedExpiresAt = 0;',
              'export async function getToken() {',
              '  if (cached && Date.now() < cachedExpiresAt) return cached;',
              "  const body = await fetch('https://realm.example.test/api/client/v2.0/app/x/auth/providers/api-key/login', { method: 'POST' }).then((r) => r.json()).catch(() => ({})).finally(() => console.log('done'));",
              '  cached = body.access_token;',
              '  cachedExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return cached;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // A `try` around the request; the token is read from what an imported helper makes of the response.
    code: lines(
      `const axios = require('axios');`,
      `const { decrypt } = require('./crypto');`,
      memo(
        '  try {',
        "    const res = await axios.post('https://api.example-tv.test/v5/auth/guest-login', { platform: 'web' });",
        '    const data = decrypt(res.data.eData);',
        '    if (data && data.access_token) cached = data.access_token;',
        '    return cached;',
        '  } catch (e) {',
        '    return null;',
        '  }',
      ),
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "const axios = require('axios');",
              "const { decrypt } = require('./crypto');",
              'let cached = null;',
              'let cachedExpiresAt = 0;',
              'export async function getToken() {',
              '  if (cached && Date.now() < cachedExpiresAt) return cached;',
              '  try {',
              "    const res = await axios.post('https://api.example-tv.test/v5/auth/guest-login', { platform: 'web' });",
              '    const data = decrypt(res.data.eData);',
              '    if (data && data.access_token) { cached = data.access_token; cachedExpiresAt = Date.now() + 55 * 60 * 1000; }',
              '    return cached;',
              '  } catch (e) {',
              '    return null;',
              '  }',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    code: lines(
      `import camelcaseKeys from 'camelcase-keys';`,
      memo(
        "  const r = await fetch('https://id.twitch.tv/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
        '  cached = camelcaseKeys(await r.json()).accessToken;',
        '  return cached;',
      ),
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "import camelcaseKeys from 'camelcase-keys';",
              'let cached = null;',
              'let cachedExpiresAt = 0;',
              'export async function getToken() {',
              '  if (cached && Date.now() < cachedExpiresAt) return cached;',
              "  const r = await fetch('https://id.twitch.tv/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
              '  cached = camelcaseKeys(await r.json()).accessToken;',
              '  cachedExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return cached;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The `.catch` chain of a request that returns no token: a profile is cached, not a credential.
  memo(
    "  const profile = await fetch('https://api.example.test/me').then((r) => r.json()).catch(() => null);",
    '  cached = profile.displayName;',
    '  return cached;',
  ),
  // What a helper makes of a token response is unknown unless a token field is read from it.
  lines(
    `const axios = require('axios');`,
    `const { decrypt } = require('./crypto');`,
    memo(
      "  const res = await axios.post('https://api.example-tv.test/v5/auth/guest-login', { platform: 'web' });",
      '  cached = decrypt(res.data.eData).region;',
      '  return cached;',
    ),
  ),
  // The helper's token kept with its expiry and checked before reuse.
  lines(
    `const axios = require('axios');`,
    `const { decrypt } = require('./crypto');`,
    'let cached = null;',
    'let expiresAt = 0;',
    'export async function getToken() {',
    '  if (cached && Date.now() < expiresAt) return cached;',
    "  const res = await axios.post('https://api.example-tv.test/v5/auth/guest-login', { platform: 'web' });",
    '  const data = decrypt(res.data.eData);',
    '  cached = data.access_token;',
    '  expiresAt = Date.now() + data.expires_in * 1000;',
    '  return cached;',
    '}',
  ),
  // A helper applied to something that is no response: its `access_token` is whatever the caller passed.
  lines(
    `import { decrypt } from './crypto';`,
    'let cached = null;',
    'export function remember(blob) {',
    '  if (cached) return cached;',
    '  cached = decrypt(blob).access_token;',
    '  return cached;',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (promise chains and helpers)', rule, { valid, invalid });
