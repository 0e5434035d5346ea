import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A service's own login API (`POST …/auth/login`, `/authenticate`, `/signin`) called with the app's account from the
// environment is a one-shot token issuer whatever the vendor: its `token` / `jwt` field expires on the service's
// schedule. Each invalid case has look-alikes in `valid` (a user's typed login, a kept expiry, a per-call login, a
// `token` field of another endpoint).
const lines = (...text: string[]) => text.join('\n');

const LOGIN =
  '  const response = await axios.post(`${API_BASE}/auth/login`, { email: process.env.API_EMAIL, password: process.env.API_PASSWORD });';
const SHIPPING = [
  "const axios = require('axios');",
  "const API_BASE = 'https://api.example-shipping.in/v1/external';",
  "let shipToken = '';",
];
const AUTHENTICATE = ['async function authenticate() {', LOGIN, '  shipToken = response.data.token;'];
const MIDDLEWARE = (test: string) => [
  '}',
  'async function ensureAuth(req, res, next) {',
  `  if (${test}) await authenticate();`,
  '  req.shipToken = shipToken;',
  '  next();',
  '}',
  'const track = (id) => axios.get(`${API_BASE}/track/${id}`, { headers: { Authorization: `Bearer ${shipToken}` } });',
  'module.exports = { ensureAuth, track };',
];
const PARTNER = (memo: string, after: string[]) =>
  lines(
    'const API_KEY = process.env.PARTNER_API_KEY;',
    'let jwt = null;',
    ...(after.length ? ['let jwtExpiresAt = 0;'] : []),
    'export async function partnerJwt() {',
    `  if (${memo}) return jwt;`,
    "  const res = await fetch('https://partner.example.com/api/v1/authenticate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiKey: API_KEY }) });",
    '  jwt = (await res.json()).jwt;',
    ...after,
    '  return jwt;',
    '}',
  );
const TTL = '  jwtExpiresAt = Date.now() + 55 * 60 * 1000;';

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // A login token kept by a middleware that logs in only while the variable is empty: reported at the one write.
    code: lines(...SHIPPING, ...AUTHENTICATE, ...MIDDLEWARE('!shipToken')),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              ...SHIPPING,
              'let shipTokenExpiresAt = 0;',
              ...AUTHENTICATE,
              '  shipTokenExpiresAt = Date.now() + 55 * 60 * 1000;',
              ...MIDDLEWARE('!shipToken || Date.now() >= shipTokenExpiresAt'),
            ),
          },
        ],
      },
    ],
  },
  {
    // An API key from the environment (through a module const) sent to `/api/v1/authenticate` with fetch; the `jwt`
    // memoised with no expiry: the memo is the cache, reported at its declaration.
    code: PARTNER('jwt', []),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        column: 5,
        suggestions: [{ messageId: 'addExpiryCheck', output: PARTNER('jwt && Date.now() < jwtExpiresAt', [TTL]) }],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // A user's own sign-in: the credentials are the caller's, the session is theirs to renew by signing in again.
  lines(
    "import axios from 'axios';",
    'let token = null;',
    'export async function login(email, password) {',
    "  const response = await axios.post('/api/auth/login', { email, password });",
    '  token = response.data.token;',
    '}',
    "export const me = () => axios.get('/api/me', { headers: { Authorization: `Bearer ${token}` } });",
  ),
  // The login token kept with the expiry its response gives, tested the right way round before reuse.
  lines(
    "const axios = require('axios');",
    "const API_BASE = 'https://api.example-shipping.in/v1/external';",
    'let shipToken = null;',
    'let shipTokenExpiresAt = 0;',
    'async function token() {',
    '  if (!shipToken || Date.now() >= shipTokenExpiresAt) {',
    LOGIN,
    '    shipToken = response.data.token;',
    '    shipTokenExpiresAt = Date.now() + response.data.expires_in * 1000;',
    '  }',
    '  return shipToken;',
    '}',
    'module.exports = { token };',
  ),
  // A login for each request: nothing is kept.
  lines(
    "const axios = require('axios');",
    "const API_BASE = 'https://api.example-shipping.in/v1/external';",
    'async function track(id) {',
    LOGIN,
    '  return axios.get(`${API_BASE}/track/${id}`, { headers: { Authorization: `Bearer ${response.data.token}` } });',
    '}',
    'module.exports = { track };',
  ),
  // The same shape against an endpoint that is no login: its `token` field is something else (a pagination cursor).
  lines(
    "const axios = require('axios');",
    "const API_BASE = 'https://api.example-shipping.in/v1/external';",
    "let pageToken = '';",
    'async function nextPage() {',
    '  const response = await axios.post(`${API_BASE}/orders/search`, { key: process.env.API_KEY, after: pageToken });',
    '  pageToken = response.data.token;',
    '}',
    'async function list(req, res, next) {',
    '  if (!pageToken) await nextPage();',
    "  const r = await axios.get(`${API_BASE}/orders?cursor=${pageToken}`, { headers: { Authorization: 'Bearer ' + pageToken } });",
    '  res.json(r.data);',
    '}',
    'module.exports = { list };',
  ),
];

createRuleTester().run("no-module-token-cache (a service's login endpoint)", rule, { valid, invalid });
