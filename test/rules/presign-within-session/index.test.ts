import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/presign-within-session/index.js';
import plugin from '../../../src/index.js';
import { createRuleTester, createTypedRuleTester } from '../../rule-tester.js';

const V3 = `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
`;
const PROVIDERS = `import { fromContainerMetadata, fromIni, fromInstanceMetadata, fromTemporaryCredentials, fromWebToken } from '@aws-sdk/credential-providers';
`;
const CMD = `new GetObjectCommand({ Bucket: 'b', Key: 'k' })`;

const ruleTester = createRuleTester();

ruleTester.run('presign-within-session', rule, {
  valid: [
    // Defaults: 900 s for URLs, 3600 s for POST policies.
    `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD});`,
    `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, {});`,
    `import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 900 } }) });
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
export const post = () => createPresignedPost(s3, { Bucket: 'b', Key: 'k' });`,
    // Up to 900 s is never reported, even with the shortest session.
    `${V3}${PROVIDERS}const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 900 } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 900 });`,
    // Within the known session.
    `${V3}${PROVIDERS}const s3 = new S3Client({ credentials: fromInstanceMetadata() });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 6 * 60 * 60 });`,
    `${V3}${PROVIDERS}const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 7200 } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 7200 });`,
    // Long-term keys may sign for the full 7 days: an explicit pair without a session token...
    `${V3}const s3 = new S3Client({ credentials: { accessKeyId: process.env.SIGNER_KEY_ID!, secretAccessKey: process.env.SIGNER_SECRET! } });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 7 * 24 * 60 * 60 });`,
    // ...a parameter typed as a key pair without one (test/fixtures/realworld ND01)...
    `${V3}type UserKeys = { accessKeyId: string; secretAccessKey: string };
export async function link(bucket: string, key: string, keys: UserKeys) {
  const signer = new S3Client({ region: process.env.AWS_REGION, credentials: keys });
  return getSignedUrl(signer, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 60 * 60 * 24 * 7 });
}`,
    `${V3}interface SignerKeys { accessKeyId: string; secretAccessKey: string }
export const link = (keys: SignerKeys) => getSignedUrl(new S3Client({ credentials: keys }), ${CMD}, { expiresIn: 604800 });`,
    // ...and v2 clients built from a key pair.
    `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
export const link = () => s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k', Expires: 604800 });`,
    // A client handed in, with a lifetime up to the longest role session (test/fixtures/realworld ND03).
    `${V3}export async function redirect(client: S3Client, custom?: { expiresIn: number }) {
  const url = await getSignedUrl(client, ${CMD}, custom ?? { expiresIn: 7200 });
  return Response.redirect(url, 302);
}`,
    `${V3}export const link = (client: S3Client) => getSignedUrl(client, ${CMD}, { expiresIn: 12 * 60 * 60 });`,
    // A profile may hold long-term keys: the file cannot tell, so only the 12 h bound applies.
    `${V3}${PROVIDERS}const s3 = new S3Client({ credentials: fromIni({ profile: 'signer' }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 2 * 60 * 60 });`,
    // GCS signing with a private key may use the full 7 days; signBlob up to 12 h.
    `import { Storage } from '@google-cloud/storage';
const storage = new Storage({ keyFilename: '/secrets/signer.json' });
export const link = (name: string) => storage.bucket('b').file(name).getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 7 * 24 * 60 * 60 * 1000 });`,
    `import { Storage } from '@google-cloud/storage';
const storage = new Storage({ credentials: { client_email: process.env.SA_EMAIL, private_key: process.env.SA_KEY } });
const bucket = storage.bucket('b');
export const link = (name: string) => bucket.file(name).getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 6 * 24 * 3600 * 1000 });`,
    `import { Storage } from '@google-cloud/storage';
export const link = (name: string) => new Storage().bucket('b').file(name).getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 12 * 60 * 60 * 1000 });`,
    // Look-alikes: JWT, session and cookie lifetimes of a week in a file that presigns.
    `${V3}import jwt from 'jsonwebtoken';
export const token = jwt.sign({ sub: 'u' }, process.env.JWT_SECRET!, { expiresIn: 604800 });
export const cookie = { maxAge: 7 * 24 * 60 * 60 * 1000, httpOnly: true };
export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD});`,
    // A local function of the same name is not the presigner.
    `function getSignedUrl(client: unknown, command: unknown, options: { expiresIn: number }) { return String(options.expiresIn); }
export const link = () => getSignedUrl({}, {}, { expiresIn: 30 * 24 * 3600 });`,
    // CloudFront signed URLs are the long-lived alternative, not a presign of S3 credentials.
    `import { getSignedUrl } from '@aws-sdk/cloudfront-signer';
export const link = () => getSignedUrl({ url: 'https://cdn/x', keyPairId: 'K', privateKey: process.env.CF_KEY!, dateLessThan: new Date(Date.now() + 30 * 864e5).toISOString() });`,
    // Values that cannot be evaluated are never reported.
    `${V3}export const link = (s3: S3Client, ttl: number) => getSignedUrl(s3, ${CMD}, { expiresIn: ttl });`,
    `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: Number(process.env.LINK_TTL) });`,
    `${V3}export const link = (s3: S3Client, long: boolean) => getSignedUrl(s3, ${CMD}, { expiresIn: long ? 604800 : 900 });`,
    `${V3}export const link = (s3: S3Client, options: { expiresIn: number }) => getSignedUrl(s3, ${CMD}, { ...options });`,
    // Settings: the default chain finds an IAM user's keys on this platform.
    {
      code: `${V3}const s3 = new S3Client({});
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 7 * 24 * 3600 });`,
      settings: { 'credential-expiry': { platform: 'iam-user' } },
    },
    // The file's own evidence wins over settings: a long-term pair on an ECS platform.
    {
      code: `${V3}const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: process.env.SECRET! } });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 7 * 24 * 3600 });`,
      settings: { 'credential-expiry': { platform: 'ecs' } },
    },
    // Azure: a shared-key SAS has no key session; a SAS within its user-delegation key is fine.
    `import { generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';
const key = new StorageSharedKeyCredential('acct', process.env.ACCOUNT_KEY!);
export const sas = () => generateBlobSASQueryParameters({ containerName: 'c', expiresOn: new Date(Date.now() + 30 * 864e5) }, key).toString();`,
    `import { BlobServiceClient, generateBlobSASQueryParameters } from '@azure/storage-blob';
import { DefaultAzureCredential } from '@azure/identity';
const service = new BlobServiceClient('https://acct.blob.core.windows.net', new DefaultAzureCredential());
export async function sas() {
  const key = await service.getUserDelegationKey(new Date(), new Date(Date.now() + 2 * 86400 * 1000));
  return generateBlobSASQueryParameters({ containerName: 'c', expiresOn: new Date(Date.now() + 86400 * 1000) }, key, 'acct').toString();
}`,
  ],
  invalid: [
    {
      // fromTemporaryCredentials without DurationSeconds: STS gives 1 h.
      code: `${V3}${PROVIDERS}const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 7200 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 5,
          column: 106,
          data: {
            lifetime: '2 h',
            session: 'the assumed-role session',
            sessionLifetime: '1 h',
            basis: 'fromTemporaryCredentials() does not set params.DurationSeconds, which defaults to 1 h',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              data: { target: '1 h', replacement: '3600' },
              output: `${V3}${PROVIDERS}const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/r' } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 3600 });`,
            },
          ],
        },
      ],
    },
    {
      // The duration the provider sets, through a const provider and a const client.
      code: `${V3}${PROVIDERS}const ROLE_SECONDS = 2 * 3600;
const provider = fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: ROLE_SECONDS } });
const s3 = new S3Client({ credentials: provider });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 7 * 24 * 60 * 60 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 7,
          data: {
            lifetime: '7 d',
            session: 'the assumed-role session',
            sessionLifetime: '2 h',
            basis: 'fromTemporaryCredentials() sets params.DurationSeconds to 2 h',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `${V3}${PROVIDERS}const ROLE_SECONDS = 2 * 3600;
const provider = fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: ROLE_SECONDS } });
const s3 = new S3Client({ credentials: provider });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 2 * 60 * 60 });`,
            },
          ],
        },
      ],
    },
    {
      // Instance profile: about 6 h.
      code: `${V3}${PROVIDERS}const s3 = new S3Client({ credentials: fromInstanceMetadata({ timeout: 1000 }) });
export async function link() {
  return getSignedUrl(s3, ${CMD}, { expiresIn: 60 * 60 * 24 * 7 });
}`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 6,
          column: 89,
          data: {
            lifetime: '7 d',
            session: 'the EC2 instance-profile session',
            sessionLifetime: '6 h',
            basis: 'fromInstanceMetadata(): typically within 6 h',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `${V3}${PROVIDERS}const s3 = new S3Client({ credentials: fromInstanceMetadata({ timeout: 1000 }) });
export async function link() {
  return getSignedUrl(s3, ${CMD}, { expiresIn: 60 * 60 * 6 });
}`,
            },
          ],
        },
      ],
    },
    {
      // Task role, with the lifetime in a const object in the same function.
      code: `${V3}${PROVIDERS}export class Links {
  private readonly s3 = new S3Client({ credentials: fromContainerMetadata() });
  async get(key: string) {
    const options = { expiresIn: 86400 };
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: 'b', Key: key }), options);
  }
}`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 7,
          column: 34,
          data: {
            lifetime: '1 d',
            session: 'the ECS/Fargate task-role session',
            sessionLifetime: '6 h',
            basis: 'fromContainerMetadata(): typically within 6 h',
          },
          suggestions: [
            {
              messageId: 'clampToObservedSession',
              output: `${V3}${PROVIDERS}export class Links {
  private readonly s3 = new S3Client({ credentials: fromContainerMetadata() });
  async get(key: string) {
    const options = { expiresIn: 21600 };
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: 'b', Key: key }), options);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Web identity with its duration; the snapshot `await provider()` still has the provider's session.
      code: `${V3}${PROVIDERS}const credentials = await fromWebToken({ roleArn: 'r', webIdentityToken: process.env.TOKEN!, durationSeconds: 3600 })();
const s3 = new S3Client({ credentials });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 3 * 60 * 60 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 6,
          data: {
            lifetime: '3 h',
            session: 'the web-identity (IRSA) role session',
            sessionLifetime: '1 h',
            basis: 'fromWebToken() sets durationSeconds to 1 h',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `${V3}${PROVIDERS}const credentials = await fromWebToken({ roleArn: 'r', webIdentityToken: process.env.TOKEN!, durationSeconds: 3600 })();
const s3 = new S3Client({ credentials });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 60 * 60 });`,
            },
          ],
        },
      ],
    },
    {
      // The default chain (test/fixtures/realworld D01): the `??` default is what most callers get.
      code: `${V3}export class ExportBucket {
  private readonly s3 = new S3Client({ region: process.env.AWS_REGION });
  async downloadLink(key: string, ttlSeconds?: number): Promise<string> {
    const ttl = ttlSeconds ?? 60 * 60 * 24 * 7;
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: ttl });
  }
}`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 6,
          column: 31,
          data: {
            lifetime: '7 d',
            session: 'any temporary session',
            sessionLifetime: '12 h',
            basis: 'the client uses the default credential chain, and no role session lasts longer than 12 h',
          },
          suggestions: [
            {
              messageId: 'clampToAssumedSession',
              output: `${V3}export class ExportBucket {
  private readonly s3 = new S3Client({ region: process.env.AWS_REGION });
  async downloadLink(key: string, ttlSeconds?: number): Promise<string> {
    const ttl = ttlSeconds ?? 60 * 60 * 12;
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: ttl });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A parameter default, and a client handed in.
      code: `${V3}export function link(s3: S3Client, ttl = 3 * 24 * 3600) {
  return getSignedUrl(s3, ${CMD}, { expiresIn: ttl });
}`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 3,
          column: 42,
          suggestions: [
            {
              messageId: 'clampToAssumedSession',
              output: `${V3}export function link(s3: S3Client, ttl = 12 * 3600) {
  return getSignedUrl(s3, ${CMD}, { expiresIn: ttl });
}`,
            },
          ],
        },
      ],
    },
    {
      // A numeric string behind Number(), as the default of an environment variable.
      code: `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: Number(process.env.LINK_TTL ?? '604800') });`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 3,
          suggestions: [
            {
              messageId: 'clampToAssumedSession',
              output: `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: Number(process.env.LINK_TTL ?? '43200') });`,
            },
          ],
        },
      ],
    },
    {
      // A module-level constant used in a function: reported at the call, the constant is suggested for change.
      code: `${V3}const LINK_TTL = 2 * 24 * 60 * 60;
export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: LINK_TTL });`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 4,
          column: 118,
          suggestions: [
            {
              messageId: 'clampToAssumedSession',
              output: `${V3}const LINK_TTL = 12 * 60 * 60;
export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: LINK_TTL });`,
            },
          ],
        },
      ],
    },
    {
      // A constant that other code reads too keeps its value: the lifetime is written at the call instead.
      code: `${V3}${PROVIDERS}const ONE_WEEK = 7 * 24 * 60 * 60;
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 3600 } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: ONE_WEEK });
export const cacheSeconds = ONE_WEEK;`,
      errors: [
        {
          messageId: 'outlivesSession',
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `${V3}${PROVIDERS}const ONE_WEEK = 7 * 24 * 60 * 60;
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 3600 } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 60 * 60 });
export const cacheSeconds = ONE_WEEK;`,
            },
          ],
        },
      ],
    },
    {
      // An exported constant is shared with other modules, so it is not changed either; read only here, it is.
      code: `${V3}${PROVIDERS}export const TTL = 7 * 24 * 60 * 60;
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 3600 } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: TTL });`,
      errors: [
        {
          messageId: 'outlivesSession',
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `${V3}${PROVIDERS}export const TTL = 7 * 24 * 60 * 60;
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 3600 } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 60 * 60 });`,
            },
          ],
        },
      ],
    },
    {
      code: `${V3}${PROVIDERS}const TTL = 7 * 24 * 60 * 60;
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 3600 } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: TTL });`,
      errors: [
        {
          messageId: 'outlivesSession',
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `${V3}${PROVIDERS}const TTL = 60 * 60;
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 3600 } }) });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: TTL });`,
            },
          ],
        },
      ],
    },
    {
      // Explicit temporary credentials (with a session token): their length is unknown, so 12 h at most.
      code: `${V3}const s3 = new S3Client({ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, sessionToken: process.env.AWS_SESSION_TOKEN } });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 172800 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '2 d',
            session: 'any temporary session',
            sessionLifetime: '12 h',
            basis:
              'the credentials carry a session token, so they are temporary, and no role session lasts longer than 12 h',
          },
          suggestions: [
            {
              messageId: 'clampToAssumedSession',
              output: `${V3}const s3 = new S3Client({ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, sessionToken: process.env.AWS_SESSION_TOKEN } });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 43200 });`,
            },
          ],
        },
      ],
    },
    {
      // Settings: the platform's session when the file shows only the default chain.
      code: `${V3}const s3 = new S3Client({});
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 7 * 24 * 3600 });`,
      settings: { 'credential-expiry': { platform: 'ecs' } },
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '7 d',
            session: 'the ECS/Fargate task-role session',
            sessionLifetime: '6 h',
            basis: "the client uses the default credential chain; settings['credential-expiry'] platform 'ecs'",
          },
          suggestions: [
            {
              messageId: 'clampToObservedSession',
              output: `${V3}const s3 = new S3Client({});
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 6 * 3600 });`,
            },
          ],
        },
      ],
    },
    {
      // Lambda: AWS documents no maximum for the execution-role session (about 12 h is observed), so the clamp to
      // 12 h is left for a person. Its look-alike, `sessionSeconds` (a length the user states), is clampToSession below.
      code: `${V3}const s3 = new S3Client({});
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 3 * 24 * 3600 });`,
      settings: { 'credential-expiry': { platform: 'lambda' } },
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '3 d',
            session: 'the Lambda execution-role session',
            sessionLifetime: '12 h',
            basis: "the client uses the default credential chain; settings['credential-expiry'] platform 'lambda'",
          },
          suggestions: [
            {
              messageId: 'clampToObservedSession',
              data: { target: '12 h', replacement: '12 * 3600', session: 'the Lambda execution-role session' },
              output: `${V3}const s3 = new S3Client({});
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 12 * 3600 });`,
            },
          ],
        },
      ],
    },
    {
      code: `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 7200 });`,
      settings: { 'credential-expiry': { sessionSeconds: 3600 } },
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '2 h',
            session: 'the session (sessionSeconds setting)',
            sessionLifetime: '1 h',
            basis: "the signing client is created outside this file; settings['credential-expiry'] sessionSeconds 3600",
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 3600 });`,
            },
          ],
        },
      ],
    },
    {
      // createPresignedPost with a role session.
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r' } }) });
export const post = () => createPresignedPost(s3, { Bucket: 'b', Key: 'k', Expires: 24 * 3600 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 5,
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'r' } }) });
export const post = () => createPresignedPost(s3, { Bucket: 'b', Key: 'k', Expires: 3600 });`,
            },
          ],
        },
      ],
    },
    {
      // SignatureV4 signing with SSO credentials: the permission-set session is 12 h at most.
      code: `import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromSSO } from '@aws-sdk/credential-providers';
const signer = new SignatureV4({ credentials: fromSSO({ profile: 'dev' }), region: 'eu-west-1', service: 's3', sha256: Sha256 });
export const presign = (request: never) => signer.presign(request, { expiresIn: 2 * 86400 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '2 d',
            session: 'the IAM Identity Center (SSO) session',
            sessionLifetime: '12 h',
            basis: 'fromSSO(): within the permission set session (1 h by default, 12 h at most)',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromSSO } from '@aws-sdk/credential-providers';
const signer = new SignatureV4({ credentials: fromSSO({ profile: 'dev' }), region: 'eu-west-1', service: 's3', sha256: Sha256 });
export const presign = (request: never) => signer.presign(request, { expiresIn: 43200 });`,
            },
          ],
        },
      ],
    },
    {
      // AWS SDK v2: an instance-profile credentials object.
      code: `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ credentials: new AWS.EC2MetadataCredentials() });
export const link = () => s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k', Expires: 86400 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '1 d',
            session: 'the EC2 instance-profile session',
            sessionLifetime: '6 h',
            basis: 'new EC2MetadataCredentials(): typically within 6 h',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ credentials: new AWS.EC2MetadataCredentials() });
export const link = () => s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k', Expires: 21600 });`,
            },
          ],
        },
      ],
    },
    {
      // AWS SDK v2: chained temporary credentials with their DurationSeconds; the promise form.
      code: `import S3 from 'aws-sdk/clients/s3';
import AWS from 'aws-sdk';
const s3 = new S3({ credentials: new AWS.ChainableTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 3600 } }) });
export const link = () => s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: 'k', Expires: 2 * 3600 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '2 h',
            session: 'the assumed-role session',
            sessionLifetime: '1 h',
            basis: 'new ChainableTemporaryCredentials() sets params.DurationSeconds to 1 h',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `import S3 from 'aws-sdk/clients/s3';
import AWS from 'aws-sdk';
const s3 = new S3({ credentials: new AWS.ChainableTemporaryCredentials({ params: { RoleArn: 'r', DurationSeconds: 3600 } }) });
export const link = () => s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: 'k', Expires: 3600 });`,
            },
          ],
        },
      ],
    },
    {
      // GCS without a key: IAM signBlob signs, and its key is only guaranteed for 12 h. Milliseconds stay milliseconds.
      code: `import { Storage } from '@google-cloud/storage';
const storage = new Storage();
export const link = (name: string) => storage.bucket('b').file(name).getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 2 * 24 * 60 * 60 * 1000 });`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 3,
          column: 138,
          data: {
            lifetime: '2 d',
            session: 'the IAM signBlob signing key',
            sessionLifetime: '12 h',
            basis:
              'the Storage options name no key file, so on Google Cloud the IAM signBlob API signs, and after 12 h (the signBlob key is only guaranteed for 12 h)',
          },
          suggestions: [
            {
              messageId: 'clampToAssumedSession',
              output: `import { Storage } from '@google-cloud/storage';
const storage = new Storage();
export const link = (name: string) => storage.bucket('b').file(name).getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 12 * 60 * 60 * 1000 });`,
            },
          ],
        },
      ],
    },
    {
      // GCS V2 (the default version) has no client cap, but a private key should not sign past a week.
      code: `import { Storage } from '@google-cloud/storage';
const file = new Storage({ keyFilename: 'key.json' }).bucket('b').file('report.csv');
export const link = () => file.getSignedUrl({ action: 'read', expires: new Date(Date.now() + 30 * 864e5) });`,
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '30 d',
            session: 'the service-account private key',
            sessionLifetime: '7 d',
            basis:
              'the Storage options give a private key (keyFilename); it signs for up to 7 d (a signed URL should not outlive a week, and dies when the key is deleted)',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `import { Storage } from '@google-cloud/storage';
const file = new Storage({ keyFilename: 'key.json' }).bucket('b').file('report.csv');
export const link = () => file.getSignedUrl({ action: 'read', expires: new Date(Date.now() + 7 * 864e5) });`,
            },
          ],
        },
      ],
    },
    {
      // Azure: a user-delegation SAS outliving the key that signs it.
      code: `import { BlobServiceClient, generateBlobSASQueryParameters } from '@azure/storage-blob';
import { DefaultAzureCredential } from '@azure/identity';
const service = new BlobServiceClient('https://acct.blob.core.windows.net', new DefaultAzureCredential());
export async function sas() {
  const key = await service.getUserDelegationKey(new Date(), new Date(new Date().valueOf() + 86400 * 1000));
  return generateBlobSASQueryParameters({ containerName: 'c', expiresOn: new Date(Date.now() + 2 * 86400 * 1000) }, key, 'acct').toString();
}`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 6,
          data: {
            lifetime: '2 d',
            session: 'the user-delegation key',
            sessionLifetime: '1 d',
            basis: 'the key was requested to end 1 d after it was fetched',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `import { BlobServiceClient, generateBlobSASQueryParameters } from '@azure/storage-blob';
import { DefaultAzureCredential } from '@azure/identity';
const service = new BlobServiceClient('https://acct.blob.core.windows.net', new DefaultAzureCredential());
export async function sas() {
  const key = await service.getUserDelegationKey(new Date(), new Date(new Date().valueOf() + 86400 * 1000));
  return generateBlobSASQueryParameters({ containerName: 'c', expiresOn: new Date(Date.now() + 86400 * 1000) }, key, 'acct').toString();
}`,
            },
          ],
        },
      ],
    },
    {
      // Azure: a key handed in lives at most 7 days.
      code: `import type { BlobClient, UserDelegationKey } from '@azure/storage-blob';
export const sas = (blob: BlobClient, key: UserDelegationKey) => blob.generateUserDelegationSasUrl({ expiresOn: new Date(Date.now() + 10 * 864e5) }, key);`,
      errors: [
        {
          messageId: 'outlivesSession',
          data: {
            lifetime: '10 d',
            session: 'the user-delegation key',
            sessionLifetime: '7 d',
            basis: 'at most 7 d after it is requested',
          },
          suggestions: [
            {
              messageId: 'clampToSession',
              output: `import type { BlobClient, UserDelegationKey } from '@azure/storage-blob';
export const sas = (blob: BlobClient, key: UserDelegationKey) => blob.generateUserDelegationSasUrl({ expiresOn: new Date(Date.now() + 7 * 864e5) }, key);`,
            },
          ],
        },
      ],
    },
  ],
});

// Cases run as test/fixtures/typed/file.ts (the tester's default file name, joined to the fixture directory).
const typedRuleTester = createTypedRuleTester();

typedRuleTester.run('presign-within-session (type information)', rule, {
  valid: [
    {
      // A key-pair type from another file, without a session token: long-term.
      code: `${V3}import type { DeployKeys } from './presign-signers.js';
export const link = (keys: DeployKeys) => getSignedUrl(new S3Client({ credentials: keys }), ${CMD}, { expiresIn: 604800 });`,
    },
    {
      code: `${V3}import { LINK_TTL } from './constants.js';
export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: LINK_TTL });`,
    },
  ],
  invalid: [
    {
      // A constant from another file whose type is a plain number: folded through the checker. No suggestion:
      // the constant is named; change it where it is declared.
      code: `${V3}${PROVIDERS}import { ONE_WEEK_SECONDS } from './constants.js';
const s3 = new S3Client({ credentials: fromInstanceMetadata() });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: ONE_WEEK_SECONDS });`,
      errors: [
        {
          messageId: 'outlivesSession',
          line: 6,
          column: 106,
          data: {
            lifetime: '7 d',
            session: 'the EC2 instance-profile session',
            sessionLifetime: '6 h',
            basis: 'fromInstanceMetadata(): typically within 6 h',
          },
          suggestions: [],
        },
      ],
    },
    {
      // A temporary-credentials type from another file.
      code: `${V3}import type { RoleKeys } from './presign-signers.js';
import { TWO_DAYS_SECONDS } from './presign-signers.js';
export const link = (keys: RoleKeys) => getSignedUrl(new S3Client({ credentials: keys }), ${CMD}, { expiresIn: TWO_DAYS_SECONDS });`,
      errors: [{ messageId: 'outlivesSession', line: 5, suggestions: [] }],
    },
  ],
});

describe('presign rules and settings', () => {
  const code = `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 7200 });`;
  function lint(ruleId: string, settings: unknown) {
    return new Linter().verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { 'credential-expiry': plugin },
          rules: { [`credential-expiry/${ruleId}`]: 'warn' },
          settings: { 'credential-expiry': settings },
        },
      ],
      'file.ts',
    );
  }

  it.each(['presign-within-session', 'presign-max-lifetime'])(
    '%s reports a wrong platform as one configuration error',
    (ruleId) => {
      expect(() => lint(ruleId, { platform: 'fargate' })).toThrow(
        /settings\['credential-expiry'\]\.platform must be one of ec2, ecs, .*; got "fargate"/,
      );
    },
  );

  it.each(['presign-within-session', 'presign-max-lifetime'])(
    '%s reports a negative sessionSeconds as one configuration error',
    (ruleId) => {
      expect(() => lint(ruleId, { sessionSeconds: -1 })).toThrow(
        /sessionSeconds must be a whole number of seconds from 1 to 129600; got -1/,
      );
    },
  );

  it('uses a valid sessionSeconds', () => {
    expect(lint('presign-within-session', { sessionSeconds: 3600 }).map((m) => m.ruleId)).toEqual([
      'credential-expiry/presign-within-session',
    ]);
    expect(lint('presign-within-session', { sessionSeconds: 7200 })).toEqual([]);
  });

  it('is a warning in configs.recommended, and presign-max-lifetime an error', () => {
    const severities = Object.assign({}, ...plugin.configs.recommended.map((block) => block.rules ?? {}));
    expect(severities['credential-expiry/presign-within-session']).toBe('warn');
    expect(severities['credential-expiry/presign-max-lifetime']).toBe('error');
  });
});
