import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// The legacy Google APIs client in the page (GOOGLE_TOKEN_CALLBACKS with a positional callback, GOOGLE_GLOBAL_TOKEN_GETTERS,
// gapi.auth2's getAuthResponse): its token kept in a page global or a top-level variable is reused after it expires.
// Read from the client at each use, handed to it and dropped, or kept with its expires_in deadline, it is fine.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // gapi.auth.authorize with the callback inline: the token written to the page's global object.
    code: lines(
      'function authorize() {',
      '  gapi.auth.authorize({ client_id: CLIENT_ID, scope: SCOPES, immediate: true }, (authResult) => {',
      '    window.driveToken = authResult.access_token;',
      '  });',
      '}',
      'function listFiles() {',
      "  return fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: 'Bearer ' + window.driveToken } });",
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
  {
    // gapi.auth2.authorize with a named callback: the token kept in a top-level var of a classic script.
    code: lines(
      'var accessToken;',
      'function onAuthorized(response) {',
      '  if (response.error) return;',
      '  accessToken = response.access_token;',
      '}',
      'function signIn() {',
      "  gapi.auth2.authorize({ client_id: CLIENT_ID, scope: SCOPES, response_type: 'token' }, onAuthorized);",
      '}',
      'function upload(body) {',
      "  return fetch(UPLOAD_URL, { method: 'POST', body, headers: { Authorization: 'Bearer ' + accessToken } });",
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
      },
    ],
  },
  {
    // gapi.client.getToken() read once after sign-in and kept for every later call.
    code: lines(
      'let token = null;',
      'function onSignedIn() {',
      '  token = gapi.client.getToken().access_token;',
      '}',
      'function listEvents() {',
      "  return fetch('https://www.googleapis.com/calendar/v3/calendars/primary/events', { headers: { Authorization: `Bearer ${token}` } });",
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
  {
    // gapi.auth2: the signed-in user's auth response copied into a module variable.
    code: lines(
      'let idToken;',
      'function onSignIn(googleUser) {',
      '  idToken = googleUser.getAuthResponse().id_token;',
      '}',
      'function callApi() {',
      "  return fetch('/api/me', { headers: { Authorization: `Bearer ${idToken}` } });",
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
  {
    // TypeScript names the script-tag global with `declare const`: it is still the Google APIs client.
    code: lines(
      'declare const gapi: any;',
      'let calendarToken: string | undefined;',
      'export function onSignedIn() {',
      '  calendarToken = gapi.client.getToken().access_token;',
      '}',
      "export const events = () => fetch('/calendar', { headers: { Authorization: `Bearer ${calendarToken}` } });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The token handed to gapi.client.setToken and used at once, nothing kept.
  lines(
    'function onToken(response) {',
    '  gapi.client.setToken(response);',
    '  gapi.client.drive.files.list().then(render);',
    '}',
    'tokenClient = google.accounts.oauth2.initTokenClient({ client_id: CLIENT_ID, scope: SCOPES, callback: onToken });',
  ),
  // gapi.client.getToken() read at each use.
  lines(
    'function listEvents() {',
    '  const token = gapi.client.getToken();',
    "  return fetch('https://www.googleapis.com/calendar/v3/calendars/primary/events', { headers: { Authorization: `Bearer ${token.access_token}` } });",
    '}',
  ),
  // gapi.auth.authorize: the token kept with its expires_in deadline, checked before each use.
  lines(
    'let driveToken = null;',
    'let driveTokenExpiresAt = 0;',
    'function handleAuthResult(authResult) {',
    '  driveToken = authResult.access_token;',
    '  driveTokenExpiresAt = Date.now() + authResult.expires_in * 1000;',
    '}',
    'gapi.auth.authorize({ client_id: CLIENT_ID, scope: SCOPES, immediate: true }, handleAuthResult);',
    'function listFiles() {',
    "  if (!driveToken || Date.now() >= driveTokenExpiresAt) throw new Error('authorize again');",
    "  return fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: 'Bearer ' + driveToken } });",
    '}',
  ),
  // A local object named gapi is not the Google APIs client.
  lines(
    "import { createGateway } from './gateway';",
    'const gapi = createGateway();',
    'let session;',
    "gapi.auth.authorize({ user: 'me' }, (result) => {",
    '  session = result.access_token;',
    '});',
    'export const call = () => gapi.request({ session });',
  ),
  // gapi.auth2: getAuthResponse() asked where the token is used.
  lines(
    'function callApi(googleUser) {',
    '  const { id_token } = googleUser.getAuthResponse();',
    "  return fetch('/api/me', { headers: { Authorization: `Bearer ${id_token}` } });",
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (legacy Google APIs client in the browser)', rule, { valid, invalid });
