import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-static-snapshot/index.js';

// Keys resolved once and handed to a device that signs its connection and every reconnect with them
// (aws-iot-device-sdk `device({ protocol: 'wss', accessKeyId, secretKey, sessionToken })`), also when they come back
// from a helper of the file (`return Auth.essentialCredentials(current)`) or through `.then` into the function that
// builds the device. Each keeper sits next to its look-alike.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-static-snapshot', rule, code);

const HEAD = lines("import awsIot from 'aws-iot-device-sdk';", "import { Auth } from '@aws-amplify/auth';");
const HELPER = lines(
  'async function userKeys() {',
  '  const current = await Auth.currentCredentials();',
  '  return Auth.essentialCredentials(current);',
  '}',
);
const OPEN = (extra = '') =>
  lines(
    'function openFeed(keys, onMessage) {',
    '  const device = awsIot.device({',
    "    host: 'iot.example.com', protocol: 'wss', maximumReconnectTimeMs: 8000,",
    '    accessKeyId: keys.accessKeyId, secretKey: keys.secretAccessKey, sessionToken: keys.sessionToken,',
    '  });',
    "  device.on('message', (topic, payload) => onMessage(payload));",
    `  ${extra}`,
    '  return device;',
    '}',
  );

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'keys from a helper of the file, handed on through .then to the device',
    code: lines(
      HEAD,
      HELPER,
      OPEN(),
      'export function start(onMessage) { return userKeys().then((keys) => openFeed(keys, onMessage)); }',
    ),
    lines: [4],
  },
  {
    name: 'the same keys awaited in the function that builds the device',
    code: lines(
      HEAD,
      HELPER,
      'export async function start(onMessage) {',
      '  const keys = await userKeys();',
      "  const device = awsIot.device({ host: 'iot.example.com', protocol: 'wss', accessKeyId: keys.accessKeyId, secretKey: keys.secretAccessKey, sessionToken: keys.sessionToken });",
      "  device.on('connect', () => device.subscribe('feed'));",
      '  return device;',
      '}',
    ),
    lines: [4],
  },
  {
    name: 'fresh keys handed to the device on every reconnect (updateWebSocketCredentials)',
    code: lines(
      HEAD,
      HELPER,
      OPEN(
        "device.on('reconnect', async () => { const k = await userKeys(); device.updateWebSocketCredentials(k.accessKeyId, k.secretAccessKey, k.sessionToken); });",
      ),
      'export function start(onMessage) { return userKeys().then((keys) => openFeed(keys, onMessage)); }',
    ),
    lines: [],
  },
  {
    name: 'only the identity id of the keys reaches the device',
    code: lines(
      HEAD,
      HELPER,
      'export async function start() {',
      '  const keys = await userKeys();',
      "  const device = awsIot.device({ host: 'iot.example.com', protocol: 'wss', maximumReconnectTimeMs: 8000, clientId: keys.identityId });",
      "  device.on('connect', () => device.subscribe('feed'));",
      '  return device;',
      '}',
    ),
    lines: [],
  },
];

describe('no-static-snapshot: devices that sign every reconnect with the keys they were given', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
