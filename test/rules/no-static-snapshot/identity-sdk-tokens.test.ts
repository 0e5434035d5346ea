import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import tokenCacheRule from '../../../rules/no-module-token-cache/index.js';
import { createRuleTester } from '../../rule-tester.js';

// A token its identity SDK keeps and renews when asked again (Firebase `getIdToken`, Auth0 `getAccessTokenSilently`,
// a Cognito session's `getJwtToken`), asked once and kept in component state that later requests read. Each shape has
// a look-alike: the SDK asked at each request, a write that runs again on renewal, a test file, a module-level copy
// (no-module-token-cache's).
const lines = (...text: string[]) => text.join('\n');

const FIREBASE_STATE = lines(
  `import { useEffect, useState } from 'react';`,
  `import { onAuthStateChanged } from 'firebase/auth';`,
  `import { auth } from './firebase';`,
  'export function useOrders() {',
  '  const [idToken, setIdToken] = useState(null);',
  '  useEffect(() => onAuthStateChanged(auth, async (user) => {',
  '    if (user) setIdToken(await user.getIdToken());',
  '  }), []);',
  '  return async () => fetch("/api/orders", { headers: { Authorization: `Bearer ${idToken}` } });',
  '}',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: FIREBASE_STATE,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 7,
        data: {
          what: 'a Firebase ID token (`user.getIdToken()`)',
          where:
            'in component state `idToken`, which every later render and handler reads while the component is mounted',
          lifetime: 'after 1 h',
          symptom: 'auth/id-token-expired ("Firebase ID token has expired") from verifyIdToken',
          fix: 'Call `user.getIdToken()` where the token is used: the SDK caches it and refreshes it 5 min before it expires.',
        },
        // The async reader asks the SDK instead (identity-token-at-use.test.ts has the cases).
        suggestions: [
          {
            messageId: 'askAtUse',
            output: FIREBASE_STATE.replace('${idToken}', '${(await auth.currentUser?.getIdToken()) ?? idToken}'),
          },
        ],
      },
    ],
  },
  {
    // Auth0 React: one getAccessTokenSilently() per mount.
    code: lines(
      `import { useEffect, useState } from 'react';`,
      `import { useAuth0 } from '@auth0/auth0-react';`,
      'export function useApi() {',
      '  const { getAccessTokenSilently, isAuthenticated } = useAuth0();',
      '  const [token, setToken] = useState("");',
      '  useEffect(() => {',
      '    if (isAuthenticated) (async () => setToken(await getAccessTokenSilently()))();',
      '  }, [isAuthenticated]);',
      '  return (path) => fetch(path, { headers: { Authorization: `Bearer ${token}` } });',
      '}',
    ),
    errors: [{ messageId: 'identityTokenKept', line: 7 }],
  },
  {
    // amazon-cognito-identity-js: the ID token of one getSession() kept in state.
    code: lines(
      `import { useEffect, useState } from 'react';`,
      `import { userPool } from './pool';`,
      'export function useRecords() {',
      '  const [jwt, setJwt] = useState(null);',
      '  useEffect(() => {',
      '    userPool.getCurrentUser()?.getSession((err, session) => {',
      '      if (!err) setJwt(session.getIdToken().getJwtToken());',
      '    });',
      '  }, []);',
      '  return () => fetch("/records", { headers: { Authorization: jwt } });',
      '}',
    ),
    errors: [{ messageId: 'identityTokenKept', line: 7 }],
  },
];

const MODULE_SCOPE = lines(
  `import { onAuthStateChanged } from 'firebase/auth';`,
  `import { auth } from './firebase';`,
  'let idToken = null;',
  'onAuthStateChanged(auth, async (user) => { idToken = user ? await user.getIdToken() : null; });',
  'export const getOrders = () => fetch("/api/orders", { headers: { Authorization: `Bearer ${idToken}` } });',
);

const valid: ValidTestCase<[]>[] = [
  // onIdTokenChanged fires again whenever Firebase refreshes the token, so the state follows it.
  { code: FIREBASE_STATE.replace(/onAuthStateChanged/g, 'onIdTokenChanged') },
  // The SDK asked at each request: it answers from its cache and renews an expired token.
  {
    code: lines(
      `import axios from 'axios';`,
      `import { auth } from './firebase';`,
      `import { getAuth } from 'firebase/auth';`,
      'const api = axios.create({ baseURL: "/api" });',
      'api.interceptors.request.use(async (config) => {',
      '  const user = getAuth().currentUser;',
      '  if (user) config.headers.Authorization = `Bearer ${await user.getIdToken()}`;',
      '  return config;',
      '});',
      'export default api;',
    ),
  },
  // A test file (testCode: 'skip' by default).
  { code: FIREBASE_STATE, filename: 'src/orders.test.tsx' },
  // In module scope the copy is a cache without expiry test: no-module-token-cache's finding, not this rule's.
  { code: MODULE_SCOPE },
];

createRuleTester().run('no-static-snapshot (identity-SDK tokens kept in component state)', snapshotRule, {
  valid,
  invalid,
});

// One defect, one report: no-module-token-cache leaves the component-state copy to no-static-snapshot and keeps the
// module-level one.
createRuleTester().run(
  'no-module-token-cache (identity-SDK tokens: the split with no-static-snapshot)',
  tokenCacheRule,
  {
    valid: [{ code: FIREBASE_STATE }],
    invalid: [
      {
        code: MODULE_SCOPE,
        errors: [{ messageId: 'moduleTokenCache', line: 4 }],
      },
    ],
  },
);
