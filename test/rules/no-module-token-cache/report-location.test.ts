import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import { reportedLines } from '../lint-with-rule.js';

// Where a kept token is reported: at the one write of a module variable declared empty when the function that writes
// it does not test it (a login function that only stores; the code that tests it lives elsewhere), else at the
// declaration (a memo that tests and fills, a variable written or reset in several places, `??=`, an object built
// with the token).
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const FETCH = lines(
  'async function requestToken() {',
  "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
  '  return res.json();',
  '}',
);
const USE = "export const items = () => fetch('/api/items', { headers: { Authorization: `Bearer ${token}` } });";

describe('no-module-token-cache: where a kept token is reported', () => {
  it('at the write, when a function only fills a variable declared empty', () => {
    const code = lines(
      FETCH,
      'let token = null;',
      'export async function login() {',
      '  token = (await requestToken()).access_token;',
      '}',
      USE,
    );
    expect(reported(code)).toEqual([7]);
  });

  it('at the write, in a `.then` callback of a start-up call', () => {
    const code = lines(
      FETCH,
      'let token = null;',
      'requestToken().then((body) => {',
      '  token = body.access_token;',
      '});',
      USE,
    );
    expect(reported(code)).toEqual([7]);
  });

  it('at the declaration, when the function tests the variable before it fills it (a memo)', () => {
    const code = lines(
      FETCH,
      'let token = null;',
      'export async function bearer() {',
      '  if (token) return token;',
      '  token = (await requestToken()).access_token;',
      '  return token;',
      '}',
      USE,
    );
    expect(reported(code)).toEqual([5]);
  });

  it('at the declaration, when the variable is also reset elsewhere', () => {
    const code = lines(
      FETCH,
      'let token = null;',
      'export async function login() {',
      '  token = (await requestToken()).access_token;',
      '}',
      'export function logout() {',
      '  token = null;',
      '}',
      USE,
    );
    expect(reported(code)).toEqual([5]);
  });

  it('at the declaration, when it is filled with `??=`', () => {
    const code = lines(
      FETCH,
      'let token = null;',
      'export async function login() {',
      '  token ??= (await requestToken()).access_token;',
      '}',
      USE,
    );
    expect(reported(code)).toEqual([5]);
  });

  it('at the declaration, when it starts with a value', () => {
    const code = lines(
      FETCH,
      "let token = 'none';",
      'export async function login() {',
      '  token = (await requestToken()).access_token;',
      '}',
      USE,
    );
    expect(reported(code)).toEqual([5]);
  });
});
