import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';

// A mobile app's key-value store as a keeper, beside the browser's: a token written to React Native `AsyncStorage`
// or Expo `SecureStore` and read back by later calls is sent after it has expired, however long ago it was stored.
// Each reported case sits next to a look-alike that stays silent: the token asked of the SDK per call, the expiry
// stored with it and checked on read, a local object that only shares the store's name.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);
// A token its identity SDK renews when asked again is a snapshot of that source, wherever it is kept: A's.
const reportedByA = (code: string) => reportedLines('no-static-snapshot', snapshotRule, code);

const ASYNC_STORAGE = "import AsyncStorage from '@react-native-async-storage/async-storage';";
const FIREBASE = "import { onAuthStateChanged } from 'firebase/auth';";
const authedGet = (token: string) =>
  lines(
    'export async function authedGet(path) {',
    `  const idToken = ${token};`,
    '  return fetch(`/api${path}`, { headers: { Authorization: `Bearer ${idToken}` } });',
    '}',
  );

const TOKEN_FETCH = lines(
  'async function fetchToken() {',
  "  const res = await fetch('https://auth.example.com/oauth2/token', { method: 'POST', body: 'grant_type=client_credentials' });",
  '  return res.json();',
  '}',
);

const cases: {
  name: string;
  lookAlikeName: string;
  reported: string;
  lookAlike: string;
  line: number;
  renewedBySource?: true;
}[] = [
  {
    name: 'a Firebase ID token stored once in AsyncStorage and read by every API call',
    reported: lines(
      ASYNC_STORAGE,
      FIREBASE,
      authedGet("await AsyncStorage.getItem('idToken')"),
      'export function watch(auth) {',
      '  return onAuthStateChanged(auth, async (user) => {',
      "    if (user) await AsyncStorage.setItem('idToken', await user.getIdToken());",
      '  });',
      '}',
    ),
    lookAlikeName: 'the ID token asked of the SDK per call, only the profile stored',
    lookAlike: lines(
      ASYNC_STORAGE,
      FIREBASE,
      authedGet('await auth.currentUser.getIdToken()'),
      'export function watch(auth) {',
      '  return onAuthStateChanged(auth, async (user) => {',
      "    if (user) await AsyncStorage.setItem('@user', JSON.stringify({ uid: user.uid, name: user.displayName }));",
      '  });',
      '}',
    ),
    line: 9,
    renewedBySource: true,
  },
  {
    name: 'an OAuth access token kept in Expo SecureStore and sent by later requests',
    reported: lines(
      "import * as SecureStore from 'expo-secure-store';",
      TOKEN_FETCH,
      'export async function signIn() {',
      "  await SecureStore.setItemAsync('token', (await fetchToken()).access_token);",
      '}',
      "export const orders = async () => fetch('/api/orders', { headers: { Authorization: `Bearer ${await SecureStore.getItemAsync('token')}` } });",
    ),
    lookAlikeName: 'the expiry stored with the token and checked on read',
    lookAlike: lines(
      "import * as SecureStore from 'expo-secure-store';",
      TOKEN_FETCH,
      'export async function token() {',
      "  const saved = JSON.parse((await SecureStore.getItemAsync('auth')) || 'null');",
      '  if (saved && saved.expiresAt > Date.now()) return saved.token;',
      '  const body = await fetchToken();',
      "  await SecureStore.setItemAsync('auth', JSON.stringify({ token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 }));",
      '  return body.access_token;',
      '}',
    ),
    line: 7,
  },
  {
    name: "SecureStore's functions imported by name",
    reported: lines(
      "import { getItemAsync, setItemAsync } from 'expo-secure-store';",
      TOKEN_FETCH,
      'export async function signIn() {',
      "  await setItemAsync('token', (await fetchToken()).access_token);",
      '}',
      "export const orders = async () => fetch('/api/orders', { headers: { Authorization: `Bearer ${await getItemAsync('token')}` } });",
    ),
    lookAlikeName: 'a local object that is only named AsyncStorage (an in-memory map cleared before expiry)',
    lookAlike: lines(
      TOKEN_FETCH,
      'const AsyncStorage = new Map();',
      'export async function signIn() {',
      "  AsyncStorage.set('token', (await fetchToken()).access_token);",
      '  setTimeout(() => AsyncStorage.clear(), 50 * 60 * 1000);',
      '}',
      "export const orders = () => fetch('/api/orders', { headers: { Authorization: `Bearer ${AsyncStorage.get('token')}` } });",
    ),
    line: 7,
  },
];

describe("no-module-token-cache: an app's storage on the device as a keeper", () => {
  for (const c of cases) {
    it(`reported: ${c.name}`, () => {
      expect(reported(c.reported)).toEqual(c.renewedBySource ? [] : [c.line]);
      if (c.renewedBySource) expect(reportedByA(c.reported)).toEqual([c.line]);
    });
    it(`silent: ${c.lookAlikeName}`, () => {
      expect(reported(c.lookAlike)).toEqual([]);
      if (c.renewedBySource) expect(reportedByA(c.lookAlike)).toEqual([]);
    });
  }

  it("names the app's storage, not the browser's, in its message", () => {
    const linter = new Linter({ configType: 'flat' });
    const [message] = linter.verify(
      cases[0]!.reported,
      [
        {
          files: ['**/*.js'],
          languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
          plugins: { ce: { rules: { A: snapshotRule as unknown as Rule.RuleModule } } },
          rules: { 'ce/A': 'error' },
        },
      ],
      'file.js',
    );
    expect(message?.message).toContain("`AsyncStorage 'idToken'`");
    expect(message?.message).toContain("the app's storage on the device");
  });
});
