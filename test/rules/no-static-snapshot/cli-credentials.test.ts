import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Credentials or a token printed once by a cloud CLI (CLI_CREDENTIAL_COMMANDS) and kept: nothing runs it again.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A Vite config exports the profile's credentials through the AWS CLI into the dev bundle.
    code: lines(
      `import { execFileSync } from 'node:child_process';`,
      `import { defineConfig } from 'vite';`,
      'function devCredentials() {',
      "  const out = JSON.parse(execFileSync('aws', ['configure', 'export-credentials', '--profile', 'dev', '--format', 'process'], { encoding: 'utf8' }));",
      '  return { accessKeyId: out.AccessKeyId, secretAccessKey: out.SecretAccessKey, sessionToken: out.SessionToken };',
      '}',
      'export default defineConfig(() => {',
      '  const creds = devCredentials();',
      '  return { define: { AWS_KEYS: JSON.stringify(creds.accessKeyId), AWS_TOKEN: JSON.stringify(creds.sessionToken) } };',
      '});',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 4, column: 26 }],
  },
  {
    // `aws sts assume-role` through a shell, the keys in a client built when the module loads (CommonJS).
    code: lines(
      `const { execSync } = require('child_process');`,
      `const { S3Client } = require('@aws-sdk/client-s3');`,
      'const role = JSON.parse(execSync(`aws sts assume-role --role-arn ${process.env.ROLE_ARN} --role-session-name app`).toString());',
      'module.exports.s3 = new S3Client({',
      '  credentials: { accessKeyId: role.Credentials.AccessKeyId, secretAccessKey: role.Credentials.SecretAccessKey, sessionToken: role.Credentials.SessionToken },',
      '});',
    ),
    errors: [{ messageId: 'cliOutputKept', line: 3, column: 25 }],
  },
  {
    // A gcloud token kept on a singleton's field.
    code: lines(
      `import { execFileSync } from 'node:child_process';`,
      'class Uploader {',
      '  private token: string;',
      '  constructor() {',
      "    this.token = execFileSync('gcloud', ['auth', 'application-default', 'print-access-token'], { encoding: 'utf8' }).trim();",
      '  }',
      '  headers() {',
      '    return { Authorization: `Bearer ${this.token}` };',
      '  }',
      '}',
      'export default new Uploader();',
    ),
    errors: [{ messageId: 'cliOutputKept', line: 5, column: 18 }],
  },
  {
    // An az token written to a file that outlives the process.
    code: lines(
      `import { spawnSync } from 'child_process';`,
      `import { writeFileSync } from 'fs';`,
      "const token = spawnSync('az', ['account', 'get-access-token', '--resource', 'https://management.azure.com']).stdout.toString();",
      "writeFileSync('.azure-token.json', token);",
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 3, column: 15 }],
  },
  {
    // Promisified exec (`{ stdout }`), `get-session-token`, a client on a private field of a singleton.
    code: lines(
      `import { exec } from 'node:child_process';`,
      `import { promisify } from 'node:util';`,
      `import { S3Client } from '@aws-sdk/client-s3';`,
      'const run = promisify(exec);',
      'class Store {',
      '  private s3?: S3Client;',
      '  async init() {',
      "    const { stdout } = await run('aws sts get-session-token --duration-seconds 3600');",
      '    const { Credentials } = JSON.parse(stdout);',
      '    this.s3 = new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } });',
      '  }',
      '  list() { return this.s3; }',
      '}',
      'export default new Store();',
    ),
    errors: [{ messageId: 'cliOutputKept', line: 8, column: 24 }],
  },
  {
    // util.promisify(cp.execFile), `(await ...).stdout`, a gcloud token read by a route handler registered in main().
    code: lines(
      `const util = require('util');`,
      `const cp = require('child_process');`,
      `const express = require('express');`,
      'const execFileAsync = util.promisify(cp.execFile);',
      'async function main() {',
      "  const token = (await execFileAsync('gcloud', ['auth', 'print-access-token'])).stdout.trim();",
      '  const app = express();',
      "  app.get('/buckets', async (req, res) => res.json(await fetch('https://storage.googleapis.com/storage/v1/b?project=p', { headers: { Authorization: `Bearer ${token}` } })));",
      '  app.listen(8080);',
      '}',
      'main();',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 6, column: 18 }],
  },
  {
    // The CLI's credentials copied into the environment of a worker that keeps running.
    code: lines(
      `import { execSync } from 'child_process';`,
      `import { Consumer } from 'sqs-consumer';`,
      "const creds = JSON.parse(execSync('aws configure export-credentials --profile worker').toString());",
      'process.env.AWS_ACCESS_KEY_ID = creds.AccessKeyId;',
      'process.env.AWS_SECRET_ACCESS_KEY = creds.SecretAccessKey;',
      'process.env.AWS_SESSION_TOKEN = creds.SessionToken;',
      "Consumer.create({ queueUrl: 'q', handleMessage: async () => {} }).start();",
      'setInterval(() => {}, 60_000);',
    ),
    errors: [{ messageId: 'copiedIntoEnvironment', line: 3, column: 26 }],
  },
  {
    // A gcloud token kept in module scope and reused by every call.
    code: lines(
      `import { execSync } from 'child_process';`,
      "const token = execSync('gcloud auth print-access-token').toString().trim();",
      'export const list = () => fetch(`https://storage.googleapis.com/storage/v1/b`, { headers: { Authorization: `Bearer ${token}` } });',
    ),
    errors: [{ messageId: 'cliOutputKept', line: 2, column: 15 }],
  },
  {
    // A server started from `main()` that registers its tools at module scope: they run long after the entry returns.
    code: lines(
      `import { execSync } from 'child_process';`,
      `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';`,
      "const token = execSync('gcloud auth print-access-token').toString().trim();",
      "const server = new McpServer({ name: 'gcs', version: '1.0.0' });",
      "server.tool('buckets', async () => fetch('https://storage.googleapis.com/storage/v1/b', { headers: { Authorization: `Bearer ${token}` } }));",
      'async function main() {',
      '  await server.connect(transport);',
      '}',
      'main();',
    ),
    errors: [{ messageId: 'cliOutputKept', line: 3, column: 15 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: promisified exec run per request.
  lines(
    `import { exec } from 'node:child_process';`,
    `import { promisify } from 'node:util';`,
    'const run = promisify(exec);',
    'export async function handler() {',
    "  const { stdout } = await run('gcloud auth print-access-token');",
    "  return fetch('https://example.googleapis.com', { headers: { Authorization: `Bearer ${stdout.trim()}` } });",
    '}',
  ),
  // Look-alike: the same CLI run per request, its output gone with the response.
  lines(
    `import { execSync } from 'child_process';`,
    `import express from 'express';`,
    'const app = express();',
    "app.get('/token', (req, res) => {",
    "  const token = execSync('gcloud auth print-access-token').toString().trim();",
    '  res.json({ token });',
    '});',
    'app.listen(3000);',
  ),
  // Look-alike: `aws sts get-caller-identity` prints who you are, not credentials.
  lines(
    `import { execSync } from 'child_process';`,
    'export const identity = JSON.parse(execSync("aws sts get-caller-identity").toString());',
    'export const account = identity.Account;',
  ),
  // Look-alike: a CLI call whose output is not credentials, kept at module scope.
  lines(
    `import { execFileSync } from 'node:child_process';`,
    "export const region = execFileSync('aws', ['configure', 'get', 'region'], { encoding: 'utf8' }).trim();",
  ),
  // Look-alike: a one-off script whose `main()` uploads a few files and exits; the token dies with the process.
  lines(
    `import { execSync } from 'child_process';`,
    "const token = execSync('gcloud auth print-access-token').toString().trim();",
    "const files = ['a.jsonl', 'b.jsonl'];",
    'async function upload(name: string) {',
    "  await fetch(`https://storage.googleapis.com/upload/storage/v1/b/data/o?name=${name}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });",
    '}',
    'async function main() {',
    '  for (const file of files) await upload(file);',
    '}',
    'main().catch((error) => { console.error(error); process.exitCode = 1; });',
  ),
  // Look-alike: a file's own `execSync`, not child_process's.
  lines('const execSync = (cmd: string) => cmd;', "export const token = execSync('gcloud auth print-access-token');"),
];

createRuleTester().run('no-static-snapshot (credentials from a cloud CLI)', rule, { valid, invalid });
