import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// Four ways real caches renew what they keep that are not an expiry comparison on the value itself: an age check on
// the entry's fill time, a per-entry TTL given to the cache's `set`, dropping the token when the service answers 401,
// and a check of the token's expiry in the test that reuses what was built from it (a pool). Each valid case sits
// next to an invalid look-alike that renews nothing.
const lines = (...text: string[]) => text.join('\n');

const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const SIGNED_URLS = lines(
  `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';`,
  `import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';`,
  'const s3 = new S3Client({});',
  'const cache = new Map();',
);
const TOKEN_FETCH = lines(
  'async function fetchToken() {',
  "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
  '  return (await res.json()).access_token;',
  '}',
);

// A pool kept in module scope (line 4) built from an RDS token that has its own expiry check.
const RDS_TOKEN = lines(
  `import { Signer } from '@aws-sdk/rds-signer';`,
  `import { Pool } from 'pg';`,
  "const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });",
  'let pool = null;',
  'let cachedToken = null;',
  'async function getToken() {',
  '  if (cachedToken && cachedToken.expiresAt > Date.now()) return cachedToken.token;',
  '  const token = await signer.getAuthToken();',
  '  cachedToken = { token, expiresAt: Date.now() + 14 * 60 * 1000 };',
  '  return token;',
  '}',
);

const cases: { name: string; renewed: string; lookAlike: string; line: number }[] = [
  {
    name: 'an age check on the entry fill time',
    renewed: lines(
      SIGNED_URLS,
      'export async function url(key) {',
      '  const entry = cache.get(key);',
      '  if (entry && Date.now() - entry.ts < 50 * 60 * 1000) return entry.url;',
      "  const signed = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 3600 });",
      '  cache.set(key, { url: signed, ts: Date.now() });',
      '  return signed;',
      '}',
    ),
    // The fill time is stored but never compared with the clock.
    lookAlike: lines(
      SIGNED_URLS,
      'export async function url(key) {',
      '  const entry = cache.get(key);',
      '  if (entry && entry.ts) return entry.url;',
      "  const signed = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 3600 });",
      '  cache.set(key, { url: signed, ts: Date.now() });',
      '  return signed;',
      '}',
    ),
    line: 4,
  },
  {
    name: "a per-entry TTL given to the cache's set",
    renewed: lines(
      `import NodeCache from 'node-cache';`,
      'const tokens = new NodeCache();',
      TOKEN_FETCH,
      'export async function token(key) {',
      '  const cached = tokens.get(key);',
      '  if (cached) return cached;',
      '  const fresh = await fetchToken();',
      '  tokens.set(key, fresh, 3000);',
      '  return fresh;',
      '}',
    ),
    lookAlike: lines(
      `import NodeCache from 'node-cache';`,
      'const tokens = new NodeCache();',
      TOKEN_FETCH,
      'export async function token(key) {',
      '  const cached = tokens.get(key);',
      '  if (cached) return cached;',
      '  const fresh = await fetchToken();',
      '  tokens.set(key, fresh);',
      '  return fresh;',
      '}',
    ),
    line: 2,
  },
  {
    name: 'the token dropped when the service answers 401',
    renewed: lines(
      'let token = null;',
      TOKEN_FETCH,
      'export async function call(path) {',
      '  if (!token) token = await fetchToken();',
      "  const res = await fetch(`https://api.example.com${path}`, { headers: { Authorization: 'Bearer ' + token } });",
      '  if (res.status === 401) {',
      '    token = null;',
      '    return call(path);',
      '  }',
      '  return res.json();',
      '}',
    ),
    // Dropped on any other status (a 500), not on the answer an expired token gets.
    lookAlike: lines(
      'let token = null;',
      TOKEN_FETCH,
      'export async function call(path) {',
      '  if (!token) token = await fetchToken();',
      "  const res = await fetch(`https://api.example.com${path}`, { headers: { Authorization: 'Bearer ' + token } });",
      '  if (res.status === 500) {',
      '    token = null;',
      '    return call(path);',
      '  }',
      '  return res.json();',
      '}',
    ),
    line: 1,
  },
  {
    name: "the token's expiry checked in the test that reuses the pool built from it",
    renewed: lines(
      RDS_TOKEN,
      'export async function getPool() {',
      '  if (pool && cachedToken && cachedToken.expiresAt > Date.now()) return pool;',
      '  if (pool) await pool.end();',
      "  pool = new Pool({ host: 'db', user: 'app', password: await getToken() });",
      '  return pool;',
      '}',
    ),
    // The token has its own expiry check, but the pool built from it is reused whatever the token's age.
    lookAlike: lines(
      RDS_TOKEN,
      'export async function getPool() {',
      '  if (pool) return pool;',
      "  pool = new Pool({ host: 'db', user: 'app', password: await getToken() });",
      '  return pool;',
      '}',
    ),
    line: 4,
  },
  {
    name: "the token's expiry checked in the test that reuses what the refill builds from the pool (an ORM handle)",
    renewed: lines(
      RDS_TOKEN,
      "import { drizzle } from 'drizzle-orm/node-postgres';",
      'let db = null;',
      'export async function getDb() {',
      '  if (db && cachedToken && cachedToken.expiresAt > Date.now()) return db;',
      '  if (pool) await pool.end();',
      "  pool = new Pool({ host: 'db', user: 'app', password: await getToken() });",
      '  db = drizzle(pool);',
      '  return db;',
      '}',
    ),
    // The handle is reused once made, whatever the age of the token its pool was built with.
    lookAlike: lines(
      RDS_TOKEN,
      "import { drizzle } from 'drizzle-orm/node-postgres';",
      'let db = null;',
      'export async function getDb() {',
      '  if (db) return db;',
      '  if (pool) await pool.end();',
      "  pool = new Pool({ host: 'db', user: 'app', password: await getToken() });",
      '  db = drizzle(pool);',
      '  return db;',
      '}',
    ),
    line: 4,
  },
];

describe('no-module-token-cache: renewal that is not an expiry comparison on the value', () => {
  for (const c of cases) {
    it(`silent: ${c.name}`, () => {
      expect(reported(c.renewed)).toEqual([]);
    });
    it(`reported: the look-alike of ${c.name} that renews nothing`, () => {
      expect(reported(c.lookAlike)).toEqual([c.line]);
    });
  }
});
