import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// `process.env` of a long-running server is a keeper only when something reads the variable later: a read that the
// writing code does not reach right after its own write (a route, a timer, an exported function), or a child process
// the file starts (it inherits the variable). A variable read only by the start-up call that follows the write is a
// hand-over. Each keeper sits next to its look-alike.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const SERVER = lines(
  "import express from 'express';",
  "import axios from 'axios';",
  'const app = express();',
  'app.listen(3000);',
);
const FETCH_THEN = (after: string) =>
  lines(
    "axios.post(process.env.AUTH_URL + '/oauth2/token', new URLSearchParams({ grant_type: 'client_credentials' }))",
    '  .then((res) => {',
    '    process.env.CRM_TOKEN = res.data.access_token;',
    `    ${after}`,
    '  });',
  );
const LOAD = lines(
  'async function loadBranding() {',
  "  return axios.get(process.env.CRM_API, { headers: { Authorization: 'Bearer ' + process.env.CRM_TOKEN } });",
  '}',
);

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'read only by the start-up call made right after the write: a hand-over',
    code: lines(SERVER, FETCH_THEN('return loadBranding();'), LOAD),
    lines: [],
  },
  {
    name: 'the same reader also called by a route: read after the token has gone stale',
    code: lines(
      SERVER,
      FETCH_THEN('return loadBranding();'),
      LOAD,
      "app.get('/brand', async (req, res) => res.json(await loadBranding()));",
    ),
    lines: [7],
  },
  {
    name: 'read in a route handler registered at start-up',
    code: lines(
      SERVER,
      FETCH_THEN(''),
      "app.get('/crm', (req, res) => axios.get(process.env.CRM_API, { headers: { Authorization: 'Bearer ' + process.env.CRM_TOKEN } }).then((r) => res.json(r.data)));",
    ),
    lines: [7],
  },
  {
    name: 'read right after the write, but a child process the file starts inherits the variable',
    code: lines(
      "import { spawn } from 'node:child_process';",
      SERVER,
      FETCH_THEN('return loadBranding();'),
      LOAD,
      "app.post('/export', (req, res) => { spawn('crm-export', [], { stdio: 'inherit' }); res.end(); });",
    ),
    lines: [8],
  },
];

describe('no-module-token-cache: process.env read only by the writer', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
