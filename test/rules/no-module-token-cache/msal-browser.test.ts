import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// msal-browser loaded from its CDN bundle (the global `msal`, named in TypeScript by `declare const msal: any`) and
// its interactive flows, whose AuthenticationResult carries the same short-lived `accessToken`.
const lines = (...text: string[]) => text.join('\n');
const app = (...body: string[]) =>
  lines(
    'declare const msal: any;',
    'let cachedGraphToken: string | null = null;',
    "const msalInstance = new msal.PublicClientApplication({ auth: { clientId: 'x' } });",
    ...body,
  );

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    code: app(
      'export async function getGraphToken() {',
      '  if (cachedGraphToken) return cachedGraphToken;',
      "  const popup = await msalInstance.acquireTokenPopup({ scopes: ['User.Read'] });",
      '  cachedGraphToken = popup.accessToken;',
      '  return cachedGraphToken;',
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
              'declare const msal: any;',
              'let cachedGraphToken: string | null = null;',
              'let cachedGraphTokenExpiresAt = 0;',
              "const msalInstance = new msal.PublicClientApplication({ auth: { clientId: 'x' } });",
              'export async function getGraphToken() {',
              '  if (cachedGraphToken && Date.now() < cachedGraphTokenExpiresAt) return cachedGraphToken;',
              "  const popup = await msalInstance.acquireTokenPopup({ scopes: ['User.Read'] });",
              '  cachedGraphToken = popup.accessToken;',
              '  cachedGraphTokenExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return cachedGraphToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: MSAL asked at each use (it caches and renews the token itself).
  app(
    'export async function graphHeaders() {',
    "  const result = await msalInstance.acquireTokenPopup({ scopes: ['User.Read'] });",
    '  return { Authorization: `Bearer ${result.accessToken}` };',
    '}',
  ),
  // A local `msal` of the file's own is not the CDN global.
  lines(
    "const msal = { PublicClientApplication: class { async acquireTokenPopup() { return { accessToken: 'x' }; } } };",
    'let cached: string | null = null;',
    'const instance = new msal.PublicClientApplication();',
    'export async function token() {',
    '  if (cached) return cached;',
    '  cached = (await instance.acquireTokenPopup()).accessToken;',
    '  return cached;',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (msal-browser from its CDN bundle)', rule, { valid, invalid });
