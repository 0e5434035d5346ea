import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Keys fetched by hand from a metadata credentials endpoint (TOKEN_ENDPOINTS: EC2 IMDS, ECS/EKS container) handed
// as static `credentials` to a v3 client that outlives the request: the client never fetches them again.
const lines = (...text: string[]) => text.join('\n');
const IMDS = `'http://169.254.169.254/latest/meta-data/iam/security-credentials/app'`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // IMDS through fetch, body read in `.then`, the client kept in module scope.
    code: lines(
      `import { S3Client } from '@aws-sdk/client-s3';`,
      'let s3;',
      'export async function connect() {',
      `  const body = await fetch(${IMDS}).then((r) => r.json());`,
      `  s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token } });`,
      '}',
    ),
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 4,
        suggestions: [
          {
            messageId: 'useMetadataCredentials',
            output: lines(
              `import { S3Client } from '@aws-sdk/client-s3';`,
              `import { fromInstanceMetadata } from '@aws-sdk/credential-providers';`,
              'let s3;',
              'export async function connect() {',
              `  const body = await fetch(${IMDS}).then((r) => r.json());`,
              `  s3 = new S3Client({ region: 'eu-west-1', credentials: fromInstanceMetadata() });`,
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // ECS container endpoint through axios at module load, its body read off axios's `.data`.
    code: lines(
      `import axios from 'axios';`,
      `import { SQSClient } from '@aws-sdk/client-sqs';`,
      `const res = await axios.get('http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);`,
      `export const sqs = new SQSClient({ credentials: { accessKeyId: res.data.AccessKeyId, secretAccessKey: res.data.SecretAccessKey, sessionToken: res.data.Token } });`,
    ),
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 3,
        suggestions: [
          {
            messageId: 'useMetadataCredentials',
            output: lines(
              `import axios from 'axios';`,
              `import { SQSClient } from '@aws-sdk/client-sqs';`,
              `import { fromContainerMetadata } from '@aws-sdk/credential-providers';`,
              `const res = await axios.get('http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);`,
              `export const sqs = new SQSClient({ credentials: fromContainerMetadata() });`,
            ),
          },
        ],
      },
    ],
  },
  {
    // fetch awaited, then `await res.json()`; the client kept on an instance field.
    code: lines(
      `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';`,
      'export class Repo {',
      '  async init() {',
      `    const res = await fetch(${IMDS});`,
      '    const creds = await res.json();',
      '    this.db = new DynamoDBClient({ credentials: { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey, sessionToken: creds.Token } });',
      '  }',
      '}',
    ),
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 4,
        suggestions: [
          {
            messageId: 'useMetadataCredentials',
            output: lines(
              `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';`,
              `import { fromInstanceMetadata } from '@aws-sdk/credential-providers';`,
              'export class Repo {',
              '  async init() {',
              `    const res = await fetch(${IMDS});`,
              '    const creds = await res.json();',
              '    this.db = new DynamoDBClient({ credentials: fromInstanceMetadata() });',
              '  }',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // The container endpoint's whole URL from AWS_CONTAINER_CREDENTIALS_FULL_URI (EKS Pod Identity), with its token.
    code: lines(
      `import { S3Client } from '@aws-sdk/client-s3';`,
      'const headers = { Authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN };',
      'const res = await fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers });',
      'const c = await res.json();',
      'export const s3 = new S3Client({ credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.Token } });',
    ),
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 3,
        suggestions: [
          {
            messageId: 'useMetadataCredentials',
            output: lines(
              `import { S3Client } from '@aws-sdk/client-s3';`,
              `import { fromContainerMetadata } from '@aws-sdk/credential-providers';`,
              'const headers = { Authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN };',
              'const res = await fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers });',
              'const c = await res.json();',
              'export const s3 = new S3Client({ credentials: fromContainerMetadata() });',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: fetched per request inside a handler, the client built and dropped there.
  lines(
    `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';`,
    'export async function handler() {',
    `  const body = await fetch(${IMDS}).then((r) => r.json());`,
    '  const s3 = new S3Client({ credentials: { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token } });',
    '  return s3.send(new ListBucketsCommand({}));',
    '}',
  ),
  // Look-alike: cached with an Expiration check and rebuilt before it runs out.
  lines(
    `import { S3Client } from '@aws-sdk/client-s3';`,
    'let s3;',
    'let expires = 0;',
    'export async function client() {',
    '  if (!s3 || Date.now() > expires - 300000) {',
    `    const body = await fetch(${IMDS}).then((r) => r.json());`,
    '    expires = new Date(body.Expiration).getTime();',
    '    s3 = new S3Client({ credentials: { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token } });',
    '  }',
    '  return s3;',
    '}',
  ),
  // Look-alike: the same shape from another host (a secrets service of the app), not a metadata endpoint.
  lines(
    `import { S3Client } from '@aws-sdk/client-s3';`,
    'let s3;',
    'export async function connect() {',
    `  const body = await fetch('https://vault.internal/v1/aws/creds/app').then((r) => r.json());`,
    '  s3 = new S3Client({ credentials: { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token } });',
    '}',
  ),
  // Look-alike: the whole URL from another environment variable (the app's own credentials broker).
  lines(
    `import { S3Client } from '@aws-sdk/client-s3';`,
    'const c = await fetch(process.env.CREDENTIALS_BROKER_URL).then((r) => r.json());',
    'export const s3 = new S3Client({ credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.Token } });',
  ),
];

createRuleTester().run('no-static-snapshot (keys fetched from a metadata endpoint into a v3 client)', rule, {
  valid,
  invalid,
});
