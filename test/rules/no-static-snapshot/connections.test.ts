import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Connections built from copied keys inside a function that stay open after it returns (kept by their listeners or
// their reconnect options), and builder chains that carry the keys to the connection. Each invalid case has a
// look-alike among the valid ones: closed in the call, rebuilt from its reconnect handler, built from a provider.
const lines = (...text: string[]) => text.join('\n');
const V3_IOT = lines(
  `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
  `import { mqtt, iot } from 'aws-iot-device-sdk-v2';`,
);
/** An IoT v2 connection configured through the builder with keys from `creds`, then `after` (in the same function). */
const builderConnection = (...after: string[]) =>
  lines(
    V3_IOT,
    'export async function open(poolId: string, host: string) {',
    '  const creds = await fromCognitoIdentityPool({ identityPoolId: poolId })();',
    '  const config = iot.AwsIotMqttConnectionConfigBuilder.new_with_websockets()',
    '    .with_endpoint(host)',
    "    .with_credentials('eu-west-1', creds.accessKeyId, creds.secretAccessKey, creds.sessionToken)",
    '    .with_keep_alive_seconds(30)',
    '    .build();',
    '  const connection = new mqtt.MqttClient().new_connection(config);',
    ...after,
    '}',
  );
const V2_SHADOW = lines(
  `const AWS = require('aws-sdk');`,
  `const AWSIoTData = require('aws-iot-device-sdk');`,
  'const cognito = new AWS.CognitoIdentity();',
);
/** A v1 thing shadow built in the Cognito callback from the returned keys, with `options` and `after`. */
const shadowFromCallback = (options: string, ...after: string[]) =>
  lines(
    V2_SHADOW,
    'function start(identityId, show) {',
    '  cognito.getCredentialsForIdentity({ IdentityId: identityId }, (err, data) => {',
    '    if (err) return show(err);',
    '    const shadows = AWSIoTData.thingShadow({',
    `      host: 'h', protocol: 'wss',${options}`,
    '      accessKeyId: data.Credentials.AccessKeyId,',
    '      secretKey: data.Credentials.SecretKey,',
    '      sessionToken: data.Credentials.SessionToken,',
    '    });',
    ...after,
    '  });',
    '}',
    'module.exports = { start };',
  );

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // The builder chain carries the copied keys to the connection, which its `message` listener keeps open.
    code: builderConnection(
      "  connection.on('message', (topic, payload) => console.log(topic, payload));",
      '  await connection.connect();',
    ),
    errors: [{ messageId: 'copiedCredentials', line: 4 }],
  },
  {
    // Kept open by its listeners, though `shadows` is a local of the callback.
    code: shadowFromCallback('', "    shadows.on('connect', () => shadows.register('van', {}));"),
    errors: [{ messageId: 'stsCopied', line: 5 }],
  },
  {
    // Look-alike of the rebuild from the error handler: this one only reports the error.
    code: shadowFromCallback(
      '',
      "    shadows.on('connect', () => shadows.register('van', {}));",
      "    shadows.on('error', (error) => show(error));",
    ),
    errors: [{ messageId: 'stsCopied', line: 5 }],
  },
  {
    // No listener, but the shadow reconnects by itself, signing with the same keys.
    code: shadowFromCallback(' maximumReconnectTimeMs: 8000,'),
    errors: [{ messageId: 'stsCopied', line: 5 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Closed before the function returns: the connection lives no longer than the call.
  builderConnection(
    "  connection.on('message', (topic) => console.log(topic));",
    '  await connection.connect();',
    "  await connection.publish('t', 'x', mqtt.QoS.AtLeastOnce);",
    '  await connection.disconnect();',
  ),
  // Built, connected and used without listeners: nothing shows that it outlives the call.
  builderConnection('  await connection.connect();', "  await connection.publish('t', 'x', mqtt.QoS.AtLeastOnce);"),
  // The builder gets the provider: the connection asks it again.
  lines(
    V3_IOT,
    'export async function open(poolId: string, host: string) {',
    '  const provider = fromCognitoIdentityPool({ identityPoolId: poolId });',
    '  const config = iot.AwsIotMqttConnectionConfigBuilder.new_with_websockets()',
    '    .with_endpoint(host)',
    '    .with_credentials_provider(provider)',
    '    .build();',
    '  const connection = new mqtt.MqttClient().new_connection(config);',
    "  connection.on('message', (topic) => console.log(topic));",
    '  await connection.connect();',
    '}',
  ),
  // Only the region goes into the chain; the keys go nowhere.
  lines(
    V3_IOT,
    'export async function open(poolId: string, host: string) {',
    '  const creds = await fromCognitoIdentityPool({ identityPoolId: poolId })();',
    '  const config = iot.AwsIotMqttConnectionConfigBuilder.new_default_builder().with_endpoint(host).build();',
    '  const connection = new mqtt.MqttClient().new_connection(config);',
    "  connection.on('message', () => console.log(creds.expiration));",
    '}',
  ),
  // Rebuilt with fresh keys whenever it goes offline.
  lines(
    V2_SHADOW,
    'function start(identityId, show) {',
    '  cognito.getCredentialsForIdentity({ IdentityId: identityId }, (err, data) => {',
    '    if (err) return show(err);',
    '    const shadows = AWSIoTData.thingShadow({',
    "      host: 'h', protocol: 'wss',",
    '      accessKeyId: data.Credentials.AccessKeyId,',
    '      secretKey: data.Credentials.SecretKey,',
    '      sessionToken: data.Credentials.SessionToken,',
    '    });',
    "    shadows.on('connect', () => shadows.register('van', {}));",
    "    shadows.on('offline', () => { shadows.end(true); start(identityId, show); });",
    '  });',
    '}',
    'module.exports = { start };',
  ),
  // Rebuilt with fresh keys from its error handler, on each refused connection.
  shadowFromCallback(
    '',
    "    shadows.on('connect', () => shadows.register('van', {}));",
    "    shadows.on('error', () => { shadows.end(true); start(identityId, show); });",
  ),
  // Fresh keys handed to the shadow from its reconnect handler.
  shadowFromCallback(
    '',
    "    shadows.on('connect', () => shadows.register('van', {}));",
    "    shadows.on('reconnect', () => shadows.updateWebSocketCredentials(data.Credentials.AccessKeyId, data.Credentials.SecretKey, data.Credentials.SessionToken));",
  ),
  // A request signed per call: its events are HTTP ones, and it ends with the call.
  lines(
    `import https from 'node:https';`,
    `import aws4 from 'aws4';`,
    `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
    'export async function get(path: string) {',
    '  const c = await fromNodeProviderChain()();',
    "  const opts = aws4.sign({ host: 'h', path }, { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken });",
    '  const req = https.request(opts);',
    "  req.on('response', (res) => res.resume());",
    "  req.on('close', () => console.log('done'));",
    '  req.end();',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot: connections kept open', rule, { valid, invalid });
