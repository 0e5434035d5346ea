import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// `setCredentials({ access_token })` with the token the same client's getAccessToken() just handed out: the call
// only throws away the refresh token, so removing it is migration-safe; a token from another client stays a finding.
const lines = (...text: string[]) => text.join('\n');
const CLIENT = lines(
  `import { OAuth2Client } from 'google-auth-library';`,
  'const client = new OAuth2Client();',
  'client.setCredentials({ refresh_token: process.env.REFRESH_TOKEN });',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    name: 'the token read off the const of the same client',
    filename: 'drive.js',
    code: lines(
      CLIENT,
      'export async function list() {',
      '  const t = await client.getAccessToken();',
      '  client.setCredentials({ access_token: t.token });',
      "  return client.request({ url: 'https://www.googleapis.com/drive/v3/files' });",
      '}',
    ),
    errors: [
      {
        messageId: 'googleNoRefresh',
        line: 6,
        suggestions: [
          {
            messageId: 'keepOwnCredentials',
            output: lines(
              CLIENT,
              'export async function list() {',
              '  const t = await client.getAccessToken();',
              "  return client.request({ url: 'https://www.googleapis.com/drive/v3/files' });",
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'the token destructured from the same client',
    filename: 'drive.js',
    code: lines(
      CLIENT,
      'export async function list() {',
      '  const { token } = await client.getAccessToken();',
      '  client.setCredentials({ access_token: token });',
      "  return client.request({ url: 'https://www.googleapis.com/drive/v3/files' });",
      '}',
    ),
    errors: [
      {
        messageId: 'googleNoRefresh',
        line: 6,
        suggestions: [
          {
            messageId: 'keepOwnCredentials',
            output: lines(
              CLIENT,
              'export async function list() {',
              '  const { token } = await client.getAccessToken();',
              "  return client.request({ url: 'https://www.googleapis.com/drive/v3/files' });",
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: another client's token; the receiver holds nothing to refresh it with.
    name: "another client's token: no suggestion",
    filename: 'drive.js',
    code: lines(
      CLIENT,
      'const viewer = new OAuth2Client();',
      'export async function list() {',
      '  const t = await client.getAccessToken();',
      '  viewer.setCredentials({ access_token: t.token });',
      "  return viewer.request({ url: 'https://www.googleapis.com/drive/v3/files' });",
      '}',
    ),
    errors: [{ messageId: 'googleNoRefresh', line: 7, suggestions: [] }],
  },
  {
    // Look-alike: the object also sets other fields, so removing the call would drop them too.
    name: 'more fields than the token: no suggestion',
    filename: 'drive.js',
    code: lines(
      CLIENT,
      'export async function list() {',
      '  const t = await client.getAccessToken();',
      "  client.setCredentials({ access_token: t.token, scope: 'drive' });",
      "  return client.request({ url: 'https://www.googleapis.com/drive/v3/files' });",
      '}',
    ),
    errors: [{ messageId: 'googleNoRefresh', line: 6, suggestions: [] }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  {
    filename: 'drive.js',
    code: lines(
      CLIENT,
      'export async function list() {',
      "  return client.request({ url: 'https://www.googleapis.com/drive/v3/files' });",
      '}',
    ),
  },
];

createRuleTester().run('no-static-snapshot (a client given back its own token)', rule, { valid, invalid });
