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
// MSAL.js's kept in module scope is reported here; the others' SDKs renew them when asked again, so a kept copy is
// no-static-snapshot's; asked per use, kept with their expiry, or from a look-alike object they are not reported.
const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
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

// The hosts' and sign-in libraries' own tokens renew when asked again: kept in module scope they are
// no-static-snapshot's (the split is by source; test/rules/no-static-snapshot/renewing-token-memos.test.ts).
const RENEWED_BY_SOURCE = [
  'office',
  'officeRuntime',
  'teams',
  'teamsGlobal',
  'auth0',
  'auth0React',
  'amplify',
] as const;

const valid: ValidTestCase<[]>[] = [
  ...Object.entries(SILENT).map(([name, code]) => ({ name, filename: 'app.ts', code })),
  ...RENEWED_BY_SOURCE.map((name) => ({
    name: `${name} (no-static-snapshot's)`,
    filename: 'app.ts',
    code: KEPT[name],
  })),
];

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
  it("a method named like Teams' on the app's own module is reported as a token of unknown issuer, not as Teams'", () => {
    const [message, ...rest] = messagesOf(OWN_MODULE_AUTH_TOKEN);
    expect(rest).toEqual([]);
    expect(message).toContain('what `await authentication.getAuthToken()` resolves to');
    expect(message).not.toMatch(/Teams/);
  });
});
