import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// An object of any library built once with a short-lived value in its options keeps it, however the options reach the
// construction: written out, from a helper whose result is bound to a const first, or from a helper that destructures
// its parameter. Each invalid case sits next to a look-alike that must stay silent.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const AZURE = lines(
  `import sql from 'mssql';`,
  `import pg from 'pg';`,
  `import { DefaultAzureCredential } from '@azure/identity';`,
  `const credential = new DefaultAzureCredential();`,
  `const SCOPE = 'https://database.windows.net/.default';`,
);

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'options from an async helper, bound to a const, then a pool kept in module scope',
    code: lines(
      AZURE,
      'async function buildConfig() {',
      '  const accessToken = await credential.getToken(SCOPE);',
      "  return { server: 'db', authentication: { type: 'azure-active-directory-access-token', options: { token: accessToken.token } } };",
      '}',
      'let shared = null;',
      'export async function getPool() {',
      '  if (shared && shared.connected) return shared;',
      '  const config = await buildConfig();',
      '  shared = await sql.connect(config);',
      '  return shared;',
      '}',
    ),
    lines: [10],
  },
  {
    name: 'options from an async helper whose password is a function called per connection',
    code: lines(
      AZURE,
      'async function buildConfig() {',
      "  return { host: 'db', user: 'app', password: async () => (await credential.getToken(SCOPE)).token };",
      '}',
      'let shared = null;',
      'export async function getPool() {',
      '  if (shared) return shared;',
      '  const config = await buildConfig();',
      '  shared = new pg.Pool(config);',
      '  return shared;',
      '}',
    ),
    lines: [],
  },
  {
    name: 'options from a helper that destructures its parameter and puts the token in the config',
    code: lines(
      AZURE,
      'let pool;',
      'function tokenConfig({ server, token }) {',
      "  return { server, authentication: { type: 'azure-active-directory-access-token', options: { token } } };",
      '}',
      'export async function getDb() {',
      '  if (pool?.connected) return pool;',
      '  const token = await credential.getToken(SCOPE);',
      "  const next = new sql.ConnectionPool(tokenConfig({ server: 'db', token: token.token }));",
      '  await next.connect();',
      '  pool = next;',
      '  return pool;',
      '}',
    ),
    lines: [6],
  },
  {
    name: 'the same destructuring helper that leaves the token out of the config',
    code: lines(
      AZURE,
      'let pool;',
      'function tokenConfig({ server }) {',
      '  return { server, user: process.env.SQL_USER, password: process.env.SQL_PASSWORD };',
      '}',
      'export async function getDb() {',
      '  if (pool?.connected) return pool;',
      '  const token = await credential.getToken(SCOPE);',
      "  const next = new sql.ConnectionPool(tokenConfig({ server: 'db', token: token.token }));",
      '  await next.connect();',
      '  pool = next;',
      '  return pool;',
      '}',
    ),
    lines: [],
  },
  {
    name: 'a pool built per request from the destructuring helper, closed after use',
    code: lines(
      AZURE,
      'function tokenConfig({ server, token }) {',
      "  return { server, authentication: { type: 'azure-active-directory-access-token', options: { token } } };",
      '}',
      'export async function query(text) {',
      '  const token = await credential.getToken(SCOPE);',
      "  const pool = await new sql.ConnectionPool(tokenConfig({ server: 'db', token: token.token })).connect();",
      '  try { return await pool.request().query(text); } finally { await pool.close(); }',
      '}',
    ),
    lines: [],
  },
];

describe('no-module-token-cache: objects built once with a short-lived value, whatever the library', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});

// `process.env` as a cache: a token written to a variable of the process environment and read back from it later.
const SPOTIFY = lines(
  'async function fetchAppToken() {',
  "  const res = await fetch('https://accounts.spotify.com/api/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });",
  '  const body = await res.json();',
  "  process.env.SPOTIFY_BEARER = 'Bearer ' + body.access_token;",
  "  return 'Bearer ' + body.access_token;",
  '}',
);
const environmentCases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'a token written to process.env and read back before each request',
    code: lines(
      SPOTIFY,
      'export async function search(q) {',
      '  const auth = process.env.SPOTIFY_BEARER ? process.env.SPOTIFY_BEARER : await fetchAppToken();',
      "  return fetch('https://api.spotify.com/v1/search?q=' + q, { headers: { Authorization: auth } });",
      '}',
    ),
    lines: [4],
  },
  {
    name: 'the same variable read back behind a stored deadline',
    code: lines(
      SPOTIFY.replace(
        "  process.env.SPOTIFY_BEARER = 'Bearer ' + body.access_token;",
        "  process.env.SPOTIFY_BEARER = 'Bearer ' + body.access_token;\n  process.env.SPOTIFY_EXPIRES_AT = String(Date.now() + body.expires_in * 1000);",
      ),
      'export async function search(q) {',
      '  const fresh = process.env.SPOTIFY_BEARER && Date.now() < Number(process.env.SPOTIFY_EXPIRES_AT);',
      '  const auth = fresh ? process.env.SPOTIFY_BEARER : await fetchAppToken();',
      "  return fetch('https://api.spotify.com/v1/search?q=' + q, { headers: { Authorization: auth } });",
      '}',
    ),
    lines: [],
  },
  {
    name: 'a token written to process.env that the file never reads back',
    code: lines(
      SPOTIFY,
      'export async function search(q) {',
      '  const auth = await fetchAppToken();',
      "  return fetch('https://api.spotify.com/v1/search?q=' + q, { headers: { Authorization: auth } });",
      '}',
    ),
    lines: [],
  },
  {
    name: 'a static setting read from process.env, the token kept nowhere',
    code: lines(
      'export async function search(q) {',
      "  const res = await fetch('https://accounts.spotify.com/api/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });",
      '  const { access_token } = await res.json();',
      '  process.env.SPOTIFY_MARKET = process.env.SPOTIFY_MARKET ?? "SE";',
      "  return fetch(process.env.SPOTIFY_API + '/search?q=' + q, { headers: { Authorization: 'Bearer ' + access_token } });",
      '}',
    ),
    lines: [],
  },
];

describe('no-module-token-cache: the process environment as a cache', () => {
  for (const c of environmentCases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});

// A request's session (express-session `req.session`, Koa `ctx.session`) keeps what a handler writes there and hands
// it back on the user's later requests, however long ago the token was issued.
const MSAL = lines(
  `import express from 'express';`,
  `import { ConfidentialClientApplication } from '@azure/msal-node';`,
  'const msal = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID } });',
  'const app = express();',
);
const SIGN_IN = (extra = '') =>
  lines(
    "app.get('/redirect', async (req, res) => {",
    "  const result = await msal.acquireTokenByCode({ code: req.query.code, scopes: ['Mail.Send'] });",
    '  req.session.graphToken = result.accessToken;',
    ...(extra ? [`  ${extra}`] : []),
    "  res.redirect('/ready');",
    '});',
  );
const SEND = (test: string) =>
  lines(
    "app.post('/send', async (req, res) => {",
    `  if (${test}) return res.sendStatus(401);`,
    "  await fetch('https://graph.microsoft.com/v1.0/me/sendMail', { headers: { Authorization: `Bearer ${req.session.graphToken}` } });",
    '  res.sendStatus(202);',
    '});',
  );
const sessionCases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'a token kept in req.session and used by a later request',
    code: lines(MSAL, SIGN_IN(), SEND('!req.session.graphToken')),
    lines: [7],
  },
  {
    name: 'the same session token with its expiry kept and checked',
    code: lines(
      MSAL,
      SIGN_IN('req.session.graphTokenExpiresAt = result.expiresOn.getTime();'),
      SEND('!req.session.graphToken || Date.now() >= req.session.graphTokenExpiresAt'),
    ),
    lines: [],
  },
  {
    name: 'a token written to the session but used only in the handler that got it',
    code: lines(
      MSAL,
      "app.get('/redirect', async (req, res) => {",
      "  const result = await msal.acquireTokenByCode({ code: req.query.code, scopes: ['Mail.Send'] });",
      '  req.session.graphToken = result.accessToken;',
      "  await fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${req.session.graphToken}` } });",
      "  res.redirect('/ready');",
      '});',
    ),
    lines: [],
  },
  {
    name: 'only the account id kept in the session, the token asked for per request',
    code: lines(
      MSAL,
      "app.get('/redirect', async (req, res) => {",
      "  const result = await msal.acquireTokenByCode({ code: req.query.code, scopes: ['Mail.Send'] });",
      '  req.session.homeAccountId = result.account.homeAccountId;',
      "  res.redirect('/ready');",
      '});',
      "app.post('/send', async (req, res) => res.json({ account: req.session.homeAccountId }));",
    ),
    lines: [],
  },
];

describe("no-module-token-cache: the user's session as a cache", () => {
  for (const c of sessionCases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
