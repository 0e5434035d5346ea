import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import tokenCacheRule from '../../../rules/no-module-token-cache/index.js';
import { createRuleTester } from '../../rule-tester.js';

// Tokens whose SDK keeps them and renews them when asked again, asked once and kept in the page: MSAL's silent call
// (`acquireTokenSilent`, its cache and refresh token) and auth0-spa-js's ID token claims (`getIdTokenClaims().__raw`,
// the ID token the client keeps in its cache and replaces whenever it renews its tokens). A copy kept in component
// state or the browser's storage is a snapshot. Look-alikes: the SDK asked where the token is used, MSAL's popup
// result (the user is asked anew: a one-shot token, no-module-token-cache's), the same method name in a file that
// does not use Auth0, a claim other than the raw token.
const lines = (...text: string[]) => text.join('\n');

const MSAL_STATE = lines(
  `import { useEffect, useState } from 'react';`,
  `import { PublicClientApplication } from '@azure/msal-browser';`,
  "const msal = new PublicClientApplication({ auth: { clientId: 'spa' } });",
  'export function Mail() {',
  '  const [token, setToken] = useState(null);',
  '  useEffect(() => {',
  '    msal.initialize().then(async () => {',
  "      const result = await msal.acquireTokenSilent({ scopes: ['Mail.Read'], account: msal.getAllAccounts()[0] });",
  '      setToken(result.accessToken);',
  '    });',
  '  }, []);',
  "  const sync = () => fetch('https://graph.microsoft.com/v1.0/me/messages', { headers: { Authorization: `Bearer ${token}` } });",
  '  return { sync };',
  '}',
);

const AUTH0_ID_TOKEN_STORED = lines(
  `import createAuth0Client from '@auth0/auth0-spa-js';`,
  'export async function init(options) {',
  '  const auth0 = await createAuth0Client(options);',
  '  if (await auth0.isAuthenticated()) {',
  '    const claims = await auth0.getIdTokenClaims();',
  "    localStorage.setItem('id_token', claims.__raw);",
  '  }',
  '}',
  "export const graphql = (body) => fetch('/v1/graphql', { method: 'POST', body, headers: { Authorization: `Bearer ${localStorage.getItem('id_token')}` } });",
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: MSAL_STATE,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 9,
        data: {
          what: 'an access token from `msal.acquireTokenSilent()`',
          where:
            'in component state `token`, which every later render and handler reads while the component is mounted',
          lifetime: 'typically within 60 to 90 min',
          symptom: '401/403 "Lifetime validation failed. The token is expired"',
          fix: 'Use `(await msalClient.acquireTokenSilent(request)).accessToken, asked where it is used` instead (it caches and refreshes the token).',
        },
      },
    ],
  },
  { code: AUTH0_ID_TOKEN_STORED, errors: [{ messageId: 'identityTokenKept', line: 6 }] },
];

const valid: ValidTestCase<[]>[] = [
  // MSAL asked where the token is used.
  {
    code: lines(
      `import { PublicClientApplication } from '@azure/msal-browser';`,
      "const msal = new PublicClientApplication({ auth: { clientId: 'spa' } });",
      'export async function sync(account) {',
      "  const { accessToken } = await msal.acquireTokenSilent({ scopes: ['Mail.Read'], account });",
      "  return fetch('https://graph.microsoft.com/v1.0/me/messages', { headers: { Authorization: `Bearer ${accessToken}` } });",
      '}',
    ),
  },
  // MSAL's popup result: the user is asked anew each time, a one-shot token (no-module-token-cache's).
  { code: MSAL_STATE.replace('acquireTokenSilent', 'acquireTokenPopup') },
  // auth0-spa-js asked where the token is used.
  {
    code: lines(
      `import createAuth0Client from '@auth0/auth0-spa-js';`,
      'const auth0 = createAuth0Client({ domain: "example.auth0.com", clientId: "spa" });',
      'export async function graphql(body) {',
      '  const client = await auth0;',
      '  await client.getTokenSilently();',
      '  const claims = await client.getIdTokenClaims();',
      "  return fetch('/v1/graphql', { method: 'POST', body, headers: { Authorization: `Bearer ${claims.__raw}` } });",
      '}',
    ),
  },
  // A claim that is not the token, kept in the browser's storage.
  { code: AUTH0_ID_TOKEN_STORED.replace('claims.__raw', 'claims.email') },
  // Another library's `getIdTokenClaims()` (Logto's), in a file without Auth0.
  {
    code: AUTH0_ID_TOKEN_STORED.replace(
      `import createAuth0Client from '@auth0/auth0-spa-js';`,
      `import createAuth0Client from './logto-client';`,
    ),
  },
  // A test file (testCode: 'skip' by default).
  { code: MSAL_STATE, filename: 'src/mail.test.ts' },
];

createRuleTester().run('no-static-snapshot (MSAL silent and Auth0 ID tokens kept)', snapshotRule, { valid, invalid });

// One defect, one report: no-module-token-cache leaves these copies to no-static-snapshot.
createRuleTester().run('no-module-token-cache (MSAL silent and Auth0 ID tokens: the split)', tokenCacheRule, {
  valid: [MSAL_STATE, AUTH0_ID_TOKEN_STORED].map((code) => ({ code })),
  invalid: [],
});
