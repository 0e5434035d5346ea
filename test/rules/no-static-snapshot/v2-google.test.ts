import { readFileSync } from 'node:fs';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { createRuleTester } from '../../rule-tester.js';
import { checkOutputs } from './helpers.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';

/** A labelled real-world case, read from its fixture (test/fixtures/realworld/) so the two cannot drift apart. */
const realworld = (name: string): string =>
  readFileSync(new URL(`../../fixtures/realworld/${name}`, import.meta.url), 'utf8').replace(/\n$/u, '');

// AWS SDK v2 (shape 6 and live objects), Google (shape 7), and the labelled real-world cases of test/fixtures/realworld
// (A* must be reported on the labelled line, NA* must stay silent). Cases identical to their fixture read it; the
// others are earlier re-creations of the same public code that differ from today's fixture, kept as extra cases.
const V2 = `import AWS from 'aws-sdk';
`;
const GOOGLE = `import { GoogleAuth, OAuth2Client } from 'google-auth-library';
const auth = new GoogleAuth();
`;

const ruleTester = createRuleTester();

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  // Shape 6: keys of a refreshing object copied into the global config: suggest the object itself.
  {
    code: `${V2}const ec2 = new AWS.EC2MetadataCredentials();
await ec2.getPromise();
AWS.config.update({ region: 'eu-west-1', accessKeyId: ec2.accessKeyId, secretAccessKey: ec2.secretAccessKey, sessionToken: ec2.sessionToken });`,
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 4,
        column: 1,
        data: {
          object: 'ec2',
          sink: '`AWS.config.update(...)`',
          session: 'the EC2 instance-profile session',
          phrase: 'typically within 6 h',
        },
        suggestions: [
          {
            messageId: 'passLiveObject',
            output: `${V2}const ec2 = new AWS.EC2MetadataCredentials();
await ec2.getPromise();
AWS.config.update({ region: 'eu-west-1', credentials: ec2 });`,
          },
        ],
      },
    ],
  },
  // Shape 6: positional new AWS.Credentials from a provider chain's result, and a service built from its keys.
  {
    code: `${V2}const chain = new AWS.CredentialProviderChain();
export async function clients() {
  const live = await chain.resolvePromise();
  const copy = new AWS.Credentials(live.accessKeyId, live.secretAccessKey, live.sessionToken);
  const s3 = new AWS.S3({
    region: 'x',
    accessKeyId: live.accessKeyId,
    secretAccessKey: live.secretAccessKey,
    sessionToken: live.sessionToken,
  });
  return { copy, s3 };
}`,
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 5,
        column: 16,
        suggestions: [
          {
            messageId: 'passLiveObject',
            output: `${V2}const chain = new AWS.CredentialProviderChain();
export async function clients() {
  const live = await chain.resolvePromise();
  const copy = live;
  const s3 = new AWS.S3({
    region: 'x',
    accessKeyId: live.accessKeyId,
    secretAccessKey: live.secretAccessKey,
    sessionToken: live.sessionToken,
  });
  return { copy, s3 };
}`,
          },
        ],
      },
      {
        messageId: 'v2FieldsCopied',
        line: 6,
        column: 14,
        suggestions: [
          {
            messageId: 'passLiveObject',
            output: `${V2}const chain = new AWS.CredentialProviderChain();
export async function clients() {
  const live = await chain.resolvePromise();
  const copy = new AWS.Credentials(live.accessKeyId, live.secretAccessKey, live.sessionToken);
  const s3 = new AWS.S3({
    region: 'x',
    credentials: live,
  });
  return { copy, s3 };
}`,
          },
        ],
      },
    ],
  },
  // The same writer without the re-sync: keeping the live object alone does not refresh the copied keys.
  {
    code: `${V2}export class Writer {
  conn: any;
  live: any;
  begin(connect: (o: object) => unknown) {
    new AWS.CredentialProviderChain().resolve((err: unknown, creds: any) => {
      this.live = creds;
      this.conn = connect({ key: creds.accessKeyId, secret: creds.secretAccessKey, token: creds.sessionToken });
    });
  }
}`,
    errors: [
      {
        messageId: 'v2ChainCopied',
        line: 6,
        column: 5,
        data: {
          where: 'on a long-lived object (`this.conn`)',
          session: 'the session of whatever source the default chain found',
          phrase: 'within 1 h for an assumed role, about 6 h for an instance profile or task role',
        },
      },
    ],
  },
  // One report per copy: a chain result's keys into `new AWS.Credentials(...)` kept globally are reported at the sink only.
  {
    code: `${V2}const c = await new AWS.CredentialProviderChain().resolvePromise();
AWS.config.credentials = new AWS.Credentials(c.accessKeyId, c.secretAccessKey, c.sessionToken);`,
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 3,
        column: 26,
        suggestions: [
          {
            messageId: 'passLiveObject',
            output: `${V2}const c = await new AWS.CredentialProviderChain().resolvePromise();
AWS.config.credentials = c;`,
          },
        ],
      },
    ],
  },
  // Shape 5 (v2): assumeRole output into the global credentials: suggest ChainableTemporaryCredentials.
  {
    code: `const AWS = require('aws-sdk');
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }, function (err, data) {
  AWS.config.credentials = new AWS.Credentials(data.Credentials.AccessKeyId, data.Credentials.SecretAccessKey, data.Credentials.SessionToken);
});`,
    errors: [
      {
        messageId: 'stsCopied',
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'renewFromSameSource',
            output: `const AWS = require('aws-sdk');
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }, function (err, data) {
  AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' } });
});`,
          },
        ],
      },
    ],
  },
  // Shape 5 (v2): getSessionToken output through .promise() into AWS.config.update.
  {
    code: `${V2}const out = await new AWS.STS().getSessionToken({ DurationSeconds: 3600 }).promise();
AWS.config.update({ accessKeyId: out.Credentials!.AccessKeyId, secretAccessKey: out.Credentials!.SecretAccessKey, sessionToken: out.Credentials!.SessionToken });`,
    errors: [
      {
        messageId: 'stsCopied',
        line: 2,
        column: 13,
        data: {
          operation: 'getSessionToken',
          service: 'STS',
          where: 'in the global AWS config',
          replacement: 'new AWS.ChainableTemporaryCredentials({ params: { DurationSeconds } })',
          session: 'the GetSessionToken session',
          phrase: 'after 1 h (its DurationSeconds)',
        },
        suggestions: [
          {
            messageId: 'renewFromSameSource',
            output: `${V2}const out = await new AWS.STS().getSessionToken({ DurationSeconds: 3600 }).promise();
AWS.config.update({ credentials: new AWS.ChainableTemporaryCredentials({ params: { DurationSeconds: 3600 } }) });`,
          },
        ],
      },
    ],
  },
  // Shape 7: setCredentials with a bare access token.
  {
    code: `${GOOGLE}export function clientFor(token: string) {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return client;
}`,
    errors: [{ messageId: 'googleNoRefresh', line: 5, column: 3 }],
  },
  // Shape 7: a token kept on a long-lived object, a closure that outlives the call. (The header map kept in module
  // scope is no-module-token-cache's finding: one finding per defect.)
  {
    code: `${GOOGLE}export class Api {
  headers?: Record<string, string>;
  async init() {
    const token = await auth.getAccessToken();
    this.headers = { Authorization: \`Bearer \${token}\` };
  }
}
export const headers = await auth.getRequestHeaders();
async function makeFetcher() {
  const token = await auth.getAccessToken();
  return (url: string) => fetch(url, { headers: { Authorization: \`Bearer \${token}\` } });
}
export const fetcher = await makeFetcher();`,
    errors: [
      {
        messageId: 'googleTokenStored',
        line: 6,
        column: 19,
        data: {
          what: 'access token',
          method: 'auth.getAccessToken',
          where: 'on a long-lived object (`this.headers`)',
          phrase: 'after about 1 h',
        },
      },
      { messageId: 'googleTokenStored', line: 12, column: 17 },
    ],
  },
  // The global credentials copied into a master beside other options: only that property goes.
  {
    code: `${V2}export const chained = new AWS.ChainableTemporaryCredentials({
  params: { RoleArn: 'arn:aws:iam::1:role/r' },
  masterCredentials: new AWS.Credentials(AWS.config.credentials!.accessKeyId, AWS.config.credentials!.secretAccessKey, AWS.config.credentials!.sessionToken),
  stsConfig: { region: 'eu-west-1' },
});`,
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 4,
        column: 22,
        suggestions: [
          {
            messageId: 'leaveOutMasterCredentials',
            output: `${V2}export const chained = new AWS.ChainableTemporaryCredentials({
  params: { RoleArn: 'arn:aws:iam::1:role/r' },
  stsConfig: { region: 'eu-west-1' },
});`,
          },
        ],
      },
    ],
  },
  // The global credentials where only `AWS.Credentials` fits: a cast, for a person to confirm (not migration-safe).
  {
    code: `${V2}export function master(): AWS.Credentials {
  return new AWS.Credentials({ accessKeyId: AWS.config.credentials!.accessKeyId, secretAccessKey: AWS.config.credentials!.secretAccessKey, sessionToken: AWS.config.credentials!.sessionToken });
}`,
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 3,
        column: 10,
        suggestions: [
          {
            messageId: 'passGlobalCredentials',
            output: `${V2}export function master(): AWS.Credentials {
  return AWS.config.credentials! as AWS.Credentials;
}`,
          },
        ],
      },
    ],
  },
  // The same in JavaScript with require: no cast, still for a person.
  {
    filename: 'master.js',
    code: `const AWS = require('aws-sdk');
module.exports.sts = new AWS.STS({ credentials: null }).config;
module.exports.copy = [new AWS.Credentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken)];`,
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 3,
        column: 24,
        suggestions: [
          {
            messageId: 'passGlobalCredentials',
            output: `const AWS = require('aws-sdk');
module.exports.sts = new AWS.STS({ credentials: null }).config;
module.exports.copy = [AWS.config.credentials];`,
          },
        ],
      },
    ],
  },
  // test/fixtures/realworld A07: keys fetched by hand from the EC2 metadata endpoint: the SDK's class for it.
  {
    code: realworld('A07.ts'),
    filename: 'A07.ts',
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 12,
        column: 28,
        suggestions: [
          {
            messageId: 'useMetadataCredentials',
            output: realworld('A07.ts').replace(
              /new AWS\.Credentials\(\{[^]*?\}\)/u,
              'new AWS.EC2MetadataCredentials()',
            ),
          },
        ],
      },
    ],
  },
  // Keys from the metadata endpoint into the global config, on a class imported by name: no namespace to name the
  // SDK class on, so no suggestion.
  {
    code: `import { Credentials } from 'aws-sdk';
import axios from 'axios';
export const load = () =>
  axios.get('http://169.254.169.254/latest/meta-data/iam/security-credentials/r').then((r) => new Credentials(r.data.AccessKeyId, r.data.SecretAccessKey, r.data.Token));`,
    errors: [{ messageId: 'fetchedCredentialsCopied', line: 4, column: 95, suggestions: [] }],
  },
  // test/fixtures/realworld A01: the default chain's result frozen in a static field (line 12).
  // The cache is tested before reuse: the test also asks that `expiration` is more than 5 min away, and the type
  // alias of the field keeps it.
  {
    code: realworld('A01.ts'),
    filename: 'A01.ts',
    errors: [
      {
        messageId: 'storedCredentials',
        line: 12,
        column: 28,
        suggestions: [
          {
            messageId: 'checkExpiration',
            output: realworld('A01.ts')
              .replace('sessionToken?: string }', 'sessionToken?: string; expiration?: Date }')
              .replace(
                'if (!SegmentSink.frozen) {',
                'if (!SegmentSink.frozen || (SegmentSink.frozen.expiration !== undefined && SegmentSink.frozen.expiration.getTime() - Date.now() <= 5 * 60 * 1000)) {',
              ),
          },
        ],
      },
    ],
  },
  // A module-level cache in JavaScript, reused when set.
  {
    code: `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
let cached;
export async function keys() {
  if (cached) return cached;
  cached = await fromNodeProviderChain()();
  return cached;
}`,
    filename: 'keys.js',
    errors: [
      {
        messageId: 'storedCredentials',
        line: 5,
        column: 12,
        suggestions: [
          {
            messageId: 'checkExpiration',
            output: `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
let cached;
export async function keys() {
  if (cached && (cached.expiration === undefined || cached.expiration.getTime() - Date.now() > 5 * 60 * 1000)) return cached;
  cached = await fromNodeProviderChain()();
  return cached;
}`,
          },
        ],
      },
    ],
  },
  // Look-alikes: filled with ??= (no test to extend), and a field typed by an interface the rule does not edit.
  {
    code: `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
let cached;
export async function keys() {
  cached ??= await fromNodeProviderChain()();
  return cached;
}`,
    filename: 'keys-nullish.js',
    errors: [{ messageId: 'storedCredentials', line: 4, column: 14, suggestions: [] }],
  },
  {
    code: `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
interface Keys { accessKeyId: string; secretAccessKey: string }
export class Holder {
  static keys?: Keys;
  static async get(): Promise<Keys> {
    if (!Holder.keys) Holder.keys = await fromNodeProviderChain()();
    return Holder.keys;
  }
}`,
    filename: 'keys-interface.ts',
    errors: [{ messageId: 'storedCredentials', line: 6, column: 37, suggestions: [] }],
  },
  // test/fixtures/realworld A03: a chain result's keys copied into a connection kept on the instance (line 14).
  { code: realworld('A03.js'), filename: 'A03.js', errors: [{ messageId: 'v2ChainCopied', line: 14, column: 3 }] },
  // test/fixtures/realworld A05: the global credentials' keys copied into a static master for a role chain (line 7).
  {
    code: realworld('A05.ts'),
    filename: 'A05.ts',
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 7,
        column: 24,
        suggestions: [
          {
            // `masterCredentials: AWS.config.credentials!` would not type-check (TS2769): it defaults to that object.
            messageId: 'leaveOutMasterCredentials',
            output: `// A05
import AWS = require('aws-sdk');

export function roleChainFromHost(): AWS.ChainableTemporaryCredentials {
  AWS.config.getCredentials(() => undefined);
  return new AWS.ChainableTemporaryCredentials({});
}`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('no-static-snapshot (AWS v2, Google)', rule, {
  valid: [
    // §4.7: passing or setting the live v2 object is fine.
    `${V2}export async function client() {
  const live = await new AWS.CredentialProviderChain().resolvePromise();
  return new AWS.S3({ credentials: live });
}
AWS.config.credentials = new AWS.EC2MetadataCredentials();
AWS.config.update({ credentials: new AWS.ECSCredentials() });
export const s3 = new AWS.S3({ credentials: new AWS.ChainableTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } }) });`,
    // Long-term keys into v2 config: nothing refreshing was copied.
    `${V2}AWS.config.update({ accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY });
export const creds = new AWS.Credentials(process.env.KEY_ID!, process.env.SECRET!);`,
    // Live object kept on the instance and re-read after .get(): the copies are re-synced (NA05 heuristic).
    `${V2}export class Writer {
  conn: any;
  live: any;
  begin(connect: (o: object) => unknown) {
    new AWS.CredentialProviderChain().resolve((err: unknown, creds: any) => {
      this.live = creds;
      this.conn = connect({ key: creds.accessKeyId, secret: creds.secretAccessKey });
    });
  }
  sync(done: () => void) {
    this.live.get(() => { this.conn.key = this.live.accessKeyId; done(); });
  }
}`,
    // Keys used within the callback, per request.
    `${V2}export function put(body: string, send: (o: object) => void) {
  new AWS.CredentialProviderChain().resolve((err: unknown, creds: any) => {
    send({ body, key: creds.accessKeyId, secret: creds.secretAccessKey, token: creds.sessionToken });
  });
}`,
    // §4.5 Google: tokens and headers fetched per request.
    `${GOOGLE}export async function get(url: string) {
  const headers = await auth.getRequestHeaders();
  const token = await auth.getAccessToken();
  await fetch(url, { headers: { Authorization: \`Bearer \${token}\` } });
  return fetch(url, { headers });
}`,
    // §4.4 Google: the auth object and its client are refreshing singletons.
    `${GOOGLE}export const client = await auth.getClient();
export const other = new OAuth2Client();`,
    // setCredentials with a refresh token, or with a refreshHandler assigned on the same client.
    `${GOOGLE}const a = new OAuth2Client();
a.setCredentials({ access_token: 'ya29.x', refresh_token: process.env.REFRESH_TOKEN });
const b = new OAuth2Client();
b.setCredentials({ access_token: 'ya29.x' });
b.refreshHandler = async () => ({ access_token: await auth.getAccessToken() as string, expiry_date: Date.now() + 3_000_000 });
const c = new OAuth2Client();
c.setCredentials(await c.getToken('code').then((r) => r.tokens));`,
    // A class that keeps a token with an expiry check before reuse (§4.2).
    `${GOOGLE}export class Api {
  private token?: string | null;
  private expiresAt = 0;
  async headers() {
    if (!this.token || Date.now() > this.expiresAt - 60_000) {
      this.token = await auth.getAccessToken();
      this.expiresAt = Date.now() + 3_000_000;
    }
    return { Authorization: \`Bearer \${this.token}\` };
  }
}`,
    // test/fixtures/realworld look-alikes.
    { code: realworld('NA01.ts'), filename: 'NA01.ts' },
    { code: realworld('NA03.ts'), filename: 'NA03.ts' },
    { code: realworld('NA05.js'), filename: 'NA05.js' },
    { code: realworld('NA07.js'), filename: 'NA07.js' },
    { code: realworld('NA09.ts'), filename: 'NA09.ts' },
    {
      code: `// NA11
import gremlin from 'gremlin';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { signedWsHeaders } from './sigv4-ws.js';


const { DriverRemoteConnection } = gremlin.driver;

async function openGraph() {
  const now = await fromNodeProviderChain()();
  const info = signedWsHeaders(process.env.GRAPH_HOST, '8182', now, '/gremlin');
  return new DriverRemoteConnection(info.url, { headers: info.headers });
}

export async function listFiles(repo) {
  const conn = await openGraph();
  try {
    return await gremlin.process.AnonymousTraversalSource.traversal().withRemote(conn).V().has('repo', repo).toList();
  } finally {
    await conn.close();
  }
}`,
      filename: 'NA11.js',
    },
  ],
  invalid,
});

checkOutputs('no-static-snapshot (AWS v2, Google)', invalid);
