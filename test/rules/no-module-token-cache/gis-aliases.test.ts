import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// Google Identity Services reached through the page's global however it is written: `window.google...`,
// `(window as any).google?.accounts?.oauth2`, or a const bound to part of it. The token its callback gets lives about
// 1 h; kept in module scope with no expiry check, it is reported. A local `google` (or an alias of one) is not the
// global, and a kept `expires_in` checked before use is a guard.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

/** `client` is made by `init` (the expression before `.initTokenClient`); `before` declares what it needs. */
const tokenPage = (init: string, before: string[] = [], keep: string[] = [], test = '!accessToken') =>
  lines(
    'let accessToken = null;',
    'let expiresAt = 0;',
    ...before,
    'export function connect() {',
    `  const client = ${init}.initTokenClient({`,
    "    client_id: 'app.apps.googleusercontent.com',",
    "    scope: 'https://www.googleapis.com/auth/spreadsheets',",
    '    callback: (response) => {',
    '      accessToken = response.access_token;',
    ...keep,
    '    },',
    '  });',
    '  client.requestAccessToken();',
    '}',
    'export async function append(row) {',
    `  if (${test}) throw new Error('not connected');`,
    "  return fetch('https://sheets.googleapis.com/v4/spreadsheets/x/values/A1:append', {",
    "    method: 'POST',",
    '    headers: { Authorization: `Bearer ${accessToken}` },',
    '    body: JSON.stringify({ values: [row] }),',
    '  });',
    '}',
  );

const cases: { name: string; code: string; lines: number[] }[] = [
  { name: 'through window.google', code: tokenPage('window.google.accounts.oauth2'), lines: [8] },
  {
    name: 'through a const alias of window.google?.accounts?.oauth2',
    code: tokenPage('gis', ['const gis = window.google?.accounts?.oauth2;']),
    lines: [9],
  },
  {
    name: 'through two aliases',
    code: tokenPage('oauth2', ['const accounts = globalThis.google.accounts;', 'const oauth2 = accounts.oauth2;']),
    lines: [10],
  },
  {
    name: 'the same alias with expires_in kept and checked before use',
    code: tokenPage(
      'gis',
      ['const gis = window.google?.accounts?.oauth2;'],
      ['      expiresAt = Date.now() + response.expires_in * 1000;'],
      '!accessToken || Date.now() >= expiresAt',
    ),
    lines: [],
  },
  {
    name: 'an alias of a local google object (a test double), not the global',
    code: tokenPage('gis', [
      "import { fakeGoogle as google } from './fake-google';",
      'const gis = google.accounts.oauth2;',
    ]),
    lines: [],
  },
  {
    name: 'an alias reassigned later is not followed',
    code: tokenPage('gis', ['let gis = window.google.accounts.oauth2;', 'export function use(o) { gis = o; }']),
    lines: [],
  },
];

describe('no-module-token-cache: Google Identity Services through aliases of the global', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
