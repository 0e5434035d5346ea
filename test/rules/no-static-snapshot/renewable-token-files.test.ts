import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-static-snapshot/index.js';

// A Google OAuth token set written to a file together with its refresh token: whoever reads the file can renew the
// access token (`setCredentials(tokens)`), so the file is not a snapshot. The access token written alone is one.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-static-snapshot', rule, code);

const CLIENT = lines(
  "import fs from 'node:fs';",
  "import { OAuth2Client } from 'google-auth-library';",
  "const client = new OAuth2Client(process.env.CLIENT_ID, process.env.CLIENT_SECRET, 'http://localhost/cb');",
);
const CALLBACK = (write: string) =>
  lines(
    'export async function onCallback(code) {',
    '  const { tokens } = await client.getToken(code);',
    `  ${write}`,
    '}',
  );

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'the token set written whole, refresh token included',
    code: lines(CLIENT, CALLBACK("fs.writeFileSync('tokens.json', JSON.stringify(tokens));")),
    lines: [],
  },
  {
    name: 'the same set handed to a helper of the file that writes it',
    code: lines(
      CLIENT,
      "function save(t) { fs.writeFileSync('tokens.json', JSON.stringify(t, null, 2)); }",
      CALLBACK('save(tokens);'),
    ),
    lines: [],
  },
  {
    name: 'only the access token written: the reader cannot renew it',
    code: lines(CLIENT, CALLBACK("fs.writeFileSync('token.txt', tokens.access_token);")),
    lines: [5],
  },
];

describe('no-static-snapshot: token files that carry their refresh token', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
