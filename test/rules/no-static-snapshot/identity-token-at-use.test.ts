import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// askAtUse: a token its identity SDK renews when asked again, kept in a hook's state and sent from the component's
// async handlers. Each handler's read asks the SDK instead; the state stays for the presence tests, the hooks'
// dependencies, and as what is sent when the SDK has no user or no token. Look-alikes: a read in a sync function or
// handed on as a prop, a receiver that is not the listener's user, an auth object that may change, the output itself.
const lines = (...text: string[]) => text.join('\n');

const FIREBASE_HANDLERS = lines(
  `import { useCallback, useEffect, useState } from 'react';`,
  `import { onAuthStateChanged } from 'firebase/auth';`,
  `import { auth } from './firebase';`,
  'export function useOrders(storeId) {',
  '  const [idToken, setIdToken] = useState(null);',
  '  useEffect(() => onAuthStateChanged(auth, async (user) => {',
  '    if (user) setIdToken(await user.getIdToken());',
  '  }), []);',
  '  const load = useCallback(async () => {',
  '    if (!idToken) return;',
  "    return fetch(`/api/orders?store=${storeId}`, { headers: { 'x-id-token': idToken } });",
  '  }, [storeId, idToken]);',
  '  const send = async (body) => {',
  '    if (idToken === null) return;',
  '    return fetch("/api/orders", { method: "POST", headers: { Authorization: "Bearer " + idToken }, body });',
  '  };',
  '  return { load, send };',
  '}',
);

const FIREBASE_ASKED = FIREBASE_HANDLERS.replace(
  "{ 'x-id-token': idToken }",
  "{ 'x-id-token': (await auth.currentUser?.getIdToken()) ?? idToken }",
).replace('"Bearer " + idToken', '"Bearer " + ((await auth.currentUser?.getIdToken()) ?? idToken)');

const AUTH0_HANDLERS = lines(
  `import { useCallback, useEffect, useState } from 'react';`,
  `import { useAuth0 } from '@auth0/auth0-react';`,
  'export function useEvents(apiUrl) {',
  '  const { isAuthenticated, getAccessTokenSilently } = useAuth0();',
  '  const [token, setToken] = useState(null);',
  '  useEffect(() => {',
  '    const getToken = async () => setToken(await getAccessTokenSilently());',
  '    if (isAuthenticated) getToken();',
  '  }, [isAuthenticated, getAccessTokenSilently]);',
  '  return useCallback(async (event) => {',
  '    const headers = { token };',
  '    return fetch(apiUrl + "/events", { method: "POST", headers, body: JSON.stringify(event) });',
  '  }, [token]);',
  '}',
);

const AUTH0_ASKED = AUTH0_HANDLERS.replace('{ token }', '{ token: await getAccessTokenSilently().catch(() => token) }');

const APOLLO_LINK = lines(
  `import { useEffect, useState } from 'react';`,
  `import { setContext } from '@apollo/client/link/context';`,
  `import { useAuth0 } from '@auth0/auth0-react';`,
  'export function useAuthLink() {',
  '  const { getAccessTokenSilently } = useAuth0();',
  '  const [token, setToken] = useState("");',
  '  useEffect(() => {',
  '    (async () => setToken(await getAccessTokenSilently()))();',
  '  }, [getAccessTokenSilently]);',
  '  return setContext((_, { headers }) => ({',
  '    headers: { ...headers, authorization: token ? `Bearer ${token}` : "" },',
  '  }));',
  '}',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: FIREBASE_HANDLERS,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 7,
        suggestions: [
          {
            messageId: 'askAtUse',
            data: { ask: 'auth.currentUser?.getIdToken()', state: 'idToken', fallback: 'when no user is signed in' },
            output: FIREBASE_ASKED,
          },
        ],
      },
    ],
  },
  {
    // The auth object from `getAuth()` (the app's one instance), asked again at the use.
    code: FIREBASE_HANDLERS.replace(
      "import { onAuthStateChanged } from 'firebase/auth';",
      "import { getAuth, onAuthStateChanged } from 'firebase/auth';",
    ).replace('onAuthStateChanged(auth,', 'onAuthStateChanged(getAuth(),'),
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 7,
        suggestions: [
          {
            messageId: 'askAtUse',
            data: {
              ask: 'getAuth().currentUser?.getIdToken()',
              state: 'idToken',
              fallback: 'when no user is signed in',
            },
            output: FIREBASE_ASKED.replace(
              "import { onAuthStateChanged } from 'firebase/auth';",
              "import { getAuth, onAuthStateChanged } from 'firebase/auth';",
            )
              .replace('onAuthStateChanged(auth,', 'onAuthStateChanged(getAuth(),')
              .replace(/auth\.currentUser/g, 'getAuth().currentUser'),
          },
        ],
      },
    ],
  },
  {
    // Auth0's hook function, asked again in the handler (a shorthand property is spelt out).
    code: AUTH0_HANDLERS,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 7,
        suggestions: [
          {
            messageId: 'askAtUse',
            data: { ask: 'getAccessTokenSilently()', state: 'token', fallback: 'when the SDK cannot give a token' },
            output: AUTH0_ASKED,
          },
        ],
      },
    ],
  },
  {
    // Apollo awaits what a `setContext` setter returns, for each operation: the setter becomes async to ask there.
    code: APOLLO_LINK,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 8,
        suggestions: [
          {
            messageId: 'askAtUse',
            output: APOLLO_LINK.replace('setContext((_,', 'setContext(async (_,').replace(
              '`Bearer ${token}`',
              '`Bearer ${await getAccessTokenSilently().catch(() => token)}`',
            ),
          },
        ],
      },
    ],
  },
  // Look-alikes that stay for a person (no suggestion): a sync callback of another library, which would not await,
  {
    code: APOLLO_LINK.replace("from '@apollo/client/link/context'", "from './context'"),
    errors: [{ messageId: 'identityTokenKept', line: 8, suggestions: [] }],
  },
  // the token also handed on as a prop,
  {
    code: AUTH0_HANDLERS.replace('  return useCallback(', '  const props = { token };\n  return useCallback('),
    errors: [{ messageId: 'identityTokenKept', line: 7, suggestions: [] }],
  },
  // read in a sync function (a `.then` callback),
  {
    code: FIREBASE_HANDLERS.replace(
      '  return { load, send };',
      '  const list = () => fetch("/api/list").then(() => fetch("/api/more", { headers: { t: idToken } }));\n  return { load, send, list };',
    ),
    errors: [{ messageId: 'identityTokenKept', line: 7, suggestions: [] }],
  },
  // asked of a user that is not the listener's (a sign-in result),
  {
    code: lines(
      `import { useState } from 'react';`,
      `import { signInWithPopup } from 'firebase/auth';`,
      `import { auth, provider } from './firebase';`,
      'export function useLogin() {',
      '  const [idToken, setIdToken] = useState(null);',
      '  const login = async () => {',
      '    const result = await signInWithPopup(auth, provider);',
      '    setIdToken(await result.user.getIdToken());',
      '  };',
      '  const send = async () => fetch("/api", { headers: { Authorization: `Bearer ${idToken}` } });',
      '  return { login, send };',
      '}',
    ),
    errors: [{ messageId: 'identityTokenKept', line: 8, suggestions: [] }],
  },
  // the listener's auth object a variable that changes,
  {
    code: FIREBASE_HANDLERS.replace(
      "import { auth } from './firebase';",
      'let auth = null;\nexport const use = (a) => { auth = a; };',
    ),
    errors: [{ messageId: 'identityTokenKept', line: 8, suggestions: [] }],
  },
  // a token forced past the cache (`getIdToken(true)`), which the SDK would not give back from it.
  {
    code: FIREBASE_HANDLERS.replace('user.getIdToken()', 'user.getIdToken(true)'),
    errors: [{ messageId: 'identityTokenKept', line: 7, suggestions: [] }],
  },
];

const valid: ValidTestCase<[]>[] = [
  // The migrated outputs: every read tests the state, names it as a dependency, or stands in after the SDK is asked.
  { code: FIREBASE_ASKED },
  { code: AUTH0_ASKED },
  {
    code: APOLLO_LINK.replace('setContext((_,', 'setContext(async (_,').replace(
      '`Bearer ${token}`',
      '`Bearer ${await getAccessTokenSilently().catch(() => token)}`',
    ),
  },
  // A state only tested for presence (a signed-in flag) sends nothing.
  {
    code: lines(
      `import { useEffect, useState } from 'react';`,
      `import { useAuth0 } from '@auth0/auth0-react';`,
      'export function useSignedIn() {',
      '  const { getAccessTokenSilently } = useAuth0();',
      '  const [token, setToken] = useState("");',
      '  useEffect(() => { (async () => setToken(await getAccessTokenSilently()))(); }, [getAccessTokenSilently]);',
      '  useEffect(() => { if (token) console.log("signed in"); }, [token]);',
      '  return token !== "";',
      '}',
    ),
  },
];

createRuleTester().run('no-static-snapshot (identity-SDK token asked again where it is sent)', snapshotRule, {
  valid,
  invalid,
});
