import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// An RDS IAM token handed in by the environment (`RDS_AUTH_TOKEN`: one `_` word RDS or AURORA, the last TOKEN) was
// minted before the process started and opens connections for 15 minutes; kept by a module constant or a pool it is
// sent long after. Next to it: a database password variable, another database's token variable, and the same token
// given to a client made and closed per call.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const poolWith = (variable: string) =>
  lines(
    "import { Pool } from 'pg';",
    `const password = process.env.${variable};`,
    'export const pool = new Pool({ host: process.env.RDS_HOSTNAME, user: process.env.RDS_USERNAME, password, max: 20 });',
  );

describe('no-module-token-cache: an RDS IAM token read from the environment', () => {
  it('reported: RDS_AUTH_TOKEN read once into a module constant given to a pg.Pool', () => {
    expect(reported(poolWith('RDS_AUTH_TOKEN'))).toEqual([2]);
  });

  it('reported: AURORA_IAM_TOKEN written straight into a module-scope pool', () => {
    const code = lines(
      "import mysql from 'mysql2/promise';",
      'export const pool = mysql.createPool({ host: process.env.DB_HOST, user: "app", password: process.env.AURORA_IAM_TOKEN });',
    );
    expect(reported(code)).toEqual([2]);
  });

  it('silent: a database password variable (RDS_PASSWORD)', () => {
    expect(reported(poolWith('RDS_PASSWORD'))).toEqual([]);
  });

  it("silent: another database's token variable (libSQL's DATABASE_AUTH_TOKEN)", () => {
    expect(reported(poolWith('DATABASE_AUTH_TOKEN'))).toEqual([]);
  });

  it('silent: the token given to a client made and closed per call', () => {
    const code = lines(
      "import { Client } from 'pg';",
      'export async function count() {',
      '  const client = new Client({ host: process.env.RDS_HOSTNAME, password: process.env.RDS_AUTH_TOKEN });',
      '  await client.connect();',
      "  try { return (await client.query('SELECT count(*) FROM t')).rows[0]; } finally { await client.end(); }",
      '}',
    );
    expect(reported(code)).toEqual([]);
  });
});
