import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import { reportedLines } from '../lint-with-rule.js';

// A token kept by a small setter (`provider.setCredentials(next)`) whose caller writes a deadline beside the call
// (`validUntil = Date.now() + expires_in * 1000`) and tests it before every reuse: the deadline is the token's.
const lines = (...text: string[]) => text.join('\n');
const linted = (code: string) => reportedLines('no-module-token-cache', rule, code);

const TOKEN = [
  'let credentials = null;',
  'const provider = {',
  '  getCredentials: async () => credentials,',
  '  setCredentials: (next) => {',
  '    credentials = next;',
  '  },',
  '};',
  'async function requestAccessToken() {',
  "  const response = await fetch('https://auth.example.com/oauth2/token', {",
  "    method: 'POST',",
  "    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'id' }),",
  '  });',
  '  const content = await response.json();',
  '  return { accessToken: content.access_token, validUntil: Date.now() + content.expires_in * 1000 };',
  '}',
];

describe('a deadline written beside the setter that keeps the token', () => {
  it('stays silent when the caller tests the deadline before each reuse', () => {
    const code = lines(
      ...TOKEN,
      'let validUntil = null;',
      'async function ensureToken() {',
      '  if (!validUntil || Date.now() > validUntil) {',
      '    const token = await requestAccessToken();',
      '    provider.setCredentials({ token: token.accessToken });',
      '    validUntil = token.validUntil;',
      '  }',
      '}',
      'export async function call(path) {',
      '  await ensureToken();',
      "  return fetch(path, { headers: { Authorization: 'Bearer ' + (await provider.getCredentials()).token } });",
      '}',
    );
    expect(linted(code)).toEqual([]);
  });

  it('reports when the deadline is written there but never tested', () => {
    const code = lines(
      ...TOKEN,
      'let validUntil = null;',
      'async function ensureToken() {',
      '  if (!credentials) {',
      '    const token = await requestAccessToken();',
      '    provider.setCredentials({ token: token.accessToken });',
      '    validUntil = token.validUntil;',
      '  }',
      '}',
      'export const expiresAt = () => validUntil;',
      'export async function call(path) {',
      '  await ensureToken();',
      "  return fetch(path, { headers: { Authorization: 'Bearer ' + (await provider.getCredentials()).token } });",
      '}',
    );
    expect(linted(code)).toEqual([5]);
  });

  it('reports when the tested deadline is written by a function that does not keep the token', () => {
    const code = lines(
      ...TOKEN,
      'let validUntil = null;',
      'export function extend(ms) {',
      '  validUntil = Date.now() + ms;',
      '}',
      'async function ensureToken() {',
      '  if (credentials && Date.now() < validUntil) return;',
      '  const token = await requestAccessToken();',
      '  provider.setCredentials({ token: token.accessToken });',
      '}',
      'export async function call(path) {',
      '  await ensureToken();',
      "  return fetch(path, { headers: { Authorization: 'Bearer ' + (await provider.getCredentials()).token } });",
      '}',
    );
    expect(linted(code)).toEqual([5]);
  });
});
