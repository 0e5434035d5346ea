import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';
import { KEPT, SILENT } from './bearer-cases.js';

// A token field (`access_token`, `accessToken`, `id_token`, `idToken`) of an awaited call the rule knows nothing
// about, or what a call named for a token resolves to (`await authClient.getAccessToken()`), kept in module scope or
// on a singleton and sent as a credential (`Authorization: Bearer`, `password:`): the shape and the use together make
// it a bearer token of unknown, typically 1 h, lifetime. Kept with a checked expiry, renewed by a timer, dropped on
// 401, per request, in a one-shot script, not sent as a credential, from a function of the file's own, or not a token
// at all (CSRF, pagination, push-device tokens, a bare `token` field or `getToken`, an API token), it is not reported.
const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    name: 'loginField',
    filename: 'app.ts',
    code: KEPT.loginField,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { api } from './api';\nlet accessToken: string | null = null;\nlet accessTokenExpiresAt = 0;\nasync function ensureToken() {\n  if (accessToken && Date.now() < accessTokenExpiresAt) return accessToken;\n  const res = await api.post('/oauth/login', { user: process.env.USER_NAME });\n  accessToken = res.data.accessToken;\n  accessTokenExpiresAt = Date.now() + 55 * 60 * 1000;\n  return accessToken;\n}\nexport async function list() {\n  const token = await ensureToken();\n  return fetch('/items', { headers: { Authorization: `Bearer ${token}` } });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'destructured',
    filename: 'app.ts',
    code: KEPT.destructured,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { ZoomClient } from 'zoom-sdk-x';\nconst zoom = new ZoomClient();\nlet cached: string | undefined;\nlet cachedExpiresAt = 0;\nexport async function headers() {\n  if (!cached || Date.now() >= cachedExpiresAt) {\n    const { access_token } = await zoom.authorize();\n    cached = access_token;\n    cachedExpiresAt = Date.now() + 55 * 60 * 1000;\n  }\n  return { Authorization: 'Bearer ' + cached };\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'singletonField',
    filename: 'app.ts',
    code: KEPT.singletonField,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { sdk } from 'vendor-sdk';\nclass TokenStore {\n  private token?: string;\n  private tokenExpiresAt = 0;\n  async get() {\n    if (!this.token || Date.now() >= this.tokenExpiresAt) { this.token = (await sdk.session()).idToken; this.tokenExpiresAt = Date.now() + 55 * 60 * 1000; }\n    return this.token;\n  }\n}\nexport const store = new TokenStore();\nexport async function call(url: string) {\n  return fetch(url, { headers: { authorization: `Bearer ${await store.get()}` } });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'password',
    filename: 'app.ts',
    code: KEPT.password,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { issuer } from 'db-auth';\nimport { Client } from 'pg';\nlet pw: string;\nlet pwExpiresAt = 0;\nexport async function connect() {\n  if (!pw || Date.now() >= pwExpiresAt) { pw = (await issuer.mint()).accessToken; pwExpiresAt = Date.now() + 55 * 60 * 1000; }\n  const c = new Client({ host: 'db', password: pw });\n  await c.connect();\n  return c;\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'namedCall',
    filename: 'app.ts',
    code: KEPT.namedCall,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { authClient } from '@vendor/auth';\nlet bearer: string | undefined;\nlet bearerExpiresAt = 0;\nexport async function call(url: string) {\n  if (!bearer || Date.now() >= bearerExpiresAt) { bearer = await authClient.getAccessToken(); bearerExpiresAt = Date.now() + 55 * 60 * 1000; }\n  return fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'namedCallTokenField',
    filename: 'app.ts',
    code: KEPT.namedCallTokenField,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { getInstallationAccessToken } from './github-app';\nlet cached: string | null = null;\nlet cachedExpiresAt = 0;\nexport async function gh(path: string) {\n  if (!cached || Date.now() >= cachedExpiresAt) { cached = (await getInstallationAccessToken(42)).token; cachedExpiresAt = Date.now() + 55 * 60 * 1000; }\n  return fetch(`https://api.github.com${path}`, { headers: { Authorization: `token ${cached}` } });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'namedCallOfHostGlobal',
    filename: 'app.ts',
    code: KEPT.namedCallOfHostGlobal,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "let graphToken = null;\nlet graphTokenExpiresAt = 0;\nasync function ensureGraphToken() {\n  if (graphToken && Date.now() < graphTokenExpiresAt) return graphToken;\n  const sso = await Host.identity.getAccessToken({ allowSignInPrompt: true });\n  graphToken = sso;\n  graphTokenExpiresAt = Date.now() + 55 * 60 * 1000;\n  return graphToken;\n}\nexport async function me() {\n  const token = await ensureGraphToken();\n  return fetch('/me', { headers: { Authorization: `Bearer ${token}` } });\n}",
          },
        ],
      },
    ],
  },
  {
    name: 'namedCallOnHeldObject',
    filename: 'app.js',
    code: KEPT.namedCallOnHeldObject,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { ServiceAuth } from './service-auth';\nclass Sheets {\n  constructor() {\n    this.auth = new ServiceAuth();\n    this.accessToken = null;\n    this.accessTokenExpiresAt = 0;\n  }\n  async read(range) {\n    if (!this.accessToken || Date.now() >= this.accessTokenExpiresAt) { this.accessToken = await this.auth.getAccessToken(); this.accessTokenExpiresAt = Date.now() + 55 * 60 * 1000; }\n    return fetch(`/values/${range}`, { headers: { Authorization: `Bearer ${this.accessToken}` } });\n  }\n}\nexport const sheets = new Sheets();",
          },
        ],
      },
    ],
  },
];

const valid: ValidTestCase<[]>[] = Object.entries(SILENT).map(([name, code]) => ({ name, filename: 'app.ts', code }));

createRuleTester().run('no-module-token-cache (bearer-shaped tokens of unknown calls)', rule, { valid, invalid });

function messagesOf(code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as never },
          plugins: { ce: { rules: { rule: rule as unknown as Rule.RuleModule } } },
          rules: { 'ce/rule': 'error' },
        },
      ],
      'app.ts',
    )
    .map((m) => m.message);
}

describe('no-module-token-cache: bearer-shaped token messages', () => {
  it('names the field, the call, the unknown lifetime and how to renew it', () => {
    const [message, ...rest] = messagesOf(KEPT.loginField);
    expect(rest).toEqual([]);
    expect(message).toContain('an access token (`accessToken` of `await api.post()`, sent as a credential)');
    expect(message).toMatch(/typically 1 h for an OAuth access token; nothing in the code says how long it lives/);
    expect(message).toMatch(/Keep its expiry with it .*and get a new one before it passes/);
  });

  it('words a same-named method of another package as an unknown issuer, not as MSAL', () => {
    const [message] = messagesOf(
      [
        "import { tokens } from 'some-oauth-lib';",
        'let graphToken;',
        'export async function graphHeaders() {',
        "  graphToken ??= (await tokens.acquireTokenByCode({ code: 'x' })).accessToken;",
        '  return { Authorization: `Bearer ${graphToken}` };',
        '}',
      ].join('\n'),
    );
    expect(message).toContain('`accessToken` of `await tokens.acquireTokenByCode()`');
    expect(message).not.toMatch(/MSAL|Entra/);
  });
});
