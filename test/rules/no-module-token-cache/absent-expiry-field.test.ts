import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// An expiry test on a field the kept value never has is no check: every value put in the slot is an object the file
// writes out without that field, so the test reads undefined and its result is fixed. It is still a renewal when that
// fixed result is "expired" and the branch refills the slot before use (every call refetches); it is none when the
// result is "not expired", or when the refill only starts in a callback while the old value is used. Next to each
// reported shape: the same code testing the field the value has.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);
const reportedCjs = (code: string) => reportedLines('no-module-token-cache', rule, code, 'commonjs');

/** The v2 assumeRole wrapped in a callback of the file's own, handing back `{ accessKeyId, ... }` and maybe more. */
const assumeRole = (extra: string) =>
  lines(
    "const AWS = require('aws-sdk');",
    'let roleCredentials = null;',
    'const assume = (callback) => {',
    '  new AWS.STS().assumeRole({ RoleArn: process.env.ROLE_ARN, RoleSessionName: "gw" }, (err, data) => {',
    '    if (err) return callback(err, null);',
    `    callback(null, { accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey, sessionToken: data.Credentials.SessionToken${extra} });`,
    '  });',
    '};',
    'exports.client = () => {',
    '  const expiresAt = new Date(roleCredentials.expiration || 0).getTime();',
    '  if (Date.now() >= expiresAt) {',
    '    assume((err, fresh) => {',
    '      if (!err) roleCredentials = fresh;',
    '    });',
    '  }',
    '  return new AWS.APIGateway({ credentials: roleCredentials });',
    '};',
    'assume((err, creds) => {',
    '  if (!err) roleCredentials = creds;',
    '});',
  );

const STS = lines(
  "import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';",
  'const sts = new STSClient({});',
  'let cached;',
);
const keysFrom = (out: string) =>
  `{ accessKeyId: ${out}.AccessKeyId, secretAccessKey: ${out}.SecretAccessKey, sessionToken: ${out}.SessionToken, Expiration: ${out}.Expiration }`;
const neverExpired = (field: string) =>
  lines(
    STS,
    'export async function keys() {',
    `  if (cached && Date.now() > new Date(cached.${field}).getTime()) cached = undefined;`,
    '  if (cached) return cached;',
    "  const out = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'app' }));",
    `  cached = ${keysFrom('out.Credentials')};`,
    '  return cached;',
    '}',
  );

describe('no-module-token-cache: an expiry test on a field the kept value never has', () => {
  it('reported: the test always says expired but only starts a refill in a callback, the old keys are used', () => {
    expect(reportedCjs(assumeRole(''))).toEqual([2]);
  });

  it('silent: the same code when the handed-back object has the field it tests', () => {
    expect(reportedCjs(assumeRole(', expiration: data.Credentials.Expiration'))).toEqual([]);
  });

  it('reported: `cached.expiration` of an object built with `Expiration` (the test never says expired)', () => {
    expect(reported(neverExpired('expiration'))).toEqual([3]);
  });

  it('silent: the same test on `cached.Expiration`, the field the object has', () => {
    expect(reported(neverExpired('Expiration'))).toEqual([]);
  });

  it("silent: the file's own callback wrapper handing back long-lived keys from the environment, never checked", () => {
    const code = lines(
      "const AWS = require('aws-sdk');",
      'let keys = null;',
      'const load = (callback) => {',
      '  callback(null, { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });',
      '};',
      'load((err, k) => {',
      '  if (!err) keys = k;',
      '});',
      'exports.client = () => new AWS.APIGateway({ credentials: keys });',
    );
    expect(reportedCjs(code)).toEqual([]);
  });

  it('silent: a test that always says expired and refetches before every use (wasteful, never stale)', () => {
    const code = lines(
      STS,
      'export async function keys() {',
      '  if (Date.now() >= new Date(cached?.expiration || 0).getTime()) {',
      "    const out = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'app' }));",
      `    cached = ${keysFrom('out.Credentials')};`,
      '  }',
      '  return cached;',
      '}',
    );
    expect(reported(code)).toEqual([]);
  });
});
