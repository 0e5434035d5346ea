import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Resolved credentials copied into the process's own environment by a process that keeps running: every client
// built later reads them as static env credentials (fromEnv), and nothing writes fresh ones.
const lines = (...text: string[]) => text.join('\n');
const STS_V3 = `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';`;
const PROVIDERS = `import { fromIni, fromSSO } from '@aws-sdk/credential-providers';`;
const EXPRESS = `import express from 'express';`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // lodash's per-method module and process imported from node:process, in an express server.
    code: lines(
      PROVIDERS,
      EXPRESS,
      `import set from 'lodash/set';`,
      `import proc from 'node:process';`,
      'const app = express();',
      'async function main() {',
      "  const keys = await fromSSO({ profile: 'dev' })();",
      "  set(proc.env, 'AWS_SESSION_TOKEN', keys.sessionToken);",
      '  app.listen(3000);',
      '}',
      'main();',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 7, column: 16 }],
  },
  {
    // A NestJS module runs inside the server for the life of the process; lodash's set writes the variables.
    code: lines(
      PROVIDERS,
      `import { Module } from '@nestjs/common';`,
      `import { set } from 'lodash';`,
      `import * as process from 'node:process';`,
      '@Module({})',
      'export class AwsModule {',
      '  static async forRoot() {',
      '    const keys = await fromSSO({ profile: process.env.AWS_PROFILE })();',
      "    set(process.env, 'AWS_ACCESS_KEY_ID', keys.accessKeyId);",
      "    set(process.env, 'AWS_SECRET_ACCESS_KEY', keys.secretAccessKey);",
      '    set(process.env, `AWS_SESSION_TOKEN`, keys.sessionToken);',
      '    return { module: AwsModule };',
      '  }',
      '}',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 8, column: 18 }],
  },
  {
    // An injectable NestJS provider assigns the variables at module init.
    code: lines(
      PROVIDERS,
      `import { Injectable, OnModuleInit } from '@nestjs/common';`,
      '@Injectable()',
      'export class CredentialsBootstrap implements OnModuleInit {',
      '  async onModuleInit() {',
      "    const creds = await fromIni({ profile: 'app' })();",
      '    process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;',
      '    process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;',
      '    process.env.AWS_SESSION_TOKEN = creds.sessionToken;',
      '  }',
      '}',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 6, column: 19 }],
  },
  {
    // v3 STS through a helper of the file, then a dev server.
    code: lines(
      STS_V3,
      `import { serve } from '@hono/node-server';`,
      'async function assumeRole(roleArn: string) {',
      '  const sts = new STSClient({});',
      "  const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'dev' }));",
      '  return out.Credentials;',
      '}',
      'async function start() {',
      '  const session = await assumeRole(process.env.ROLE_ARN!);',
      '  process.env.AWS_ACCESS_KEY_ID = session!.AccessKeyId;',
      '  process.env.AWS_SECRET_ACCESS_KEY = session!.SecretAccessKey;',
      '  process.env.AWS_SESSION_TOKEN = session!.SessionToken;',
      '  serve({ fetch: () => new Response(), port: 3000 });',
      '}',
      'start();',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 5, column: 15 }],
  },
  {
    // A v3 provider, Object.assign, an express server (JS module style).
    code: lines(
      PROVIDERS,
      EXPRESS,
      'const app = express();',
      'async function main() {',
      "  const creds = await fromSSO({ profile: 'dev' })();",
      '  Object.assign(process.env, {',
      '    AWS_ACCESS_KEY_ID: creds.accessKeyId,',
      '    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,',
      '    AWS_SESSION_TOKEN: creds.sessionToken,',
      '  });',
      '  app.listen(8080);',
      '}',
      'main();',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 5, column: 17 }],
  },
  {
    // SDK v2 STS with a callback, a worker polling on a timer.
    code: lines(
      `const AWS = require('aws-sdk');`,
      'new AWS.STS().assumeRole({ RoleArn: process.env.ROLE_ARN, RoleSessionName: "worker" }, (err, data) => {',
      '  if (err) throw err;',
      "  process.env['AWS_ACCESS_KEY_ID'] = data.Credentials.AccessKeyId;",
      "  process.env['AWS_SECRET_ACCESS_KEY'] = data.Credentials.SecretAccessKey;",
      "  process.env['AWS_SESSION_TOKEN'] = data.Credentials.SessionToken;",
      '  setInterval(() => new AWS.SQS().receiveMessage({ QueueUrl: "q" }).promise(), 20000);',
      '});',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 2, column: 1 }],
  },
  {
    // A Google token handed to gcloud children of a long-running watcher.
    code: lines(
      `import { GoogleAuth } from 'google-auth-library';`,
      `import chokidar from 'chokidar';`,
      'async function main() {',
      '  const auth = new GoogleAuth();',
      '  const token = await auth.getAccessToken();',
      '  process.env.CLOUDSDK_AUTH_ACCESS_TOKEN = token!;',
      "  chokidar.watch('dist').on('change', () => {});",
      '}',
      'main();',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 5, column: 17 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: a one-shot script writes the variables with lodash's set and exits.
  lines(
    PROVIDERS,
    `import set from 'lodash/set';`,
    `import { execFileSync } from 'node:child_process';`,
    'const keys = await fromSSO({ profile: process.argv[2] })();',
    "set(process.env, 'AWS_ACCESS_KEY_ID', keys.accessKeyId);",
    "set(process.env, 'AWS_SECRET_ACCESS_KEY', keys.secretAccessKey);",
    "set(process.env, 'AWS_SESSION_TOKEN', keys.sessionToken);",
    "execFileSync('terraform', ['plan'], { stdio: 'inherit' });",
    'process.exit(0);',
  ),
  // Look-alike: a NestJS module that writes only the region there, and its keys into an options object.
  lines(
    PROVIDERS,
    `import { Module } from '@nestjs/common';`,
    `import { set } from 'lodash';`,
    '@Module({})',
    'export class AwsModule {',
    '  static async forRoot(options: Record<string, unknown>) {',
    "    const keys = await fromSSO({ profile: 'app' })();",
    "    set(process.env, 'AWS_REGION', 'eu-west-1');",
    "    set(options, 'AWS_ACCESS_KEY_ID', keys.accessKeyId);",
    '    return { module: AwsModule };',
    '  }',
    '}',
  ),
  // Look-alike: a one-shot deploy script that exits; its environment dies with it.
  lines(
    STS_V3,
    'const sts = new STSClient({});',
    'async function main() {',
    "  const out = await sts.send(new AssumeRoleCommand({ RoleArn: process.argv[2], RoleSessionName: 'deploy' }));",
    '  process.env.AWS_ACCESS_KEY_ID = out.Credentials!.AccessKeyId;',
    '  process.env.AWS_SECRET_ACCESS_KEY = out.Credentials!.SecretAccessKey;',
    '  process.env.AWS_SESSION_TOKEN = out.Credentials!.SessionToken;',
    '  process.exit(0);',
    '}',
    'main();',
  ),
  // Look-alike: the server writes the role ARN and profile name, not keys: the SDK assumes the role itself.
  lines(
    PROVIDERS,
    EXPRESS,
    'async function main() {',
    "  const creds = await fromSSO({ profile: 'dev' })();",
    '  process.env.AWS_ROLE_ARN = process.env.ROLE_ARN;',
    "  process.env.AWS_PROFILE = 'dev';",
    '  process.env.SESSION_EXPIRES = String(creds.expiration);',
    '  express().listen(8080);',
    '}',
    'main();',
  ),
  // Look-alike: keys handed to one short child process in its own env, not to this process.
  lines(
    STS_V3,
    EXPRESS,
    `import { spawn } from 'node:child_process';`,
    'const sts = new STSClient({});',
    'const app = express();',
    "app.post('/deploy', async (req, res) => {",
    "  const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/deploy', RoleSessionName: 'deploy' }));",
    "  spawn('cdk', ['deploy'], { env: { ...process.env, AWS_ACCESS_KEY_ID: out.Credentials!.AccessKeyId, AWS_SECRET_ACCESS_KEY: out.Credentials!.SecretAccessKey, AWS_SESSION_TOKEN: out.Credentials!.SessionToken } });",
    '  res.sendStatus(202);',
    '});',
    'app.listen(3000);',
  ),
  // Look-alike: written into the environment inside a test run's global setup.
  {
    code: lines(
      PROVIDERS,
      'export async function setup() {',
      "  const creds = await fromSSO({ profile: 'ci' })();",
      '  process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;',
      '  process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;',
      '  process.env.AWS_SESSION_TOKEN = creds.sessionToken;',
      '}',
      'export async function teardown() {}',
    ),
    filename: 'vitest.global-setup.ts',
  },
];

createRuleTester().run('no-static-snapshot (credentials copied into process.env)', rule, { valid, invalid });
