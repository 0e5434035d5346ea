/**
 * Database connections built once with a short-lived token (RDS/Aurora and DSQL IAM tokens, 15 min; Microsoft Entra
 * access tokens, about 1 h): where the token sits in their options, what the pool's next connection sees once it has
 * expired, what asks for a fresh one per connection instead, and what code of the app's own renews it per checkout.
 * Connections already open keep working: the server checks the token only when a connection logs in.
 */

/**
 * What the pool's next new connection gets once the token it was built with has expired, by database (the
 * connections already open keep working until they are closed).
 */
export const CONNECTION_REFUSALS = {
  'db-postgres': {
    text: '`PAM authentication failed for user` (RDS/Aurora IAM) or `password authentication failed for user` when the pool opens its next connection',
    source:
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.Troubleshooting.html (PAM authentication failed for user); https://repost.aws/knowledge-center/rds-postgresql-connect-using-iam (tokens live 15 minutes)',
  },
  'db-mysql': {
    text: "`Access denied for user '…'@'…' (using password: YES)` when the pool opens its next connection",
    source:
      'https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html (ER_ACCESS_DENIED_ERROR 1045: the server refuses the password, an IAM token once expired); https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.Connecting.html (15 minutes)',
  },
  'db-sqlserver': {
    text: "`Login failed for user '<token-identified principal>'. Token is expired.` when the pool opens its next connection",
    source:
      "tediousjs/node-mssql#1272; microsoft/mssql-jdbc#1944 (Msg 18456: Login failed for user '<token-identified principal>'. Token is expired.)",
  },
} as const satisfies Record<string, { text: string; source: string }>;

/** A database family, as the server's refusal of an expired token reads. */
export interface ConnectionDatabase {
  readonly id: 'postgres' | 'mysql' | 'sqlserver';
  /** Modules whose connections talk to it whatever their options say. */
  readonly modules: readonly string[];
  /** Values of a dialect option (`dialect`, `client`, `type`) of a multi-database library that select it. */
  readonly dialects: readonly string[];
  /** What the pool's next new connection gets once the token has expired (CONNECTION_REFUSALS). */
  readonly refusal: keyof typeof CONNECTION_REFUSALS;
  /** What asks for a fresh token for each new connection (PER_CONNECTION_REMEDIES). */
  readonly remedy: keyof typeof PER_CONNECTION_REMEDIES;
}

export const CONNECTION_DATABASES = [
  {
    id: 'postgres',
    modules: ['pg', 'pg-pool', 'postgres', 'pg-promise', '@neondatabase/serverless', 'slonik'],
    dialects: ['postgres', 'postgresql', 'pg', 'aurora-postgres'],
    refusal: 'db-postgres',
    remedy: 'password',
  },
  {
    id: 'mysql',
    modules: ['mysql', 'mysql2', 'mysql2/promise', 'mariadb'],
    dialects: ['mysql', 'mysql2', 'mariadb', 'aurora-mysql'],
    refusal: 'db-mysql',
    remedy: 'mysql',
  },
  {
    id: 'sqlserver',
    modules: ['mssql', 'tedious'],
    dialects: ['mssql'],
    refusal: 'db-sqlserver',
    remedy: 'sqlserver',
  },
] as const satisfies readonly ConnectionDatabase[];

/**
 * Where a token sits in the options of a connection to SQL Server (tedious's access-token authentication, also under
 * Sequelize's `dialectOptions`): found there, the remedy is tedious's `token-credential` authentication.
 */
export const ACCESS_TOKEN_AUTHENTICATION_PATHS: readonly (readonly string[])[] = [
  ['authentication', 'options', 'token'],
  ['dialectOptions', 'authentication', 'options', 'token'],
];
// Source: tediousjs/tedious: src/connection.ts (authentication.type 'azure-active-directory-access-token', options.token)

/** Options of multi-database libraries that name the dialect: Sequelize `dialect`, Knex `client`, TypeORM `type`. */
export const DIALECT_OPTIONS: readonly string[] = ['dialect', 'client', 'type'];
// Sources: https://sequelize.org/docs/v6/getting-started/ (dialect); https://knexjs.org/guide/#configuration-options
// (client); https://typeorm.io/data-source-options (type)

/**
 * What asks for a fresh token for each new connection, by where the token sits: a function as the password
 * (node-postgres, TypeORM postgres), tedious's `token-credential` authentication (an `@azure/identity` credential,
 * asked at each login), a Sequelize `beforeConnect` hook.
 */
export const PER_CONNECTION_REMEDIES = {
  password:
    'Give the pool a function as `password` that asks for the token (`password: async () => …`): it calls it for each new connection',
  mysql:
    'Give the pool an `authPlugins.mysql_clear_password` handler that asks for the token, so each new connection signs in with a fresh one, or build the pool again before the token expires',
  sqlserver:
    "Use `authentication: { type: 'token-credential', options: { credential } }` with an `@azure/identity` credential: tedious asks it for a token at each login",
  sequelize:
    'Set a fresh token in a `beforeConnect` hook (`sequelize.beforeConnect(async (config) => { … })`): Sequelize runs it before each new connection',
  source:
    'brianc/node-postgres: packages/pg/lib/client.js (a function password is called per connection); sidorares/node-mysql2: documentation (authPlugins); tediousjs/tedious: src/connection.ts (token-credential: credential.getToken at each login); https://sequelize.org/docs/v6/other-topics/hooks/ (beforeConnect)',
} as const;

/**
 * Methods a pool hands out connections through: a function of the app's own put in their place (`pool.connect =
 * async (...a) => { pool.options.password = await signer.getAuthToken(); return original(...a); }`), or a subclass's
 * override, runs before every checkout, so a token it writes into the pool's options is fresh for each connection.
 */
export const CHECKOUT_METHODS: readonly string[] = ['connect', 'getConnection', 'acquire', 'acquireConnection'];
// Sources: https://node-postgres.com/apis/pool#poolconnect; sidorares/node-mysql2 README (pool.getConnection);
// https://knexjs.org/guide/#acquireconnectiontimeout (client.acquireConnection); tediousjs/node-mssql README (pool.acquire)
