import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// MSAL (msal-node, msal-browser) and @azure/identity access tokens (60-90 min) kept in module storage with a
// truthiness test only. Look-alikes: an expiresOn / expiresOnTimestamp check, MSAL asked per use.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    // msal-node on-behalf-of tokens kept per user in a module Map, reused on a truthiness test only.
    code: lines(
      "import { ConfidentialClientApplication } from '@azure/msal-node';",
      '',
      "const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID ?? '', clientSecret: process.env.CLIENT_SECRET } });",
      'const graphTokens = new Map<string, string>();',
      '',
      'export async function graphTokenFor(userId: string, assertion: string): Promise<string> {',
      '  const known = graphTokens.get(userId);',
      '  if (known) return known;',
      "  const result = await cca.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: ['User.Read'] });",
      "  if (!result) throw new Error('no token');",
      '  graphTokens.set(userId, result.accessToken);',
      '  return result.accessToken;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        column: 7,
        suggestions: [],
      },
    ],
  },
  {
    // CommonJS: a client-credentials token kept in a static field of a class.
    code: lines(
      "const msal = require('@azure/msal-node');",
      '',
      'class GraphClient {',
      '  static accessToken = null;',
      '',
      '  static async token() {',
      '    if (!GraphClient.accessToken) {',
      '      const app = new msal.ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET } });',
      "      const response = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });",
      '      GraphClient.accessToken = response.accessToken;',
      '    }',
      '    return GraphClient.accessToken;',
      '  }',
      '}',
      '',
      'module.exports = GraphClient;',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        column: 10,
        suggestions: [],
      },
    ],
  },
  {
    // msal-browser: acquireTokenSilent's accessToken destructured and kept in module scope.
    code: lines(
      "import { PublicClientApplication, type AccountInfo } from '@azure/msal-browser';",
      '',
      "export const msalInstance = new PublicClientApplication({ auth: { clientId: 'spa-client' } });",
      'let apiToken: string | undefined;',
      '',
      'export async function apiAccessToken(account: AccountInfo) {',
      '  if (apiToken) return apiToken;',
      "  const { accessToken } = await msalInstance.acquireTokenSilent({ account, scopes: ['api://orders/read'] });",
      '  apiToken = accessToken;',
      '  return apiToken;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "import { PublicClientApplication, type AccountInfo } from '@azure/msal-browser';",
              '',
              "export const msalInstance = new PublicClientApplication({ auth: { clientId: 'spa-client' } });",
              'let apiToken: string | undefined;',
              'let apiTokenExpiresAt = 0;',
              '',
              'export async function apiAccessToken(account: AccountInfo) {',
              '  if (apiToken && Date.now() < apiTokenExpiresAt) return apiToken;',
              "  const { accessToken } = await msalInstance.acquireTokenSilent({ account, scopes: ['api://orders/read'] });",
              '  apiToken = accessToken;',
              '  apiTokenExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return apiToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // @azure/identity: getToken results kept per scope in a module record.
    code: lines(
      "import { ClientSecretCredential } from '@azure/identity';",
      '',
      "const credential = new ClientSecretCredential(process.env.TENANT_ID ?? '', process.env.CLIENT_ID ?? '', process.env.CLIENT_SECRET ?? '');",
      'const tokens: Record<string, string> = {};',
      '',
      'export async function tokenFor(scope: string): Promise<string> {',
      '  if (tokens[scope]) return tokens[scope];',
      '  const accessToken = await credential.getToken(scope);',
      '  tokens[scope] = accessToken.token;',
      '  return tokens[scope];',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        column: 7,
        suggestions: [],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: the kept AuthenticationResult is reused only while expiresOn is more than 5 min away.
  lines(
    "import { ConfidentialClientApplication, type AuthenticationResult } from '@azure/msal-node';",
    '',
    "const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID ?? '', clientSecret: process.env.CLIENT_SECRET } });",
    'let cached: AuthenticationResult | null = null;',
    '',
    'export async function graphToken(): Promise<string> {',
    '  if (cached?.expiresOn && cached.expiresOn.getTime() - Date.now() > 5 * 60_000) return cached.accessToken;',
    "  cached = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });",
    "  if (!cached) throw new Error('no token');",
    '  return cached.accessToken;',
    '}',
  ),
  // Look-alike: MSAL asked per call (its own cache renews the token).
  lines(
    "const msal = require('@azure/msal-node');",
    '',
    'const cca = new msal.ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET } });',
    '',
    'async function graphToken() {',
    "  const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });",
    '  return result.accessToken;',
    '}',
    '',
    'module.exports = { graphGet: async (url) => fetch(url, { headers: { Authorization: `Bearer ${await graphToken()}` } }) };',
  ),
  // Look-alike: a getToken result reused only while expiresOnTimestamp is 2 min away.
  lines(
    "import { DefaultAzureCredential, type AccessToken } from '@azure/identity';",
    '',
    'const credential = new DefaultAzureCredential();',
    'let cached: AccessToken | null = null;',
    '',
    'export async function storageToken(): Promise<string> {',
    '  if (!cached || cached.expiresOnTimestamp - Date.now() < 2 * 60_000) {',
    "    cached = await credential.getToken('https://storage.azure.com/.default');",
    '  }',
    '  return cached!.token;',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (Microsoft identity tokens)', rule, { valid, invalid });
