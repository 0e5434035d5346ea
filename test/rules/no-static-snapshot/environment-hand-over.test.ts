import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-static-snapshot/index.js';

// A token copied into a variable of the app's own naming in `process.env` of a running server is kept only when
// something reads it later (a route, an exported function, another module, a child process). Read only by the
// start-up call that follows the write, it is handed over. Each keeper sits next to its look-alike.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-static-snapshot', rule, code);

const SERVER = lines(
  "import http from 'node:http';",
  "import axios from 'axios';",
  'http.createServer((req, res) => res.end()).listen(8080);',
);
const BOOT = (after: string) =>
  lines(
    'async function boot() {',
    "  const res = await axios.post(process.env.AUTH_URL + '/oauth2/token', new URLSearchParams({ grant_type: 'client_credentials' }));",
    '  process.env.CRM_TOKEN = res.data.access_token;',
    `  ${after}`,
    '}',
    'boot();',
  );
const LOAD = lines(
  'async function loadBranding() {',
  "  return axios.get(process.env.CRM_API, { headers: { Authorization: 'Bearer ' + process.env.CRM_TOKEN } });",
  '}',
);

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'read only by the call made right after the write',
    code: lines(SERVER, BOOT('await loadBranding();'), LOAD),
    lines: [],
  },
  {
    name: 'the reader exported: other modules call it whenever they like',
    code: lines(SERVER, BOOT('await loadBranding();'), `export ${LOAD}`),
    lines: [5],
  },
  { name: 'never read in the file: other modules of the process read it', code: lines(SERVER, BOOT('')), lines: [5] },
  {
    name: 'read after the write, but again on every tick of a timer',
    code: lines(SERVER, BOOT('setInterval(() => loadBranding(), 60000);'), LOAD),
    lines: [5],
  },
];

describe('no-static-snapshot: process.env read only by the writer', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
