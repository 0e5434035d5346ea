import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import tokenCacheRule from '../../../rules/no-module-token-cache/index.js';
import { createRuleTester } from '../../rule-tester.js';

// A token its identity SDK renews when asked again, asked once and written to app-wide state beyond a component: a
// module-level signal (SolidJS), a store (Svelte `writable`, Zustand `setState`), or the app's API client as its
// bearer (`apiClient.setToken(...)`). Look-alikes: the write runs again on renewal (`onIdTokenChanged`) or per request
// (an interceptor, a function that sets the token and then calls), a client of the call only, a test file.
const lines = (...text: string[]) => text.join('\n');

const FIREBASE = [`import { onAuthStateChanged } from 'firebase/auth';`, `import { auth } from './firebase';`];

const SIGNAL = lines(
  ...FIREBASE,
  `import { createSignal } from 'solid-js';`,
  'export const [token, setToken] = createSignal(null);',
  'onAuthStateChanged(auth, async (user) => {',
  '  setToken(user ? await user.getIdToken() : null);',
  '});',
  'export const notes = () => fetch("/api/notes", { headers: { Authorization: `Bearer ${token()}` } });',
);

const SVELTE_STORE = lines(
  ...FIREBASE,
  `import { writable } from 'svelte/store';`,
  'export const idToken = writable(null);',
  'onAuthStateChanged(auth, async (user) => {',
  '  if (user) idToken.set(await user.getIdToken());',
  '});',
);

const ZUSTAND_STORE = lines(
  ...FIREBASE,
  `import { useAuthStore } from './auth-store';`,
  'onAuthStateChanged(auth, async (user) => {',
  '  if (user) useAuthStore.setState({ user, token: await user.getIdToken() });',
  '});',
);

const API_CLIENT = lines(
  ...FIREBASE,
  `import { apiClient } from './api-client';`,
  'onAuthStateChanged(auth, async (user) => {',
  '  if (user) {',
  '    const token = await user.getIdToken();',
  '    apiClient.setToken(token);',
  '  } else {',
  '    apiClient.setToken(null);',
  '  }',
  '});',
);

const AUTH0_STORE_ACTION = lines(
  `import { useEffect } from 'react';`,
  `import { useAuth0 } from '@auth0/auth0-react';`,
  `import { useSessionStore } from './session-store';`,
  'export function SessionSync() {',
  '  const { getAccessTokenSilently, isAuthenticated } = useAuth0();',
  '  useEffect(() => {',
  '    if (isAuthenticated) getAccessTokenSilently().then((t) => useSessionStore.getState().setAccessToken(t));',
  '  }, [isAuthenticated]);',
  '  return null;',
  '}',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: SIGNAL,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 6,
        data: {
          what: 'a Firebase ID token (`user.getIdToken()`)',
          where: 'in the signal `token`, which every later reader gets for as long as it lives',
          lifetime: 'after 1 h',
          symptom: 'auth/id-token-expired ("Firebase ID token has expired") from verifyIdToken',
          fix: 'Call `user.getIdToken()` where the token is used: the SDK caches it and refreshes it 5 min before it expires.',
        },
      },
    ],
  },
  {
    code: SVELTE_STORE,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 6,
        data: {
          what: 'a Firebase ID token (`user.getIdToken()`)',
          where: 'in the store `idToken`, which hands it to every later subscriber and reader',
          lifetime: 'after 1 h',
          symptom: 'auth/id-token-expired ("Firebase ID token has expired") from verifyIdToken',
          fix: 'Call `user.getIdToken()` where the token is used: the SDK caches it and refreshes it 5 min before it expires.',
        },
      },
    ],
  },
  { code: ZUSTAND_STORE, errors: [{ messageId: 'identityTokenKept', line: 5 }] },
  {
    code: API_CLIENT,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 7,
        data: {
          what: 'a Firebase ID token (`user.getIdToken()`)',
          where: 'in the API client `apiClient` as its bearer token, which it sends with every later request',
          lifetime: 'after 1 h',
          symptom: 'auth/id-token-expired ("Firebase ID token has expired") from verifyIdToken',
          fix: 'Call `user.getIdToken()` where the token is used: the SDK caches it and refreshes it 5 min before it expires.',
        },
      },
    ],
  },
  // A store's action reached through `getState()`, given an Auth0 token once per sign-in.
  { code: AUTH0_STORE_ACTION, errors: [{ messageId: 'identityTokenKept', line: 7 }] },
];

const valid: ValidTestCase<[]>[] = [
  // onIdTokenChanged runs again whenever Firebase renews the token: the signal, the store and the client follow it.
  ...[SIGNAL, SVELTE_STORE, ZUSTAND_STORE, API_CLIENT].map((code) => ({
    code: code.replace(/onAuthStateChanged/g, 'onIdTokenChanged'),
  })),
  // A test file (testCode: 'skip' by default).
  { code: API_CLIENT, filename: 'src/auth.test.ts' },
  // Set in a request interceptor: asked for again at each request.
  {
    code: lines(
      `import { getAuth } from 'firebase/auth';`,
      `import { apiClient, http } from './api-client';`,
      'http.interceptors.request.use(async (config) => {',
      '  const user = getAuth().currentUser;',
      '  if (user) apiClient.setToken(await user.getIdToken());',
      '  return config;',
      '});',
    ),
  },
  // The function that gives the client its token makes the request with it: asked for at each use.
  {
    code: lines(
      `import { getAuth } from 'firebase/auth';`,
      `import { apiClient } from './api-client';`,
      'export async function getNotes() {',
      '  apiClient.setToken(await getAuth().currentUser.getIdToken());',
      '  return apiClient.get("/notes");',
      '}',
    ),
  },
  // A client made for the call dies with it.
  {
    code: lines(
      `import { getAuth } from 'firebase/auth';`,
      `import { ApiClient } from './api-client';`,
      'export async function getNotes() {',
      '  const client = new ApiClient();',
      '  client.setToken(await getAuth().currentUser.getIdToken());',
      '  return client;',
      '}',
    ),
  },
  // Something other than the token put in the store or handed to the client.
  {
    code: lines(
      ...FIREBASE,
      `import { apiClient } from './api-client';`,
      `import { writable } from 'svelte/store';`,
      'export const signedIn = writable(false);',
      'onAuthStateChanged(auth, async (user) => {',
      '  signedIn.set(Boolean(user));',
      '  apiClient.setUser(user?.uid ?? null);',
      '});',
    ),
  },
  // A signal that holds the token getter, not the token: the SDK is asked at each use.
  {
    code: lines(
      ...FIREBASE,
      `import { createSignal } from 'solid-js';`,
      'export const [getToken, setGetToken] = createSignal(null);',
      'onAuthStateChanged(auth, (user) => setGetToken(() => () => user.getIdToken()));',
    ),
  },
];

createRuleTester().run(
  'no-static-snapshot (identity-SDK tokens kept in a signal, a store or an API client)',
  snapshotRule,
  {
    valid,
    invalid,
  },
);

// One defect, one report: no-module-token-cache leaves these to no-static-snapshot.
createRuleTester().run('no-module-token-cache (identity-SDK tokens in app-wide state: the split)', tokenCacheRule, {
  valid: [SIGNAL, SVELTE_STORE, ZUSTAND_STORE, API_CLIENT, AUTH0_STORE_ACTION].map((code) => ({ code })),
  invalid: [],
});
