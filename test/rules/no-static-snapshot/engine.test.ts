import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// The lifetime engine's newer families for anti-pattern A: keepers that outlive the process, closures handed over as
// providers, keys fetched by hand from metadata endpoints, IAM auth tokens. Each invalid case has a look-alike below.
const lines = (...text: string[]) => text.join('\n');
const CHAIN = `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // Keeper: a file (node:fs/promises), in a function of a long-lived module.
    code: lines(
      CHAIN,
      `import { writeFile } from 'node:fs/promises';`,
      'export async function saveProfile(path) {',
      '  const c = await fromNodeProviderChain()();',
      '  await writeFile(path, `aws_access_key_id = ${c.accessKeyId}\\naws_secret_access_key = ${c.secretAccessKey}`);',
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 4, column: 13 }],
  },
  {
    // Keeper: a file outlives even a one-shot script.
    code: lines(
      CHAIN,
      `const fs = require('fs');`,
      'const c = await fromNodeProviderChain()();',
      'fs.writeFileSync(process.argv[2], JSON.stringify(c));',
      'process.exit(0);',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 3, column: 11 }],
  },
  {
    // Keeper: the environment of the later CI steps.
    code: lines(
      CHAIN,
      `import * as core from '@actions/core';`,
      'export async function run() {',
      '  const c = await fromNodeProviderChain()();',
      "  core.exportVariable('AWS_SESSION_TOKEN', c.sessionToken);",
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 4, column: 13 }],
  },
  {
    // Keeper: a webpack bundle constant.
    code: lines(
      CHAIN,
      `import webpack from 'webpack';`,
      'export default async () => ({',
      '  plugins: [new webpack.DefinePlugin({ CREDS: JSON.stringify(await fromNodeProviderChain()()) })],',
      '});',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 4, column: 62 }],
  },
  {
    // Keeper: a Vite `define`, returned by a config function.
    code: lines(
      CHAIN,
      `import { defineConfig } from 'vite';`,
      'export default defineConfig(async () => {',
      '  const c = await fromNodeProviderChain()();',
      '  return { define: { __KEY__: JSON.stringify(c.accessKeyId) } };',
      '});',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 4, column: 13 }],
  },
  {
    // Keeper: browser storage, with Cognito identity-pool credentials.
    code: lines(
      `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
      'export async function signIn(identityPoolId) {',
      '  const c = await fromCognitoIdentityPool({ identityPoolId })();',
      "  localStorage.setItem('aws', JSON.stringify(c));",
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 3, column: 13 }],
  },
  {
    // The same keeper, reached through a parameter of the file's own helper.
    code: lines(
      `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
      "const save = (credentials) => localStorage.setItem('aws', JSON.stringify(credentials));",
      'export async function signIn(identityPoolId) {',
      '  save(await fromCognitoIdentityPool({ identityPoolId })());',
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 4, column: 8 }],
  },
  {
    // Keeper: the process environment (the env provider and child processes read it and never refresh).
    code: lines(
      CHAIN,
      `import express from 'express';`,
      'export async function start() {',
      '  const c = await fromNodeProviderChain()();',
      '  process.env.AWS_ACCESS_KEY_ID = c.accessKeyId;',
      '  process.env.AWS_SECRET_ACCESS_KEY = c.secretAccessKey;',
      '  process.env.AWS_SESSION_TOKEN = c.sessionToken;',
      '  express().listen(8080);',
      '}',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 4, column: 13 }],
  },
  {
    // Flow: a closure handed over as a provider returns the captured value (Promise.resolve).
    code: lines(
      CHAIN,
      `import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';`,
      'export async function signer(region) {',
      '  const c = await fromNodeProviderChain()();',
      "  return AwsSigv4Signer({ region, service: 'es', getCredentials: () => Promise.resolve(c) });",
      '}',
    ),
    errors: [
      {
        messageId: 'capturedProvider',
        line: 4,
        column: 13,
        // The provider is kept instead of its result, and asked each time the signer asks.
        suggestions: [
          {
            messageId: 'resolveInProvider',
            output: lines(
              CHAIN,
              `import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';`,
              'export async function signer(region) {',
              '  const cProvider = fromNodeProviderChain();',
              "  return AwsSigv4Signer({ region, service: 'es', getCredentials: () => Promise.resolve(cProvider()) });",
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Source: an MSK IAM token, captured by an oauthBearerProvider (a field of it in an object).
    code: lines(
      `import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';`,
      `import { Kafka } from 'kafkajs';`,
      'export async function connect(brokers) {',
      "  const auth = await generateAuthToken({ region: 'us-east-1' });",
      "  return new Kafka({ brokers, sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: auth.token }) } });",
      '}',
    ),
    errors: [
      {
        messageId: 'capturedProvider',
        line: 4,
        column: 16,
        suggestions: [
          {
            messageId: 'fetchInProvider',
            output: lines(
              `import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';`,
              `import { Kafka } from 'kafkajs';`,
              'export async function connect(brokers) {',
              "  return new Kafka({ brokers, sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: (await generateAuthToken({ region: 'us-east-1' })).token }) } });",
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Source: container credentials fetched by hand (`.then` parameter), copied into a static v2 object.
    code: lines(
      `const AWS = require('aws-sdk');`,
      `const axios = require('axios');`,
      'exports.load = () =>',
      "  axios.get('http://169.254.170.2/v2/credentials/abc').then((r) => new AWS.Credentials(r.data.AccessKeyId, r.data.SecretAccessKey, r.data.Token));",
    ),
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 4,
        column: 68,
        suggestions: [
          {
            messageId: 'useMetadataCredentials',
            output: lines(
              `const AWS = require('aws-sdk');`,
              `const axios = require('axios');`,
              'exports.load = () =>',
              "  axios.get('http://169.254.170.2/v2/credentials/abc').then((r) => new AWS.ECSCredentials());",
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // A file written with data while the credentials stay a provider.
  lines(
    CHAIN,
    `import { writeFile } from 'node:fs/promises';`,
    `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';`,
    'const s3 = new S3Client({ credentials: fromNodeProviderChain() });',
    'export async function save(path) { await writeFile(path, JSON.stringify(await s3.send(new ListBucketsCommand({})))); }',
  ),
  // A file written with a field that is not a credential (the expiry only).
  lines(
    CHAIN,
    `import { writeFile } from 'node:fs/promises';`,
    'export async function note(path) {',
    '  const c = await fromNodeProviderChain()();',
    '  await writeFile(path, String(c.expiration));',
    '}',
  ),
  // A CI output that is not a credential.
  lines(
    `import * as core from '@actions/core';`,
    `import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';`,
    "export async function run() { core.setOutput('account', (await new STSClient({}).send(new GetCallerIdentityCommand({}))).Account); }",
  ),
  // Bundle constants without credentials.
  lines(
    CHAIN,
    `import webpack from 'webpack';`,
    'export default { plugins: [new webpack.DefinePlugin({ REGION: JSON.stringify(process.env.AWS_REGION) })] };',
  ),
  // Vite config that resolves credentials only to check them, defining something else.
  lines(
    CHAIN,
    `import { defineConfig } from 'vite';`,
    'export default defineConfig(async () => {',
    '  const c = await fromNodeProviderChain()();',
    "  if (!c.accessKeyId) throw new Error('no credentials');",
    "  return { define: { __REGION__: JSON.stringify('eu-west-1') } };",
    '});',
  ),
  // The helper stores something else than what it is given.
  lines(
    `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
    "const save = (credentials) => localStorage.setItem('signedIn', String(Boolean(credentials)));",
    'export async function signIn(identityPoolId) {',
    '  save(await fromCognitoIdentityPool({ identityPoolId })());',
    '}',
  ),
  // localStorage holds the identity id only.
  lines(
    `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
    'export async function signIn(identityPoolId) {',
    '  const c = await fromCognitoIdentityPool({ identityPoolId })();',
    "  localStorage.setItem('signedIn', String(Boolean(c)));",
    '}',
  ),
  // The environment gets a setting, not a credential.
  lines(
    CHAIN,
    'export async function start() {',
    '  const c = await fromNodeProviderChain()();',
    "  process.env.AWS_REGION = 'eu-west-1';",
    '  return c.accessKeyId.length;',
    '}',
  ),
  // A one-shot script that sets the environment for a child process it runs and waits for.
  lines(
    CHAIN,
    `import { execFileSync } from 'node:child_process';`,
    'const c = await fromNodeProviderChain()();',
    'process.env.AWS_SESSION_TOKEN = c.sessionToken;',
    "execFileSync('aws', process.argv.slice(2));",
  ),
  // The provider is called again by the closure.
  lines(
    CHAIN,
    `import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';`,
    'const provider = fromNodeProviderChain();',
    "export const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });",
  ),
  // A callback that runs at once is not a provider.
  lines(
    CHAIN,
    'export async function keys(names) {',
    '  const c = await fromNodeProviderChain()();',
    '  return names.map(() => c.accessKeyId);',
    '}',
  ),
  // The token is generated inside the provider each time.
  lines(
    `import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';`,
    `import { Kafka } from 'kafkajs';`,
    "export const kafka = new Kafka({ brokers: [], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: (await generateAuthToken({ region: 'us-east-1' })).token }) } });",
  ),
  // Metadata fetched by hand, but only a non-key field is read.
  lines(
    `const axios = require('axios');`,
    "exports.role = () => axios.get('http://169.254.170.2/v2/credentials/abc').then((r) => r.data.RoleArn);",
  ),
  // A one-shot script keeps its module-scope snapshot no longer than itself.
  lines(
    CHAIN,
    `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';`,
    'const credentials = await fromNodeProviderChain()();',
    'const s3 = new S3Client({ credentials });',
    'for (const key of process.argv.slice(2)) await s3.send(new PutObjectCommand({ Bucket: "b", Key: key }));',
  ),
];

createRuleTester().run('no-static-snapshot (engine families)', rule, { valid, invalid });
