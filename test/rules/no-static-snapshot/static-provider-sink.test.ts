import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Temporary keys (a session token among them) handed to a static provider of another library (aws-crt, through
// aws-iot-device-sdk-v2) whose connection outlives the call: it signs with those keys until they expire.
const lines = (...text: string[]) => text.join('\n');
const IOT = `import { auth, iot, mqtt, io } from 'aws-iot-device-sdk-v2';`;
/** A device class whose keys arrive on fields from `fetchKeys`, and whose connection is kept and used by `publish`. */
const device = (provider: string, ...connectBody: string[]) =>
  lines(
    IOT,
    'export class Device {',
    '  private key?: string;',
    '  private secret?: string;',
    '  private token?: string;',
    '  private connection?: mqtt.MqttClientConnection;',
    '  async fetchKeys(api: string) {',
    '    const res = await fetch(api, { method: "POST" });',
    '    const { Credentials } = await res.json();',
    '    this.key = Credentials.AccessKeyId;',
    '    this.secret = Credentials.SecretKey;',
    '    this.token = Credentials.SessionToken;',
    '  }',
    '  async connect(endpoint: string) {',
    `    const provider = ${provider};`,
    '    const builder = iot.AwsIotMqttConnectionConfigBuilder.new_with_websockets({ region: "eu-west-1", credentials_provider: provider });',
    '    builder.with_endpoint(endpoint);',
    '    this.connection = new mqtt.MqttClient(new io.ClientBootstrap()).new_connection(builder.build());',
    ...connectBody,
    '    await this.connection.connect();',
    '  }',
    '  async publish(topic: string, body: string) {',
    '    await this.connection!.publish(topic, body, mqtt.QoS.AtLeastOnce);',
    '  }',
    '}',
  );

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // Keys kept on fields by one method, a static provider built from them by another (Node aws-crt).
    code: device('auth.AwsCredentialsProvider.newStatic(this.key!, this.secret!, this.token)'),
    errors: [{ messageId: 'staticProviderKeys', line: 15 }],
  },
  {
    // The browser runtime's StaticCredentialProvider, an options object with the session token.
    code: device(
      'new auth.StaticCredentialProvider({ aws_access_id: this.key!, aws_secret_key: this.secret!, aws_sts_token: this.token, aws_region: "eu-west-1" })',
    ),
    errors: [{ messageId: 'staticProviderKeys', line: 15 }],
  },
  {
    // A v3 source resolved in the same method: reported at the resolution, once (not again at newStatic).
    code: lines(
      `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
      IOT,
      'export class Device {',
      '  private connection?: mqtt.MqttClientConnection;',
      '  async connect(endpoint: string) {',
      "    const c = await fromCognitoIdentityPool({ identityPoolId: 'eu-west-1:pool' })();",
      '    const provider = auth.AwsCredentialsProvider.newStatic(c.accessKeyId, c.secretAccessKey, c.sessionToken);',
      '    const builder = iot.AwsIotMqttConnectionConfigBuilder.new_with_websockets({ region: "eu-west-1", credentials_provider: provider });',
      '    builder.with_endpoint(endpoint);',
      '    const config = builder.build();',
      '    this.connection = new mqtt.MqttClient(new io.ClientBootstrap()).new_connection(config);',
      '    await this.connection.connect();',
      '  }',
      '  publish(topic: string) {',
      '    return this.connection!.publish(topic, "{}", mqtt.QoS.AtLeastOnce);',
      '  }',
      '}',
    ),
    errors: [{ messageId: 'copiedCredentials', line: 6 }],
  },
  {
    // MQTT5 (JavaScript): keys set on the instance by a caller, the client kept and stopped by another method.
    code: lines(
      `import { auth, iot, mqtt5 } from 'aws-iot-device-sdk-v2';`,
      'export class Feed {',
      '  constructor(endpoint) { this.endpoint = endpoint; }',
      '  setKeys(k) { this.keys = k; }',
      '  start() {',
      '    const provider = auth.AwsCredentialsProvider.newStatic(this.keys.AccessKeyId, this.keys.SecretKey, this.keys.SessionToken);',
      "    const builder = iot.AwsIotMqtt5ClientConfigBuilder.newWebsocketMqttBuilderWithSigv4Auth(this.endpoint, { credentialsProvider: provider, region: 'eu-west-1' });",
      '    this.client = new mqtt5.Mqtt5Client(builder.build());',
      '    this.client.start();',
      '  }',
      '  stop() { this.client.stop(); }',
      '}',
    ),
    errors: [{ messageId: 'staticProviderKeys', line: 6 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Long-term keys: no session token.
  device('auth.AwsCredentialsProvider.newStatic(this.key!, this.secret!)'),
  // Keys from the environment (the deployment's choice; a script or a device with its own keys).
  device(
    'auth.AwsCredentialsProvider.newStatic(process.env.AWS_ACCESS_KEY_ID!, process.env.AWS_SECRET_ACCESS_KEY!, process.env.AWS_SESSION_TOKEN)',
  ),
  // The runtime's own refreshing providers.
  device(
    'auth.AwsCredentialsProvider.newCognito({ identity: "eu-west-1:id", endpoint: "cognito-identity.eu-west-1.amazonaws.com" })',
  ),
  device('auth.AwsCredentialsProvider.newDefault()'),
  // Built again whenever the connection is interrupted: each connection gets the keys of that moment.
  lines(
    IOT,
    'export function open(endpoint: string, keys: () => { key: string; secret: string; token: string }) {',
    '  const k = keys();',
    '  const provider = auth.AwsCredentialsProvider.newStatic(k.key, k.secret, k.token);',
    '  const builder = iot.AwsIotMqttConnectionConfigBuilder.new_with_websockets({ region: "eu-west-1", credentials_provider: provider });',
    '  const connection = new mqtt.MqttClient(new io.ClientBootstrap()).new_connection(builder.build());',
    '  connection.on("interrupt", () => open(endpoint, keys));',
    '  return connection.connect();',
    '}',
  ),
  // One publish, then the connection is closed in the same call.
  lines(
    IOT,
    'export async function publishOnce(endpoint: string, k: { key: string; secret: string; token: string }) {',
    '  const provider = auth.AwsCredentialsProvider.newStatic(k.key, k.secret, k.token);',
    '  const builder = iot.AwsIotMqttConnectionConfigBuilder.new_with_websockets({ region: "eu-west-1", credentials_provider: provider });',
    '  const connection = new mqtt.MqttClient(new io.ClientBootstrap()).new_connection(builder.build());',
    '  await connection.connect();',
    '  await connection.publish("t", "{}", mqtt.QoS.AtLeastOnce);',
    '  await connection.disconnect();',
    '}',
  ),
  // A newStatic of another library.
  lines(
    `import { Provider } from 'some-signer';`,
    'export class Device {',
    '  private p?: unknown;',
    '  connect(k: { key: string; secret: string; token: string }) { this.p = Provider.newStatic(k.key, k.secret, k.token); }',
    '  use() { return this.p; }',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (static providers of other libraries)', rule, { valid, invalid });
