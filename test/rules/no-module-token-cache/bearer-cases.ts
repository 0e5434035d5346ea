// Shapes of code keeping a token field of an unknown call's result that is sent as a credential (bearer-shape.ts).
const lines = (...text: string[]) => text.join('\n');

export const KEPT = {
  // `accessToken` of an HTTP client call of the app, memoised and sent as `Authorization: Bearer`, through the helper that returns it.
  loginField: lines(
    "import { api } from './api';",
    'let accessToken: string | null = null;',
    'async function ensureToken() {',
    '  if (accessToken) return accessToken;',
    "  const res = await api.post('/oauth/login', { user: process.env.USER_NAME });",
    '  accessToken = res.data.accessToken;',
    '  return accessToken;',
    '}',
    'export async function list() {',
    '  const token = await ensureToken();',
    "  return fetch('/items', { headers: { Authorization: `Bearer ${token}` } });",
    '}',
  ),
  // `access_token` destructured off an unknown SDK call, kept and concatenated after `Bearer `.
  destructured: lines(
    "import { ZoomClient } from 'zoom-sdk-x';",
    'const zoom = new ZoomClient();',
    'let cached: string | undefined;',
    'export async function headers() {',
    '  if (!cached) {',
    '    const { access_token } = await zoom.authorize();',
    '    cached = access_token;',
    '  }',
    "  return { Authorization: 'Bearer ' + cached };",
    '}',
  ),
  // `idToken` kept on a field of an exported singleton and sent in a lower-case `authorization` header.
  singletonField: lines(
    "import { sdk } from 'vendor-sdk';",
    'class TokenStore {',
    '  private token?: string;',
    '  async get() {',
    '    if (!this.token) this.token = (await sdk.session()).idToken;',
    '    return this.token;',
    '  }',
    '}',
    'export const store = new TokenStore();',
    'export async function call(url: string) {',
    '  return fetch(url, { headers: { authorization: `Bearer ${await store.get()}` } });',
    '}',
  ),
  // An access token of an unknown issuer kept as a database password.
  password: lines(
    "import { issuer } from 'db-auth';",
    "import { Client } from 'pg';",
    'let pw: string;',
    'export async function connect() {',
    '  if (!pw) pw = (await issuer.mint()).accessToken;',
    "  const c = new Client({ host: 'db', password: pw });",
    '  await c.connect();',
    '  return c;',
    '}',
  ),
  // A call named for an access token on an object of another module: what it resolves to is the token.
  namedCall: lines(
    "import { authClient } from '@vendor/auth';",
    'let bearer: string | undefined;',
    'export async function call(url: string) {',
    '  if (!bearer) bearer = await authClient.getAccessToken();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });',
    '}',
  ),
  // A bare `token` field of a call named for a token (a GitHub App installation token), sent with GitHub's `token` scheme.
  namedCallTokenField: lines(
    "import { getInstallationAccessToken } from './github-app';",
    'let cached: string | null = null;',
    'export async function gh(path: string) {',
    '  if (!cached) cached = (await getInstallationAccessToken(42)).token;',
    '  return fetch(`https://api.github.com${path}`, { headers: { Authorization: `token ${cached}` } });',
    '}',
  ),
  // A host global's token call (an unknown add-in host), kept through a local and returned to the caller that sends it.
  namedCallOfHostGlobal: lines(
    'let graphToken = null;',
    'async function ensureGraphToken() {',
    '  if (graphToken) return graphToken;',
    '  const sso = await Host.identity.getAccessToken({ allowSignInPrompt: true });',
    '  graphToken = sso;',
    '  return graphToken;',
    '}',
    'export async function me() {',
    '  const token = await ensureGraphToken();',
    "  return fetch('/me', { headers: { Authorization: `Bearer ${token}` } });",
    '}',
  ),
  // A call named for a token on an object a singleton holds (an auth client of the app's own module), kept on its field.
  namedCallOnHeldObject: lines(
    "import { ServiceAuth } from './service-auth';",
    'class Sheets {',
    '  constructor() {',
    '    this.auth = new ServiceAuth();',
    '    this.accessToken = null;',
    '  }',
    '  async read(range) {',
    '    if (!this.accessToken) this.accessToken = await this.auth.getAccessToken();',
    '    return fetch(`/values/${range}`, { headers: { Authorization: `Bearer ${this.accessToken}` } });',
    '  }',
    '}',
    'export const sheets = new Sheets();',
  ),
} as const;

/** Look-alikes that stay silent. */
export const SILENT = {
  // loginField: the kept field is never sent as a credential.
  notSent: lines(
    "import { api } from './api';",
    'let accessToken: string | null = null;',
    'export async function remember() {',
    "  if (!accessToken) accessToken = (await api.post('/login')).data.accessToken;",
    "  console.log('logged in', accessToken.length);",
    '  return accessToken.length;',
    '}',
  ),
  // loginField: a CSRF token is not a token field (and is sent in its own header).
  csrfToken: lines(
    "import { api } from './api';",
    'let csrf: string | null = null;',
    'export async function post(url: string, body: unknown) {',
    "  if (!csrf) csrf = (await api.get('/csrf')).data.csrfToken;",
    "  return fetch(url, { method: 'POST', headers: { 'X-CSRF-Token': csrf }, body: JSON.stringify(body) });",
    '}',
  ),
  // loginField: kept with its expiry and checked before reuse.
  expiryChecked: lines(
    "import { api } from './api';",
    'let accessToken: string | null = null;',
    'let expiresAt = 0;',
    'async function ensureToken() {',
    '  if (accessToken && Date.now() < expiresAt) return accessToken;',
    "  const res = await api.post('/oauth/login');",
    '  accessToken = res.data.accessToken;',
    '  expiresAt = Date.now() + res.data.expiresIn * 1000 - 60000;',
    '  return accessToken;',
    '}',
    'export async function list() {',
    "  return fetch('/items', { headers: { Authorization: `Bearer ${await ensureToken()}` } });",
    '}',
  ),
  // destructured: asked for per request, nothing kept.
  perRequest: lines(
    "import { api } from './api';",
    'export async function list() {',
    "  const { accessToken } = await api.post('/oauth/login');",
    "  return fetch('/items', { headers: { Authorization: `Bearer ${accessToken}` } });",
    '}',
  ),
  // loginField: refreshed by a timer.
  timerRefresh: lines(
    "import { api } from './api';",
    'let accessToken: string | null = null;',
    'async function refresh() {',
    "  accessToken = (await api.post('/oauth/token')).data.access_token;",
    '}',
    'setInterval(refresh, 30 * 60 * 1000);',
    'await refresh();',
    "export const list = () => fetch('/items', { headers: { Authorization: `Bearer ${accessToken}` } });",
  ),
  // loginField: dropped on 401 and refilled on the miss.
  droppedOn401: lines(
    "import { api } from './api';",
    'let accessToken: string | null = null;',
    'export async function list(): Promise<Response> {',
    "  if (!accessToken) accessToken = (await api.post('/oauth/token')).data.access_token;",
    "  const res = await fetch('/items', { headers: { Authorization: `Bearer ${accessToken}` } });",
    '  if (res.status === 401) { accessToken = null; return list(); }',
    '  return res;',
    '}',
  ),
  // Not a credential: a pagination token.
  paginationToken: lines(
    "import { client } from './client';",
    'let nextToken: string | undefined;',
    'export async function page() {',
    '  const r = await client.list({ nextToken });',
    '  nextToken = r.nextToken;',
    '  return r.items;',
    '}',
  ),
  // Not a credential: a push-notification device token sent as data.
  pushDeviceToken: lines(
    "import { getToken } from 'firebase/messaging';",
    'let deviceToken: string | null = null;',
    'export async function register(messaging: any) {',
    "  if (!deviceToken) deviceToken = await getToken(messaging, { vapidKey: 'k' });",
    "  return fetch('/devices', { method: 'POST', body: JSON.stringify({ token: deviceToken }) });",
    '}',
  ),
  // loginField with a bare `token` field: the app's own login token, whose lifetime the code does not show.
  bareTokenField: lines(
    "import { api } from './api';",
    'let token: string | null = null;',
    'export async function list() {',
    "  if (!token) token = (await api.post('/login')).data.token;",
    "  return fetch('/items', { headers: { Authorization: `Bearer ${token}` } });",
    '}',
  ),
  // A one-shot script: its module scope ends with it.
  oneShotScript: lines(
    "import { api } from './api';",
    'let accessToken: string | null = null;',
    "accessToken = (await api.post('/oauth/token')).data.access_token;",
    "const r = await fetch('/items', { headers: { Authorization: `Bearer ${accessToken}` } });",
    'console.log(await r.json());',
  ),
  // A TTL cache: reused only while younger than its TTL.
  ttlCache: lines(
    "import { api } from './api';",
    'let cache: { token: string; at: number } | null = null;',
    'const TTL = 30 * 60 * 1000;',
    'export async function list() {',
    "  if (!cache || Date.now() - cache.at > TTL) cache = { token: (await api.post('/oauth/token')).data.access_token, at: Date.now() };",
    "  return fetch('/items', { headers: { Authorization: `Bearer ${cache.token}` } });",
    '}',
  ),
  // singletonField: the token comes from an object handed in (a test run's `request` context).
  handedInRequest: lines(
    'let runIdToken = null;',
    'export async function getAdminIdToken(request) {',
    '  if (runIdToken) return runIdToken;',
    "  const res = await request.post('https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=k', { data: {} });",
    '  runIdToken = (await res.json()).idToken;',
    '  return runIdToken;',
    '}',
    'export async function patch(request, url) {',
    '  const token = await getAdminIdToken(request);',
    '  return request.patch(url, { headers: { Authorization: `Bearer ${token}` } });',
    '}',
  ),
  // loginField: the token is what a config file of the app holds; reading the file again gives the same value.
  configFile: lines(
    "import fs from 'fs-extra';",
    "import os from 'node:os';",
    'let apiToken: string | undefined;',
    'export async function list() {',
    "  if (!apiToken) apiToken = (await fs.readJson(os.homedir() + '/.items/config.json')).accessToken;",
    "  return fetch('/items', { headers: { Authorization: `Bearer ${apiToken}` } });",
    '}',
  ),
  // loginField: the token is what the user typed at a prompt (a personal access token); asking again asks the user.
  typedAtPrompt: lines(
    "import inquirer from 'inquirer';",
    'let accessToken: string | undefined;',
    'export async function list() {',
    '  if (!accessToken) {',
    "    const answers = await inquirer.prompt([{ name: 'accessToken', type: 'password' }]);",
    '    accessToken = answers.accessToken;',
    '  }',
    "  return fetch('/items', { headers: { Authorization: `Bearer ${accessToken}` } });",
    '}',
  ),
  // namedCall: a function of the file that may return a static key is not taken by its name.
  namedLocalFunction: lines(
    'async function getAccessToken() { return process.env.STATIC_TOKEN as string; }',
    'let bearer: string | undefined;',
    'export async function call(url: string) {',
    '  if (!bearer) bearer = await getAccessToken();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });',
    '}',
  ),
  // namedCall: a method of an object literal of the file.
  namedLocalObject: lines(
    'const tokens = { getAccessToken: async () => process.env.STATIC_TOKEN as string };',
    'let bearer: string | undefined;',
    'export async function call(url: string) {',
    '  if (!bearer) bearer = await tokens.getAccessToken();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });',
    '}',
  ),
  // namedCall: a bare `getToken` names too many things (push-device and CSRF tokens).
  bareGetToken: lines(
    "import { getToken } from './auth';",
    'let bearer: string | undefined;',
    'export async function call(url: string) {',
    '  if (!bearer) bearer = await getToken();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });',
    '}',
  ),
  // namedCall: an API token is a long-lived key.
  apiToken: lines(
    "import { vault } from './vault';",
    'let bearer: string | undefined;',
    'export async function call(url: string) {',
    "  if (!bearer) bearer = await vault.getApiToken('svc');",
    '  return fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });',
    '}',
  ),
  // namedCall: kept but never sent as a credential.
  namedNotSent: lines(
    "import { authClient } from '@vendor/auth';",
    'let bearer: string | undefined;',
    'export async function hasToken() {',
    '  if (!bearer) bearer = await authClient.getAccessToken();',
    '  return bearer.length > 0;',
    '}',
  ),
  // namedCall: kept with a deadline that is checked.
  namedExpiryChecked: lines(
    "import { authClient } from '@vendor/auth';",
    'let bearer: string | undefined;',
    'let until = 0;',
    'export async function call(url: string) {',
    '  if (!bearer || Date.now() > until) { bearer = await authClient.getAccessToken(); until = Date.now() + 30 * 60 * 1000; }',
    '  return fetch(url, { headers: { Authorization: `Bearer ${bearer}` } });',
    '}',
  ),
  // namedCallOnHeldObject: a method of the class itself is followed by the engine, not taken by its name.
  namedOwnMethod: lines(
    'class Sheets {',
    '  async getAccessToken() {',
    '    return process.env.SHEETS_TOKEN;',
    '  }',
    '  async read(range) {',
    '    if (!this.accessToken) this.accessToken = await this.getAccessToken();',
    '    return fetch(`/values/${range}`, { headers: { Authorization: `Bearer ${this.accessToken}` } });',
    '  }',
    '}',
    'export const sheets = new Sheets();',
  ),
} as const;
