import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Tokens of identity platforms kept in module scope, in the shapes of public browser apps: the OAuth provider token of
// a Supabase session (a Google or GitHub access token Supabase never refreshes) and a Firebase ID token (1 h). The
// session or user object comes from the app's own module, so the platform's field and method names are the signal.
const lines = (...text: string[]) => text.join('\n');
const SUPABASE = `import { supabase } from './supabase';`;
const FIREBASE = `import { auth } from './firebase';`;

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    code: lines(
      SUPABASE,
      'let cachedToken: string | null = null;',
      'export async function getGoogleToken() {',
      '  if (cachedToken) return cachedToken;',
      '  const { data } = await supabase.auth.getSession();',
      '  if (data.session?.provider_token) cachedToken = data.session.provider_token;',
      '  return cachedToken;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "import { supabase } from './supabase';",
              'let cachedToken: string | null = null;',
              'let cachedTokenExpiresAt = 0;',
              'export async function getGoogleToken() {',
              '  if (cachedToken && Date.now() < cachedTokenExpiresAt) return cachedToken;',
              '  const { data } = await supabase.auth.getSession();',
              '  if (data.session?.provider_token) { cachedToken = data.session.provider_token; cachedTokenExpiresAt = Date.now() + 55 * 60 * 1000; }',
              '  return cachedToken;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

invalid.push({
  // The Google access token of a Firebase popup sign-in kept for every later Calendar call.
  code: lines(
    `import { GoogleAuthProvider, signInWithPopup } from 'firebase/auth';`,
    `import { auth } from './auth';`,
    'let googleToken = null;',
    'export async function connect() {',
    '  const result = await signInWithPopup(auth, new GoogleAuthProvider());',
    '  googleToken = GoogleAuthProvider.credentialFromResult(result).accessToken;',
    '}',
    "export const events = () => fetch('https://www.googleapis.com/calendar/v3/events', { headers: { Authorization: `Bearer ${googleToken}` } });",
  ),
  errors: [{ messageId: 'moduleTokenCache', line: 6 }],
});

// A Firebase ID token kept in module scope (a lazy fill, a Map, a helper's promise) is renewed by its SDK when asked
// again: no-static-snapshot's (the split is by source; test/rules/no-static-snapshot/renewing-token-memos.test.ts).
const valid: (string | ValidTestCase<[]>)[] = [
  lines(
    FIREBASE,
    'let idToken: string | undefined;',
    'export async function authHeaders() {',
    '  if (!idToken) idToken = await auth.currentUser?.getIdToken();',
    '  return { Authorization: `Bearer ${idToken}` };',
    '}',
  ),
  // GitHub OAuth app tokens do not expire, and another provider's static method is not Google's.
  lines(
    `import { GithubAuthProvider, signInWithPopup } from 'firebase/auth';`,
    `import { auth } from './auth';`,
    'let githubToken = null;',
    'export async function connect() {',
    '  const result = await signInWithPopup(auth, new GithubAuthProvider());',
    '  githubToken = GithubAuthProvider.credentialFromResult(result).accessToken;',
    '}',
    "export const repos = () => fetch('https://api.github.com/user/repos', { headers: { Authorization: `token ${githubToken}` } });",
  ),
  // The same token used at once by the sign-in that got it.
  lines(
    `import { GoogleAuthProvider, signInWithPopup } from 'firebase/auth';`,
    `import { auth } from './auth';`,
    'export async function connect() {',
    '  const result = await signInWithPopup(auth, new GoogleAuthProvider());',
    '  const token = GoogleAuthProvider.credentialFromResult(result).accessToken;',
    "  return fetch('https://www.googleapis.com/calendar/v3/events', { headers: { Authorization: `Bearer ${token}` } });",
    '}',
  ),
  // Kept fresh by the SDK's token listener, which fires each time the SDK refreshes the token.
  lines(
    `import { getAuth, onIdTokenChanged } from 'firebase/auth';`,
    'const auth = getAuth();',
    'let cachedToken: string | null = null;',
    'onIdTokenChanged(auth, async (user) => {',
    '  cachedToken = user ? await user.getIdToken() : null;',
    '});',
    'export async function getToken() {',
    '  if (cachedToken) return cachedToken;',
    '  return (cachedToken = (await auth.currentUser?.getIdToken()) ?? null);',
    '}',
  ),
  // Asked per use: the SDK refreshes the token itself.
  lines(
    FIREBASE,
    'export async function authHeaders() {',
    '  return { Authorization: `Bearer ${await auth.currentUser?.getIdToken()}` };',
    '}',
  ),
  // The refresh token does not expire; keeping it is not this rule's concern.
  lines(
    SUPABASE,
    'let refresh: string | null = null;',
    'export async function remember() {',
    '  if (refresh) return refresh;',
    '  const { data } = await supabase.auth.getSession();',
    '  refresh = data.session?.provider_refresh_token ?? null;',
    '  return refresh;',
    '}',
  ),
  // A synchronous method of the same name in another SDK returns an object, not a promise of a token.
  lines(
    `import { CognitoUserSession } from 'amazon-cognito-identity-js';`,
    'let idTokenObject;',
    'export function keep(session: CognitoUserSession) {',
    '  if (!idTokenObject) idTokenObject = session.getIdToken();',
    '  return idTokenObject;',
    '}',
  ),
  // The same helper in a Firebase file, asked per use.
  lines(
    `import { getAuth } from 'firebase/auth';`,
    'const auth = getAuth();',
    'const idToken = () => auth.currentUser!.getIdToken();',
    "export const me = async () => fetch('/api/me', { headers: { Authorization: `Bearer ${await idToken()}` } });",
  ),
  // The provider token kept with its expiry and renewed before it passes.
  lines(
    SUPABASE,
    'let cachedToken: string | null = null;',
    'let expiresAt = 0;',
    'export async function getGoogleToken() {',
    '  if (cachedToken && Date.now() < expiresAt) return cachedToken;',
    '  const { data } = await supabase.auth.getSession();',
    '  cachedToken = data.session?.provider_token ?? null;',
    '  expiresAt = Date.now() + 50 * 60 * 1000;',
    '  return cachedToken;',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (identity platforms)', rule, { valid, invalid });
