import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A token cache filled from a helper of the file that returns the token field of its token response
// (`token = await fetchToken()`, where `fetchToken` ends `return body.access_token`): the response's own `expires_in`
// is stamped in the helper, just before that return, when nothing but this write calls the helper.
const lines = (...text: string[]) => text.join('\n');
const REQUEST =
  "  const res = await fetch('https://auth.example.com/oauth/token', { method: 'POST', body: 'grant_type=client_credentials' });";

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    name: 'a helper that returns the inline body of its response: a const holds the body first',
    filename: 'token.js',
    code: lines(
      'let token = null;',
      'async function fetchToken() {',
      REQUEST,
      '  return (await res.json()).access_token;',
      '}',
      'export async function bearer() {',
      '  if (!token) {',
      '    token = await fetchToken();',
      '  }',
      '  return `Bearer ${token}`;',
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
              'let token = null;',
              'let tokenExpiresAt = 0;',
              'async function fetchToken() {',
              REQUEST,
              '  const tokenResponse = await res.json();',
              '  tokenExpiresAt = Date.now() + (tokenResponse.expires_in - 300) * 1000;',
              '  return tokenResponse.access_token;',
              '}',
              'export async function bearer() {',
              '  if (!token || Date.now() >= tokenExpiresAt) {',
              '    token = await fetchToken();',
              '  }',
              '  return `Bearer ${token}`;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'a TypeScript helper whose body is asserted without expires_in: the type literal gets it',
    filename: 'token.ts',
    code: lines(
      'let token: string | null = null;',
      'async function fetchToken() {',
      REQUEST,
      '  const data = (await res.json()) as { access_token: string };',
      '  return data.access_token;',
      '}',
      'export async function bearer() {',
      '  if (!token) token = await fetchToken();',
      '  return `Bearer ${token}`;',
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
              'let token: string | null = null;',
              'let tokenExpiresAt = 0;',
              'async function fetchToken() {',
              REQUEST,
              '  const data = (await res.json()) as { access_token: string; expires_in: number };',
              '  tokenExpiresAt = Date.now() + (data.expires_in - 300) * 1000;',
              '  return data.access_token;',
              '}',
              'export async function bearer() {',
              '  if (!token || Date.now() >= tokenExpiresAt) token = await fetchToken();',
              '  return `Bearer ${token}`;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    name: "a singleton's field filled by its private method, whose response is declared with a type alias that has expires_in",
    filename: 'client.ts',
    code: lines(
      'type TokenResponse = Readonly<{ access_token: string; expires_in: number }>;',
      'class Reports {',
      '  private token: string | undefined;',
      '  private async fetchToken(): Promise<string> {',
      "    const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST' });",
      '    const body: TokenResponse = await res.json();',
      '    return body.access_token;',
      '  }',
      '  async list() {',
      '    if (!this.token) this.token = await this.fetchToken();',
      "    return fetch('https://api.example.com/reports', { headers: { Authorization: `Bearer ${this.token}` } });",
      '  }',
      '}',
      'export const reports = new Reports();',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output: lines(
              'type TokenResponse = Readonly<{ access_token: string; expires_in: number }>;',
              'class Reports {',
              '  private token: string | undefined;',
              '  private tokenExpiresAt = 0;',
              '  private async fetchToken(): Promise<string> {',
              "    const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST' });",
              '    const body: TokenResponse = await res.json();',
              '    this.tokenExpiresAt = Date.now() + (body.expires_in - 300) * 1000;',
              '    return body.access_token;',
              '  }',
              '  async list() {',
              '    if (!this.token || Date.now() >= this.tokenExpiresAt) this.token = await this.fetchToken();',
              "    return fetch('https://api.example.com/reports', { headers: { Authorization: `Bearer ${this.token}` } });",
              '  }',
              '}',
              'export const reports = new Reports();',
            ),
          },
        ],
      },
    ],
  },
];

createRuleTester().run('no-module-token-cache (token from a helper of the file)', rule, { valid: [], invalid });

/** The suggestions the rule offers for the one finding in `code`. */
function suggestionIds(code: string, filename: string): (string | undefined)[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        plugins: { ce: { rules: { 'no-module-token-cache': rule as never } } },
        languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
        rules: { 'ce/no-module-token-cache': 'error' },
      },
    ],
    { filename },
  );
  expect(messages.map((m) => m.messageId)).toEqual(['moduleTokenCache']);
  return (messages[0].suggestions ?? []).map((s) => s.messageId);
}

const HELPER = (returned: string) =>
  lines('async function fetchToken() {', REQUEST, '  const data = await res.json();', returned, '}');
const CACHE = lines(
  'export async function bearer() {',
  '  if (!token) token = await fetchToken();',
  '  return `Bearer ${token}`;',
  '}',
);

describe('no-module-token-cache: helpers whose response is not the one the cache keeps (look-alikes)', () => {
  const cases: [string, string, string][] = [
    [
      'the helper is called elsewhere too',
      'token.js',
      lines(
        'let token = null;',
        HELPER('  return data.access_token;'),
        CACHE,
        'export const probe = () => fetchToken();',
      ),
    ],
    [
      'the helper is exported',
      'token.js',
      lines('let token = null;', `export ${HELPER('  return data.access_token;')}`, CACHE),
    ],
    [
      'the helper returns a field of a response kept outside it',
      'token.js',
      lines(
        'let token = null;',
        'let last = null;',
        'async function fetchToken() {',
        REQUEST,
        '  last = await res.json();',
        '  return last.access_token;',
        '}',
        CACHE,
      ),
    ],
    [
      'the helper returns early too',
      'token.js',
      lines(
        'let token = null;',
        'async function fetchToken() {',
        '  if (process.env.STATIC_TOKEN) return process.env.STATIC_TOKEN;',
        REQUEST,
        '  const data = await res.json();',
        '  return data.access_token;',
        '}',
        CACHE,
      ),
    ],
    [
      'a public method other modules may call on the shared instance',
      'client.js',
      lines(
        'class Api {',
        '  constructor() { this.token = null; }',
        '  async fetchToken() {',
        `  ${REQUEST}`,
        '    const data = await res.json();',
        '    return data.access_token;',
        '  }',
        '  async get() {',
        '    if (!this.token) this.token = await this.fetchToken();',
        "    return fetch('https://api.example.com/x', { headers: { Authorization: `Bearer ${this.token}` } });",
        '  }',
        '}',
        'export const api = new Api();',
      ),
    ],
  ];
  for (const [name, filename, code] of cases) {
    it(`${name}: the guessed expiry check, not the response's lifetime`, () => {
      expect(suggestionIds(code, filename)).toEqual(['addExpiryCheck']);
    });
  }
});
