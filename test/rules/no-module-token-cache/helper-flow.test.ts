import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// Tokens that reach long-lived storage through a helper of the same file: a setter whose parameter is written to
// module scope, a helper that puts its argument into a module Map, a helper that returns a connection built from a
// token (`new sql.ConnectionPool(config).connect()`) which the caller memoises. Each next to a look-alike.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const REQUEST_TOKEN = lines(
  'async function requestToken() {',
  "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
  '  return res.json();',
  '}',
);
const AZURE_SQL = lines(
  `import * as sql from 'mssql';`,
  `import { DefaultAzureCredential } from '@azure/identity';`,
  'let poolPromise;',
  'async function connectWithToken(server) {',
  "  const token = await new DefaultAzureCredential().getToken('https://database.windows.net/.default');",
  "  const config = { server, authentication: { type: 'azure-active-directory-access-token', options: { token: token.token } } };",
  '  return new sql.ConnectionPool(config).connect();',
  '}',
);

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'a setter whose parameter is kept in module scope',
    code: lines(
      REQUEST_TOKEN,
      'let token = null;',
      'function setToken(value) { token = value; }',
      'export async function get() {',
      '  if (token) return token;',
      '  setToken((await requestToken()).access_token);',
      '  return token;',
      '}',
    ),
    lines: [6],
  },
  {
    name: 'a setter given something else than a token',
    code: lines(
      REQUEST_TOKEN,
      'let token = null;',
      'function setToken(value) { token = value; }',
      'export async function get() {',
      '  if (token) return token;',
      '  setToken(process.env.STATIC_API_KEY);',
      '  return token;',
      '}',
      'export const fresh = async () => (await requestToken()).access_token;',
    ),
    lines: [],
  },
  {
    name: 'a setter that keeps the deadline next to the token',
    code: lines(
      REQUEST_TOKEN,
      'let token = null;',
      'let expiresAt = 0;',
      'function setToken(value, expiresIn) {',
      '  token = value;',
      '  expiresAt = Date.now() + (expiresIn - 60) * 1000;',
      '}',
      'export async function get() {',
      '  if (token && Date.now() < expiresAt) return token;',
      '  const body = await requestToken();',
      '  setToken(body.access_token, body.expires_in);',
      '  return token;',
      '}',
    ),
    lines: [],
  },
  {
    name: 'a helper that puts its argument into a module Map',
    code: lines(
      REQUEST_TOKEN,
      'const cache = new Map();',
      'function remember(key, value) { cache.set(key, value); }',
      'export async function get(key) {',
      '  if (cache.has(key)) return cache.get(key);',
      '  const body = await requestToken();',
      '  remember(key, body.access_token);',
      '  return body.access_token;',
      '}',
    ),
    lines: [5],
  },
  {
    name: 'a helper that returns a pool connected with an Entra token, memoised by the caller',
    code: lines(
      AZURE_SQL,
      'export async function getPool() {',
      '  if (poolPromise) return poolPromise;',
      "  poolPromise = connectWithToken('db.example.net');",
      '  return poolPromise;',
      '}',
    ),
    lines: [3],
  },
  {
    name: 'the same helper called per use, its pool never kept',
    code: lines(
      AZURE_SQL,
      'export async function query(text) {',
      "  const pool = await connectWithToken('db.example.net');",
      '  try { return await pool.request().query(text); } finally { await pool.close(); }',
      '}',
    ),
    lines: [],
  },
  {
    name: 'a pool connected with a static connection string, memoised',
    code: lines(
      `import * as sql from 'mssql';`,
      `import { DefaultAzureCredential } from '@azure/identity';`,
      'let poolPromise;',
      'function connect() {',
      '  const config = { connectionString: process.env.SQL_CONNECTION_STRING };',
      '  return new sql.ConnectionPool(config).connect();',
      '}',
      'export async function getPool() {',
      '  if (!poolPromise) poolPromise = connect();',
      '  return poolPromise;',
      '}',
      "export const token = () => new DefaultAzureCredential().getToken('https://database.windows.net/.default');",
    ),
    lines: [],
  },
];

describe('no-module-token-cache: values kept through a helper of the file', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});

// A client built with a provider option that only ever holds a token (Graph `authProvider`, kafkajs
// `oauthBearerProvider`) whose function hands back the token the building code was given: the client, kept in
// module scope, sends that token after it has expired.
const GRAPH = `import { Client } from '@microsoft/microsoft-graph-client';`;
const graphCases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'a Graph client kept in module scope, its authProvider replaying a parameter',
    code: lines(
      GRAPH,
      'let graphClient;',
      'export const init = (accessToken) => {',
      '  graphClient = Client.init({ authProvider: (done) => { done(null, accessToken); } });',
      '};',
      "export const me = () => graphClient.api('/me').get();",
    ),
    lines: [4],
  },
  {
    name: 'a kafkajs producer kept in module scope, its oauthBearerProvider replaying a parameter',
    code: lines(
      `import { Kafka } from 'kafkajs';`,
      'let kafka;',
      'export function connect(token) {',
      "  kafka = new Kafka({ brokers: ['b:9098'], ssl: true, sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) } });",
      '}',
      'export const send = (messages) => kafka.producer().send({ topic: "t", messages });',
    ),
    lines: [2],
  },
  {
    name: 'the authProvider asks for a token on each call',
    code: lines(
      GRAPH,
      `import { getToken } from './auth';`,
      'let graphClient;',
      'export const init = () => {',
      '  graphClient = Client.init({ authProvider: async (done) => { done(null, await getToken()); } });',
      '};',
      "export const me = () => graphClient.api('/me').get();",
    ),
    lines: [],
  },
  {
    name: 'a Graph client built per call',
    code: lines(
      GRAPH,
      'export const me = (accessToken) => {',
      '  const client = Client.init({ authProvider: (done) => done(null, accessToken) });',
      "  return client.api('/me').get();",
      '};',
    ),
    lines: [],
  },
];

describe('no-module-token-cache: clients whose token provider replays the token they were built with', () => {
  for (const c of graphCases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
