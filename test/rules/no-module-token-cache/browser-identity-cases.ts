// Code shapes of browser and add-in apps that keep a host's or sign-in library's token (shared by the rule's tests).
export const lines = (...text: string[]) => text.join('\n');

const TEAMS = `import { authentication } from '@microsoft/teams-js';`;
const AUTH0 = lines(
  `import { createAuth0Client } from '@auth0/auth0-spa-js';`,
  `const auth0 = await createAuth0Client({ domain: 'example.eu.auth0.com', clientId: 'spa' });`,
);
const AMPLIFY = `import { fetchAuthSession } from 'aws-amplify/auth';`;

/** Each keeps the token at module level and reuses it: reported on the line of `line`. */
export const KEPT = {
  // An Outlook task pane's SSO token (script-tag global), kept for Graph calls.
  office: lines(
    '/* global Office */',
    'let graphToken = null;',
    'async function token() {',
    '  if (graphToken) return graphToken;',
    '  graphToken = await Office.auth.getAccessToken({ allowSignInPrompt: true, forMSGraphAccess: true });',
    "  document.title = 'signed in';",
    '  return graphToken;',
    '}',
    "export const me = async () => fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${await token()}` } });",
  ),
  // The shared runtime's alias of Office.auth, through a const.
  officeRuntime: lines(
    'const auth = OfficeRuntime.auth;',
    'let bootstrap;',
    'export async function callApi(path) {',
    '  bootstrap = bootstrap || (await auth.getAccessToken());',
    "  return fetch('/api' + path, { headers: { Authorization: 'Bearer ' + bootstrap } });",
    '}',
  ),
  teams: lines(
    TEAMS,
    'let ssoToken: string | undefined;',
    'export async function callApi(url: string) {',
    '  if (!ssoToken) ssoToken = await authentication.getAuthToken();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${ssoToken}` } });',
    '}',
  ),
  teamsGlobal: lines(
    'let ssoToken = null;',
    'export async function getToken() {',
    '  if (ssoToken) return ssoToken;',
    '  ssoToken = await microsoftTeams.authentication.getAuthToken();',
    '  return ssoToken;',
    '}',
  ),
  auth0: lines(
    AUTH0,
    'let accessToken: string | null = null;',
    'export async function api(url: string) {',
    '  if (!accessToken) accessToken = await auth0.getTokenSilently();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });',
    '}',
  ),
  // A React hook writing the token into a module variable an API helper reads.
  auth0React: lines(
    `import { useAuth0 } from '@auth0/auth0-react';`,
    'let token: string | undefined;',
    'export function useApi() {',
    '  const { getAccessTokenSilently } = useAuth0();',
    '  return async (url: string) => {',
    '    if (!token) token = await getAccessTokenSilently();',
    '    return fetch(url, { headers: { Authorization: `Bearer ${token}` } });',
    '  };',
    '}',
  ),
  amplify: lines(
    AMPLIFY,
    'let idToken: string | undefined;',
    'export async function api(url: string) {',
    '  if (!idToken) idToken = (await fetchAuthSession()).tokens?.idToken?.toString();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${idToken}` } });',
    '}',
  ),
  // MSAL.js in the browser: the silent call's result kept instead of asking MSAL again.
  msalBrowser: lines(
    `import { PublicClientApplication } from '@azure/msal-browser';`,
    `const msal = new PublicClientApplication({ auth: { clientId: 'spa' } });`,
    'let token: string | null = null;',
    'export async function api(url: string) {',
    "  if (!token) token = (await msal.acquireTokenSilent({ scopes: ['User.Read'], account: msal.getAllAccounts()[0] })).accessToken;",
    '  return fetch(url, { headers: { Authorization: `Bearer ${token}` } });',
    '}',
  ),
} as const;

/** `authentication` of the app's own module is not Teams': still a token kept by name (bearer-shape.ts), not Teams'. */
export const OWN_MODULE_AUTH_TOKEN = lines(
  `import { authentication } from './authentication';`,
  'let ssoToken: string | undefined;',
  'export async function callApi(url: string) {',
  '  if (!ssoToken) ssoToken = await authentication.getAuthToken();',
  '  return fetch(url, { headers: { Authorization: `Bearer ${ssoToken}` } });',
  '}',
);

/** Look-alikes that stay silent, each next to the shape above it names. */
export const SILENT = {
  // office: asked at each use.
  officePerUse: lines(
    'export async function me() {',
    '  const token = await Office.auth.getAccessToken({ allowSignInPrompt: true });',
    "  return fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${token}` } });",
    '}',
  ),
  // office: an object of the file's own named Office is not the host's global.
  officeOwnObject: lines(
    "const Office = { auth: { getAccessToken: async () => 'static' } };",
    'let token;',
    'export async function header() {',
    '  if (!token) token = await Office.auth.getAccessToken();',
    '  return { Authorization: `Bearer ${token}` };',
    '}',
  ),
  // teams: kept with its expiry and renewed once it has passed.
  teamsExpiry: lines(
    TEAMS,
    'let ssoToken: string | undefined;',
    'let expiresAt = 0;',
    'export async function callApi(url: string) {',
    '  if (!ssoToken || Date.now() >= expiresAt) {',
    '    ssoToken = await authentication.getAuthToken();',
    '    expiresAt = Date.now() + 50 * 60 * 1000;',
    '  }',
    '  return fetch(url, { headers: { Authorization: `Bearer ${ssoToken}` } });',
    '}',
  ),
  // auth0: the self-caching client asked at each call.
  auth0PerUse: lines(
    AUTH0,
    'export async function api(url: string) {',
    '  const accessToken = await auth0.getTokenSilently();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });',
    '}',
  ),
  // auth0: a synchronous method of the same name on another client.
  auth0Synchronous: lines(
    `import { client } from './client';`,
    'let token: string | null = null;',
    'export function header() {',
    '  if (!token) token = client.getTokenSilently();',
    '  return token;',
    '}',
  ),
  // amplify: the session's AWS credentials kept are no-static-snapshot's, not a token of this rule.
  amplifyCredentials: lines(
    AMPLIFY,
    'let session: Awaited<ReturnType<typeof fetchAuthSession>> | undefined;',
    'export async function keys() {',
    '  if (!session) session = await fetchAuthSession();',
    '  return session.credentials;',
    '}',
  ),
  // amplify: asked at each request.
  amplifyPerUse: lines(
    AMPLIFY,
    'export async function api(url: string) {',
    '  const { tokens } = await fetchAuthSession();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${tokens?.idToken}` } });',
    '}',
  ),
} as const;
