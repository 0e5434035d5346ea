import rule from '../../../rules/no-static-snapshot/index.js';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { createRuleTester } from '../../rule-tester.js';
import { checkOutputs } from './helpers.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';

// AWS SDK v3 shapes (issue 2, shapes 1-5) and their look-alikes (docs/credential-lifetimes.md).
// Every header is two lines, so the code under test starts on line 3.
const IMDS = `import { S3Client } from '@aws-sdk/client-s3';
import { fromContainerMetadata, fromEnv, fromIni, fromInstanceMetadata, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
`;
const STS = `import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
`;
const SMITHY = `import { fromInstanceMetadata, fromIni } from '@aws-sdk/credential-providers';
import { fromStatic, memoize } from '@smithy/property-provider'; import { S3Client } from '@aws-sdk/client-s3';
`;

const ruleTester = createRuleTester();

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  // Shape 1: a resolved value passed as `credentials`, single use: fixed, the declaration goes too.
  {
    code: `${IMDS}const creds = await fromInstanceMetadata()();
export const s3 = new S3Client({ credentials: creds });`,
    output: `${IMDS}export const s3 = new S3Client({ credentials: fromInstanceMetadata() });`,
    errors: [{ messageId: 'storedCredentials', line: 3, column: 15 }],
  },
  // Shape 1 inline, with init options kept.
  {
    code: `${IMDS}export const s3 = new S3Client({ region: 'eu-west-1', credentials: await fromInstanceMetadata({ timeout: 2000 })() });`,
    output: `${IMDS}export const s3 = new S3Client({ region: 'eu-west-1', credentials: fromInstanceMetadata({ timeout: 2000 }) });`,
    errors: [{ messageId: 'storedCredentials', line: 3, column: 68 }],
  },
  // Shape 1 through a provider const, shorthand property, inside a method that keeps the client on `this`.
  {
    code: `${IMDS}const provider = fromContainerMetadata();
export class Store {
  s3?: S3Client;
  async init() {
    const credentials = await provider();
    this.s3 = new S3Client({ credentials });
  }
}`,
    output: `${IMDS}const provider = fromContainerMetadata();
export class Store {
  s3?: S3Client;
  async init() {
    this.s3 = new S3Client({ credentials: provider });
  }
}`,
    errors: [{ messageId: 'storedCredentials', line: 7, column: 25 }],
  },
  // Shape 1 picked by a condition: each branch hands its provider, long-term keys (fromEnv) included.
  {
    code: `${IMDS}let s3: S3Client | undefined;
export async function storage(profile?: string) {
  const credentials = profile ? await fromIni({ profile })() : await fromEnv()();
  s3 = new S3Client({ credentials });
  return s3;
}`,
    output: `${IMDS}let s3: S3Client | undefined;
export async function storage(profile?: string) {
  const credentials = profile ? fromIni({ profile }) : fromEnv();
  s3 = new S3Client({ credentials });
  return s3;
}`,
    errors: [{ messageId: 'storedCredentials', line: 5, column: 33 }],
  },
  // The same, the variable read by two clients: a suggestion.
  {
    code: `${IMDS}const credentials = process.env.P ? await fromIni()() : await fromInstanceMetadata()();
export const a = new S3Client({ credentials });
export const b = new S3Client({ region: 'eu-west-1', credentials: credentials });`,
    errors: [
      {
        messageId: 'storedCredentials',
        line: 3,
        column: 37,
        suggestions: [
          {
            messageId: 'passProvider',
            output: `${IMDS}const credentials = process.env.P ? fromIni() : fromInstanceMetadata();
export const a = new S3Client({ credentials });
export const b = new S3Client({ region: 'eu-west-1', credentials: credentials });`,
          },
        ],
      },
      {
        messageId: 'storedCredentials',
        line: 3,
        column: 57,
        suggestions: [
          {
            messageId: 'passProvider',
            output: `${IMDS}const credentials = process.env.P ? fromIni() : fromInstanceMetadata();
export const a = new S3Client({ credentials });
export const b = new S3Client({ region: 'eu-west-1', credentials: credentials });`,
          },
        ],
      },
    ],
  },
  // Look-alikes: a branch that is no provider, or a read that needs the keys themselves: reported, not changed.
  {
    code: `${IMDS}let s3: S3Client | undefined;
export async function storage(profile?: string) {
  const credentials = profile ? await fromIni({ profile })() : undefined;
  s3 = new S3Client({ credentials });
  return s3;
}`,
    errors: [{ messageId: 'storedCredentials', line: 5, column: 33 }],
  },
  {
    code: `${IMDS}let s3: S3Client | undefined;
export async function storage(profile?: string) {
  const credentials = profile ? await fromIni({ profile })() : await fromEnv()();
  console.log(credentials.accessKeyId.slice(0, 4));
  s3 = new S3Client({ credentials });
  return s3;
}`,
    errors: [{ messageId: 'storedCredentials', line: 5, column: 33 }],
  },
  // Shape 1 with another use of the value: a suggestion, the declaration stays.
  {
    code: `${IMDS}const creds = await fromContainerMetadata()();
export const s3 = new S3Client({ credentials: creds });
console.log(creds.accessKeyId.slice(0, 4));`,
    errors: [
      {
        messageId: 'storedCredentials',
        line: 3,
        column: 15,
        suggestions: [
          {
            messageId: 'passProvider',
            output: `${IMDS}const creds = await fromContainerMetadata()();
export const s3 = new S3Client({ credentials: fromContainerMetadata() });
console.log(creds.accessKeyId.slice(0, 4));`,
          },
        ],
      },
    ],
  },
  // Shape 1 kept in a static field, a global, a module-level Map cache, and through a local helper function.
  {
    code: `${IMDS}export class Sink {
  static frozen?: unknown;
  static async identity() {
    if (!Sink.frozen) Sink.frozen = await fromNodeProviderChain()();
    return Sink.frozen;
  }
}
export async function boot() { (globalThis as any).awsCreds = await fromIni({ profile: 'ops' })(); }
const clients = new Map<string, S3Client>();
export async function clientFor(region: string) {
  const creds = await fromNodeProviderChain()();
  const s3 = new S3Client({ region, credentials: { ...creds } });
  clients.set(region, s3);
  return s3;
}
function makeClient(c: unknown) { return new S3Client({ credentials: c as never }); }
export class Holder { s3?: S3Client; async init() { this.s3 = makeClient(await fromNodeProviderChain()()); } }`,
    errors: [
      { messageId: 'storedCredentials', line: 6, column: 37 },
      { messageId: 'storedCredentials', line: 10, column: 63 },
      { messageId: 'storedCredentials', line: 13, column: 17 },
      { messageId: 'storedCredentials', line: 19, column: 74 },
    ],
  },
  // Shape 1 through a local options object handed to a client that is kept.
  {
    code: `${IMDS}export class Store {
  s3?: S3Client;
  async init() {
    const opts: { region: string; credentials?: never } = { region: 'eu-west-1' };
    opts.credentials = await fromIni()() as never;
    this.s3 = new S3Client(opts);
  }
}`,
    errors: [{ messageId: 'storedCredentials', line: 7, column: 24, suggestions: [] }],
  },
  // Shape 2: fields copied into an object literal: a suggestion to pass the provider (the value itself is
  // also kept in module scope, which the message names).
  {
    code: `${IMDS}const imds = await fromInstanceMetadata({ timeout: 2_000, maxRetries: 2 })();
export const replicaS3 = new S3Client({
  region: 'x',
  credentials: {
    accessKeyId: imds.accessKeyId,
    secretAccessKey: imds.secretAccessKey,
    sessionToken: imds.sessionToken,
  },
});`,
    errors: [
      {
        messageId: 'storedCredentials',
        line: 3,
        column: 14,
        suggestions: [
          {
            messageId: 'passProvider',
            output: `${IMDS}export const replicaS3 = new S3Client({
  region: 'x',
  credentials: fromInstanceMetadata({ timeout: 2_000, maxRetries: 2 }),
});`,
          },
        ],
      },
    ],
  },
  // Shape 2: fields copied into a third-party client kept on `this`: no provider can be passed, no suggestion.
  {
    code: `import { Client } from 'minio';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export class Sink {
  store?: Client;
  async open(endPoint: string) {
    const id = await fromNodeProviderChain()();
    this.store = new Client({ endPoint, accessKey: id.accessKeyId, secretKey: id.secretAccessKey, sessionToken: id.sessionToken });
  }
}`,
    errors: [{ messageId: 'copiedCredentials', line: 6, column: 16, suggestions: [] }],
  },
  // Shape 2: keys destructured into exports.
  {
    code: `${IMDS}export const { accessKeyId, secretAccessKey, sessionToken } = await fromIni({ profile: 'deploy' })();`,
    errors: [{ messageId: 'copiedCredentials', line: 3, column: 63, suggestions: [] }],
  },
  // Shape 3: fromStatic of a resolved value: fixed to the provider.
  {
    code: `${SMITHY}export const s3 = new S3Client({ credentials: fromStatic(await fromIni({ profile: 'x' })()) });`,
    output: `${SMITHY}export const s3 = new S3Client({ credentials: fromIni({ profile: 'x' }) });`,
    errors: [{ messageId: 'staticWrapper', line: 3, column: 58 }],
  },
  // Shape 3: fromStatic through a const, inside a function (always reported): a suggestion.
  {
    code: `${SMITHY}export async function make() {
  const c = await fromInstanceMetadata()();
  return fromStatic(c);
}`,
    errors: [
      {
        messageId: 'staticWrapper',
        line: 4,
        column: 13,
        suggestions: [
          {
            messageId: 'passProvider',
            output: `${SMITHY}export async function make() {
  return fromInstanceMetadata();
}`,
          },
        ],
      },
    ],
  },
  // Shape 3: one-argument memoize: a suggestion adds the SDK's own expiry checks.
  {
    code: `${SMITHY}export const s3 = new S3Client({ credentials: memoize(fromInstanceMetadata()) });`,
    errors: [
      {
        messageId: 'memoizeForever',
        line: 3,
        column: 47,
        suggestions: [
          {
            messageId: 'addExpiryChecks',
            output: `${SMITHY}export const s3 = new S3Client({ credentials: memoize(fromInstanceMetadata(), (credentials) => credentials.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300000, (credentials) => credentials.expiration !== undefined) });`,
          },
        ],
      },
    ],
  },
  // Shape 3: another client's resolved credentials, even per request: fixed to the function.
  {
    code: `import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const s3 = new S3Client({});
export async function dynamo() {
  return new DynamoDBClient({ credentials: await s3.config.credentials() });
}`,
    output: `import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const s3 = new S3Client({});
export async function dynamo() {
  return new DynamoDBClient({ credentials: s3.config.credentials });
}`,
    errors: [{ messageId: 'sharedClientCredentials', line: 5, column: 44 }],
  },
  // Shape 3 through a const, with a client passed in as a typed parameter.
  {
    code: `import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
export async function queue(s3: S3Client) {
  const shared = await s3.config.credentials();
  return new SQSClient({ credentials: shared });
}`,
    output: `import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
export async function queue(s3: S3Client) {
  return new SQSClient({ credentials: s3.config.credentials });
}`,
    errors: [{ messageId: 'sharedClientCredentials', line: 4, column: 18 }],
  },
  // Shape 4: a custom provider that drops `expiration`: the fix adds it.
  {
    code: `${IMDS}const provider = fromInstanceMetadata();
export const s3 = new S3Client({
  credentials: async () => {
    const c = await provider();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
  },
});`,
    output: `${IMDS}const provider = fromInstanceMetadata();
export const s3 = new S3Client({
  credentials: async () => {
    const c = await provider();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration };
  },
});`,
    errors: [{ messageId: 'providerDropsExpiration', line: 7, column: 12 }],
  },
  // Shape 4 with STS output through a named function, multi-line object with a trailing comma.
  {
    code: `${STS}const sts = new STSClient({});
const assume = async () => {
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }));
  return {
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken,
  };
};
export const s3 = new S3Client({ credentials: assume });`,
    output: `${STS}const sts = new STSClient({});
const assume = async () => {
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }));
  return {
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken,
    expiration: out.Credentials!.Expiration,
  };
};
export const s3 = new S3Client({ credentials: assume });`,
    errors: [{ messageId: 'providerDropsExpiration', line: 6, column: 10 }],
  },
  // Shape 5: AssumeRole output copied into static credentials kept in module scope: suggest fromTemporaryCredentials.
  {
    code: `${STS}const sts = new STSClient({});
export let s3: S3Client;
export async function connect() {
  const { Credentials: k } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', DurationSeconds: 7200 }));
  s3 = new S3Client({ credentials: { accessKeyId: k!.AccessKeyId!, secretAccessKey: k!.SecretAccessKey!, sessionToken: k!.SessionToken } });
}`,
    errors: [
      {
        messageId: 'stsCopied',
        line: 6,
        column: 30,
        data: {
          operation: 'AssumeRoleCommand',
          service: 'STS',
          where: 'in module scope (`s3`)',
          replacement: 'fromTemporaryCredentials({ params: { RoleArn, RoleSessionName } })',
          session: 'the assumed-role session',
          phrase: 'after 2 h (its DurationSeconds)',
        },
        suggestions: [
          {
            messageId: 'renewFromSameSource',
            output: `${STS}import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const sts = new STSClient({});
export let s3: S3Client;
export async function connect() {
  const { Credentials: k } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', DurationSeconds: 7200 }));
  s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', DurationSeconds: 7200 } }) });
}`,
          },
        ],
      },
    ],
  },
  // Shape 5 with an input that has an effect of its own (`await`, a call): the provider would send it again per refresh.
  {
    code: `${STS}const sts = new STSClient({});
declare function sessionName(): Promise<string>;
export let s3: S3Client;
export async function connect() {
  const { Credentials: k } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: await sessionName() }));
  s3 = new S3Client({ credentials: { accessKeyId: k!.AccessKeyId!, secretAccessKey: k!.SecretAccessKey!, sessionToken: k!.SessionToken } });
}`,
    errors: [{ messageId: 'stsCopied', line: 7, column: 30, suggestions: [] }],
  },
  // Shape 5 on a long-lived object; v3 has no provider that sends GetSessionToken again: no suggestion.
  {
    code: `${STS}export class Tenant {
  s3?: S3Client;
  async init(sts: STSClient, roleArn: string) {
    const out = await sts.send(new GetSessionTokenCommand({}));
    this.s3 = new S3Client({ credentials: { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey! } });
  }
}`,
    errors: [{ messageId: 'stsCopied', line: 6, column: 17, suggestions: [] }],
  },
];

ruleTester.run('no-static-snapshot (AWS v3)', rule, {
  valid: [
    // STS output kept as such in module scope: no-module-token-cache reports that storage (one finding per defect).
    `${STS}const sts = new STSClient({});
const { Credentials: k } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', DurationSeconds: 7200 }));
export const s3 = new S3Client({ credentials: { accessKeyId: k!.AccessKeyId!, secretAccessKey: k!.SecretAccessKey!, sessionToken: k!.SessionToken } });`,
    // §4.1: custom providers the SDK re-invokes (the returned object keeps `expiration`).
    `${IMDS}export const a = new S3Client({ credentials: async () => await fromInstanceMetadata()() });
export const b = new S3Client({ credentials: () => fromContainerMetadata()() });`,
    `${IMDS}const provider = fromInstanceMetadata();
export const s3 = new S3Client({ credentials: async () => { const c = await provider(); return c; } });`,
    `${IMDS}const provider = fromInstanceMetadata();
export const s3 = new S3Client({
  credentials: async () => {
    const c = await provider();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration };
  },
});`,
    `${STS}const sts = new STSClient({});
export const s3 = new S3Client({
  credentials: async () => {
    const { Credentials: k } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }));
    return { accessKeyId: k!.AccessKeyId!, secretAccessKey: k!.SecretAccessKey!, sessionToken: k!.SessionToken, expiration: k!.Expiration };
  },
});`,
    // §4.2: a module cache whose reuse checks the expiry.
    `${IMDS}let cached: Awaited<ReturnType<ReturnType<typeof fromInstanceMetadata>>> | undefined;
export async function credentials() {
  if (!cached || cached.expiration!.getTime() - Date.now() < 5 * 60_000) cached = await fromInstanceMetadata()();
  return cached;
}`,
    // §4.2: memoize with the expiry checks (two arguments already refresh in @smithy/core).
    `${SMITHY}export const a = new S3Client({ credentials: memoize(fromInstanceMetadata(), (c) => c.expiration!.getTime() - Date.now() < 300_000, (c) => c.expiration !== undefined) });
export const b = new S3Client({ credentials: memoize(fromInstanceMetadata(), (c) => c.expiration!.getTime() - Date.now() < 300_000) });`,
    // §4.3: long-term keys and env credentials are not snapshots.
    `${IMDS}export const a = new S3Client({ credentials: await fromEnv()() });
export const b = new S3Client({ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! } });`,
    `${SMITHY}export const s3 = new S3Client({ credentials: fromStatic({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: process.env.SECRET! }) });`,
    // §4.4: module-scope clients and providers are refreshing objects.
    `${IMDS}export const s3 = new S3Client({});
export const provider = fromNodeProviderChain();
export const other = new S3Client({ credentials: provider });
export const temp = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } }) });`,
    // §4.5: per-request resolution: the value and what is built from it stay in the request.
    `${IMDS}export async function handler(key: string) {
  const credentials = await fromNodeProviderChain()();
  const s3 = new S3Client({ credentials });
  return s3.send({ key } as never);
}`,
    `${IMDS}export async function freshClient() {
  const id = await fromNodeProviderChain({ ignoreCache: true })();
  return new S3Client({ credentials: { accessKeyId: id.accessKeyId, secretAccessKey: id.secretAccessKey, sessionToken: id.sessionToken } });
}
export async function handler() {
  const client = await freshClient();
  await client.send({} as never);
}`,
    `${IMDS}export async function handler() {
  const c = await fromIni()();
  const s3 = new S3Client({ credentials: c });
  const out = await s3.send({} as never);
  (globalThis as any).lastResult = out;
}`,
    // §4.6: sharing a client's provider function.
    `${IMDS}const s3 = new S3Client({});
export const other = new S3Client({ credentials: s3.config.credentials });
export async function whoAmI() { const c = await s3.config.credentials(); return c.accessKeyId.slice(0, 4); }`,
    // Resolved at module load but not kept: a start-up check that throws early when no credentials exist.
    `${IMDS}await fromNodeProviderChain()();`,
    // §4.5 / STS per request: a client built and dropped within the request.
    `${STS}const sts = new STSClient({});
export async function asTenant(roleArn: string) {
  const { Credentials: k } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'tenant' }));
  const s3 = new S3Client({ credentials: { accessKeyId: k!.AccessKeyId!, secretAccessKey: k!.SecretAccessKey!, sessionToken: k!.SessionToken } });
  return s3.send({} as never);
}`,
    // Another property read off a local options object does not carry the credentials.
    `${IMDS}export class Config {
  region?: string;
  async load() {
    const opts: { region: string; credentials?: unknown } = { region: 'eu-west-1' };
    opts.credentials = await fromIni()();
    this.region = opts.region;
  }
}`,
    // A test file that mocks the SDK resolves fake credentials.
    `${IMDS}vi.mock('@aws-sdk/credential-providers');
const creds = await fromInstanceMetadata()();
export const s3 = new S3Client({ credentials: creds });`,
    // Not a v3 provider: a local function with the same name.
    `import { S3Client } from '@aws-sdk/client-s3';
const fromInstanceMetadata = () => async () => ({ accessKeyId: 'a', secretAccessKey: 'b' });
export const s3 = new S3Client({ credentials: await fromInstanceMetadata()() });`,
  ],
  invalid,
});

checkOutputs('no-static-snapshot (AWS v3)', invalid);
