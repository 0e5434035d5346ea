import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Implicit-flow tokens read from the URL fragment (URL_FRAGMENT_TOKENS): kept in a module variable or a page global
// they die after the fragment's expires_in. Kept with that deadline and checked, or read at each use, they are fine.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // Read from the fragment at module level, reused by every later call.
    code: lines(
      'let googleToken = null;',
      "if (window.location.hash.includes('access_token')) {",
      '  const params = new URLSearchParams(window.location.hash.substring(1));',
      "  googleToken = params.get('access_token');",
      '}',
      'export function listEvents() {',
      "  return fetch('https://www.googleapis.com/calendar/v3/calendars/primary/events', { headers: { Authorization: `Bearer ${googleToken}` } });",
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
      },
    ],
  },
  {
    // The fragment bound to a const first, the token read in a redirect handler.
    code: lines(
      'let accessToken;',
      'function handleRedirect() {',
      '  const fragment = location.hash.slice(1);',
      '  const params = new URLSearchParams(fragment);',
      "  accessToken = params.get('access_token');",
      "  history.replaceState(null, '', location.pathname);",
      '}',
      'handleRedirect();',
      "export const me = () => fetch('https://api.example.com/me', { headers: { Authorization: 'Bearer ' + accessToken } });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
      },
    ],
  },
  {
    // A regex match of the fragment, the ID token kept on the page's global object.
    code: lines(
      'function readRedirect() {',
      '  const match = window.location.hash.match(/id_token=([^&]+)/);',
      '  if (match) window.idToken = match[1];',
      '}',
      'readRedirect();',
      "export const profile = () => fetch('/api/profile', { headers: { Authorization: `Bearer ${window.idToken}` } });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // A regex over the fragment that names the token but captures the state before it.
  lines(
    'let state;',
    'export function init() {',
    '  const match = location.hash.match(/state=([^&]+)&access_token/);',
    '  state = match && match[1];',
    '}',
    'export const currentState = () => state;',
  ),
  // Kept with the deadline its expires_in gives, checked before each use.
  lines(
    'let accessToken = null;',
    'let accessTokenExpiresAt = 0;',
    'const params = new URLSearchParams(window.location.hash.substring(1));',
    "if (params.get('access_token')) {",
    "  accessToken = params.get('access_token');",
    "  accessTokenExpiresAt = Date.now() + Number(params.get('expires_in')) * 1000;",
    '}',
    'export function listEvents() {',
    '  if (!accessToken || Date.now() >= accessTokenExpiresAt) return signIn();',
    "  return fetch('/calendar', { headers: { Authorization: `Bearer ${accessToken}` } });",
    '}',
  ),
  // Read from the fragment at each use.
  lines(
    'export function listEvents() {',
    "  const token = new URLSearchParams(window.location.hash.substring(1)).get('access_token');",
    "  return fetch('/calendar', { headers: { Authorization: `Bearer ${token}` } });",
    '}',
  ),
  // The state and the authorization code of a redirect are no tokens that expire in use.
  lines(
    'let returnedState;',
    'let authorizationCode;',
    'const fragment = new URLSearchParams(location.hash.substring(1));',
    "returnedState = fragment.get('state');",
    "authorizationCode = new URLSearchParams(location.search).get('code');",
    'export const redirectInfo = () => ({ returnedState, authorizationCode });',
  ),
  // URLSearchParams of something other than the fragment.
  lines(
    'let configured;',
    'const settings = new URLSearchParams(document.currentScript.dataset.settings);',
    "configured = settings.get('access_token');",
    'export const setting = () => configured;',
  ),
];

createRuleTester().run('no-module-token-cache (tokens from the URL fragment)', rule, { valid, invalid });
