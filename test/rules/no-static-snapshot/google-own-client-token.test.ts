import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A Google client whose own `getAccessToken()` result is handed back to its `setCredentials({ access_token })`:
// the pair marks an OAuth2Client even when it is imported from the app's own module, with no Google import in sight.
const lines = (...text: string[]) => text.join('\n');

/** A Gmail transport built once with the token an OAuth2 client issued; `extra` are more `auth` fields. */
const mailer = (...extra: string[]) =>
  lines(
    `import nodemailer from 'nodemailer';`,
    `import { google } from 'googleapis';`,
    'let transporter: nodemailer.Transporter;',
    'export async function initMailer() {',
    '  const oauth2 = new google.auth.OAuth2(process.env.CLIENT_ID, process.env.CLIENT_SECRET);',
    '  oauth2.setCredentials({ refresh_token: process.env.REFRESH_TOKEN });',
    '  const { token } = await oauth2.getAccessToken();',
    "  transporter = nodemailer.createTransport({ service: 'gmail', auth: {",
    "    type: 'OAuth2', user: 'me@example.com', accessToken: token!,",
    ...extra,
    '  } });',
    '}',
  );

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // The client comes from an app alias; the token object's `.token` goes back in at start-up.
    code: lines(
      `import { google, mailer } from '@api/clients';`,
      'async function start() {',
      '  const accessToken = await google.getAccessToken();',
      "  if (!accessToken?.token) throw new Error('no token');",
      '  google.setCredentials({ access_token: accessToken.token });',
      '  mailer.build(accessToken.token);',
      '}',
      'start();',
    ),
    errors: [
      {
        messageId: 'googleNoRefresh',
        line: 5,
        column: 3,
        // The call only drops the refresh token of the client that handed the token out (codemod: keepOwnCredentials).
        suggestions: [
          {
            messageId: 'keepOwnCredentials',
            output: lines(
              `import { google, mailer } from '@api/clients';`,
              'async function start() {',
              '  const accessToken = await google.getAccessToken();',
              "  if (!accessToken?.token) throw new Error('no token');",
              '  mailer.build(accessToken.token);',
              '}',
              'start();',
            ),
          },
        ],
      },
    ],
  },
  {
    // A relative import, the token destructured, inside a class (JS).
    code: lines(
      `const { oauthClient } = require('./google-client');`,
      'class Drive {',
      '  async init() {',
      '    const { token } = await this.client.getAccessToken();',
      '    this.client.setCredentials({ access_token: token, expiry_date: Date.now() + 3600e3 });',
      '  }',
      '  constructor() { this.client = oauthClient; }',
      '}',
      'module.exports = new Drive();',
    ),
    errors: [{ messageId: 'googleNoRefresh', line: 5, column: 5 }],
  },
  {
    // The mailer is built once with the access token alone: it fails after about 1 h.
    code: mailer(),
    errors: [{ messageId: 'googleTokenStored', line: 7, column: 21 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike of the mailer below: nodemailer gets the refresh token too and fetches the next access token itself.
  mailer(
    '    clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET, refreshToken: process.env.REFRESH_TOKEN,',
  ),
  // Look-alike: the refresh token goes back in with the access token.
  lines(
    `import { google } from '@api/clients';`,
    'export async function start(refreshToken: string) {',
    '  const { token } = await google.getAccessToken();',
    '  google.setCredentials({ access_token: token, refresh_token: refreshToken });',
    '}',
  ),
  // Look-alike: the token is used at once in a request header; nothing is replaced.
  lines(
    `import { google } from '@api/clients';`,
    'export async function listFiles() {',
    '  const { token } = await google.getAccessToken();',
    "  return fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${token}` } });",
    '}',
  ),
  // Look-alike: another receiver's setCredentials, with a token from elsewhere (no Google module imported).
  lines(
    `import { store, session } from '@api/clients';`,
    'export async function restore() {',
    '  const saved = await session.getAccessToken();',
    '  store.setCredentials({ access_token: saved.token });',
    '}',
  ),
  // Look-alike: a per-request client given the caller's token, used and dropped.
  lines(
    `import { google } from 'googleapis';`,
    'export async function GET(req: Request) {',
    '  const oauth2Client = new google.auth.OAuth2();',
    "  oauth2Client.setCredentials({ access_token: req.headers.get('authorization')!.slice(7) });",
    "  return Response.json(await google.drive({ version: 'v3', auth: oauth2Client }).files.list());",
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (a Google client handed back its own token)', rule, { valid, invalid });
