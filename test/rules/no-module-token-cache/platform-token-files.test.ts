import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// A token file that a platform rewrites before the token expires (Snowpark Container Services'
// `/snowflake/session/token`, about 10 min), read once into a connection pool or a module variable: the pool's new
// connections log in with the start-up token long after the platform replaced it. Each keeper sits next to its
// look-alike.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code, 'commonjs');

const HEAD = lines(
  "const snowflake = require('snowflake-sdk');",
  "const fs = require('fs');",
  "const TOKEN_FILE = '/snowflake/session/token';",
);
const OPTIONS = lines(
  'function options() {',
  "  return { account: process.env.SNOWFLAKE_ACCOUNT, authenticator: 'OAUTH', token: fs.readFileSync(TOKEN_FILE, 'ascii') };",
  '}',
);

const cases: { name: string; code: string; lines: number[] }[] = [
  {
    name: 'read once into a pool memoised at module level',
    code: lines(
      HEAD,
      OPTIONS,
      'let pool = null;',
      'function getPool() {',
      '  if (pool) return pool;',
      '  pool = snowflake.createPool(options(), { max: 10 });',
      '  return pool;',
      '}',
      'module.exports = { query: (sqlText) => getPool().use((c) => c.execute({ sqlText })) };',
    ),
    lines: [7],
  },
  {
    name: 'read once into a module constant sent by every later connection',
    code: lines(
      HEAD,
      "const token = fs.readFileSync(TOKEN_FILE, 'utf8').trim();",
      'module.exports.connect = () => snowflake.createConnection({ account: process.env.SNOWFLAKE_ACCOUNT, authenticator: "OAUTH", token });',
    ),
    lines: [4],
  },
  {
    name: 'read again for each connection: the file is current',
    code: lines(HEAD, OPTIONS, 'module.exports.connect = () => snowflake.createConnection(options());'),
    lines: [],
  },
  {
    name: 'another file read once (a CA bundle): not a token',
    code: lines(
      "const snowflake = require('snowflake-sdk');",
      "const fs = require('fs');",
      "const ca = fs.readFileSync('/etc/ssl/certs/ca.pem', 'utf8');",
      "let pool = snowflake.createPool({ account: 'acme', ca, token: process.env.SNOWFLAKE_TOKEN }, { max: 4 });",
      'module.exports = { pool };',
    ),
    lines: [],
  },
];

describe('no-module-token-cache: platform token files read once', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
