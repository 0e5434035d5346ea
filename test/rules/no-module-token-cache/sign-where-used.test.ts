import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A JWT the app signs at import (`jwt.sign` with an `exp` from the clock) and sends later: `signJwtPerUse` signs it
// where it is used. All reads in one function with a block body: the declaration moves to that function's start;
// otherwise the call goes into the read. A claim computed from a time read once elsewhere blocks both.
const lines = (...text: string[]) => text.join('\n');
const HEAD = lines(
  "const jwt = require('jsonwebtoken');",
  "const axios = require('axios');",
  'const key = process.env.PRIVATE_KEY;',
);
const SIGNED = lines(
  'const assertion = jwt.sign(',
  "  { iss: process.env.CLIENT_ID, aud: 'https://login.example.com', exp: Math.floor(Date.now() / 1000) + 180 },",
  '  key,',
  "  { algorithm: 'RS256' },",
  ');',
);
const POST =
  "  const res = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }));";

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    name: 'read in one async function: the declaration moves to its start, re-indented',
    code: lines(
      HEAD,
      SIGNED,
      'async function login() {',
      POST,
      '  return res.data.access_token;',
      '}',
      'module.exports = { login };',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        suggestions: [
          {
            messageId: 'signJwtPerUse',
            output: lines(
              HEAD,
              'async function login() {',
              '  const assertion = jwt.sign(',
              "    { iss: process.env.CLIENT_ID, aud: 'https://login.example.com', exp: Math.floor(Date.now() / 1000) + 180 },",
              '    key,',
              "    { algorithm: 'RS256' },",
              '  );',
              POST,
              '  return res.data.access_token;',
              '}',
              'module.exports = { login };',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'read in an arrow that returns the request: the call goes into the read',
    code: lines(
      HEAD,
      "const appJwt = jwt.sign({ iss: process.env.APP_ID, exp: Math.floor(Date.now() / 1000) + 600 }, key, { algorithm: 'RS256' });",
      "module.exports.apps = () => axios.get('https://api.github.com/app', { headers: { Authorization: `Bearer ${appJwt}` } });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        suggestions: [
          {
            messageId: 'signJwtPerUse',
            output: lines(
              HEAD,
              "module.exports.apps = () => axios.get('https://api.github.com/app', { headers: { Authorization: `Bearer ${jwt.sign({ iss: process.env.APP_ID, exp: Math.floor(Date.now() / 1000) + 600 }, key, { algorithm: 'RS256' })}` } });",
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: `iat` from a time read once at import; signed again per use, the JWT would still expire 10 min
    // after that read.
    name: 'claims from a clock read kept in a const: no per-use signature',
    code: lines(
      HEAD,
      'const now = Math.floor(Date.now() / 1000);',
      "const appJwt = jwt.sign({ iat: now - 60, iss: process.env.APP_ID }, key, { algorithm: 'RS256', expiresIn: '10m' });",
      "module.exports.apps = () => axios.get('https://api.github.com/app', { headers: { Authorization: `Bearer ${appJwt}` } });",
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 5, suggestions: [] }],
  },
  {
    // Look-alike: a `Math` of the file's own is not the clock.
    name: 'a local Math object in the claims: no per-use signature',
    code: lines(
      HEAD,
      'const Math = { floor: (x) => x };',
      "const assertion = jwt.sign({ iss: process.env.CLIENT_ID, exp: Math.floor(Date.now() / 1000) + 180 }, key, { algorithm: 'RS256' });",
      'async function login() {',
      POST,
      '  return res.data.access_token;',
      '}',
      'module.exports = { login };',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 5, suggestions: [] }],
  },
];

createRuleTester().run('no-module-token-cache (JWTs signed where they are used)', rule, { valid: [], invalid });
