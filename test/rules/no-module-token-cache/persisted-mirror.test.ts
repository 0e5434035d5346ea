import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import { reportedLines } from '../lint-with-rule.js';

// One defect, one report: a token kept in a module variable and persisted from it to the browser's storage is one
// cache, reported where it is stored (that copy outlives the page and refills the variable). A variable whose storage
// copy is not reported, or a different value stored, is reported on its own.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const TOKEN_FETCH = lines(
  'async function fetchToken() {',
  "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
  '  return res.json();',
  '}',
);
const READER =
  "export const items = (token) => fetch('/api/items', { headers: { Authorization: `Bearer ${token}` } });";

describe('a module variable persisted to browser storage', () => {
  it('reports once, at the storage write, when the variable is persisted from itself', () => {
    const code = lines(
      TOKEN_FETCH,
      'let cached = null;',
      'export async function token() {',
      '  if (cached) return cached;',
      "  cached = localStorage.getItem('token');",
      '  if (cached) return cached;',
      '  const body = await fetchToken();',
      '  cached = body.access_token;',
      "  localStorage.setItem('token', cached);",
      '  return cached;',
      '}',
      READER,
    );
    expect(reported(code)).toEqual([12]);
  });

  it('reports once, at the storage write, when a setter stores the same value in both', () => {
    const code = lines(
      TOKEN_FETCH,
      'let cached = null;',
      'function saveToken(token) {',
      '  cached = token;',
      "  localStorage.setItem('token', token);",
      '}',
      'export async function signIn() {',
      '  const body = await fetchToken();',
      '  saveToken(body.access_token);',
      '}',
      "export const items = () => fetch('/api/items', { headers: { Authorization: `Bearer ${cached ?? localStorage.getItem('token')}` } });",
    );
    expect(reported(code)).toEqual([8]);
  });

  it('reports each when the setter stores two different values', () => {
    const code = lines(
      TOKEN_FETCH,
      'let cached = null;',
      'function saveToken(token, refresh) {',
      '  cached = token;',
      "  localStorage.setItem('token', refresh);",
      '}',
      'export async function signIn() {',
      '  const body = await fetchToken();',
      '  saveToken(body.access_token, body.access_token);',
      '}',
      "export const items = () => fetch('/api/items', { headers: { Authorization: `Bearer ${cached ?? localStorage.getItem('token')}` } });",
    );
    expect(reported(code)).toEqual([7, 8]);
  });

  it('reports the variable alone when nothing persists it', () => {
    const code = lines(
      TOKEN_FETCH,
      'let cached = null;',
      'export async function token() {',
      '  if (cached) return cached;',
      '  const body = await fetchToken();',
      '  cached = body.access_token;',
      '  return cached;',
      '}',
      READER,
    );
    expect(reported(code)).toEqual([5]);
  });

  it('reports the variable when its storage copy is never read back (not reported itself)', () => {
    const code = lines(
      TOKEN_FETCH,
      'let cached = null;',
      'export async function token() {',
      '  if (cached) return cached;',
      '  const body = await fetchToken();',
      '  cached = body.access_token;',
      "  localStorage.setItem('token', cached);",
      '  return cached;',
      '}',
      READER,
    );
    expect(reported(code)).toEqual([5]);
  });

  it('reports both when the storage holds a different value than the variable', () => {
    const code = lines(
      TOKEN_FETCH,
      'let cached = null;',
      'export async function token() {',
      "  if (localStorage.getItem('refresh') && cached) return cached;",
      '  const body = await fetchToken();',
      '  cached = body.access_token;',
      "  localStorage.setItem('refresh', body.access_token);",
      "  return localStorage.getItem('refresh');",
      '}',
      READER,
    );
    expect(reported(code)).toEqual([5, 10]);
  });
});
