import rule from '../../../rules/presign-max-lifetime/index.js';
import { createRuleTester, createTypedRuleTester } from '../../rule-tester.js';

const V3 = `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
`;
const CMD = `new GetObjectCommand({ Bucket: 'b', Key: 'k' })`;
const GCS = `import { Storage } from '@google-cloud/storage';
const file = new Storage().bucket('b').file('f');
`;
const SIGV4_FAILURE =
  "the SDK rejects the call with 'Signature version 4 presigned URLs must have an expiration date less than one week in the future'";
const GCS_MAX_FAILURE = "the client throws 'Max allowed expiration is seven days (604800 seconds).'";
const GCS_PAST_FAILURE = "the client throws 'An expiration date cannot be in the past.'";

const ruleTester = createRuleTester();

ruleTester.run('presign-max-lifetime', rule, {
  valid: [
    // Exactly the maximum is allowed.
    `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 604800 });`,
    `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 7 * 24 * 60 * 60 });`,
    // Defaults and values that cannot be evaluated.
    `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD});`,
    `${V3}export const link = (s3: S3Client, days: number) => getSignedUrl(s3, ${CMD}, { expiresIn: days * 86400 });`,
    // Look-alikes of the same size that are not presign calls.
    `${V3}import jwt from 'jsonwebtoken';
export const token = jwt.sign({ sub: 'u' }, 'k', { expiresIn: 30 * 24 * 3600 });
export const session = { cookie: { maxAge: 30 * 24 * 3600 * 1000 } };`,
    // Within a GCS V4 week, as an epoch time or a Date.
    `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 7 * 24 * 60 * 60 * 1000 });`,
    `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: new Date(Date.now() + 15 * 60 * 1000) });`,
    // GCS V2 (the default version) has no client-side maximum; presign-within-session judges it.
    `${GCS}export const link = () => file.getSignedUrl({ action: 'read', expires: Date.now() + 30 * 864e5 });`,
    // An unknown version is not assumed to be V4.
    `${GCS}export const link = (version: 'v2' | 'v4') => file.getSignedUrl({ version, action: 'read', expires: Date.now() + 30 * 864e5 });`,
    // Fixed dates and real epoch times depend on when the code runs.
    `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: '03-17-2030' });`,
    `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: 1893456000000 });`,
    // Azure: a user-delegation key within 7 days.
    `import { BlobServiceClient } from '@azure/storage-blob';
export const key = (service: BlobServiceClient) => service.getUserDelegationKey(new Date(), new Date(Date.now() + 7 * 86400 * 1000));`,
  ],
  invalid: [
    {
      code: `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 8 * 24 * 60 * 60 });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 3,
          column: 118,
          data: { lifetime: '8 d', maximum: '7 d', failure: SIGV4_FAILURE },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              data: { target: '7 d', replacement: '7 * 24 * 60 * 60' },
              output: `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 7 * 24 * 60 * 60 });`,
            },
          ],
        },
      ],
    },
    {
      // Thirty days, written as a product with the count last.
      code: `${V3}const THIRTY_DAYS = 3600 * 24 * 30;
export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: THIRTY_DAYS });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 4,
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `${V3}const THIRTY_DAYS = 3600 * 24 * 7;
export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: THIRTY_DAYS });`,
            },
          ],
        },
      ],
    },
    {
      // A literal stays a literal, with its separators.
      code: `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 1_209_600 });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          data: { lifetime: '14 d', maximum: '7 d', failure: SIGV4_FAILURE },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `${V3}export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: 604_800 });`,
            },
          ],
        },
      ],
    },
    {
      // Above the maximum, a long-term key does not help: the check does not depend on the signer.
      code: `${V3}const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: process.env.SECRET! } });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 604801 });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 4,
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `${V3}const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: process.env.SECRET! } });
export const link = () => getSignedUrl(s3, ${CMD}, { expiresIn: 604800 });`,
            },
          ],
        },
      ],
    },
    {
      // POST policies: the SDK does not check, the signing key does not last.
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
export const post = (s3: S3Client) => createPresignedPost(s3, { Bucket: 'b', Key: 'k', Expires: 10 * 86400 });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          data: {
            lifetime: '10 d',
            maximum: '7 d',
            failure:
              'the SDK does not check it, but the policy is signed with a SigV4 key that is valid for at most 7 d',
          },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
export const post = (s3: S3Client) => createPresignedPost(s3, { Bucket: 'b', Key: 'k', Expires: 7 * 86400 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { SignatureV4 } from '@smithy/signature-v4';
export const presign = (signer: SignatureV4, request: never) => signer.presign(request, { expiresIn: 2_592_000 });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          data: { lifetime: '30 d', maximum: '7 d', failure: SIGV4_FAILURE },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `import { SignatureV4 } from '@smithy/signature-v4';
export const presign = (signer: SignatureV4, request: never) => signer.presign(request, { expiresIn: 604_800 });`,
            },
          ],
        },
      ],
    },
    {
      // AWS SDK v2, both forms.
      code: `const AWS = require('aws-sdk');
const s3 = new AWS.S3();
exports.link = () => s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k', Expires: 60 * 60 * 24 * 14 });
exports.post = () => s3.createPresignedPost({ Bucket: 'b', Fields: { key: 'k' }, Expires: 60 * 60 * 24 * 14 });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 3,
          data: {
            lifetime: '14 d',
            maximum: '7 d',
            failure:
              "the SDK throws InvalidExpiryTime: 'Presigning does not support expiry time greater than a week with SigV4 signing.'",
          },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `const AWS = require('aws-sdk');
const s3 = new AWS.S3();
exports.link = () => s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k', Expires: 60 * 60 * 24 * 7 });
exports.post = () => s3.createPresignedPost({ Bucket: 'b', Fields: { key: 'k' }, Expires: 60 * 60 * 24 * 14 });`,
            },
          ],
        },
        {
          messageId: 'aboveMaximum',
          line: 4,
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `const AWS = require('aws-sdk');
const s3 = new AWS.S3();
exports.link = () => s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k', Expires: 60 * 60 * 24 * 14 });
exports.post = () => s3.createPresignedPost({ Bucket: 'b', Fields: { key: 'k' }, Expires: 60 * 60 * 24 * 7 });`,
            },
          ],
        },
      ],
    },
    {
      // GCS V4 over a week, in milliseconds.
      code: `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 8 * 24 * 60 * 60 * 1000 });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 3,
          column: 100,
          data: { lifetime: '8 d', maximum: '7 d', failure: GCS_MAX_FAILURE },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 7 * 24 * 60 * 60 * 1000 });`,
            },
          ],
        },
      ],
    },
    {
      // POST policies are always V4.
      code: `${GCS}const THIRTY_DAYS_MS = 30 * 864e5;
export const policy = () => file.generateSignedPostPolicyV4({ expires: new Date(Date.now() + THIRTY_DAYS_MS) });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 4,
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `${GCS}const THIRTY_DAYS_MS = 7 * 864e5;
export const policy = () => file.generateSignedPostPolicyV4({ expires: new Date(Date.now() + THIRTY_DAYS_MS) });`,
            },
          ],
        },
      ],
    },
    {
      // GCS `expires` is a point in time: 3600 is 1970, and the call throws.
      code: `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: 3600 });`,
      errors: [
        {
          messageId: 'timeAsDuration',
          line: 3,
          column: 87,
          data: { property: 'expires', value: '3600', date: '1970-01-01T00:00:03.600Z', failure: GCS_PAST_FAILURE },
          suggestions: [
            {
              // A whole number of minutes in seconds; as milliseconds the link would last 3.6 s.
              messageId: 'readInStatedUnit',
              data: {
                value: '3600',
                unit: 'seconds',
                why: 'in milliseconds it would last 3.6 s',
                replacement: 'Date.now() + 3600 * 1000',
              },
              output: `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 3600 * 1000 });`,
            },
          ],
        },
      ],
    },
    {
      // Both readings are plausible (1 min, or 16.7 h): a person chooses.
      code: `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: 60000 });`,
      errors: [
        {
          messageId: 'timeAsDuration',
          suggestions: [
            {
              messageId: 'readAsSeconds',
              output: `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 60000 * 1000 });`,
            },
            {
              messageId: 'readAsMilliseconds',
              output: `${GCS}export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 60000 });`,
            },
          ],
        },
      ],
    },
    {
      // The name states the unit.
      code: `${GCS}const linkSeconds = 60000;
export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: linkSeconds });`,
      errors: [
        {
          messageId: 'timeAsDuration',
          suggestions: [
            {
              messageId: 'readInStatedUnit',
              data: {
                value: '60000',
                unit: 'seconds',
                why: '`linkSeconds` says seconds',
                replacement: 'Date.now() + linkSeconds * 1000',
              },
              output: `${GCS}const linkSeconds = 60000;
export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + linkSeconds * 1000 });`,
            },
          ],
        },
      ],
    },
    {
      // A duration in a shared constant: the time is computed at the call, not frozen where the constant is declared.
      code: `${GCS}const LINK_MS = 15 * 60 * 1000;
export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: LINK_MS });`,
      errors: [
        {
          messageId: 'timeAsDuration',
          line: 4,
          column: 87,
          suggestions: [
            {
              messageId: 'readInStatedUnit',
              data: {
                value: '900000',
                unit: 'milliseconds',
                why: '`LINK_MS` says milliseconds',
                replacement: 'Date.now() + LINK_MS',
              },
              output: `${GCS}const LINK_MS = 15 * 60 * 1000;
export const link = () => file.getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + LINK_MS });`,
            },
          ],
        },
      ],
    },
    {
      code: `${GCS}export const link = (ttl?: number) => file.getSignedUrl({ action: 'read', expires: new Date(ttl ?? 60 * 60) });`,
      errors: [
        {
          messageId: 'timeAsDuration',
          suggestions: [
            {
              messageId: 'readInStatedUnit',
              output: `${GCS}export const link = (ttl?: number) => file.getSignedUrl({ action: 'read', expires: new Date(Date.now() + (ttl ?? 60 * 60) * 1000) });`,
            },
          ],
        },
      ],
    },
    {
      // Azure: the service refuses a user-delegation key that ends more than 7 days out.
      code: `import { BlobServiceClient } from '@azure/storage-blob';
export const key = (service: BlobServiceClient) => service.getUserDelegationKey(new Date(), new Date(Date.now() + 30 * 86400 * 1000));`,
      errors: [
        {
          messageId: 'aboveMaximum',
          data: {
            lifetime: '30 d',
            maximum: '7 d',
            failure:
              "the service refuses a key that ends more than 7 d from now ('The value for one of the XML nodes is not in the correct format.')",
          },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              output: `import { BlobServiceClient } from '@azure/storage-blob';
export const key = (service: BlobServiceClient) => service.getUserDelegationKey(new Date(), new Date(Date.now() + 7 * 86400 * 1000));`,
            },
          ],
        },
      ],
    },
  ],
});

// Cases run as test/fixtures/typed/file.ts (the tester's default file name, joined to the fixture directory).
const typedRuleTester = createTypedRuleTester();

typedRuleTester.run('presign-max-lifetime (type information)', rule, {
  valid: [
    `${V3}import { ONE_WEEK_SECONDS } from './constants.js';
export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: ONE_WEEK_SECONDS });`,
  ],
  invalid: [
    {
      code: `${V3}import { EIGHT_DAYS_SECONDS } from './presign-signers.js';
export const link = (s3: S3Client) => getSignedUrl(s3, ${CMD}, { expiresIn: EIGHT_DAYS_SECONDS });`,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 4,
          column: 118,
          data: { lifetime: '8 d', maximum: '7 d', failure: SIGV4_FAILURE },
          suggestions: [],
        },
      ],
    },
  ],
});
