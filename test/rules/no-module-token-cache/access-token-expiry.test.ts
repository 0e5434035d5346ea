import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A kept Azure AccessToken (the whole object getToken resolves to): each reuse test also reads its own
// expiresOnTimestamp, 2 min early as the SDK pipeline does (migration-safe). A kept `.token` string has no expiry at
// hand and keeps the guessed check for a person.
const lines = (...text: string[]) => text.join('\n');
const AZURE = lines(
  `import { DefaultAzureCredential } from '@azure/identity';`,
  'const credential = new DefaultAzureCredential();',
);

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    name: 'a module `let` refilled after `if (!token)`',
    filename: 'token.js',
    code: lines(
      AZURE,
      'let token;',
      'export async function bearer() {',
      "  if (!token) token = await credential.getToken('https://vault.azure.net/.default');",
      '  return token.token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'checkExpiresOn',
            output: lines(
              AZURE,
              'let token;',
              'export async function bearer() {',
              "  if (!token || token.expiresOnTimestamp - Date.now() <= 2 * 60 * 1000) token = await credential.getToken('https://vault.azure.net/.default');",
              '  return token.token;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    name: "a singleton's field reused after `if (this.token)`",
    filename: 'client.ts',
    code: lines(
      `import { DefaultAzureCredential, type AccessToken } from '@azure/identity';`,
      'class Vault {',
      '  private token: AccessToken | null = null;',
      '  async bearer(): Promise<string> {',
      '    if (this.token) return this.token.token;',
      "    this.token = await new DefaultAzureCredential().getToken('https://vault.azure.net/.default');",
      '    return this.token!.token;',
      '  }',
      '}',
      'export const vault = new Vault();',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'checkExpiresOn',
            output: lines(
              `import { DefaultAzureCredential, type AccessToken } from '@azure/identity';`,
              'class Vault {',
              '  private token: AccessToken | null = null;',
              '  async bearer(): Promise<string> {',
              '    if (this.token && this.token.expiresOnTimestamp - Date.now() > 2 * 60 * 1000) return this.token.token;',
              "    this.token = await new DefaultAzureCredential().getToken('https://vault.azure.net/.default');",
              '    return this.token!.token;',
              '  }',
              '}',
              'export const vault = new Vault();',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: the `.token` string is kept, its expiry thrown away: only the guessed check, for a person.
    name: 'the token string kept: addExpiryCheck only',
    filename: 'token.js',
    code: lines(
      AZURE,
      'let token;',
      'export async function bearer() {',
      "  if (!token) token = (await credential.getToken('https://vault.azure.net/.default')).token;",
      '  return token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              AZURE,
              'let token;',
              'let tokenExpiresAt = 0;',
              'export async function bearer() {',
              "  if (!token || Date.now() >= tokenExpiresAt) { token = (await credential.getToken('https://vault.azure.net/.default')).token; tokenExpiresAt = Date.now() + 55 * 60 * 1000; }",
              '  return token;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  {
    filename: 'token.js',
    code: lines(
      AZURE,
      'let token;',
      'export async function bearer() {',
      "  if (!token || token.expiresOnTimestamp - Date.now() <= 2 * 60 * 1000) token = await credential.getToken('https://vault.azure.net/.default');",
      '  return token.token;',
      '}',
    ),
  },
  // Asked per use: the credential caches and refreshes.
  {
    filename: 'token.js',
    code: lines(
      AZURE,
      "export const bearer = async () => (await credential.getToken('https://vault.azure.net/.default')).token;",
    ),
  },
];

createRuleTester().run('no-module-token-cache (kept Azure AccessTokens)', rule, { valid, invalid });
