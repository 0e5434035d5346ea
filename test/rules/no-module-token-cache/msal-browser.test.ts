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
            // The result states its own deadline (`AuthenticationResult.expiresOn`, a Date or null).
            messageId: 'expireFromResponse',
            output: lines(
              'declare const msal: any;',
              'let cachedGraphToken: string | null = null;',
              'let cachedGraphTokenExpiresAt = 0;',
              "const msalInstance = new msal.PublicClientApplication({ auth: { clientId: 'x' } });",
              'export async function getGraphToken() {',
              '  if (cachedGraphToken && Date.now() < cachedGraphTokenExpiresAt) return cachedGraphToken;',
              "  const popup = await msalInstance.acquireTokenPopup({ scopes: ['User.Read'] });",
              '  cachedGraphToken = popup.accessToken;',
              '  cachedGraphTokenExpiresAt = (popup.expiresOn?.getTime() ?? 0) - 300 * 1000;',
              '  return cachedGraphToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

// msal-node: the app's own token states its deadline; an on-behalf-of token is a caller's, kept for every caller, so
// an expiry check would not make it right (a guess, for a person); a result typed by the app may lack `expiresOn`.
const node = (call: string, declared = 'const result') =>
  lines(
    "import { ConfidentialClientApplication } from '@azure/msal-node';",
    "const cca = new ConfidentialClientApplication({ auth: { clientId: 'x' } });",
    'let graphToken = null;',
    'export async function token(userToken) {',
    '  if (graphToken) return graphToken;',
    `  ${declared} = await cca.${call};`,
    '  graphToken = result.accessToken;',
    '  return graphToken;',
    '}',
  );
const withCheck = (code: string, stamp: string) =>
  code
    .replace('let graphToken = null;', 'let graphToken = null;\nlet graphTokenExpiresAt = 0;')
    .replace('if (graphToken)', 'if (graphToken && Date.now() < graphTokenExpiresAt)')
    .replace(
      '  graphToken = result.accessToken;',
      `  graphToken = result.accessToken;\n  graphTokenExpiresAt = ${stamp};`,
    );
const CLIENT_CREDENTIAL = "acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })";
const ON_BEHALF_OF = "acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: ['User.Read'] })";
const expectSuggestion = (code: string, messageId: MessageId, stamp: string, filename?: string) => ({
  code,
  ...(filename ? { filename } : {}),
  errors: [{ messageId: 'moduleTokenCache' as const, suggestions: [{ messageId, output: withCheck(code, stamp) }] }],
});
// A memo in front of MSAL's cache (client credentials read it unless `skipCache`) simply goes (askEachCall).
const CLIENT_CREDENTIAL_UNCACHED =
  "acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'], skipCache: true })";
const withoutMemo = (code: string) => code.replace('  if (graphToken) return graphToken;\n', '');
const expectMemoDropped = (code: string, filename?: string) => ({
  code,
  ...(filename ? { filename } : {}),
  errors: [
    {
      messageId: 'moduleTokenCache' as const,
      suggestions: [{ messageId: 'askEachCall' as const, output: withoutMemo(code) }],
    },
  ],
});
invalid.push(
  expectMemoDropped(node(CLIENT_CREDENTIAL)),
  expectSuggestion(
    node(CLIENT_CREDENTIAL_UNCACHED),
    'expireFromResponse',
    '(result.expiresOn?.getTime() ?? 0) - 300 * 1000',
  ),
  expectSuggestion(node(ON_BEHALF_OF), 'addExpiryCheck', 'Date.now() + 55 * 60 * 1000'),
  // A result that may be null, its token kept or the cache emptied (`?? null`): the deadline reads it the same way.
  {
    code: node(CLIENT_CREDENTIAL_UNCACHED).replace(
      'graphToken = result.accessToken;',
      'graphToken = result?.accessToken ?? null;',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache' as const,
        suggestions: [
          {
            messageId: 'expireFromResponse' as const,
            output: withCheck(
              node(CLIENT_CREDENTIAL_UNCACHED),
              '(result?.expiresOn?.getTime() ?? 0) - 300 * 1000',
            ).replace('graphToken = result.accessToken;', 'graphToken = result?.accessToken ?? null;'),
          },
        ],
      },
    ],
  },
  // A fallback that is a value of its own (`?? 'anonymous'`) is no emptied cache: no stated deadline for it.
  {
    code: node(CLIENT_CREDENTIAL_UNCACHED).replace(
      'graphToken = result.accessToken;',
      "graphToken = result?.accessToken ?? 'anonymous';",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache' as const,
        suggestions: [
          {
            messageId: 'addExpiryCheck' as const,
            output: withCheck(node(CLIENT_CREDENTIAL_UNCACHED), 'Date.now() + 55 * 60 * 1000').replace(
              'graphToken = result.accessToken;',
              "graphToken = result?.accessToken ?? 'anonymous';",
            ),
          },
        ],
      },
    ],
  },

  expectMemoDropped(node(CLIENT_CREDENTIAL, 'const result: { accessToken: string }'), 'token.ts'),
  expectSuggestion(
    node(CLIENT_CREDENTIAL_UNCACHED, 'const result: { accessToken: string }'),
    'addExpiryCheck',
    'Date.now() + 55 * 60 * 1000',
    'token.ts',
  ),
);

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
