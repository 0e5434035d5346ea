import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import { reportedLines } from '../lint-with-rule.js';

// v2's `new AWS.RDS.Signer(options).getAuthToken(options)`: called without a callback it returns the IAM auth token
// itself (15 min, aws/aws-sdk-js: lib/rds/signer.js). Kept once, the pool or cache stops authenticating then.
const lines = (...text: string[]) => text.join('\n');
const linted = (code: string, sourceType: 'module' | 'commonjs' = 'module') =>
  reportedLines('no-module-token-cache', rule, code, sourceType);

describe('v2 RDS.Signer auth tokens', () => {
  it('reports a token kept at module scope (CommonJS, the global namespace)', () => {
    const code = lines(
      "const AWS = require('aws-sdk');",
      "const signer = new AWS.RDS.Signer({ region: 'eu-west-1', hostname: 'db', port: 5432 });",
      'let token;',
      'function login() {',
      "  token = signer.getAuthToken({ username: 'app' });",
      '}',
      'module.exports = { login, current: () => token };',
    );
    expect(linted(code, 'commonjs')).toEqual([5]);
  });

  it('reports a pool built once with the token (the service module, ESM)', () => {
    const code = lines(
      "import RDS from 'aws-sdk/clients/rds';",
      "import pg from 'pg';",
      "const signer = new RDS.Signer({ region: 'eu-west-1', hostname: 'db', port: 5432, username: 'app' });",
      'let pool;',
      'export function connect() {',
      "  pool = new pg.Pool({ host: 'db', user: 'app', password: signer.getAuthToken({}) });",
      '}',
      'export const db = () => pool;',
    );
    expect(linted(code)).toEqual([4]);
  });

  it('stays silent when the pool asks for a token per connection', () => {
    const code = lines(
      "import AWS from 'aws-sdk';",
      "import pg from 'pg';",
      "const signer = new AWS.RDS.Signer({ region: 'eu-west-1', hostname: 'db', port: 5432, username: 'app' });",
      "export const pool = new pg.Pool({ host: 'db', user: 'app', password: () => signer.getAuthToken({}) });",
    );
    expect(linted(code)).toEqual([]);
  });

  it('stays silent when the cached token is renewed before its 15 minutes', () => {
    const code = lines(
      "import AWS from 'aws-sdk';",
      "const signer = new AWS.RDS.Signer({ region: 'eu-west-1', hostname: 'db', port: 5432, username: 'app' });",
      'let token;',
      'let tokenExpiresAt = 0;',
      'export function dbToken() {',
      '  if (!token || Date.now() >= tokenExpiresAt) {',
      '    token = signer.getAuthToken({});',
      '    tokenExpiresAt = Date.now() + 10 * 60 * 1000;',
      '  }',
      '  return token;',
      '}',
    );
    expect(linted(code)).toEqual([]);
  });

  it('stays silent for a getAuthToken of another library', () => {
    const code = lines(
      "import { Signer } from './signer';",
      'const signer = new Signer();',
      'let token;',
      'export function dbToken() {',
      '  if (!token) token = signer.getAuthToken({});',
      '  return token;',
      '}',
    );
    expect(linted(code)).toEqual([]);
  });
});
