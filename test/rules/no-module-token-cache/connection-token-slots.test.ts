import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';

// Anti-pattern B, a short-lived token in the options of a database connection built once (issue 11): RDS/DSQL IAM
// tokens (15 min) and Entra tokens (about 1 h) reaching pg, mysql2, mssql and Sequelize options through helpers,
// hand-made promises around callback APIs, `.then` and memoised pool promises. Each invalid case has a look-alike
// that renews the token per connection (a password function, token-credential, an auth plugin, a beforeConnect
// hook, a checkout override) or keeps no token. The messages name the database's refusal and the renewing remedy.
const linter = new Linter({ configType: 'flat' });
const findings = (code: string, file: string) =>
  linter
    .verify(code, plugin.configs.recommended, file)
    .filter((m) => m.ruleId !== null && /no-module-token-cache|no-static-snapshot/.test(m.ruleId))
    .map((m) => ({ rule: m.ruleId!.replace('credential-expiry/', ''), line: m.line, message: m.message }));

interface Case {
  readonly name: string;
  readonly file: string;
  readonly code: string;
  /** The line of the one no-module-token-cache finding, or null for a look-alike. */
  readonly line: number | null;
  readonly says?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'an ms-rest-azure loginWithVmMSI token, resolved by hand through a Promise around getToken(cb) after a .then, in the tedious access-token authentication of an mssql ConnectionPool memoised with ??=',
    file: 'src/inventory.js',
    line: 4,
    says: ['Login failed for user', '60 to 90 min', "type: 'token-credential'"],
    code: `const sql = require('mssql');
const msRestAzure = require('ms-rest-azure');

let poolPromise;

function managedIdentityToken() {
  return msRestAzure.loginWithVmMSI({ resource: 'https://database.windows.net/' }).then(
    (credentials) =>
      new Promise((resolve, reject) => {
        credentials.getToken((err, response) => {
          if (err) reject(err);
          else resolve(response.accessToken);
        });
      }),
  );
}

async function connect() {
  const token = await managedIdentityToken();
  const config = {
    server: process.env.SQL_SERVER,
    database: 'inventory',
    authentication: { type: 'azure-active-directory-access-token', options: { token } },
    options: { encrypt: true },
  };
  return new sql.ConnectionPool(config).connect();
}

module.exports = {
  async stock(sku) {
    poolPromise ??= connect();
    const pool = await poolPromise;
    return (await pool.request().input('sku', sku).query('SELECT qty FROM stock WHERE sku = @sku')).recordset;
  },
};`,
  },
  {
    name: 'look-alike: the same memoised mssql pool with token-credential authentication (tedious asks the credential at each login)',
    file: 'src/inventory.js',
    line: null,
    code: `const sql = require('mssql');
const { DefaultAzureCredential } = require('@azure/identity');

let poolPromise;
const credential = new DefaultAzureCredential();

function connect() {
  return new sql.ConnectionPool({
    server: process.env.SQL_SERVER,
    database: 'inventory',
    authentication: { type: 'token-credential', options: { credential } },
    options: { encrypt: true },
  }).connect();
}

module.exports = {
  async stock(sku) {
    poolPromise ??= connect();
    const pool = await poolPromise;
    return (await pool.request().input('sku', sku).query('SELECT qty FROM stock WHERE sku = @sku')).recordset;
  },
};`,
  },
  {
    name: 'a v2 RDS.Signer token from the callback form, resolved through a hand-made Promise, as the password of mysql2 pools in a module Map keyed by tenant',
    file: 'src/tenants.ts',
    line: 4,
    says: ['Access denied for user', '15 min', 'authPlugins'],
    code: `import AWS from 'aws-sdk';
import mysql, { type Pool } from 'mysql2/promise';

const pools = new Map<string, Pool>();

function iamToken(host: string, user: string): Promise<string> {
  const signer = new AWS.RDS.Signer({ region: process.env.AWS_REGION, hostname: host, port: 3306, username: user });
  return new Promise((resolve, reject) => {
    signer.getAuthToken({}, (err, token) => (err ? reject(err) : resolve(token)));
  });
}

export async function tenantPool(tenant: { host: string; user: string }): Promise<Pool> {
  const existing = pools.get(tenant.host);
  if (existing) return existing;
  const password = await iamToken(tenant.host, tenant.user);
  const pool = mysql.createPool({ host: tenant.host, user: tenant.user, password, ssl: 'Amazon RDS' });
  pools.set(tenant.host, pool);
  return pool;
}`,
  },
  {
    name: 'look-alike: the same Map of mysql2 pools whose mysql_clear_password auth plugin signs a token for each connection',
    file: 'src/tenants.ts',
    line: null,
    code: `import AWS from 'aws-sdk';
import mysql, { type Pool } from 'mysql2/promise';

const pools = new Map<string, Pool>();

export function tenantPool(tenant: { host: string; user: string }): Pool {
  const existing = pools.get(tenant.host);
  if (existing) return existing;
  const signer = new AWS.RDS.Signer({ region: process.env.AWS_REGION, hostname: tenant.host, port: 3306, username: tenant.user });
  const pool = mysql.createPool({
    host: tenant.host,
    user: tenant.user,
    ssl: 'Amazon RDS',
    authPlugins: { mysql_clear_password: () => () => signer.getAuthToken({}) },
  });
  pools.set(tenant.host, pool);
  return pool;
}`,
  },
  {
    name: "an @azure/identity token from a helper in Sequelize's dialectOptions.authentication, URI form, memoised instance",
    file: 'src/models.mjs',
    line: 5,
    says: ['Login failed for user', "type: 'token-credential'"],
    code: `import { Sequelize } from 'sequelize';
import { ManagedIdentityCredential } from '@azure/identity';

const credential = new ManagedIdentityCredential();
let sequelize;

async function sqlToken() {
  const { token } = await credential.getToken('https://database.windows.net/.default');
  return token;
}

export async function models() {
  if (!sequelize) {
    const token = await sqlToken();
    sequelize = new Sequelize(process.env.SQL_URL, {
      dialect: 'mssql',
      dialectOptions: { authentication: { type: 'azure-active-directory-access-token', options: { token } } },
    });
  }
  return sequelize.models;
}`,
  },
  {
    name: 'look-alike: the same Sequelize instance with a beforeConnect hook that writes a fresh token before each connection',
    file: 'src/models.mjs',
    line: null,
    code: `import { Sequelize } from 'sequelize';
import { ManagedIdentityCredential } from '@azure/identity';

const credential = new ManagedIdentityCredential();
let sequelize;

export async function models() {
  if (!sequelize) {
    const { token } = await credential.getToken('https://database.windows.net/.default');
    sequelize = new Sequelize(process.env.SQL_URL, {
      dialect: 'mssql',
      dialectOptions: { authentication: { type: 'azure-active-directory-access-token', options: { token } } },
    });
    sequelize.beforeConnect(async (config) => {
      const fresh = await credential.getToken('https://database.windows.net/.default');
      config.dialectOptions.authentication.options.token = fresh.token;
    });
  }
  return sequelize.models;
}`,
  },
  {
    name: 'a DSQL admin token settled by .then into a pg Pool, the pool promise kept at module level',
    file: 'src/orders.ts',
    line: 6,
    says: ['PAM authentication failed', '15 min', 'password: () => signer.getDbConnectAdminAuthToken()'],
    code: `import { DsqlSigner } from '@aws-sdk/dsql-signer';
import { Pool } from 'pg';

const signer = new DsqlSigner({ hostname: process.env.DSQL_ENDPOINT!, region: 'us-east-1' });

const poolPromise: Promise<Pool> = signer
  .getDbConnectAdminAuthToken()
  .then((token) => new Pool({ host: process.env.DSQL_ENDPOINT, user: 'admin', database: 'postgres', password: token, ssl: true }));

export async function orders() {
  const pool = await poolPromise;
  return (await pool.query('SELECT * FROM orders')).rows;
}`,
  },
  {
    name: 'look-alike: the pg Pool asks the DSQL signer through a password function',
    file: 'src/orders.ts',
    line: null,
    code: `import { DsqlSigner } from '@aws-sdk/dsql-signer';
import { Pool } from 'pg';

const signer = new DsqlSigner({ hostname: process.env.DSQL_ENDPOINT!, region: 'us-east-1' });

const pool = new Pool({
  host: process.env.DSQL_ENDPOINT,
  user: 'admin',
  database: 'postgres',
  password: () => signer.getDbConnectAdminAuthToken(),
  ssl: true,
});

export async function orders() {
  return (await pool.query('SELECT * FROM orders')).rows;
}`,
  },
  {
    name: 'look-alike: a Pool subclass whose connect() override writes a fresh RDS token into its options before every checkout',
    file: 'src/db.ts',
    line: null,
    code: `import { Signer } from '@aws-sdk/rds-signer';
import { Pool, type PoolConfig } from 'pg';

const signer = new Signer({ hostname: process.env.PGHOST!, port: 5432, username: 'app', region: 'eu-west-1' });

class IamPool extends Pool {
  constructor(private readonly config: PoolConfig) {
    super(config);
  }
  async connect() {
    const token = await signer.getAuthToken();
    (this as any).options.password = token;
    return super.connect();
  }
}

let pool: IamPool | undefined;

export function db(): IamPool {
  if (!pool) pool = new IamPool({ host: process.env.PGHOST, user: 'app', database: 'app' });
  return pool;
}`,
  },
  {
    name: 'look-alike: pool.getConnection replaced by a function that signs a token in a .then callback and writes it before each checkout',
    file: 'src/db.js',
    line: null,
    code: `const mysql = require('mysql2');
const { Signer } = require('@aws-sdk/rds-signer');

const signer = new Signer({ hostname: process.env.DB_HOST, port: 3306, username: 'app' });
let pool = null;

function getPool() {
  if (pool) return pool;
  pool = mysql.createPool({ host: process.env.DB_HOST, user: 'app', ssl: 'Amazon RDS' });
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    signer.getAuthToken().then((token) => {
      pool.config.connectionConfig.password = token;
      getConnection(callback);
    }, callback);
  };
  return pool;
}

module.exports = { getPool };`,
  },
  {
    name: 'the same getConnection replacement writing a token signed once at start-up: the start-up token is the keeper',
    file: 'src/db.js',
    line: 10,
    says: ['15 min'],
    code: `const mysql = require('mysql2');
const { Signer } = require('@aws-sdk/rds-signer');

const signer = new Signer({ hostname: process.env.DB_HOST, port: 3306, username: 'app' });
let pool = null;
let startupToken = null;

async function getPool() {
  if (pool) return pool;
  startupToken = await signer.getAuthToken();
  pool = mysql.createPool({ host: process.env.DB_HOST, user: 'app', ssl: 'Amazon RDS' });
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    pool.config.connectionConfig.password = startupToken;
    getConnection(callback);
  };
  return pool;
}

module.exports = { getPool };`,
  },
  {
    name: 'look-alike: a hand-made Promise memoised at module level that resolves query rows, not a token; the pool asks for its Entra token per connection',
    file: 'src/rows.js',
    line: null,
    code: `const { Pool } = require('pg');
const { DefaultAzureCredential } = require('@azure/identity');

const credential = new DefaultAzureCredential();
let rowsPromise;

function loadRows(pool) {
  return new Promise((resolve, reject) => {
    pool.query('SELECT 1', (err, res) => (err ? reject(err) : resolve(res.rows)));
  });
}

const pool = new Pool({
  host: process.env.PGHOST,
  user: 'app@tenant',
  password: async () => (await credential.getToken('https://ossrdbms-aad.database.windows.net/.default')).token,
});

module.exports = { rows: () => (rowsPromise ??= loadRows(pool)) };`,
  },
];

describe('no-module-token-cache: tokens in the options of a connection built once', () => {
  it.each(CASES.filter((c) => c.line !== null).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const found = findings(c.code, c.file);
    expect(found.map((f) => `${f.rule}@${f.line}`)).toEqual([`no-module-token-cache@${c.line}`]);
    for (const words of c.says ?? []) expect(found[0].message).toContain(words);
  });

  it.each(CASES.filter((c) => c.line === null).map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(findings(c.code, c.file)).toEqual([]);
  });
});
