import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';
import { KEPT, OWN_MODULE_AUTH_TOKEN, SILENT } from './browser-identity-cases.js';

// Tokens that a browser or add-in host, or a browser sign-in library, hands to page code on request (Office and
// Teams SSO, auth0-spa-js, Amplify v6 sessions, MSAL.js): each about an hour long, each renewed by asking again.
// Kept in module scope they are reported; asked per use, kept with their expiry, or from a look-alike object they
// are not.
const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    // Office's SSO token memoised: the memo can go, Office caches the token itself.
    name: 'office',
    filename: 'app.ts',
    code: KEPT.office,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'askEachCall',
            output:
              "/* global Office */\nlet graphToken = null;\nasync function token() {\n  graphToken = await Office.auth.getAccessToken({ allowSignInPrompt: true, forMSGraphAccess: true });\n  document.title = 'signed in';\n  return graphToken;\n}\nexport const me = async () => fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${await token()}` } });",
          },
        ],
      },
    ],
  },
  {
    // The same token through a const alias of OfficeRuntime.auth (no rewrite: the fill is not a plain assignment).
    name: 'officeRuntime',
    filename: 'app.ts',
    code: KEPT.officeRuntime,
    errors: [{ messageId: 'moduleTokenCache', line: 4, suggestions: [] }],
  },
  {
    // Teams' SSO token of @microsoft/teams-js kept and reused.
    name: 'teams',
    filename: 'app.ts',
    code: KEPT.teams,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { authentication } from '@microsoft/teams-js';\nlet ssoToken: string | undefined;\nlet ssoTokenExpiresAt = 0;\nexport async function callApi(url: string) {\n  if (!ssoToken || Date.now() >= ssoTokenExpiresAt) { ssoToken = await authentication.getAuthToken(); ssoTokenExpiresAt = Date.now() + 55 * 60 * 1000; }\n  return fetch(url, { headers: { Authorization: `Bearer ${ssoToken}` } });\n}",
          },
        ],
      },
    ],
  },
  {
    // The Teams SDK as a script-tag global, memoised.
    name: 'teamsGlobal',
    filename: 'app.ts',
    code: KEPT.teamsGlobal,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'askEachCall',
            output:
              'let ssoToken = null;\nexport async function getToken() {\n  ssoToken = await microsoftTeams.authentication.getAuthToken();\n  return ssoToken;\n}',
          },
        ],
      },
    ],
  },
  {
    // auth0-spa-js's token kept instead of asking the client again.
    name: 'auth0',
    filename: 'app.ts',
    code: KEPT.auth0,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { createAuth0Client } from '@auth0/auth0-spa-js';\nconst auth0 = await createAuth0Client({ domain: 'example.eu.auth0.com', clientId: 'spa' });\nlet accessToken: string | null = null;\nlet accessTokenExpiresAt = 0;\nexport async function api(url: string) {\n  if (!accessToken || Date.now() >= accessTokenExpiresAt) { accessToken = await auth0.getTokenSilently(); accessTokenExpiresAt = Date.now() + 115 * 60 * 1000; }\n  return fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });\n}",
          },
        ],
      },
    ],
  },
  {
    // auth0-react's getAccessTokenSilently, destructured from the hook.
    name: 'auth0React',
    filename: 'app.ts',
    code: KEPT.auth0React,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { useAuth0 } from '@auth0/auth0-react';\nlet token: string | undefined;\nlet tokenExpiresAt = 0;\nexport function useApi() {\n  const { getAccessTokenSilently } = useAuth0();\n  return async (url: string) => {\n    if (!token || Date.now() >= tokenExpiresAt) { token = await getAccessTokenSilently(); tokenExpiresAt = Date.now() + 115 * 60 * 1000; }\n    return fetch(url, { headers: { Authorization: `Bearer ${token}` } });\n  };\n}",
          },
        ],
      },
    ],
  },
  {
    // The ID token of Amplify v6's session, kept as text.
    name: 'amplify',
    filename: 'app.ts',
    code: KEPT.amplify,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { fetchAuthSession } from 'aws-amplify/auth';\nlet idToken: string | undefined;\nlet idTokenExpiresAt = 0;\nexport async function api(url: string) {\n  if (!idToken || Date.now() >= idTokenExpiresAt) { idToken = (await fetchAuthSession()).tokens?.idToken?.toString(); idTokenExpiresAt = Date.now() + 55 * 60 * 1000; }\n  return fetch(url, { headers: { Authorization: `Bearer ${idToken}` } });\n}",
          },
        ],
      },
    ],
  },
  {
    // MSAL.js in the browser: the silent call's accessToken kept.
    name: 'msalBrowser',
    filename: 'app.ts',
    code: KEPT.msalBrowser,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import { PublicClientApplication } from '@azure/msal-browser';\nconst msal = new PublicClientApplication({ auth: { clientId: 'spa' } });\nlet token: string | null = null;\nlet tokenExpiresAt = 0;\nexport async function api(url: string) {\n  if (!token || Date.now() >= tokenExpiresAt) { token = (await msal.acquireTokenSilent({ scopes: ['User.Read'], account: msal.getAllAccounts()[0] })).accessToken; tokenExpiresAt = Date.now() + 55 * 60 * 1000; }\n  return fetch(url, { headers: { Authorization: `Bearer ${token}` } });\n}",
          },
        ],
      },
    ],
  },
];

const valid: ValidTestCase<[]>[] = Object.entries(SILENT).map(([name, code]) => ({ name, filename: 'app.ts', code }));

createRuleTester().run('no-module-token-cache (browser identity tokens)', rule, { valid, invalid });

/** The messages the rule reports on `code`, linted as TypeScript without type information. */
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

describe('no-module-token-cache: browser identity token messages', () => {
  const cases: [keyof typeof KEPT, RegExp, RegExp][] = [
    ['office', /typically within 60 to 90 min/, /Call `Office\.auth\.getAccessToken\(\)`.*Office caches the token/],
    ['teams', /typically within 60 to 90 min/, /Call `authentication\.getAuthToken\(\)`.*Teams caches the token/],
    ['auth0', /by default 2 h for an access token/, /Call `auth0\.getTokenSilently\(\)`.*renews it once it expires/],
    ['amplify', /after 1 h by default/, /Call `fetchAuthSession\(\)`.*Amplify refreshes the tokens/],
  ];
  for (const [name, lifetime, replacement] of cases)
    it(`${name}: names the lifetime and the call that renews it`, () => {
      const [message, ...rest] = messagesOf(KEPT[name]);
      expect(rest).toEqual([]);
      expect(message).toMatch(lifetime);
      expect(message).toMatch(replacement);
    });

  it("a method named like Teams' on the app's own module is reported as a token of unknown issuer, not as Teams'", () => {
    const [message, ...rest] = messagesOf(OWN_MODULE_AUTH_TOKEN);
    expect(rest).toEqual([]);
    expect(message).toContain('what `await authentication.getAuthToken()` resolves to');
    expect(message).not.toMatch(/Teams/);
  });
});
