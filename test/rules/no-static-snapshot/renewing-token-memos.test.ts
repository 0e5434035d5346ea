// A token its identity SDK keeps and renews when asked again (Firebase `getIdToken()`, a Cognito session's
// `getJwtToken()`, Amplify's `fetchAuthSession()`, Office and Teams SSO, auth0-spa-js), asked once and kept in a module
// variable: a memo (`if (token) return token;`), a lazy fill, a Map, a client built from it. The split is by source,
// so these are no-static-snapshot's, reported at the variable; a memo in front of the SDK's call loses its early
// return (askEachCall, the one rewrite no-module-token-cache offers for other self-caching calls). Look-alikes: the SDK
// asked at each call, a memo behind a right-direction expiry test, a copy kept only as a signed-in flag, a memo whose
// miss path does other work or that holds tokens from elsewhere (reported, no rewrite).
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import tokenCacheRule from '../../../rules/no-module-token-cache/index.js';
import { createRuleTester } from '../../rule-tester.js';
import { lintAll } from '../../robust/lint-all.js';
import { KEPT } from '../no-module-token-cache/browser-identity-cases.js';

const lines = (...text: string[]) => text.join('\n');
const FIREBASE = lines(`import { getAuth } from 'firebase/auth';`, 'export const auth = getAuth();');
const FIREBASE_APP = `import { auth } from './firebase';`;

const firebaseMemo = (fill: string, extra: string[] = []) =>
  lines(
    FIREBASE,
    'let cachedIdToken = null;',
    'export async function idToken() {',
    '  if (cachedIdToken) return cachedIdToken;',
    '  if (auth.currentUser) {',
    `    cachedIdToken = await auth.currentUser.${fill};`,
    '    return cachedIdToken;',
    '  }',
    '  return null;',
    '}',
    ...extra,
  );
const SIGN_OUT = ['export function signedOut() {', '  cachedIdToken = null;', '}'];

const APOLLO = lines(
  "import { ApolloClient, InMemoryCache } from '@apollo/client';",
  "import { Auth } from 'aws-amplify';",
  'let client: ApolloClient<object> | undefined;',
  'export async function appSyncClient() {',
  '  if (client) return client;',
  '  const session = await Auth.currentSession();',
  '  client = new ApolloClient({ uri: process.env.APPSYNC_URL, cache: new InMemoryCache(), headers: { Authorization: session.getIdToken().getJwtToken() } });',
  '  return client;',
  '}',
);

/** The memo-shaped and module-variable copies that moved from no-module-token-cache with the split. */
const MOVED: Readonly<Record<string, string>> = {
  firebaseLazy: lines(
    FIREBASE_APP,
    'let idToken: string | undefined;',
    'export async function authHeaders() {',
    '  if (!idToken) idToken = await auth.currentUser?.getIdToken();',
    '  return { Authorization: `Bearer ${idToken}` };',
    '}',
  ),
  // Forcing a refresh once does not make the kept copy refresh itself.
  firebaseMap: lines(
    FIREBASE_APP,
    'const tokens = new Map<string, string>();',
    'export async function tokenFor(uid: string) {',
    '  if (!tokens.has(uid)) tokens.set(uid, await auth.currentUser!.getIdToken(true));',
    '  return tokens.get(uid);',
    '}',
  ),
  // The promise returned by a helper of a file that imports Firebase Auth, then kept.
  firebaseHelper: lines(
    `import { getAuth } from 'firebase/auth';`,
    'const auth = getAuth();',
    'const idToken = () => auth.currentUser!.getIdToken();',
    'let kept: string | undefined;',
    'export async function token() {',
    '  if (!kept) kept = await idToken();',
    '  return kept;',
    '}',
  ),
  // An Apollo client built once with a Cognito ID token in its headers.
  apollo: APOLLO,
  officeRuntime: KEPT.officeRuntime,
  teams: KEPT.teams,
  auth0: KEPT.auth0,
  auth0React: KEPT.auth0React,
  amplify: KEPT.amplify,
};

const MOVED_LINES: Readonly<Record<string, number>> = {
  firebaseLazy: 2,
  firebaseMap: 2,
  firebaseHelper: 4,
  apollo: 3,
  officeRuntime: 2,
  teams: 2,
  auth0: 3,
  auth0React: 2,
  amplify: 2,
};

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    name: 'Firebase: the ID token memo goes; clearing it at sign-out stays',
    filename: 'auth.js',
    code: firebaseMemo('getIdToken()', SIGN_OUT),
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 3,
        suggestions: [
          {
            messageId: 'askEachCall',
            output: firebaseMemo('getIdToken()', SIGN_OUT).replace('  if (cachedIdToken) return cachedIdToken;\n', ''),
          },
        ],
      },
    ],
  },
  {
    // Office's SSO token memoised: the memo can go, Office caches the token itself.
    name: 'office',
    filename: 'app.ts',
    code: KEPT.office,
    errors: [
      {
        messageId: 'identityTokenKept',
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
    // The Teams SDK as a script-tag global, memoised.
    name: 'teamsGlobal',
    filename: 'app.ts',
    code: KEPT.teamsGlobal,
    errors: [
      {
        messageId: 'identityTokenKept',
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
  ...Object.entries(MOVED).map(([name, code]) => ({
    name,
    filename: 'app.ts',
    code,
    errors: [{ messageId: 'identityTokenKept' as const, line: MOVED_LINES[name], suggestions: [] }],
  })),
];

const valid: ValidTestCase<[]>[] = [
  // The SDK asked at each call: nothing is kept.
  lines(
    FIREBASE,
    'export async function authHeaders() {',
    '  return { Authorization: `Bearer ${await auth.currentUser?.getIdToken()}` };',
    '}',
  ),
  // A memo behind a right-direction expiry test on the token's own expiry time.
  lines(
    FIREBASE,
    'let cached = null;',
    'export async function idToken() {',
    '  if (cached && cached.expiresAt - Date.now() > 5 * 60 * 1000) return cached.token;',
    '  const result = await auth.currentUser.getIdTokenResult();',
    '  cached = { token: await auth.currentUser.getIdToken(), expiresAt: Date.parse(result.expirationTime) };',
    '  return cached.token;',
    '}',
  ),
  // Kept only as a signed-in flag: every read tests whether there is one; the bearer is asked of the SDK per call.
  lines(
    `import { getAuth, onAuthStateChanged } from 'firebase/auth';`,
    'export class AuthService {',
    '  private token: string | null = null;',
    '  constructor() {',
    '    onAuthStateChanged(getAuth(), async (user) => {',
    '      this.token = user ? await user.getIdToken() : null;',
    '    });',
    '  }',
    '  async bearer() {',
    '    return getAuth().currentUser?.getIdToken();',
    '  }',
    '  isLoggedIn() {',
    '    return this.token !== null;',
    '  }',
    '}',
    'export const authService = new AuthService();',
  ),
  // The write runs again whenever Firebase renews the token.
  lines(
    `import { onIdTokenChanged } from 'firebase/auth';`,
    FIREBASE_APP,
    'let idToken = null;',
    'onIdTokenChanged(auth, async (user) => { idToken = user ? await user.getIdToken() : null; });',
    'export const getOrders = () => fetch("/api/orders", { headers: { Authorization: `Bearer ${idToken}` } });',
  ),
].map((code) => ({ code, filename: 'app.ts' }));

createRuleTester().run('no-static-snapshot (a renewing token kept in a module variable)', rule, { valid, invalid });

// One defect, one report: no-module-token-cache leaves every one of these to no-static-snapshot.
createRuleTester().run('no-module-token-cache (a renewing token kept in a module variable)', tokenCacheRule, {
  valid: [firebaseMemo('getIdToken()', SIGN_OUT), KEPT.office, KEPT.teamsGlobal, ...Object.values(MOVED)].map(
    (code) => ({ code, filename: 'app.ts' }),
  ),
  invalid: [],
});

/** The suggestions no-static-snapshot offers on `code`, which it must report. */
function suggestionsOf(code: string, filename: string): (string | undefined)[] {
  const findings = lintAll(code, filename).filter((m) => m.ruleId === 'credential-expiry/no-static-snapshot');
  expect(findings).not.toEqual([]);
  return findings.flatMap((m) => (m.suggestions ?? []).map((s) => s.messageId));
}

describe('look-alikes keep the memo (reported, no askEachCall)', () => {
  it('a call that skips the cache: getIdToken(true)', () => {
    expect(suggestionsOf(firebaseMemo('getIdToken(true)'), 'a.js')).not.toContain('askEachCall');
    expect(suggestionsOf(firebaseMemo('getIdToken()'), 'a.js')).toContain('askEachCall');
  });

  it('a write that holds a token from elsewhere (a setter)', () => {
    const setter = ['export function setIdToken(value) {', '  cachedIdToken = value;', '}'];
    expect(suggestionsOf(firebaseMemo('getIdToken()', setter), 'a.js')).not.toContain('askEachCall');
  });

  it('a miss path that does other work: a sign-in popup', () => {
    const popup = lines(
      `import { getAuth, signInWithPopup, GoogleAuthProvider } from 'firebase/auth';`,
      'const auth = getAuth();',
      'let cachedIdToken = null;',
      'export async function idToken() {',
      '  if (cachedIdToken) return cachedIdToken;',
      '  const result = await signInWithPopup(auth, new GoogleAuthProvider());',
      '  cachedIdToken = await result.user.getIdToken();',
      '  return cachedIdToken;',
      '}',
    );
    expect(suggestionsOf(popup, 'a.js')).not.toContain('askEachCall');
  });

  it('a memo nested in a branch', () => {
    const nested = firebaseMemo('getIdToken()').replace(
      '  if (cachedIdToken) return cachedIdToken;',
      '  if (auth.app) { if (cachedIdToken) return cachedIdToken; }',
    );
    expect(suggestionsOf(nested, 'a.js')).not.toContain('askEachCall');
  });

  it('a user handed in as a parameter: the memo is what makes every caller get the first one', () => {
    const handedIn = lines(
      FIREBASE,
      'let cachedIdToken = null;',
      'export async function idToken(user) {',
      '  if (cachedIdToken) return cachedIdToken;',
      '  cachedIdToken = await user.getIdToken();',
      '  return cachedIdToken;',
      '}',
    );
    expect(suggestionsOf(handedIn, 'a.js')).not.toContain('askEachCall');
  });
});

describe('no-static-snapshot: a renewing token memo names what fails, when, and the call to ask instead', () => {
  const cases: [keyof typeof KEPT, RegExp, RegExp][] = [
    ['office', /typically within 60 to 90 min/, /Call `Office\.auth\.getAccessToken\(\)`.*Office caches the token/],
    ['teams', /typically within 60 to 90 min/, /Call `authentication\.getAuthToken\(\)`.*Teams caches the token/],
    ['auth0', /by default 2 h for an access token/, /Call `auth0\.getTokenSilently\(\)`.*renews it once it expires/],
    ['amplify', /after 1 h by default/, /Call `fetchAuthSession\(\)`.*Amplify refreshes the tokens/],
  ];
  for (const [name, lifetime, replacement] of cases)
    it(`${name}: names the lifetime and the call that renews it`, () => {
      const [message, ...rest] = lintAll(KEPT[name], 'app.ts').filter((m) =>
        m.ruleId?.startsWith('credential-expiry/'),
      );
      expect(rest).toEqual([]);
      expect(message?.ruleId).toBe('credential-expiry/no-static-snapshot');
      expect(message?.message).toMatch(/module scope: the SDK renews the token only when it is asked again/);
      expect(message?.message).toMatch(lifetime);
      expect(message?.message).toMatch(replacement);
    });
});
