import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// A port of a library's auth client in the app's own module, under the library's class name (`GoogleAuth` from
// `./jwt` in a WeChat mini-program or a Worker, where google-auth-library does not run): its `getAccessToken()` hands
// out the same one-hour token, and kept in module scope it is a cache like the library's. Each keeper sits next to
// its look-alike.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const USE =
  "  return fetch('https://sheets.googleapis.com/v4/spreadsheets/x', { headers: { Authorization: `Bearer ${token}` } });";

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: "the library's namesake from the app's own module, its token kept in module scope",
    code: lines(
      "import { GoogleAuth } from './jwt';",
      'const auth = new GoogleAuth({ scopes: ["https://www.googleapis.com/auth/spreadsheets"] });',
      'let token = null;',
      'export async function read() {',
      '  if (!token) token = await auth.getAccessToken();',
      USE,
      '}',
    ),
    lines: [3],
  },
  {
    name: 'the same port asked for the token on every call',
    code: lines(
      "import { GoogleAuth } from './jwt';",
      'const auth = new GoogleAuth({});',
      'export async function read() {',
      '  const token = await auth.getAccessToken();',
      USE,
      '}',
    ),
    lines: [],
  },
  {
    name: "a class of the app's own under another name: what its method returns is not known",
    code: lines(
      "import { SheetsSession } from './session';",
      'const session = new SheetsSession();',
      'let token = null;',
      'export async function read() {',
      '  if (!token) token = await session.getAccessToken();',
      USE,
      '}',
    ),
    lines: [],
  },
];

describe("no-module-token-cache: namesakes of a library's auth client", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
