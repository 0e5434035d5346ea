import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// MSAL's `acquireToken*` names are its own: called on a client the app makes in a module of its own and imports
// (`const { msalClient } = require('../config/graph')`), the result is still an Entra token (60 to 90 min). Kept in
// the user's session or in module scope with no expiry check, it is reported; the same code with `expiresOn` kept and
// checked, or keeping only the account, is not.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const ROUTES = lines(
  "const express = require('express');",
  "const { msalClient, graphClientFor } = require('../config/graph');",
  'const router = express.Router();',
);
const signIn = (...keep: string[]) =>
  lines(
    "router.get('/redirect', async (req, res) => {",
    "  const response = await msalClient.acquireTokenByCode({ code: req.query.code, scopes: ['Mail.Send'] });",
    ...keep,
    "  res.redirect('/ready');",
    '});',
  );
const send = (test: string, token = 'req.session.graphToken') =>
  lines(
    "router.post('/send', async (req, res) => {",
    `  if (${test}) return res.status(401).end();`,
    `  await graphClientFor(${token}).api('/me/sendMail').post(req.body);`,
    '  res.json({ sent: true });',
    '});',
    'module.exports = router;',
  );

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'a token from an imported MSAL client kept in the session and used by a later request',
    code: lines(ROUTES, signIn('  req.session.graphToken = response.accessToken;'), send('!req.session.graphToken')),
    lines: [6],
  },
  {
    name: 'the same token kept with its expiry, checked before each use',
    code: lines(
      ROUTES,
      signIn(
        '  req.session.graphToken = response.accessToken;',
        '  req.session.graphTokenExpiresAt = response.expiresOn.getTime();',
      ),
      send('!req.session.graphToken || Date.now() >= req.session.graphTokenExpiresAt'),
    ),
    lines: [],
  },
  {
    name: 'only the account kept; each request asks the client for a token',
    code: lines(
      ROUTES,
      signIn('  req.session.homeAccountId = response.account.homeAccountId;'),
      send('!req.session.homeAccountId', 'req.session.homeAccountId'),
    ),
    lines: [],
  },
  {
    name: 'an app-only token from an imported client memoised in module scope',
    code: lines(
      "import { msalApp } from './auth/msal';",
      'let graphToken;',
      'export async function graphHeaders() {',
      "  graphToken ??= (await msalApp.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).accessToken;",
      '  return { Authorization: `Bearer ${graphToken}` };',
      '}',
    ),
    lines: [2],
  },
  {
    name: 'an imported client asked for a token at each call',
    code: lines(
      "import { msalApp } from './auth/msal';",
      'export async function graphHeaders() {',
      "  const { accessToken } = await msalApp.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });",
      '  return { Authorization: `Bearer ${accessToken}` };',
      '}',
    ),
    lines: [],
  },
  {
    // Still a kept bearer token, in the words of an unknown issuer (bearer-tokens.test.ts checks them), not MSAL's.
    name: 'a method of the same name on an object of a package the file imports is not taken for MSAL',
    code: lines(
      "import { tokens } from 'some-oauth-lib';",
      'let graphToken;',
      'export async function graphHeaders() {',
      "  graphToken ??= (await tokens.acquireTokenByCode({ code: 'x' })).accessToken;",
      '  return { Authorization: `Bearer ${graphToken}` };',
      '}',
    ),
    lines: [2],
  },
];

describe('no-module-token-cache: MSAL clients imported from the app', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
