import rule from '../../../rules/no-static-snapshot/index.js';
import { createRuleTester } from '../../rule-tester.js';

// A Lambda execution environment gets its role credentials once, as environment variables with no expiry visible
// to the SDK, and lives at most about 14 h: a module-level copy of the default chain's keys lasts as long as the
// live object. A file importing the handler types from `aws-lambda`, or exporting a Lambda-style entry point
// (`exports.handler = async (event) => ...`), runs on Lambda.
const V2_COPY = (header: string) => `import * as aws from 'aws-sdk';
${header}
aws.config.update({
  credentials: new aws.Credentials(
    aws.config.credentials!.accessKeyId,
    aws.config.credentials!.secretAccessKey,
    aws.config.credentials!.sessionToken,
  ),
});
const s3 = new aws.S3();
export const list: APIGatewayProxyHandler = async () => ({ statusCode: 200, body: String(await s3.listBuckets().promise()) });`;
const V2_PASSED = (header: string) => `import * as aws from 'aws-sdk';
${header}
aws.config.update({
  credentials: aws.config.credentials! as aws.Credentials,
});
const s3 = new aws.S3();
export const list: APIGatewayProxyHandler = async () => ({ statusCode: 200, body: String(await s3.listBuckets().promise()) });`;
const LAMBDA_TYPES = "import type { APIGatewayProxyHandler } from 'aws-lambda';";
const OTHER_TYPES = "import type { APIGatewayProxyHandler } from './types';";

// Keys copied off the v2 global into an object built at load (engine-heldout-9 N04), with the entry point given.
const V2_GLOBAL_KEYS = (entry: string) => `const AWS = require('aws-sdk');
const signer = new Authenticator({
  accessKey: AWS.config.credentials.accessKeyId,
  secretKey: AWS.config.credentials.secretAccessKey,
  sessionToken: AWS.config.credentials.sessionToken,
});
${entry}`;
const V2_GLOBAL_KEYS_ERROR = {
  messageId: 'v2ChainCopied',
  line: 3,
  data: {
    where: 'in module scope (`signer`)',
    session: 'the session of whatever source the default chain found',
    phrase: 'within 1 h for an assumed role, about 6 h for an instance profile or task role',
  },
} as const;

const V3_KEPT = (header: string) => `import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
${header}
const creds = await fromNodeProviderChain()();
export const s3 = new S3Client({ credentials: creds });`;

createRuleTester().run('no-static-snapshot (Lambda handler files)', rule, {
  valid: [
    { code: V2_COPY(LAMBDA_TYPES) },
    { code: V3_KEPT("import type { Handler } from 'aws-lambda';") },
    // The v2 global copied into a module object, in a Lambda file.
    {
      code: `import AWS from 'aws-sdk';
import type { SQSHandler } from 'aws-lambda';
await AWS.config.credentials.getPromise();
const keys = { accessKeyId: AWS.config.credentials.accessKeyId, secretAccessKey: AWS.config.credentials.secretAccessKey, sessionToken: AWS.config.credentials.sessionToken };
export const handler: SQSHandler = async () => { await send(keys); };`,
    },
    // An exported entry point that takes the `event`, in each module style.
    { code: V2_GLOBAL_KEYS('exports.handler = async (event) => signer.sign(event);') },
    {
      code: V2_GLOBAL_KEYS(
        'module.exports.ingestHandler = async function (event, context) { return signer.sign(event); };',
      ),
    },
    { code: V2_GLOBAL_KEYS('export async function handler(event) { return signer.sign(event); }') },
    { code: V2_GLOBAL_KEYS('export const handler = async (event, context) => signer.sign(event);') },
  ],
  invalid: [
    // Not an entry point: an Express error handler, an entry not exported, an exported function of another name.
    {
      code: V2_GLOBAL_KEYS('exports.errorHandler = (err, req, res) => res.send(signer.sign(err));'),
      errors: [V2_GLOBAL_KEYS_ERROR],
    },
    {
      code: V2_GLOBAL_KEYS('const handler = async (event) => signer.sign(event);\nserver.on("request", handler);'),
      errors: [V2_GLOBAL_KEYS_ERROR],
    },
    { code: V2_GLOBAL_KEYS('exports.start = async (event) => signer.sign(event);'), errors: [V2_GLOBAL_KEYS_ERROR] },
    // The same copy without the Lambda import: the default chain may find a 1 h session.
    {
      code: V2_COPY(OTHER_TYPES),
      errors: [
        {
          messageId: 'v2FieldsCopied',
          line: 4,
          data: {
            object: 'aws.config.credentials!',
            sink: '`new aws.Credentials(...)`',
            session: 'the session of whatever source the default chain found',
            phrase: 'within 1 h for an assumed role, about 6 h for an instance profile or task role',
          },
          suggestions: [{ messageId: 'passGlobalCredentials', output: V2_PASSED(OTHER_TYPES) }],
        },
      ],
    },
    {
      code: V3_KEPT(OTHER_TYPES),
      output: `import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
${OTHER_TYPES}
export const s3 = new S3Client({ credentials: fromNodeProviderChain() });`,
      errors: [{ messageId: 'storedCredentials', line: 4 }],
    },
    // The explicit setting wins over the import.
    {
      code: V2_COPY(LAMBDA_TYPES),
      settings: { 'credential-expiry': { platform: 'ecs' } },
      errors: [
        {
          messageId: 'v2FieldsCopied',
          line: 4,
          data: {
            object: 'aws.config.credentials!',
            sink: '`new aws.Credentials(...)`',
            session: 'the ECS/Fargate task-role session',
            phrase: 'typically within 6 h',
          },
          suggestions: [{ messageId: 'passGlobalCredentials', output: V2_PASSED(LAMBDA_TYPES) }],
        },
      ],
    },
    // On Lambda too, a global replaced by an assumed role refreshes hourly; its copy does not.
    {
      code: `import AWS from 'aws-sdk';
import type { Handler } from 'aws-lambda';
AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } });
await AWS.config.credentials.getPromise();
const creds = new AWS.Credentials(AWS.config.credentials.accessKeyId, AWS.config.credentials.secretAccessKey, AWS.config.credentials.sessionToken);
export const handler: Handler = async () => new AWS.S3({ credentials: creds }).listBuckets().promise();`,
      errors: [
        {
          messageId: 'v2FieldsCopied',
          line: 5,
          data: {
            object: 'AWS.config.credentials',
            sink: '`new AWS.Credentials(...)`',
            session: 'the assumed-role session',
            phrase: 'after DurationSeconds (1 h by default, 12 h at most)',
          },
          suggestions: [
            {
              messageId: 'passGlobalCredentials',
              output: `import AWS from 'aws-sdk';
import type { Handler } from 'aws-lambda';
AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } });
await AWS.config.credentials.getPromise();
const creds = AWS.config.credentials as AWS.Credentials;
export const handler: Handler = async () => new AWS.S3({ credentials: creds }).listBuckets().promise();`,
            },
          ],
        },
      ],
    },
  ],
});
