import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A projected service-account token file (IRSA, a Kubernetes projected volume) read once and handed as fixed text to
// a refreshing web-identity source that is kept: each refresh sends the same token, which the kubelet has long
// since replaced in the file and which STS refuses once it has expired.
const lines = (...text: string[]) => text.join('\n');
const V2 = lines(`import AWS from 'aws-sdk';`, `import fs from 'fs';`);
const V3 = lines(
  `import { fromWebToken } from '@aws-sdk/credential-providers';`,
  `import { S3Client } from '@aws-sdk/client-s3';`,
  `import { readFileSync } from 'node:fs';`,
);
const SERVICE = 'export const list = () => new AWS.S3().listObjectsV2({ Bucket: "b" }).promise();';

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // v2: the global credentials, inside a start-up `if`, the path from the IRSA variable.
    code: lines(
      V2,
      'if (process.env.AWS_WEB_IDENTITY_TOKEN_FILE) {',
      '  AWS.config.credentials = new AWS.WebIdentityCredentials({',
      '    RoleArn: process.env.AWS_ROLE_ARN,',
      "    WebIdentityToken: fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8'),",
      '  });',
      '}',
      SERVICE,
    ),
    errors: [{ messageId: 'tokenFileReadOnce', line: 6 }],
  },
  {
    // v3: the text read into a const at module load, trimmed, and the provider kept by a module client.
    code: lines(
      V3,
      "const token = readFileSync('/var/run/secrets/eks.amazonaws.com/serviceaccount/token', 'utf8').trim();",
      'export const s3 = new S3Client({',
      '  credentials: fromWebToken({ roleArn: process.env.AWS_ROLE_ARN!, webIdentityToken: token }),',
      '});',
    ),
    errors: [{ messageId: 'tokenFileReadOnce', line: 6 }],
  },
  {
    // The text read at load, a provider built from it in each call: every call sends the start-up token.
    code: lines(
      V3,
      'const TOKEN_FILE = process.env.AWS_WEB_IDENTITY_TOKEN_FILE!;',
      "const token = readFileSync(TOKEN_FILE, 'utf8');",
      'export async function client() {',
      '  return new S3Client({ credentials: fromWebToken({ roleArn: process.env.AWS_ROLE_ARN!, webIdentityToken: token }) });',
      '}',
    ),
    errors: [{ messageId: 'tokenFileReadOnce', line: 7 }],
  },
  {
    // fs/promises, awaited at module level, a projected volume under /var/run/secrets/tokens.
    code: lines(
      `import { fromWebToken } from '@aws-sdk/credential-providers';`,
      `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';`,
      `import { readFile } from 'fs/promises';`,
      "const token = (await readFile('/var/run/secrets/tokens/aws-token')).toString();",
      'export const db = new DynamoDBClient({ credentials: fromWebToken({ roleArn: "arn:aws:iam::1:role/app", webIdentityToken: token }) });',
    ),
    errors: [{ messageId: 'tokenFileReadOnce', line: 5 }],
  },
  {
    // STS by hand: the token read at load, sent by every later AssumeRoleWithWebIdentity.
    code: lines(
      `import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';`,
      `import { readFileSync } from 'fs';`,
      'const sts = new STSClient({});',
      "const token = readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8');",
      'export async function assume(roleArn: string) {',
      "  return sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'app', WebIdentityToken: token }));",
      '}',
    ),
    errors: [{ messageId: 'tokenFileReadOnce', line: 6 }],
  },
  {
    // The same with v2's STS client.
    code: lines(
      V2,
      'const sts = new AWS.STS();',
      "const token = fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8');",
      'export function assume(roleArn) {',
      "  return sts.assumeRoleWithWebIdentity({ RoleArn: roleArn, RoleSessionName: 'app', WebIdentityToken: token }).promise();",
      '}',
    ),
    errors: [{ messageId: 'tokenFileReadOnce', line: 6 }],
  },
  {
    // Through a helper of the file that reads the file (inside a try), called once at load.
    code: lines(
      V3,
      'function readToken(): string {',
      "  try { return readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE || '/var/run/secrets/eks.amazonaws.com/serviceaccount/token', 'utf8'); } catch { return ''; }",
      '}',
      'const token = readToken();',
      'export const s3 = new S3Client({ credentials: fromWebToken({ roleArn: "r", webIdentityToken: token }) });',
    ),
    errors: [{ messageId: 'tokenFileReadOnce', line: 8 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The SDK's own token-file sources read the file at each refresh.
  lines(V2, 'AWS.config.credentials = new AWS.TokenFileWebIdentityCredentials();', SERVICE),
  lines(
    `import { fromTokenFile } from '@aws-sdk/credential-providers';`,
    `import { S3Client } from '@aws-sdk/client-s3';`,
    'export const s3 = new S3Client({ credentials: fromTokenFile() });',
  ),
  // The file read inside the provider function: each resolution reads the current token.
  lines(
    V3,
    'export const s3 = new S3Client({',
    '  credentials: () =>',
    '    fromWebToken({',
    '      roleArn: process.env.AWS_ROLE_ARN!,',
    "      webIdentityToken: readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8'),",
    '    })(),',
    '});',
  ),
  // Read where the source is built, per request, and the source dropped after it.
  lines(
    V2,
    'export async function handle(bucket) {',
    '  const credentials = new AWS.WebIdentityCredentials({',
    "    RoleArn: 'arn:aws:iam::1:role/app',",
    "    WebIdentityToken: fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8'),",
    '  });',
    '  return new AWS.S3({ credentials }).listObjectsV2({ Bucket: bucket }).promise();',
    '}',
  ),
  // A token from a sign-in, not a rotated file (captured logins are another check).
  lines(
    V2,
    'export function signIn(idToken) {',
    '  AWS.config.credentials = new AWS.WebIdentityCredentials({ RoleArn: "r", WebIdentityToken: idToken });',
    '}',
  ),
  // Some other file read at load.
  lines(
    V3,
    "const token = readFileSync('./config/token.txt', 'utf8');",
    'export const s3 = new S3Client({ credentials: fromWebToken({ roleArn: "r", webIdentityToken: token }) });',
  ),
  // A one-shot script: it ends long before the token does.
  lines(
    V2,
    'AWS.config.credentials = new AWS.WebIdentityCredentials({',
    "  RoleArn: 'arn:aws:iam::1:role/app',",
    "  WebIdentityToken: fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8'),",
    '});',
    'const [, , bucket] = process.argv;',
    'const out = await new AWS.S3().listObjectsV2({ Bucket: bucket }).promise();',
    'console.log(out.KeyCount);',
    'process.exit(0);',
  ),
  // STS with the file read in the same call: each request sends the current token.
  lines(
    `import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';`,
    `import { readFileSync } from 'fs';`,
    'const sts = new STSClient({});',
    'export async function assume(roleArn: string) {',
    "  const token = readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8');",
    "  return sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'app', WebIdentityToken: token }));",
    '}',
  ),
  // The same helper called inside the provider function: a fresh read at each resolution.
  lines(
    V3,
    'function readToken(): string {',
    "  return readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8');",
    '}',
    'export const s3 = new S3Client({ credentials: () => fromWebToken({ roleArn: "r", webIdentityToken: readToken() })() });',
  ),
];

createRuleTester().run('no-static-snapshot (a projected token file read once)', rule, { valid, invalid });
