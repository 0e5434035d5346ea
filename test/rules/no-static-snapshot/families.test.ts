import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Families that fresh real-world code showed the engine getting wrong: per-request clients and copies that die with
// the request (valid), and keepers and sources it missed (invalid). Each invalid case has a look-alike among the valid.
const lines = (...text: string[]) => text.join('\n');
const GOOGLEAPIS = `import { google } from 'googleapis';`;
const COGNITO_V3 = lines(
  `import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';`,
  `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';`,
  `const cognito = new CognitoIdentityClient({ region: 'us-east-1' });`,
);
/** The AWS IoT browser samples' credentials provider; `timer` starts (or not) the refresh. */
const cognitoProvider = (timer: string) =>
  lines(
    `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
    'export class AWSCognitoCredentialsProvider {',
    '  private cachedCredentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };',
    '  constructor(private options: { IdentityPoolId: string; Region: string }, expireIntervalMs?: number) {',
    `    ${timer}`,
    '  }',
    '  getCredentials() {',
    "    return { aws_access_id: this.cachedCredentials?.accessKeyId ?? '', aws_sts_token: this.cachedCredentials?.sessionToken };",
    '  }',
    '  async refreshCredentials() {',
    '    this.cachedCredentials = await fromCognitoIdentityPool({ identityPoolId: this.options.IdentityPoolId })();',
    '  }',
    '}',
  );
/** An AWS IoT device over WebSocket, given the Cognito keys of `AWS.config.credentials` by `hand`. */
const iotDevice = (...hand: string[]) =>
  lines(
    `import AWS from 'aws-sdk';`,
    `import awsIot from 'aws-iot-device-sdk';`,
    "AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'us-east-1:x' });",
    "const device = awsIot.device({ protocol: 'wss', host: 'h', accessKeyId: '', secretKey: '', sessionToken: '' });",
    'const handKeys = () => AWS.config.credentials.get((err) => {',
    '  if (!err) device.updateWebSocketCredentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
    '});',
    ...hand,
    'export default device;',
  );
const V2_IOT = lines(`import AWS from 'aws-sdk';`, `import awsIot from 'aws-iot-device-sdk';`);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // Look-alike of the per-request route handler: the same client, but returned to a caller that may keep it.
    code: lines(
      GOOGLEAPIS,
      'export async function calendarFor(accessToken: string) {',
      '  const oauth2Client = new google.auth.OAuth2();',
      '  oauth2Client.setCredentials({ access_token: accessToken });',
      "  return google.calendar({ version: 'v3', auth: oauth2Client });",
      '}',
    ),
    errors: [{ messageId: 'googleNoRefresh', line: 4, column: 3 }],
  },
  {
    // Built per request, but the token is the deployment's own, from the environment: it dies within the hour.
    code: lines(
      GOOGLEAPIS,
      'export async function GET() {',
      '  const oauth2Client = new google.auth.OAuth2();',
      '  oauth2Client.setCredentials({ access_token: process.env.GOOGLE_ACCESS_TOKEN });',
      "  const drive = google.drive({ version: 'v3', auth: oauth2Client });",
      '  return Response.json((await drive.files.list()).data);',
      '}',
    ),
    errors: [{ messageId: 'googleNoRefresh', line: 4, column: 3 }],
  },
  {
    // Built per call, but kept on the instance.
    code: lines(
      GOOGLEAPIS,
      'export class Sheets {',
      '  async connect(token: string) {',
      '    const client = new google.auth.OAuth2();',
      '    client.setCredentials({ access_token: token });',
      '    this.client = client;',
      '  }',
      '}',
    ),
    errors: [{ messageId: 'googleNoRefresh', line: 5, column: 5 }],
  },
  {
    // Cognito identity credentials (1 h) copied into an MQTT device kept on a singleton (SDK v2).
    code: lines(
      V2_IOT,
      'class Mqtt {',
      '  async connect(identityId) {',
      '    const data = await new AWS.CognitoIdentity().getCredentialsForIdentity({ IdentityId: identityId }).promise();',
      '    const { AccessKeyId, SecretKey, SessionToken } = data.Credentials;',
      "    this.device = awsIot.device({ protocol: 'wss', host: 'h', accessKeyId: AccessKeyId, secretKey: SecretKey, sessionToken: SessionToken });",
      '  }',
      '}',
      'export default new Mqtt();',
    ),
    errors: [{ messageId: 'stsCopied', line: 5, column: 18 }],
  },
  {
    // The v3 command's output copied into a client kept on the instance.
    code: lines(
      COGNITO_V3,
      'export class Uploader {',
      '  async init(identityId: string) {',
      '    const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId }));',
      '    this.s3 = new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretKey, sessionToken: Credentials.SessionToken } });',
      '  }',
      '}',
    ),
    errors: [{ messageId: 'stsCopied', line: 6, column: 29 }],
  },
  {
    // Look-alike of the long-term key copy: with the session token, the copy is of temporary credentials.
    code: lines(
      `const AWS = require('aws-sdk');`,
      'exports.upload = async (req, res) => {',
      '  const c = AWS.config.credentials;',
      '  const s3 = new AWS.S3({ accessKeyId: AWS.config.credentials.accessKeyId, secretAccessKey: AWS.config.credentials.secretAccessKey, sessionToken: AWS.config.credentials.sessionToken });',
      "  await s3.putObject({ Bucket: 'b', Key: req.params.key, Body: req.body }).promise();",
      '};',
    ),
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 4,
        column: 14,
        suggestions: [
          {
            messageId: 'passLiveObject',
            output: lines(
              `const AWS = require('aws-sdk');`,
              'exports.upload = async (req, res) => {',
              '  const c = AWS.config.credentials;',
              '  const s3 = new AWS.S3({ credentials: AWS.config.credentials });',
              "  await s3.putObject({ Bucket: 'b', Key: req.params.key, Body: req.body }).promise();",
              '};',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike of the timer refresh: the provider is resolved once, from the constructor, and never again.
    code: cognitoProvider('void this.refreshCredentials();'),
    errors: [{ messageId: 'storedCredentials', line: 11, column: 30 }],
  },
  {
    // A timer that does something else does not renew the field.
    code: cognitoProvider('void this.refreshCredentials(); setInterval(() => console.log(this.options), 60_000);'),
    errors: [{ messageId: 'storedCredentials', line: 11, column: 30 }],
  },
  {
    // Keys handed to a long-lived MQTT connection once: every reconnect after the session ends fails.
    code: iotDevice('handKeys();'),
    errors: [{ messageId: 'keysHandedOnce', line: 6, column: 13 }],
  },
  {
    // Look-alike of the renewal from the error handler: this one only logs, so the keys are still handed once.
    code: iotDevice('handKeys();', "device.on('error', (err) => console.error(err));"),
    errors: [{ messageId: 'keysHandedOnce', line: 6, column: 13 }],
  },
  {
    // Cognito output handed once to the device.
    code: lines(
      V2_IOT,
      "const device = awsIot.device({ protocol: 'wss', host: 'h', accessKeyId: '', secretKey: '', sessionToken: '' });",
      'export async function connect(identityId) {',
      '  const data = await new AWS.CognitoIdentity().getCredentialsForIdentity({ IdentityId: identityId }).promise();',
      '  device.updateWebSocketCredentials(data.Credentials.AccessKeyId, data.Credentials.SecretKey, data.Credentials.SessionToken);',
      '}',
    ),
    errors: [{ messageId: 'keysHandedOnce', line: 6, column: 3 }],
  },
  {
    // A TypeScript namespace's variables live as long as the module: a client kept in its map outlives the call.
    code: lines(
      `import { defaultProvider } from '@aws-sdk/credential-provider-node';`,
      `import { Client } from '@opensearch-project/opensearch';`,
      'export namespace Search {',
      '  const clients: Record<string, Client> = {};',
      '  export async function clientFor(name: string) {',
      '    const credentials = await defaultProvider()();',
      "    clients[name] ??= new Client({ node: 'https://search', auth: credentials });",
      '    return clients[name];',
      '  }',
      '}',
    ),
    errors: [{ messageId: 'storedCredentials', line: 6 }],
  },
  {
    // A page that loads the SDK from a script tag: the browser bundles' globals stand for their modules.
    code: lines(
      '// <script src="aws-sdk.min.js"> and the aws-iot-device-sdk browser bundle',
      "AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'us-east-1:x' });",
      "const device = AWSIoTData.device({ protocol: 'wss', host: 'h', accessKeyId: '', secretKey: '', sessionToken: '' });",
      'AWS.config.credentials.get((err) => {',
      '  if (!err) device.updateWebSocketCredentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
      '});',
    ),
    errors: [{ messageId: 'keysHandedOnce', line: 5 }],
  },
  {
    // The same globals read off `window`.
    code: lines(
      'const AWS = window.AWS;',
      'const AWSIoTData = window.AWSIoTData;',
      "AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'us-east-1:x' });",
      "const device = AWSIoTData.device({ protocol: 'wss', host: 'h', accessKeyId: '', secretKey: '', sessionToken: '' });",
      'AWS.config.credentials.get((err) => {',
      '  if (!err) device.updateWebSocketCredentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
      '});',
    ),
    errors: [{ messageId: 'keysHandedOnce', line: 6 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The device gets fresh keys on every reconnect, or from a timer.
  iotDevice('handKeys();', "device.on('reconnect', () => handKeys());"),
  // A failed connection attempt (signed with expired keys among others) fetches fresh keys from the error handler.
  iotDevice('handKeys();', "device.on('error', () => handKeys());"),
  iotDevice('handKeys();', 'setInterval(() => handKeys(), 45 * 60 * 1000);'),
  // The same method name on an object of an unrelated library.
  lines(
    `import AWS from 'aws-sdk';`,
    `import { Socket } from '../socket.js';`,
    'const socket = new Socket();',
    'socket.updateWebSocketCredentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
  ),
  // A timer calls the method that refills the field before the credentials expire (AWS IoT browser samples).
  cognitoProvider('setInterval(async () => { await this.refreshCredentials(); }, expireIntervalMs ?? 3600 * 1000);'),
  cognitoProvider('const tick = () => { void this.refreshCredentials(); setTimeout(tick, 50 * 60 * 1000); }; tick();'),
  // An access key and secret without a session token: only long-term keys work that way, and they do not expire.
  lines(
    `const AWS = require('aws-sdk');`,
    'exports.upload = async (req, res) => {',
    '  const s3 = new AWS.S3({ accessKeyId: AWS.config.credentials.accessKeyId, secretAccessKey: AWS.config.credentials.secretAccessKey });',
    "  await s3.putObject({ Bucket: 'b', Key: req.params.key, Body: req.body }).promise();",
    '};',
  ),
  lines(
    `const AWS = require('aws-sdk');`,
    'const live = new AWS.SharedIniFileCredentials({ profile: "ci" });',
    'export const creds = new AWS.Credentials(live.accessKeyId, live.secretAccessKey);',
  ),
  // Look-alike: Cognito credentials used within the request that fetched them.
  lines(
    COGNITO_V3,
    'export async function list(identityId: string) {',
    '  const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId }));',
    '  const s3 = new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretKey, sessionToken: Credentials.SessionToken } });',
    '  return s3.send(new ListBucketsCommand({}));',
    '}',
  ),
  // Look-alike: the Cognito provider handed to the client, which calls it again before expiry.
  lines(
    `import { fromCognitoIdentity } from '@aws-sdk/credential-providers';`,
    `import { S3Client } from '@aws-sdk/client-s3';`,
    'export class Uploader {',
    "  init(identityId: string) { this.s3 = new S3Client({ credentials: fromCognitoIdentity({ identityId, clientConfig: { region: 'us-east-1' } }) }); }",
    '}',
  ),
  // A Next.js route handler: a client built per request with the token Clerk just handed out for this user.
  lines(
    GOOGLEAPIS,
    `import { auth, clerkClient } from '@clerk/nextjs/server';`,
    'export async function GET() {',
    '  const { userId } = await auth();',
    "  const tokens = await (await clerkClient()).users.getUserOauthAccessToken(userId, 'oauth_google');",
    '  const oauth2Client = new google.auth.OAuth2();',
    '  oauth2Client.setCredentials({ access_token: tokens.data[0].token });',
    "  const calendar = google.calendar({ version: 'v3', auth: oauth2Client });",
    "  const events = await calendar.events.list({ calendarId: 'primary' });",
    '  return Response.json(events.data);',
    '}',
  ),
  // The same with a NextAuth session's token.
  lines(
    GOOGLEAPIS,
    `import { getServerSession } from 'next-auth';`,
    'export async function POST(req: Request) {',
    '  const session = await getServerSession();',
    '  const oauth2Client = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);',
    '  oauth2Client.setCredentials({ access_token: session.accessToken });',
    '  const res = await google.drive({ version: "v3", auth: oauth2Client }).files.list();',
    '  return Response.json(res.data);',
    '}',
  ),
  // Look-alike: the client is a local of the namespace's function, built per call.
  lines(
    `import { defaultProvider } from '@aws-sdk/credential-provider-node';`,
    `import { Client } from '@opensearch-project/opensearch';`,
    'export namespace Search {',
    '  export async function search(q: string) {',
    '    const credentials = await defaultProvider()();',
    "    const client = new Client({ node: 'https://search', auth: credentials });",
    '    return client.search({ q });',
    '  }',
    '}',
  ),
  // Look-alike of the script-tag page: `AWS` and `AWSIoTData` are the file's own objects, not the SDK's.
  lines(
    'const AWS = { config: { credentials: null } };',
    'const AWSIoTData = { device: (o) => o };',
    "AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'us-east-1:x' });",
    "const device = AWSIoTData.device({ protocol: 'wss', host: 'h', accessKeyId: '', secretKey: '', sessionToken: '' });",
    'AWS.config.credentials.get((err) => {',
    '  if (!err) device.updateWebSocketCredentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
    '});',
  ),
  // The script-tag page hands fresh keys on every reconnect.
  lines(
    '// <script src="aws-sdk.min.js">',
    "AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'us-east-1:x' });",
    "const device = AWSIoTData.device({ protocol: 'wss', host: 'h', accessKeyId: '', secretKey: '', sessionToken: '' });",
    'AWS.config.credentials.get((err) => {',
    '  if (!err) device.updateWebSocketCredentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);',
    '});',
    "device.on('reconnect', () => AWS.config.credentials.refresh(() => device.updateWebSocketCredentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken)))",
  ),
];

createRuleTester().run('no-static-snapshot (families from fresh code)', rule, { valid, invalid });
