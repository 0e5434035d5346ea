import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Sources of short-lived values for anti-pattern B beyond SDK calls (EKS bearer tokens, Google Identity Services
// token callbacks, node https requests, superagent chains, JSON parsed from a response's text) and flow through
// `Promise.all` and array callbacks. Each invalid case has a look-alike in `valid`.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // Source: an EKS bearer token (`k8s-aws-v1.` + a presigned GetCallerIdentity URL, 15 min) kept at module scope.
    code: lines(
      "import { SignatureV4 } from '@smithy/signature-v4';",
      "import { Sha256 } from '@aws-crypto/sha256-js';",
      "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
      "const signer = new SignatureV4({ credentials: fromNodeProviderChain(), region: 'us-east-1', service: 'sts', sha256: Sha256 });",
      'let kubeToken: string | undefined;',
      'export async function eksToken(cluster: string) {',
      '  if (kubeToken) return kubeToken;',
      "  const url = await signer.presign({ method: 'GET', protocol: 'https:', hostname: 'sts.amazonaws.com', path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: { host: 'sts.amazonaws.com', 'x-k8s-aws-id': cluster } }, { expiresIn: 60 });",
      "  kubeToken = `k8s-aws-v1.${Buffer.from(JSON.stringify(url)).toString('base64url')}`;",
      '  return kubeToken;',
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
            output:
              "import { SignatureV4 } from '@smithy/signature-v4';\nimport { Sha256 } from '@aws-crypto/sha256-js';\nimport { fromNodeProviderChain } from '@aws-sdk/credential-providers';\nconst signer = new SignatureV4({ credentials: fromNodeProviderChain(), region: 'us-east-1', service: 'sts', sha256: Sha256 });\nlet kubeToken: string | undefined;\nlet kubeTokenExpiresAt = 0;\nexport async function eksToken(cluster: string) {\n  if (kubeToken && Date.now() < kubeTokenExpiresAt) return kubeToken;\n  const url = await signer.presign({ method: 'GET', protocol: 'https:', hostname: 'sts.amazonaws.com', path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: { host: 'sts.amazonaws.com', 'x-k8s-aws-id': cluster } }, { expiresIn: 60 });\n  kubeToken = `k8s-aws-v1.${Buffer.from(JSON.stringify(url)).toString('base64url')}`;\n  kubeTokenExpiresAt = Date.now() + 10 * 60 * 1000;\n  return kubeToken;\n}",
          },
        ],
      },
    ],
  },
  {
    // Source: an EKS token built with `+` and kept on a module-level object.
    code: lines(
      "import { getPresignedCallerIdentityUrl } from '../presign';",
      'const kube = { token: null };',
      'export async function headers(cluster) {',
      "  if (!kube.token) kube.token = 'k8s-aws-v1.' + Buffer.from(await getPresignedCallerIdentityUrl(cluster)).toString('base64url').replace(/=+$/, '');",
      '  return { Authorization: `Bearer ${kube.token}` };',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        column: 7,
        suggestions: [],
      },
    ],
  },
  {
    // Source: Google Identity Services hands the browser's token to a callback (1 h); the page keeps it for good.
    code: lines(
      'let accessToken = null;',
      'export function signIn() {',
      '  const client = google.accounts.oauth2.initTokenClient({',
      "    client_id: 'app.apps.googleusercontent.com',",
      "    scope: 'https://www.googleapis.com/auth/drive.readonly',",
      '    callback: (response) => {',
      '      accessToken = response.access_token;',
      '    },',
      '  });',
      '  client.requestAccessToken();',
      '}',
      'export function listFiles() {',
      "  return fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${accessToken}` } });",
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 7,
        column: 7,
        suggestions: [],
      },
    ],
  },
  {
    // Source: node's https.request to a token path; the body arrives in chunks and is parsed on 'end'.
    code: lines(
      "const https = require('https');",
      'let cachedToken;',
      'function getToken(cb) {',
      '  if (cachedToken) return cb(null, cachedToken);',
      "  const req = https.request({ hostname: 'login.example.com', path: '/oauth2/token', method: 'POST' }, (res) => {",
      "    let data = '';",
      "    res.on('data', (chunk) => (data += chunk));",
      "    res.on('end', () => {",
      '      cachedToken = JSON.parse(data).access_token;',
      '      cb(null, cachedToken);',
      '    });',
      '  });',
      '  req.end();',
      '}',
      'module.exports = { getToken };',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        column: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "const https = require('https');\nlet cachedToken;\nlet cachedTokenExpiresAt = 0;\nfunction getToken(cb) {\n  if (cachedToken && Date.now() < cachedTokenExpiresAt) return cb(null, cachedToken);\n  const req = https.request({ hostname: 'login.example.com', path: '/oauth2/token', method: 'POST' }, (res) => {\n    let data = '';\n    res.on('data', (chunk) => (data += chunk));\n    res.on('end', () => {\n      cachedToken = JSON.parse(data).access_token;\n      cachedTokenExpiresAt = Date.now() + 55 * 60 * 1000;\n      cb(null, cachedToken);\n    });\n  });\n  req.end();\n}\nmodule.exports = { getToken };",
          },
        ],
      },
    ],
  },
  {
    // Source: any URL, once the request writes a `grant_type` body (req.write).
    code: lines(
      "const https = require('node:https');",
      "const querystring = require('node:querystring');",
      'const session = {};',
      'exports.login = function login(done) {',
      '  if (session.token) return done(session.token);',
      "  const req = https.request({ host: 'sso.example.com', path: '/api/v1/session', method: 'POST' }, (res) => {",
      "    let raw = '';",
      "    res.on('data', (c) => (raw += c));",
      "    res.on('end', () => done((session.token = JSON.parse(raw).accessToken)));",
      '  });',
      "  req.write(querystring.stringify({ grant_type: 'password', username: 'svc' }));",
      '  req.end();',
      '};',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        column: 7,
        suggestions: [],
      },
    ],
  },
  {
    // Source: a superagent chain; `grant_type` arrives in `.send()` after `.type()`.
    code: lines(
      "const request = require('superagent');",
      'let token = null;',
      'async function getToken() {',
      '  if (token) return token;',
      "  const res = await request.post('https://auth.example.com/api/token').type('form').send({ grant_type: 'client_credentials', client_id: 'svc' });",
      '  token = res.body.access_token;',
      '  return token;',
      '}',
      'module.exports = { getToken };',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        column: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "const request = require('superagent');\nlet token = null;\nlet tokenExpiresAt = 0;\nasync function getToken() {\n  if (token && Date.now() < tokenExpiresAt) return token;\n  const res = await request.post('https://auth.example.com/api/token').type('form').send({ grant_type: 'client_credentials', client_id: 'svc' });\n  token = res.body.access_token;\n  tokenExpiresAt = Date.now() + 55 * 60 * 1000;\n  return token;\n}\nmodule.exports = { getToken };",
          },
        ],
      },
    ],
  },
  {
    // Flow: JSON.parse of a response's text is its body.
    code: lines(
      'let token: string | null = null;',
      'export async function getToken() {',
      '  if (token) return token;',
      "  const r = await fetch('https://id.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
      '  token = JSON.parse(await r.text()).access_token;',
      '  return token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        column: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "let token: string | null = null;\nlet tokenExpiresAt = 0;\nexport async function getToken() {\n  if (token && Date.now() < tokenExpiresAt) return token;\n  const r = await fetch('https://id.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });\n  token = JSON.parse(await r.text()).access_token;\n  tokenExpiresAt = Date.now() + 55 * 60 * 1000;\n  return token;\n}",
          },
        ],
      },
    ],
  },
  {
    // Flow: the token is one element of `await Promise.all([...])`, destructured by position into a pool's password.
    code: lines(
      "import { Signer } from '@aws-sdk/rds-signer';",
      "import { Pool } from 'pg';",
      "const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });",
      'let pool: Pool | undefined;',
      'export async function db(lookupHost: () => Promise<string>) {',
      '  if (!pool) {',
      '    const [host, password] = await Promise.all([lookupHost(), signer.getAuthToken()]);',
      '    pool = new Pool({ host, password });',
      '  }',
      '  return pool;',
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
            output:
              "import { Signer } from '@aws-sdk/rds-signer';\nimport { Pool } from 'pg';\nconst signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });\nlet pool: Pool | undefined;\nlet poolExpiresAt = 0;\nexport async function db(lookupHost: () => Promise<string>) {\n  if (!pool || Date.now() >= poolExpiresAt) {\n    const [host, password] = await Promise.all([lookupHost(), signer.getAuthToken()]);\n    pool = new Pool({ host, password });\n    poolExpiresAt = Date.now() + 10 * 60 * 1000;\n  }\n  return pool;\n}",
          },
        ],
      },
    ],
  },
  {
    // Flow: presigned URLs made in a `map` callback, awaited together, then cached from a `forEach` callback.
    code: lines(
      "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';",
      "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
      'const s3 = new S3Client({});',
      'const links = new Map<string, string>();',
      'export async function warm(keys: string[]) {',
      "  const urls = await Promise.all(keys.map((Key) => getSignedUrl(s3, new GetObjectCommand({ Bucket: 'media', Key }), { expiresIn: 3600 })));",
      '  urls.forEach((url, i) => links.set(keys[i], url));',
      '}',
      'export function link(key: string) {',
      '  return links.get(key);',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        column: 7,
        suggestions: [],
      },
    ],
  },
];

const valid: ValidTestCase<[]>[] = [
  {
    // An EKS token signed per call, and the prefix used only to recognise tokens.
    code: lines(
      "import { SignatureV4 } from '@smithy/signature-v4';",
      "import { Sha256 } from '@aws-crypto/sha256-js';",
      "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
      "const signer = new SignatureV4({ credentials: fromNodeProviderChain(), region: 'us-east-1', service: 'sts', sha256: Sha256 });",
      "const PREFIX = 'k8s-aws-v1.';",
      'export async function eksToken(cluster: string) {',
      "  const url = await signer.presign({ method: 'GET', protocol: 'https:', hostname: 'sts.amazonaws.com', path: '/', query: { Action: 'GetCallerIdentity' }, headers: { host: 'sts.amazonaws.com', 'x-k8s-aws-id': cluster } }, { expiresIn: 60 });",
      "  return PREFIX + Buffer.from(JSON.stringify(url)).toString('base64url');",
      '}',
      "let lastSeen = '';",
      'export function isEksToken(t: string) { lastSeen = t; return t.startsWith(PREFIX); }',
      'export function seen() { return lastSeen; }',
    ),
  },
  {
    // The GIS token kept with its expires_in and compared before use.
    code: lines(
      'let accessToken = null;',
      'let expiresAt = 0;',
      'const client = google.accounts.oauth2.initTokenClient({',
      "  client_id: 'app.apps.googleusercontent.com',",
      "  scope: 'https://www.googleapis.com/auth/drive.readonly',",
      '  callback: (response) => {',
      '    accessToken = response.access_token;',
      '    expiresAt = Date.now() + response.expires_in * 1000;',
      '  },',
      '});',
      'export function listFiles() {',
      '  if (!accessToken || Date.now() >= expiresAt) return client.requestAccessToken();',
      "  return fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${accessToken}` } });",
      '}',
    ),
  },
  {
    // Sign In With Google's `id.initialize` callback (a one-off sign-in), and a local `google` with the same method name.
    code: lines(
      'let selectedBy = null;',
      "google.accounts.id.initialize({ client_id: 'app.apps.googleusercontent.com', callback: (response) => { selectedBy = response.select_by; } });",
      'export function how() { return selectedBy; }',
      'let last = null;',
      'export function local(google) {',
      '  google.accounts.oauth2.initTokenClient({ callback: (response) => { last = response.access_token; } });',
      '}',
      'export function lastOne() { return last; }',
    ),
  },
  {
    // node's https.get of settings, not a token.
    code: lines(
      "const https = require('https');",
      'let cachedConfig;',
      'function getConfig(cb) {',
      '  if (cachedConfig) return cb(null, cachedConfig);',
      "  https.get({ hostname: 'config.example.com', path: '/v1/settings' }, (res) => {",
      "    let data = '';",
      "    res.on('data', (c) => (data += c));",
      "    res.on('end', () => { cachedConfig = JSON.parse(data).features; cb(null, cachedConfig); });",
      '  });',
      '}',
      'module.exports = { getConfig };',
    ),
  },
  {
    // A superagent token with its expiry compared, and a chain that fetches a profile.
    code: lines(
      "const request = require('superagent');",
      'let token = null;',
      'let expiresAt = 0;',
      'async function getToken() {',
      '  if (token && Date.now() < expiresAt) return token;',
      "  const res = await request.post('https://auth.example.com/oauth/token').type('form').send({ grant_type: 'client_credentials' });",
      '  token = res.body.access_token;',
      '  expiresAt = Date.now() + res.body.expires_in * 1000;',
      '  return token;',
      '}',
      'let profile = null;',
      'async function me() {',
      '  if (profile) return profile;',
      "  profile = (await request.get('https://api.example.com/me').set('Accept', 'application/json')).body.name;",
      '  return profile;',
      '}',
      'module.exports = { getToken, me };',
    ),
  },
  {
    // The other element of the same `Promise.all` is kept: the host, not the token.
    code: lines(
      "import { Signer } from '@aws-sdk/rds-signer';",
      "const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });",
      'let dbHost: string | undefined;',
      'export async function connectOptions(lookupHost: () => Promise<string>) {',
      '  const [host, password] = await Promise.all([lookupHost(), signer.getAuthToken()]);',
      '  dbHost ??= host;',
      '  return { host: dbHost, password };',
      '}',
    ),
  },
  {
    // `map`/`forEach` over values that are not tokens, and presigned URLs kept with their expiry.
    code: lines(
      "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';",
      "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
      'const s3 = new S3Client({});',
      'const names = new Map<string, string>();',
      'export function remember(keys: string[]) {',
      '  keys.map((k) => k.toUpperCase()).forEach((name, i) => names.set(keys[i], name));',
      '}',
      'const links = new Map<string, { url: string; expiresAt: number }>();',
      'export async function link(Key: string) {',
      '  const hit = links.get(Key);',
      '  if (hit && hit.expiresAt > Date.now()) return hit.url;',
      "  const [url] = await Promise.all([getSignedUrl(s3, new GetObjectCommand({ Bucket: 'media', Key }), { expiresIn: 3600 })]);",
      '  links.set(Key, { url, expiresAt: Date.now() + 3_000_000 });',
      '  return url;',
      '}',
    ),
  },
];

createRuleTester().run('no-module-token-cache (sources without an SDK call)', rule, { valid, invalid });
