// A memo in front of a call whose object keeps and renews the token itself (google-auth-library `getAccessToken()`,
// MSAL `acquireTokenSilent`): `if (token) return token;` goes, so each call asks that object (askEachCall,
// migration-safe). Look-alikes keep the other suggestions: a call that skips the cache, a miss path that does other
// work, a source that does not cache. A token its identity SDK renews when asked again (Firebase `getIdToken()`) is
// no-static-snapshot's, which offers the same rewrite (test/rules/no-static-snapshot/renewing-token-memos.test.ts).
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';
import { lintAll } from '../../robust/lint-all.js';

const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    name: 'google-auth-library: a module token filled from its client, the return in a block',
    filename: 'api.ts',
    code: lines(
      `import { GoogleAuth } from 'google-auth-library';`,
      'const auth = new GoogleAuth();',
      'let token: string | null | undefined = null;',
      'export async function bearer(): Promise<string | null | undefined> {',
      '  if (token) {',
      '    return token;',
      '  }',
      '  token = await auth.getAccessToken();',
      '  return token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'askEachCall',
            output: lines(
              `import { GoogleAuth } from 'google-auth-library';`,
              'const auth = new GoogleAuth();',
              'let token: string | null | undefined = null;',
              'export async function bearer(): Promise<string | null | undefined> {',
              '  token = await auth.getAccessToken();',
              '  return token;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    name: "MSAL: acquireTokenSilent's accessToken through a const, logged on failure",
    filename: 'graph.js',
    code: lines(
      `import { PublicClientApplication } from '@azure/msal-node';`,
      "const msalApp = new PublicClientApplication({ auth: { clientId: 'c' } });",
      'let accessToken = null;',
      'export async function graphToken(account) {',
      '  if (accessToken) return accessToken;',
      '  try {',
      "    const result = await msalApp.acquireTokenSilent({ scopes: ['User.Read'], account });",
      '    accessToken = result.accessToken;',
      '  } catch (error) {',
      '    console.error(error.message);',
      '  }',
      '  return accessToken;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'askEachCall',
            output: lines(
              `import { PublicClientApplication } from '@azure/msal-node';`,
              "const msalApp = new PublicClientApplication({ auth: { clientId: 'c' } });",
              'let accessToken = null;',
              'export async function graphToken(account) {',
              '  try {',
              "    const result = await msalApp.acquireTokenSilent({ scopes: ['User.Read'], account });",
              '    accessToken = result.accessToken;',
              '  } catch (error) {',
              '    console.error(error.message);',
              '  }',
              '  return accessToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

createRuleTester().run('no-module-token-cache (memo of a self-caching call)', rule, { valid: [], invalid });

/** The suggestions no-module-token-cache offers on `code`, which it must report. */
function suggestionsOf(code: string, filename: string): (string | undefined)[] {
  const findings = lintAll(code, filename).filter((m) => m.ruleId === 'credential-expiry/no-module-token-cache');
  expect(findings).not.toEqual([]);
  return findings.flatMap((m) => (m.suggestions ?? []).map((s) => s.messageId));
}

describe('look-alikes keep the memo (no askEachCall)', () => {
  it('a call that skips the cache: skipCache', () => {
    const msal = (options: string) =>
      lines(
        `import { ConfidentialClientApplication } from '@azure/msal-node';`,
        "const app = new ConfidentialClientApplication({ auth: { clientId: 'c', clientSecret: 's' } });",
        'let token = null;',
        'export async function appToken() {',
        '  if (token) return token;',
        `  token = (await app.acquireTokenByClientCredential({ scopes: ['s'], ${options} })).accessToken;`,
        '  return token;',
        '}',
      );
    expect(suggestionsOf(msal('skipCache: true'), 'b.js')).not.toContain('askEachCall');
    expect(suggestionsOf(msal("azureRegion: 'x'"), 'b.js')).toContain('askEachCall');
  });

  it('a miss path that does other work: a client built per call', () => {
    const perCall = lines(
      `import { GoogleAuth } from 'google-auth-library';`,
      'let token = null;',
      'export async function bearer() {',
      '  if (token) return token;',
      '  token = await new GoogleAuth().getAccessToken();',
      '  return token;',
      '}',
    );
    expect(suggestionsOf(perCall, 'a.js')).not.toContain('askEachCall');
  });

  it('a memo in front of a source that does not cache (Azure getToken, an OBO exchange)', () => {
    const azure = lines(
      `import { DefaultAzureCredential } from '@azure/identity';`,
      'const credential = new DefaultAzureCredential();',
      'let token = null;',
      'export async function bearer() {',
      '  if (token) return token;',
      "  token = (await credential.getToken('https://vault.azure.net/.default')).token;",
      '  return token;',
      '}',
    );
    expect(suggestionsOf(azure, 'a.js')).not.toContain('askEachCall');
    const obo = lines(
      `import { ConfidentialClientApplication } from '@azure/msal-node';`,
      "const app = new ConfidentialClientApplication({ auth: { clientId: 'c', clientSecret: 's' } });",
      'let token = null;',
      'export async function graphToken(assertion) {',
      '  if (token) return token;',
      "  token = (await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: ['s'] })).accessToken;",
      '  return token;',
      '}',
    );
    expect(suggestionsOf(obo, 'a.js')).not.toContain('askEachCall');
  });
});
