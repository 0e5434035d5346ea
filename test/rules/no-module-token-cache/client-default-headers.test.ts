import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A long-lived HTTP or GraphQL client whose default headers get a short-lived token once (axios defaults,
// axios.create, got.extend, ApolloClient, graphql-request): every later request sends it after it has expired.
// Look-alikes: interceptors, links and middleware that ask per request or renew after a 401, axios-auth-refresh,
// static keys, a client built per call, the app's own login token.
const lines = (...text: string[]) => text.join('\n');

// A shared axios instance imported from another module gets a Cognito ID token as its default header at sign-in: a
// token Amplify renews when asked again, kept there once, is a snapshot of that source (no-static-snapshot's).
const RENEWING_TOKEN_IN_DEFAULT_HEADERS = lines(
  "import { Auth } from 'aws-amplify';",
  "import { api } from '../services/api';",
  '',
  'export async function onSignedIn() {',
  '  const session = await Auth.currentSession();',
  '  api.defaults.headers.common.Authorization = `Bearer ${session.getIdToken().getJwtToken()}`;',
  '}',
  '',
  "export const loadProfile = () => api.get('/me');",
);

// axios's global defaults get an MSAL access token of the signed-in user: MSAL's silent call answers from its cache
// and renews the token when asked again, so the copy is a snapshot of that source (no-static-snapshot's).
const SILENT_MSAL_TOKEN_IN_DEFAULTS = lines(
  "import axios from 'axios';",
  "import { PublicClientApplication } from '@azure/msal-browser';",
  '',
  "const msal = new PublicClientApplication({ auth: { clientId: 'spa' } });",
  '',
  'export async function signIn(account) {',
  "  const result = await msal.acquireTokenSilent({ account, scopes: ['api://orders/read'] });",
  "  axios.defaults.headers.common['Authorization'] = 'Bearer ' + result.accessToken;",
  '}',
  '',
  "export const orders = () => axios.get('/api/orders');",
);

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    // An axios instance created once with an Entra token in its headers and memoised in module scope.
    code: lines(
      "import axios, { type AxiosInstance } from 'axios';",
      "import { DefaultAzureCredential } from '@azure/identity';",
      '',
      'const credential = new DefaultAzureCredential();',
      'let client: AxiosInstance | undefined;',
      '',
      'export async function managementApi(): Promise<AxiosInstance> {',
      '  if (client) return client;',
      "  const { token } = (await credential.getToken('https://management.azure.com/.default'))!;",
      "  client = axios.create({ baseURL: 'https://management.azure.com', headers: { Authorization: `Bearer ${token}` } });",
      '  return client;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "import axios, { type AxiosInstance } from 'axios';",
              "import { DefaultAzureCredential } from '@azure/identity';",
              '',
              'const credential = new DefaultAzureCredential();',
              'let client: AxiosInstance | undefined;',
              'let clientExpiresAt = 0;',
              '',
              'export async function managementApi(): Promise<AxiosInstance> {',
              '  if (client && Date.now() < clientExpiresAt) return client;',
              "  const { token } = (await credential.getToken('https://management.azure.com/.default'))!;",
              "  client = axios.create({ baseURL: 'https://management.azure.com', headers: { Authorization: `Bearer ${token}` } });",
              '  clientExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return client;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // A got instance extended once with a Google access token in its headers.
    code: lines(
      "import got, { type Got } from 'got';",
      "import { GoogleAuth } from 'google-auth-library';",
      '',
      "const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });",
      'let compute: Got | null = null;',
      '',
      'export async function computeApi(): Promise<Got> {',
      "  compute ??= got.extend({ prefixUrl: 'https://compute.googleapis.com', headers: { authorization: 'Bearer ' + (await auth.getAccessToken()) } });",
      '  return compute;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
        column: 5,
        suggestions: [],
      },
    ],
  },
  {
    // An Apollo client built once with a Cognito ID token in its headers.
    code: lines(
      "import { ApolloClient, InMemoryCache } from '@apollo/client';",
      "import { Auth } from 'aws-amplify';",
      '',
      'let client: ApolloClient<object> | undefined;',
      '',
      'export async function appSyncClient() {',
      '  if (client) return client;',
      '  const session = await Auth.currentSession();',
      '  client = new ApolloClient({ uri: process.env.APPSYNC_URL, cache: new InMemoryCache(), headers: { Authorization: session.getIdToken().getJwtToken() } });',
      '  return client;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "import { ApolloClient, InMemoryCache } from '@apollo/client';",
              "import { Auth } from 'aws-amplify';",
              '',
              'let client: ApolloClient<object> | undefined;',
              'let clientExpiresAt = 0;',
              '',
              'export async function appSyncClient() {',
              '  if (client && Date.now() < clientExpiresAt) return client;',
              '  const session = await Auth.currentSession();',
              '  client = new ApolloClient({ uri: process.env.APPSYNC_URL, cache: new InMemoryCache(), headers: { Authorization: session.getIdToken().getJwtToken() } });',
              '  clientExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return client;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // A graphql-request client (options after the endpoint) built once with an MSAL token.
    code: lines(
      "import { GraphQLClient } from 'graphql-request';",
      "import { ConfidentialClientApplication } from '@azure/msal-node';",
      '',
      'const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET } });',
      'let gql;',
      '',
      'export async function api() {',
      '  if (!gql) {',
      "    const result = await cca.acquireTokenByClientCredential({ scopes: ['api://catalog/.default'] });",
      '    gql = new GraphQLClient(process.env.CATALOG_URL, { headers: { authorization: `Bearer ${result.accessToken}` } });',
      '  }',
      '  return gql;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "import { GraphQLClient } from 'graphql-request';",
              "import { ConfidentialClientApplication } from '@azure/msal-node';",
              '',
              'const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET } });',
              'let gql;',
              'let gqlExpiresAt = 0;',
              '',
              'export async function api() {',
              '  if (!gql || Date.now() >= gqlExpiresAt) {',
              "    const result = await cca.acquireTokenByClientCredential({ scopes: ['api://catalog/.default'] });",
              '    gql = new GraphQLClient(process.env.CATALOG_URL, { headers: { authorization: `Bearer ${result.accessToken}` } });',
              '    gqlExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  }',
              '  return gql;',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  RENEWING_TOKEN_IN_DEFAULT_HEADERS,
  SILENT_MSAL_TOKEN_IN_DEFAULTS,
  // Look-alike: a request interceptor asks Amplify for the session on every request.
  lines(
    "import { Auth } from 'aws-amplify';",
    "import axios from 'axios';",
    '',
    'export const api = axios.create({ baseURL: process.env.API_URL });',
    '',
    'api.interceptors.request.use(async (config) => {',
    '  const session = await Auth.currentSession();',
    '  config.headers.Authorization = `Bearer ${session.getIdToken().getJwtToken()}`;',
    '  return config;',
    '});',
  ),
  // Look-alike: a 401 response interceptor on the same instance sets the header again and retries.
  lines(
    "import { Auth } from 'aws-amplify';",
    "import axios from 'axios';",
    '',
    'export const api = axios.create({ baseURL: process.env.API_URL });',
    '',
    'export async function onSignedIn() {',
    '  const session = await Auth.currentSession();',
    '  api.defaults.headers.common.Authorization = `Bearer ${session.getIdToken().getJwtToken()}`;',
    '}',
    '',
    'api.interceptors.response.use(',
    '  (response) => response,',
    '  async (error) => {',
    '    if (error.response?.status === 401 && !error.config.retried) {',
    '      await onSignedIn();',
    '      return api({ ...error.config, retried: true });',
    '    }',
    '    throw error;',
    '  },',
    ');',
  ),
  // Look-alike: axios-auth-refresh renews the default header after a 401.
  lines(
    "import axios from 'axios';",
    "import createAuthRefreshInterceptor from 'axios-auth-refresh';",
    "import { PublicClientApplication, type AccountInfo } from '@azure/msal-browser';",
    '',
    "const msal = new PublicClientApplication({ auth: { clientId: 'spa' } });",
    'let account: AccountInfo;',
    '',
    'async function setToken() {',
    "  const result = await msal.acquireTokenSilent({ account, scopes: ['api://orders/read'] });",
    "  axios.defaults.headers.common['Authorization'] = 'Bearer ' + result.accessToken;",
    '}',
    '',
    'export async function signIn(signedIn: AccountInfo) {',
    '  account = signedIn;',
    '  await setToken();',
    '}',
    '',
    'createAuthRefreshInterceptor(axios, () => setToken());',
  ),
  // Look-alike: a static API key in an instance's headers.
  lines(
    "import axios from 'axios';",
    "import { Auth } from 'aws-amplify';",
    '',
    "export const partner = axios.create({ baseURL: 'https://partner.example.com', headers: { 'x-api-key': process.env.PARTNER_KEY } });",
    'export const signOut = () => Auth.signOut();',
  ),
  // Look-alike: a client built per call with a fresh token.
  lines(
    "import axios from 'axios';",
    "import { DefaultAzureCredential } from '@azure/identity';",
    '',
    'const credential = new DefaultAzureCredential();',
    '',
    'export async function listGroups() {',
    "  const { token } = (await credential.getToken('https://management.azure.com/.default'))!;",
    "  const client = axios.create({ baseURL: 'https://management.azure.com', headers: { Authorization: `Bearer ${token}` } });",
    "  return (await client.get('/subscriptions')).data;",
    '}',
  ),
  // Look-alike: the app's own login token (its lifetime is unknown here) as the default header.
  lines(
    "import axios from 'axios';",
    '',
    'export async function login(email, password) {',
    "  const { data } = await axios.post('/api/login', { email, password });",
    '  axios.defaults.headers.common.Authorization = `Bearer ${data.token}`;',
    '}',
  ),
  // Look-alike: Apollo's setContext link asks Amplify for the session on every operation.
  lines(
    "import { ApolloClient, InMemoryCache, createHttpLink } from '@apollo/client';",
    "import { setContext } from '@apollo/client/link/context';",
    "import { Auth } from 'aws-amplify';",
    '',
    'const authLink = setContext(async (_, { headers }) => {',
    '  const session = await Auth.currentSession();',
    '  return { headers: { ...headers, Authorization: session.getIdToken().getJwtToken() } };',
    '});',
    '',
    'export const client = new ApolloClient({ link: authLink.concat(createHttpLink({ uri: process.env.APPSYNC_URL })), cache: new InMemoryCache() });',
  ),
  // Look-alike: graphql-request's requestMiddleware asks MSAL on every request.
  lines(
    "import { GraphQLClient } from 'graphql-request';",
    "import { ConfidentialClientApplication } from '@azure/msal-node';",
    '',
    'const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET } });',
    '',
    'export const gql = new GraphQLClient(process.env.CATALOG_URL, {',
    '  requestMiddleware: async (request) => {',
    "    const result = await cca.acquireTokenByClientCredential({ scopes: ['api://catalog/.default'] });",
    '    return { ...request, headers: { ...request.headers, authorization: `Bearer ${result.accessToken}` } };',
    '  },',
    '});',
  ),
];

createRuleTester().run('no-module-token-cache (HTTP client default headers)', rule, { valid, invalid });

// vue-resource's `Vue.http.headers.common`: the same keeper on the plugin's shared client, and the same look-alike,
// the header set again from a fresh token inside the client's per-request interceptor.
const VUE_TOKEN = lines(
  "import Vue from 'vue';",
  'async function fetchToken() {',
  "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
  '  return (await res.json()).access_token;',
  '}',
  "export const orders = () => Vue.http.get('/api/orders');",
);

describe('no-module-token-cache: vue-resource default headers', () => {
  it('reports a token set once in Vue.http.headers.common, in the words of default headers', () => {
    const messages = lintedMessages(
      lines(
        VUE_TOKEN,
        'export async function signIn() {',
        "  Vue.http.headers.common['Authorization'] = 'Bearer ' + (await fetchToken());",
        '}',
      ),
    );
    expect(messages.map((m) => m.line)).toEqual([8]);
    expect(messages[0].message).toContain('its default headers (every later request sends them)');
  });

  it('stays silent when a per-request interceptor sets it from a fresh token', () => {
    const messages = lintedMessages(
      lines(
        VUE_TOKEN,
        'Vue.http.interceptors.push(async () => {',
        "  Vue.http.headers.common['Authorization'] = 'Bearer ' + (await fetchToken());",
        '});',
      ),
    );
    expect(messages).toEqual([]);
  });
});

function lintedMessages(code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { ce: { rules: { 'no-module-token-cache': rule as unknown as Rule.RuleModule } } },
        rules: { 'ce/no-module-token-cache': 'error' },
      },
    ],
    'file.js',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages;
}

describe('no-static-snapshot: a renewing identity token in default headers', () => {
  it('reports the write, naming the client and its default headers', () => {
    const messages = lintWithSnapshotRule(RENEWING_TOKEN_IN_DEFAULT_HEADERS);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['identityTokenKept', 6]]);
    expect(messages[0]?.message).toContain('`api`, its default headers');
  });

  it("reports MSAL's silent token in axios's global defaults under no-static-snapshot", () => {
    const messages = lintWithSnapshotRule(SILENT_MSAL_TOKEN_IN_DEFAULTS);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['identityTokenKept', 8]]);
  });
});

function lintWithSnapshotRule(code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { ce: { rules: { A: snapshotRule as unknown as Rule.RuleModule } } },
        rules: { 'ce/A': 'error' },
      },
    ],
    'file.js',
  );
}
