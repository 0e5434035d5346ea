import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId as MessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Wrapper libraries that return credentials they resolved once (CREDENTIAL_RESOLVERS), unless the library's own
// renewal is used; DI factories that run once (SINGLETON_FACTORIES), which keep what they return; keys read off the
// v2 global `AWS.config.credentials` once loaded. Each invalid case has a look-alike in `valid`.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // A resolver that is a method of a library object (Amplify's `Auth`, which reads `this`): the client gets a
    // function that calls it on `Auth`, not the bare method.
    code: lines(
      "import { Auth } from 'aws-amplify';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      'let s3: S3Client;',
      'export async function connect() {',
      '  const creds = await Auth.currentCredentials();',
      "  s3 = new S3Client({ region: 'eu-west-1', credentials: creds });",
      '}',
      'export const bucket = () => s3;',
    ),
    output: lines(
      "import { Auth } from 'aws-amplify';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      'let s3: S3Client;',
      'export async function connect() {',
      "  s3 = new S3Client({ region: 'eu-west-1', credentials: () => Auth.currentCredentials() });",
      '}',
      'export const bucket = () => s3;',
    ),
    errors: [{ messageId: 'storedCredentials', line: 5 }],
  },
  {
    // Source: keys copied out of `awsGetCredentials()` into a module-level signer config.
    code: lines(
      "import { awsGetCredentials } from '@acuris/aws-es-connection';",
      "import aws4 from 'aws4';",
      'let keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;',
      'export async function sign(request: aws4.Request) {',
      '  if (!keys) {',
      '    const c = await awsGetCredentials();',
      '    keys = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };',
      '  }',
      '  return aws4.sign(request, keys);',
      '}',
    ),
    errors: [
      {
        messageId: 'copiedCredentials',
        line: 6,
        column: 15,
        suggestions: [],
      },
    ],
  },
  {
    // Keeper: a NestJS factory provider runs once; the client it returns holds credentials resolved then.
    code: lines(
      "import { Module } from '@nestjs/common';",
      "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      '@Module({',
      "  providers: [{ provide: 'S3', useFactory: async () => new S3Client({ credentials: await fromNodeProviderChain()() }) }],",
      "  exports: ['S3'],",
      '})',
      'export class StorageModule {}',
    ),
    output:
      "import { Module } from '@nestjs/common';\nimport { fromNodeProviderChain } from '@aws-sdk/credential-providers';\nimport { S3Client } from '@aws-sdk/client-s3';\n@Module({\n  providers: [{ provide: 'S3', useFactory: async () => new S3Client({ credentials: fromNodeProviderChain() }) }],\n  exports: ['S3'],\n})\nexport class StorageModule {}",
    errors: [
      {
        messageId: 'storedCredentials',
        line: 5,
        column: 84,
        suggestions: [],
      },
    ],
  },
  {
    // Source: keys read off `AWS.config.credentials` after `getPromise()`, destructured into a client kept at module scope.
    code: lines(
      "const AWS = require('aws-sdk');",
      "const { Client } = require('@opensearch-project/opensearch');",
      'let client;',
      'async function search() {',
      '  if (!client) {',
      '    await AWS.config.credentials.getPromise();',
      '    const { accessKeyId, secretAccessKey, sessionToken } = AWS.config.credentials;',
      '    client = new Client({ node: process.env.OS_ENDPOINT, auth: { accessKeyId, secretAccessKey, sessionToken } });',
      '  }',
      '  return client;',
      '}',
      'module.exports = { search };',
    ),
    errors: [
      {
        messageId: 'v2ChainCopied',
        line: 7,
        column: 60,
        suggestions: [],
      },
    ],
  },
  {
    // Source: keys read off `AWS.config.credentials` in the `get()` callback, kept in module scope (one finding for the copy).
    code: lines(
      "const AWS = require('aws-sdk');",
      "const express = require('express');",
      'let keys;',
      'AWS.config.credentials.get((err) => {',
      '  if (err) throw err;',
      '  keys = { accessKeyId: AWS.config.credentials.accessKeyId, secretAccessKey: AWS.config.credentials.secretAccessKey, sessionToken: AWS.config.credentials.sessionToken };',
      '});',
      "express().get('/keys', (req, res) => res.json(keys)).listen(3000);",
    ),
    errors: [
      {
        messageId: 'v2ChainCopied',
        line: 6,
        column: 25,
        suggestions: [],
      },
    ],
  },
  {
    // Amplify (v5): the identity-pool keys copied into an MQTT client that reconnects by itself.
    code: lines(
      "import mqtt from 'mqtt';",
      "import { Auth } from 'aws-amplify';",
      'export const connect = async () => {',
      '  const { accessKeyId, secretAccessKey, sessionToken } = await Auth.currentCredentials();',
      "  return mqtt.connect('wss://iot/mqtt', { accessKeyId, secretKey: secretAccessKey, sessionToken, reconnectPeriod: 1000 });",
      '};',
    ),
    errors: [{ messageId: 'copiedCredentials', line: 4 }],
  },
  {
    // Amplify (v6): the session's credentials handed to a client built when the module loads.
    code: lines(
      "import { fetchAuthSession } from 'aws-amplify/auth';",
      "import { IoTClient } from '@aws-sdk/client-iot';",
      'const { credentials } = await fetchAuthSession();',
      "export const iot = new IoTClient({ region: 'eu-west-1', credentials });",
    ),
    errors: [{ messageId: 'storedCredentials', line: 3 }],
  },
  {
    // Amplify (v5) into the v2 global configuration at start-up: the function runs once, when the module loads, and
    // every client the app makes later reads the same credentials.
    code: lines(
      "import AWS from 'aws-sdk';",
      "import { Auth } from 'aws-amplify';",
      'async function configureAws() {',
      '  AWS.config.credentials = await Auth.currentCredentials();',
      '  const s3 = new AWS.S3();',
      "  await s3.headBucket({ Bucket: 'uploads' }).promise();",
      '}',
      'configureAws();',
    ),
    errors: [{ messageId: 'storedCredentials', line: 4 }],
  },
  {
    // The same assignment in a sign-in handler that builds nothing from it: later uploads elsewhere read the global.
    code: lines(
      "import AWS from 'aws-sdk';",
      "import { Auth } from 'aws-amplify';",
      'export async function onSignedIn() {',
      '  AWS.config.credentials = await Auth.currentCredentials();',
      "  console.log('signed in');",
      '}',
    ),
    errors: [{ messageId: 'storedCredentials', line: 4 }],
  },
];

const valid: ValidTestCase<[]>[] = [
  // Look-alike of the start-up case: the global is set again by each upload, which then builds its client from it.
  {
    code: lines(
      "import AWS from 'aws-sdk';",
      "import { Auth } from 'aws-amplify';",
      'export async function uploadImage(bucket: string, key: string, body: Buffer) {',
      '  AWS.config.credentials = await Auth.currentCredentials();',
      '  const s3 = new AWS.S3();',
      '  await s3.putObject({ Bucket: bucket, Key: key, Body: body }).promise();',
      '}',
    ),
  },
  // Look-alikes of the Amplify cases: the session is fetched per call, so Amplify refreshes it.
  {
    code: lines(
      "import { fetchAuthSession } from 'aws-amplify/auth';",
      "import { IoTClient, ListThingsCommand } from '@aws-sdk/client-iot';",
      'export async function things() {',
      '  const { credentials } = await fetchAuthSession();',
      "  return new IoTClient({ region: 'eu-west-1', credentials }).send(new ListThingsCommand({}));",
      '}',
    ),
  },
  {
    code: lines(
      "import mqtt from 'mqtt';",
      "import { Auth } from 'aws-amplify';",
      'export const publishOnce = async (topic: string) => {',
      '  const { accessKeyId, secretAccessKey, sessionToken } = await Auth.currentCredentials();',
      "  const client = mqtt.connect('wss://iot/mqtt', { accessKeyId, secretKey: secretAccessKey, sessionToken });",
      "  client.publish(topic, 'x');",
      '  client.end();',
      '};',
    ),
  },
  {
    // A client kept at module scope, but `createAWSConnection`'s Transport calls `credentials.getPromise()` (the live
    // global object `awsGetCredentials()` returns) before every request, so the credentials renew.
    code: lines(
      "const { Client } = require('@elastic/elasticsearch');",
      "const { createAWSConnection, awsGetCredentials } = require('@acuris/aws-es-connection');",
      'let client;',
      'async function search() {',
      '  if (!client) {',
      '    const awsCredentials = await awsGetCredentials();',
      '    client = new Client({ ...createAWSConnection(awsCredentials), node: process.env.ES_ENDPOINT });',
      '  }',
      '  return client;',
      '}',
      'module.exports = { search };',
    ),
  },
  {
    // The client is wrapped by `awsCredsifyAll`, which renews the credentials before each call.
    code: lines(
      "const { Client } = require('@elastic/elasticsearch');",
      "const { createAWSConnection, awsGetCredentials, awsCredsifyAll } = require('@acuris/aws-es-connection');",
      'let client;',
      'async function search() {',
      '  if (!client) {',
      '    const awsCredentials = await awsGetCredentials();',
      '    client = awsCredsifyAll(new Client({ ...createAWSConnection(awsCredentials), node: process.env.ES_ENDPOINT }));',
      '  }',
      '  return client;',
      '}',
      'module.exports = { search };',
    ),
  },
  {
    // Resolved per request, kept in a local only.
    code: lines(
      "import { awsGetCredentials } from '@acuris/aws-es-connection';",
      "import aws4 from 'aws4';",
      'export async function sign(request: aws4.Request) {',
      '  const c = await awsGetCredentials();',
      '  return aws4.sign(request, { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey });',
      '}',
    ),
  },
  {
    // The factory hands over the provider; a request-scoped factory runs per request; an object that is no provider.
    code: lines(
      "import { Module, Scope } from '@nestjs/common';",
      "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      '@Module({',
      '  providers: [',
      "    { provide: 'S3', useFactory: () => new S3Client({ credentials: fromNodeProviderChain() }) },",
      "    { provide: 'S3_REQUEST', scope: Scope.REQUEST, useFactory: async () => new S3Client({ credentials: await fromNodeProviderChain()() }) },",
      '  ],',
      '})',
      'export class StorageModule {}',
      'export const helpers = { useFactory: async () => new S3Client({ credentials: await fromNodeProviderChain()() }) };',
    ),
  },
  {
    // Keys re-read after `getPromise()` on each request, the live object passed whole, and a file that never loads it.
    code: lines(
      "const AWS = require('aws-sdk');",
      "const aws4 = require('aws4');",
      'async function signed(request) {',
      '  await AWS.config.credentials.getPromise();',
      '  const { accessKeyId, secretAccessKey, sessionToken } = AWS.config.credentials;',
      '  return aws4.sign(request, { accessKeyId, secretAccessKey, sessionToken });',
      '}',
      'const s3 = new AWS.S3({ credentials: AWS.config.credentials });',
      'module.exports = { signed, s3 };',
    ),
  },
  {
    // Without any `get()` the file only inspects which key is configured.
    code: lines(
      "const AWS = require('aws-sdk');",
      'let keyPrefix;',
      'function describe() {',
      "  keyPrefix = (AWS.config.credentials && AWS.config.credentials.accessKeyId || '').slice(0, 4);",
      '  return keyPrefix;',
      '}',
      'module.exports = { describe };',
    ),
  },
];

createRuleTester().run('no-static-snapshot (resolvers, singleton factories, v2 global reads)', rule, {
  valid,
  invalid,
});
