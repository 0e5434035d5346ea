import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Keys read off the live v2 credentials object in code that runs again on every reconnect: the object refreshes
// only when something calls get() (or refresh()) on it, so once the session ends each reconnect signs with the
// expired keys it still holds.
const lines = (...text: string[]) => text.join('\n');
const V2 = `import AWS from 'aws-sdk';`;
const SIGN_URL = `import { signUrl } from './sign-url.js';`;
const LOAD = lines(
  "AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'eu-west-1:pool' });",
  'AWS.config.credentials.get(() => connect());',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A browser WebSocket opened again from its close handler, signed with the keys the object held at load.
    code: lines(
      V2,
      SIGN_URL,
      'function connect() {',
      '  const url = signUrl(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
      '  const socket = new WebSocket(url);',
      '  socket.onclose = () => setTimeout(connect, 1000);',
      '}',
      LOAD,
    ),
    errors: [{ messageId: 'keysReadOnReconnect', line: 4, column: 23 }],
  },
  {
    // An mqtt.js client rebuilt from its 'close' listener; the keys are destructured off the global.
    code: lines(
      V2,
      SIGN_URL,
      `import mqtt from 'mqtt';`,
      'function connect() {',
      '  const { accessKeyId, secretAccessKey, sessionToken } = AWS.config.credentials;',
      '  const client = mqtt.connect(signUrl(accessKeyId, secretAccessKey, sessionToken), { reconnectPeriod: 0 });',
      "  client.on('close', () => reopen(client));",
      '}',
      'function reopen(client) {',
      '  client.end();',
      '  connect();',
      '}',
      LOAD,
    ),
    errors: [{ messageId: 'keysReadOnReconnect', line: 5, column: 58 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: the socket is opened once, right after the load, and nothing opens it again.
  lines(
    V2,
    SIGN_URL,
    'function connect() {',
    '  const url = signUrl(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
    '  const socket = new WebSocket(url);',
    '  socket.onmessage = (event) => console.log(event.data);',
    '}',
    LOAD,
  ),
  // Look-alike: the close handler reloads the object with get() and reads the keys in its callback.
  lines(
    V2,
    SIGN_URL,
    'function connect() {',
    '  const url = signUrl(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
    '  const socket = new WebSocket(url);',
    '  socket.onclose = () => AWS.config.credentials.get(() => connect());',
    '}',
    LOAD,
  ),
  // Look-alike: the reconnecting function awaits getPromise() (which refreshes expired keys) before it reads them.
  lines(
    V2,
    SIGN_URL,
    `import mqtt from 'mqtt';`,
    'async function connect() {',
    '  await AWS.config.credentials.getPromise();',
    '  const { accessKeyId, secretAccessKey, sessionToken } = AWS.config.credentials;',
    '  const client = mqtt.connect(signUrl(accessKeyId, secretAccessKey, sessionToken), { reconnectPeriod: 0 });',
    "  client.on('close', () => connect());",
    '}',
    'connect();',
  ),
];

createRuleTester().run('no-static-snapshot (v2 keys read again on reconnect)', rule, { valid, invalid });
