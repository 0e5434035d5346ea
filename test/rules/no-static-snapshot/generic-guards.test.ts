import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';

// Renewals whatever the source: the global v2 config rewritten from a role assumed again on every call of the file's
// exported entry point (a Lambda handler). Each next to a twin that must still be reported.
function lines(code: string): number[] {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { ce: { rules: { 'no-static-snapshot': rule } } },
      rules: { 'ce/no-static-snapshot': 'error' },
    },
  ] as unknown as Linter.Config[];
  return linter.verify(code, config, 'handler.ts').map((m) => m.line);
}

const ASSUME = `new Promise((resolve, reject) => {
    sts.assumeRole({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'export' }, (err, data) => {
      if (err) return reject(err);
      AWS.config.update({
        accessKeyId: data.Credentials.AccessKeyId,
        secretAccessKey: data.Credentials.SecretAccessKey,
        sessionToken: data.Credentials.SessionToken,
      });
      resolve();
    });
  })`;
const HEAD = `const AWS = require('aws-sdk');
const sts = new AWS.STS();`;

describe('no-static-snapshot: a role assumed again on every entry-point call', () => {
  it.each([
    [
      'an exported handler function',
      `${HEAD}
export async function handler(event) {
  await ${ASSUME};
  return new AWS.S3().listObjectsV2({ Bucket: event.bucket }).promise();
}`,
    ],
    [
      'a CommonJS exports.handler arrow, inside a try block',
      `${HEAD}
exports.handler = async (event) => {
  try {
    await ${ASSUME};
  } catch (e) {
    return { statusCode: 500 };
  }
  return new AWS.S3().listObjectsV2({ Bucket: event.bucket }).promise();
};`,
    ],
  ])('stays silent on %s', (_, code) => {
    expect(lines(code)).toEqual([]);
  });

  it.each([
    [
      'a handler that assumes the role only on its first invocation',
      `${HEAD}
let configured = false;
export async function handler(event) {
  if (!configured) {
    await ${ASSUME};
    configured = true;
  }
  return new AWS.S3().listObjectsV2({ Bucket: event.bucket }).promise();
}`,
      [7],
    ],
    [
      'a function the file does not export, called once at start-up',
      `${HEAD}
async function configure() {
  await ${ASSUME};
}
configure();
export const list = (bucket) => new AWS.S3().listObjectsV2({ Bucket: bucket }).promise();`,
      [5],
    ],
  ])('reports %s', (_, code, expected) => {
    expect(lines(code)).toEqual(expected);
  });
});

describe('no-static-snapshot: an exported function that is no per-invocation entry point', () => {
  it('reports a role assumed in an exported load() that callers run once', () => {
    const code = `${HEAD}
export async function load() {
  await ${ASSUME};
}`;
    expect(lines(code)).toEqual([5]);
  });
});

// A file written from a fresh resolution on every tick of a schedule holds values one period old at most.
const SSO = `import { fromSSO } from '@aws-sdk/credential-providers';
import { writeFileSync } from 'node:fs';
import { CronJob } from 'cron';
import http from 'node:http';
http.createServer((req, res) => res.end()).listen(8080);`;
const WRITE = `const { accessKeyId, secretAccessKey, sessionToken } = await fromSSO({ profile: 'sso' })();
  writeFileSync('/tmp/credentials', \`[static]\\naws_access_key_id = \${accessKeyId}\\naws_secret_access_key = \${secretAccessKey}\\naws_session_token = \${sessionToken}\\n\`);`;

describe('no-static-snapshot: a file rewritten on a schedule', () => {
  it.each([
    [
      'a cron onTick that calls the writer through a helper',
      `${SSO}
async function rewrite() {
  ${WRITE}
}
function refresh() { return rewrite(); }
CronJob.from({ cronTime: '0 */50 * * * *', start: true, onTick: async () => { await refresh(); } });`,
    ],
    [
      'a setInterval callback',
      `${SSO}
setInterval(async () => {
  ${WRITE}
}, 50 * 60 * 1000);`,
    ],
  ])('stays silent on %s', (_, code) => {
    expect(lines(code)).toEqual([]);
  });

  it.each([
    [
      'the writer run once at start-up',
      `${SSO}
async function rewrite() {
  ${WRITE}
}
rewrite();`,
      [7],
    ],
    [
      'a tick that writes credentials resolved once outside it',
      `${SSO}
const creds = await fromSSO({ profile: 'sso' })();
setInterval(() => writeFileSync('/tmp/credentials', creds.sessionToken), 50 * 60 * 1000);`,
      [6],
    ],
  ])('reports %s', (_, code, expected) => {
    expect(lines(code)).toEqual(expected);
  });
});
