import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import tokenCacheRule from '../../../rules/no-module-token-cache/index.js';
import { createRuleTester } from '../../rule-tester.js';

// More identity SDKs that keep the signed-in user's token and renew it when asked again: Clerk's `getToken()` (a
// 60 s session token), Okta's `oktaAuth.getAccessToken()` (the token manager renews it), Supabase's
// `supabase.auth.getSession()` (the client refreshes the session). A copy kept in state is
// a snapshot. Look-alikes: the SDK asked where the token is used, the same method name in a file that does not use
// the SDK (an app's own `getToken` helper, another library's `getAccessToken`), a test file.
const lines = (...text: string[]) => text.join('\n');

const CLERK_STATE = lines(
  `import { useEffect, useState } from 'react';`,
  `import { useAuth } from '@clerk/clerk-react';`,
  'export function useApi() {',
  '  const { getToken, isSignedIn } = useAuth();',
  '  const [token, setToken] = useState(null);',
  '  useEffect(() => {',
  '    (async () => { if (isSignedIn) setToken(await getToken()); })();',
  '  }, [isSignedIn]);',
  '  return (path) => fetch(path, { headers: { Authorization: `Bearer ${token}` } });',
  '}',
);

const OKTA_CLIENT = lines(
  `import { OktaAuth } from '@okta/okta-auth-js';`,
  `import { apiClient } from './api';`,
  "export const oktaAuth = new OktaAuth({ issuer: 'https://example.okta.com/oauth2/default', clientId: 'spa' });",
  'oktaAuth.authStateManager.subscribe((authState) => {',
  '  if (authState.isAuthenticated) apiClient.setToken(oktaAuth.getAccessToken());',
  '});',
);

const OKTA_STATE = lines(
  `import { useEffect, useState } from 'react';`,
  `import { useOktaAuth } from '@okta/okta-react';`,
  'export function useOrders() {',
  '  const { oktaAuth, authState } = useOktaAuth();',
  '  const [token, setToken] = useState(null);',
  '  useEffect(() => { if (authState?.isAuthenticated) setToken(oktaAuth.getAccessToken()); }, [authState]);',
  "  return () => fetch('/api/orders', { headers: { Authorization: `Bearer ${token}` } });",
  '}',
);

const SUPABASE_STATE = lines(
  `import { useEffect, useState } from 'react';`,
  `import { supabase } from './supabase';`,
  'export function useApi() {',
  '  const [token, setToken] = useState(null);',
  '  useEffect(() => {',
  '    (async () => {',
  '      const { data: { session } } = await supabase.auth.getSession();',
  '      setToken(session?.access_token ?? null);',
  '    })();',
  '  }, []);',
  '  return (path) => fetch(path, { headers: { Authorization: `Bearer ${token}` } });',
  '}',
);

const SUPABASE_SESSION_KEPT = (reader: string) =>
  lines(
    `import { useEffect, useState } from 'react';`,
    `import { supabase } from './supabase';`,
    'export function useSession() {',
    '  const [session, setSession] = useState(null);',
    '  useEffect(() => {',
    '    (async () => { const { data } = await supabase.auth.getSession(); setSession(data.session); })();',
    '  }, []);',
    `  return ${reader};`,
    '}',
  );

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: SUPABASE_STATE,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 8,
        data: {
          what: 'a Supabase access token (`supabase.auth.getSession()`)',
          where:
            'in component state `token`, which every later render and handler reads while the component is mounted',
          lifetime: "after its expires_at (the project's JWT expiry, 1 h by default)",
          symptom: '401 Unauthorized (invalid_token)',
          fix: 'Call `supabase.auth.getSession()` where the token is used, or keep the copy current from `supabase.auth.onAuthStateChange` (it runs again with each refreshed session).',
        },
      },
    ],
  },
  // The session kept whole and its token read from the copy.
  {
    code: SUPABASE_SESSION_KEPT(
      '() => fetch("/api", { headers: { Authorization: `Bearer ${session.access_token}` } })',
    ),
    errors: [{ messageId: 'identityTokenKept', line: 6 }],
  },
  // Handed to the app's API client at sign-in.
  {
    code: lines(
      `import { supabase } from './supabase';`,
      `import { apiClient } from './api';`,
      'export async function signIn(email, password) {',
      '  await supabase.auth.signInWithPassword({ email, password });',
      '  const { data } = await supabase.auth.getSession();',
      '  apiClient.setToken(data.session.access_token);',
      '}',
    ),
    errors: [{ messageId: 'identityTokenKept', line: 6 }],
  },
  {
    code: CLERK_STATE,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 7,
        data: {
          what: 'a Clerk session token (`getToken()`)',
          where:
            'in component state `token`, which every later render and handler reads while the component is mounted',
          lifetime: 'after 60 s',
          symptom: '401 Unauthorized (invalid_token)',
          fix: 'Call `getToken()` where the token is used: Clerk caches the session token and fetches a new one shortly before it expires.',
        },
      },
    ],
  },
  {
    code: OKTA_CLIENT,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 5,
        data: {
          what: 'an Okta access token (`oktaAuth.getAccessToken()`)',
          where: 'in the API client `apiClient` as its bearer token, which it sends with every later request',
          lifetime: 'after its expiresAt (1 h on the org authorization server, 5 min to 24 h as configured)',
          symptom: '401 Unauthorized (invalid_token)',
          fix: 'Call `oktaAuth.getAccessToken()` where the token is used (the token manager renews it before it expires), or `await oktaAuth.getOrRenewAccessToken()`.',
        },
      },
    ],
  },
  { code: OKTA_STATE, errors: [{ messageId: 'identityTokenKept', line: 6 }] },
];

const valid: ValidTestCase<[]>[] = [
  // The SDK asked where the token is used.
  {
    code: lines(
      `import { useAuth } from '@clerk/clerk-react';`,
      'export function useApi() {',
      '  const { getToken } = useAuth();',
      '  return async (path) => fetch(path, { headers: { Authorization: `Bearer ${await getToken()}` } });',
      '}',
    ),
  },
  {
    code: lines(
      `import { useOktaAuth } from '@okta/okta-react';`,
      'export function useOrders() {',
      '  const { oktaAuth } = useOktaAuth();',
      "  return () => fetch('/api/orders', { headers: { Authorization: `Bearer ${oktaAuth.getAccessToken()}` } });",
      '}',
    ),
  },
  // The app's own `getToken` in a file that does not use Clerk: not Clerk's renewing token.
  { code: CLERK_STATE.replace(`import { useAuth } from '@clerk/clerk-react';`, `import { useAuth } from './auth';`) },
  // Another library's `getAccessToken()` given to the client in a file without Okta.
  {
    code: OKTA_CLIENT.replace(
      `import { OktaAuth } from '@okta/okta-auth-js';`,
      `import { OktaAuth } from './okta-shim';`,
    ),
  },
  // Clerk's server-side `getToken()` of one request, used for that request only.
  {
    code: lines(
      `import { auth } from '@clerk/nextjs/server';`,
      'export async function GET() {',
      '  const { getToken } = await auth();',
      "  const token = await getToken({ template: 'supabase' });",
      "  return fetch('https://db.example.com/rest', { headers: { Authorization: `Bearer ${token}` } });",
      '}',
    ),
  },
  // A test file (testCode: 'skip' by default).
  { code: CLERK_STATE, filename: 'src/use-api.test.tsx' },
  // Supabase's own pattern: the same state is written again from onAuthStateChange, which runs with each refreshed
  // session (TOKEN_REFRESHED).
  {
    code: SUPABASE_STATE.replace(
      '  }, []);',
      lines(
        '    const { data } = supabase.auth.onAuthStateChange((_event, session) => setToken(session?.access_token ?? null));',
        '    return () => data.subscription.unsubscribe();',
        '  }, []);',
      ),
    ),
  },
  // The session kept whole for the user it names, its token never read from the copy.
  { code: SUPABASE_SESSION_KEPT('session?.user.email') },
  // Not the token: the user's id.
  { code: SUPABASE_STATE.replace('session?.access_token', 'session?.user.id') },
  // The Google/GitHub provider token of the session: a third party's token that Supabase does not renew, so asking
  // getSession() again gives the same one; not a snapshot of a renewing source.
  { code: SUPABASE_STATE.replace('session?.access_token', 'session?.provider_token') },
  // `getSession()` of another object (not `*.auth`): amazon-cognito-identity-js's user, next-auth.
  {
    code: lines(
      `import { useEffect, useState } from 'react';`,
      `import { getSession } from 'next-auth/react';`,
      'export function useApi() {',
      '  const [token, setToken] = useState(null);',
      '  useEffect(() => { (async () => { const s = await getSession(); setToken(s?.data?.session?.access_token); })(); }, []);',
      '  return token;',
      '}',
    ),
  },
];

createRuleTester().run('no-static-snapshot (Clerk, Okta and Supabase tokens kept)', snapshotRule, { valid, invalid });

// One defect, one report: no-module-token-cache leaves these copies to no-static-snapshot.
createRuleTester().run('no-module-token-cache (Clerk, Okta and Supabase tokens: the split)', tokenCacheRule, {
  valid: [CLERK_STATE, OKTA_CLIENT, OKTA_STATE, SUPABASE_STATE].map((code) => ({ code })),
  invalid: [],
});
