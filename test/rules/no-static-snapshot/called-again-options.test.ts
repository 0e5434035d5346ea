import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import tokenCache from '../../../rules/no-module-token-cache/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A short-lived token handed as a plain value to an option the library also accepts as a function it calls again
// (CALLED_AGAIN_OPTIONS: AppSync `auth.jwtToken` per request, socket.io `auth` per (re)connection), in a client
// that lives longer than the token.
const lines = (...text: string[]) => text.join('\n');

const appSyncOnce = lines(
  "import { Auth } from 'aws-amplify';",
  "import AWSAppSyncClient, { AUTH_TYPE } from 'aws-appsync';",
  'const config = {',
  "  url: 'https://example.appsync-api.us-east-1.amazonaws.com/graphql',",
  "  region: 'us-east-1',",
  '  auth: { type: AUTH_TYPE.AMAZON_COGNITO_USER_POOLS, jwtToken: (await Auth.currentSession()).getAccessToken().getJwtToken() },',
  '};',
  'export const client = new AWSAppSyncClient(config);',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // The app-wide AppSync client built at load with the access token as a string.
    code: appSyncOnce,
    errors: [
      {
        messageId: 'fixedCalledAgainOption',
        line: 6,
        // The option's function form with the same expression: the link calls it for each operation.
        suggestions: [
          {
            messageId: 'askOptionPerUse',
            output: appSyncOnce.replace('jwtToken: (await', 'jwtToken: async () => (await'),
          },
        ],
      },
    ],
  },
  {
    // A memoised Apollo client whose auth link was given the ID token as a string.
    code: lines(
      "import { Auth } from 'aws-amplify';",
      "import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';",
      "import { createAuthLink } from 'aws-appsync-auth-link';",
      'let shared;',
      'export async function graphqlClient() {',
      '  if (shared) return shared;',
      "  const appSync = { url: '/graphql', region: 'eu-west-1', auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: (await Auth.currentSession()).getIdToken().getJwtToken() } };",
      '  shared = new ApolloClient({ link: ApolloLink.from([createAuthLink(appSync), new HttpLink({ uri: appSync.url })]), cache: new InMemoryCache() });',
      '  return shared;',
      '}',
    ),
    errors: [
      {
        messageId: 'fixedCalledAgainOption',
        line: 7,
        suggestions: [
          {
            messageId: 'askOptionPerUse',
            output: lines(
              "import { Auth } from 'aws-amplify';",
              "import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';",
              "import { createAuthLink } from 'aws-appsync-auth-link';",
              'let shared;',
              'export async function graphqlClient() {',
              '  if (shared) return shared;',
              "  const appSync = { url: '/graphql', region: 'eu-west-1', auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: async () => (await Auth.currentSession()).getIdToken().getJwtToken() } };",
              '  shared = new ApolloClient({ link: ApolloLink.from([createAuthLink(appSync), new HttpLink({ uri: appSync.url })]), cache: new InMemoryCache() });',
              '  return shared;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike for the function form: the session object is a `let` the app may replace, so the token's
    // expression could read another one later; and socket.io's `auth` takes a callback: both left for a person.
    code: lines(
      "import { Auth } from 'aws-amplify';",
      "import AWSAppSyncClient from 'aws-appsync';",
      'let auth = Auth;',
      "export const client = new AWSAppSyncClient({ url: '/graphql', region: 'us-east-1', auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: (await auth.currentSession()).getIdToken().getJwtToken() } });",
      'export function useAuth(next) { auth = next; }',
    ),
    errors: [{ messageId: 'fixedCalledAgainOption', line: 4, suggestions: [] }],
  },
  {
    // Through a const local read only there: its expression moves into the function and the declaration goes.
    code: lines(
      "import { Auth } from 'aws-amplify';",
      "import AWSAppSyncClient from 'aws-appsync';",
      'const token = (await Auth.currentSession()).getIdToken().getJwtToken();',
      "export const client = new AWSAppSyncClient({ url: '/graphql', region: 'us-east-1', auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: token } });",
    ),
    errors: [
      {
        messageId: 'fixedCalledAgainOption',
        line: 3,
        suggestions: [
          {
            messageId: 'askOptionPerUse',
            output: lines(
              "import { Auth } from 'aws-amplify';",
              "import AWSAppSyncClient from 'aws-appsync';",
              "export const client = new AWSAppSyncClient({ url: '/graphql', region: 'us-east-1', auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: async () => (await Auth.currentSession()).getIdToken().getJwtToken() } });",
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: the local is also read elsewhere (logged once): it is left for a person.
    code: lines(
      "import { Auth } from 'aws-amplify';",
      "import AWSAppSyncClient from 'aws-appsync';",
      'const token = (await Auth.currentSession()).getIdToken().getJwtToken();',
      'console.debug(token.length);',
      "export const client = new AWSAppSyncClient({ url: '/graphql', region: 'us-east-1', auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: token } });",
    ),
    errors: [{ messageId: 'fixedCalledAgainOption', line: 3, suggestions: [] }],
  },
  {
    // A Firebase ID token given to socket.io as a fixed auth object: re-sent at every reconnection.
    code: lines(
      "import { io } from 'socket.io-client';",
      "import { getAuth } from 'firebase/auth';",
      'export async function connect() {',
      '  const token = await getAuth().currentUser?.getIdToken();',
      "  const socket = io('https://chat.example.com', { auth: { token } });",
      "  socket.on('message', console.log);",
      '  return socket;',
      '}',
    ),
    errors: [{ messageId: 'fixedCalledAgainOption', line: 4 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: the function form, asked per request.
  lines(
    "import { Auth } from 'aws-amplify';",
    "import AWSAppSyncClient from 'aws-appsync';",
    "export const client = new AWSAppSyncClient({ url: '/graphql', region: 'us-east-1', auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: async () => (await Auth.currentSession()).getIdToken().getJwtToken() } });",
  ),
  // Look-alike: socket.io asks for the token at each handshake.
  lines(
    "import { io } from 'socket.io-client';",
    "import { getAuth } from 'firebase/auth';",
    "export const socket = io('https://chat.example.com', { auth: (cb) => getAuth().currentUser?.getIdToken().then((token) => cb({ token })) });",
  ),
  // Look-alike: a fixed auth object, but the file sets a fresh token before every reconnection attempt.
  lines(
    "import { io } from 'socket.io-client';",
    "import { getAuth } from 'firebase/auth';",
    'export async function connect() {',
    '  const token = await getAuth().currentUser?.getIdToken();',
    "  const socket = io('https://chat.example.com', { auth: { token } });",
    "  socket.io.on('reconnect_attempt', async () => { socket.auth = { token: await getAuth().currentUser?.getIdToken() }; });",
    '  return socket;',
    '}',
  ),
  // Look-alike: a client built per use from a token asked for then.
  lines(
    "import { Auth } from 'aws-amplify';",
    "import AWSAppSyncClient from 'aws-appsync';",
    'export async function query(q) {',
    "  const client = new AWSAppSyncClient({ url: '/graphql', region: 'us-east-1', auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: (await Auth.currentSession()).getIdToken().getJwtToken() } });",
    '  return client.query({ query: q });',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (a token given as a value to an option asked again)', rule, {
  valid,
  invalid,
});

// The same hand-over is one defect: no-module-token-cache leaves the module object and the client to it.
createRuleTester().run('no-module-token-cache (a token given to an option asked again)', tokenCache, {
  valid: [appSyncOnce],
  invalid: [],
});
