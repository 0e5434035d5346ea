import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// A JWT the app signs itself with a short lifetime (an OAuth JWT-bearer assertion, a GitHub App JWT, a Google
// service-account assertion), signed once at import and sent by every later call: refused once its `exp` passes.
// Each keeper sits next to its look-alike.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code, 'commonjs');

const HEAD = lines(
  "const jwt = require('jsonwebtoken');",
  "const axios = require('axios');",
  'const key = process.env.PRIVATE_KEY;',
);
const POST = lines(
  'async function login() {',
  "  const res = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }));",
  '  return res.data.access_token;',
  '}',
  'module.exports = { login };',
);

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'a Salesforce assertion (exp 3 min ahead) signed at import',
    code: lines(
      HEAD,
      "const assertion = jwt.sign({ iss: process.env.CLIENT_ID, aud: 'https://login.salesforce.com', exp: Math.floor(Date.now() / 1000) + 3 * 60 }, key, { algorithm: 'RS256' });",
      POST,
    ),
    lines: [4],
  },
  {
    name: 'a GitHub App JWT with expiresIn, the clock read through a const',
    code: lines(
      HEAD,
      'const now = Math.floor(Date.now() / 1000);',
      "const appJwt = jwt.sign({ iat: now - 60, iss: process.env.APP_ID }, key, { algorithm: 'RS256', expiresIn: '10m' });",
      "module.exports.installations = () => axios.get('https://api.github.com/app/installations', { headers: { Authorization: `Bearer ${appJwt}` } });",
    ),
    lines: [5],
  },
  {
    name: 'the exp written in milliseconds before the division',
    code: lines(
      HEAD,
      "const assertion = jwt.sign({ iss: 'sa@p.iam.gserviceaccount.com', exp: Math.floor((Date.now() + 3600 * 1000) / 1000) }, key);",
      POST,
    ),
    lines: [4],
  },
  {
    name: 'signed inside the function that sends it: a fresh JWT each time',
    code: lines(
      HEAD,
      'async function login() {',
      "  const assertion = jwt.sign({ iss: process.env.CLIENT_ID, exp: Math.floor(Date.now() / 1000) + 180 }, key, { algorithm: 'RS256' });",
      "  const res = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }));",
      '  return res.data.access_token;',
      '}',
      'module.exports = { login };',
    ),
    lines: [],
  },
  {
    name: 'an Apple client secret valid for six months: a long-lived secret',
    code: lines(
      HEAD,
      "const clientSecret = jwt.sign({ iss: process.env.TEAM_ID, aud: 'https://appleid.apple.com', sub: process.env.CLIENT_ID }, key, { algorithm: 'ES256', expiresIn: '180d' });",
      "module.exports.exchange = (code) => axios.post('https://appleid.apple.com/auth/token', new URLSearchParams({ code, client_secret: clientSecret }));",
    ),
    lines: [],
  },
  {
    name: 'a JWT whose lifetime the code does not show',
    code: lines(HEAD, 'const assertion = jwt.sign({ iss: process.env.CLIENT_ID }, key, options());', POST),
    lines: [],
  },
];

describe('no-module-token-cache: short-lived JWTs signed once', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
