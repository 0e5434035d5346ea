import { AWS_V2_REFRESHING_CLASSES, AWS_V3_PROVIDER_FACTORIES, type SessionId } from '../../src/knowledge/index.js';

/**
 * One sample per kind of short-lived value the knowledge base knows: how code gets it once. `call` is the expression
 * that resolves it (awaited when `awaited`), after the statements in `prepare`; `use` maps the resolved value to what
 * a keeper stores: credentials (`{ accessKeyId, secretAccessKey, sessionToken }`) or a token string.
 * `owner` is the rule that names it when it is kept as such at module level (docs/rules/no-module-token-cache.md:
 * tokens, STS output and auth tokens are caches; docs/rules/no-static-snapshot.md: a provider's resolved value).
 */
export interface Source {
  readonly id: string;
  /** The knowledge entry this samples (its `id`), checked to exist with `session`. */
  readonly entry: string;
  readonly session: SessionId;
  readonly imports: readonly string[];
  /** Module-level statements that build the receiver (a client, a signer, an auth object). */
  readonly setup?: readonly string[];
  /** Statements, in the same function as the call, that must run first (v2 `getPromise()`). */
  readonly prepare?: readonly string[];
  readonly call: string;
  readonly awaited: boolean;
  readonly yields: 'credentials' | 'token';
  readonly use?: (value: string) => string;
  /** The resolved value's expiry as a `Date`, when `use` copies the keys without it. */
  readonly expiration?: (value: string) => string;
  /** `const { names } = value` and what the keeper then stores, when the value is an object. */
  readonly destructure?: { readonly pattern: string; readonly value: string };
  readonly owner: 'A' | 'B';
  /** The owner when kept on a singleton's field, if not `owner` (a Google token there is A's: src/analysis/kept-owner.ts). */
  readonly fieldOwner?: 'A';
  /** Reported even when resolved per request (docs/rules/no-static-snapshot.md: "always reported"). */
  readonly reportedPerRequest?: true;
  /** Text of the other lines where A belongs: the keys of a live v2 object are copied where they are read. */
  readonly readAt?: string;
}

const ROLE = `'arn:aws:iam::123456789012:role/app'`;
const KEYS = '{ accessKeyId, secretAccessKey, sessionToken }';
const keysOf = (v: string) =>
  `{ accessKeyId: ${v}.accessKeyId, secretAccessKey: ${v}.secretAccessKey, sessionToken: ${v}.sessionToken }`;
const stsKeys =
  (secret = 'SecretAccessKey', token = 'SessionToken', field = '.Credentials') =>
  (v: string) =>
    `{ accessKeyId: ${v}${field}.AccessKeyId, secretAccessKey: ${v}${field}.${secret}, sessionToken: ${v}${field}.${token} }`;
const STS_DESTRUCTURE = {
  pattern: '{ Credentials }',
  value: stsKeys('SecretAccessKey', 'SessionToken', '')('Credentials'),
};
const CREDENTIALS_DESTRUCTURE = { pattern: KEYS, value: KEYS };

/** Arguments a factory needs to be called the way real code calls it. */
const FACTORY_ARGUMENTS: Readonly<Record<string, string>> = {
  fromTemporaryCredentials: `{ params: { RoleArn: ${ROLE} } }`,
  fromWebToken: `{ roleArn: ${ROLE}, webIdentityToken: process.env.OIDC_TOKEN }`,
  fromCognitoIdentity: '{ identityId: process.env.IDENTITY_ID }',
  fromCognitoIdentityPool: '{ identityPoolId: process.env.IDENTITY_POOL_ID }',
  fromIni: `{ profile: 'deploy' }`,
  fromSSO: `{ profile: 'deploy' }`,
  createCredentialChain: 'fromEnv()',
};

const v3Factories: Source[] = AWS_V3_PROVIDER_FACTORIES.map((factory) => {
  const name = factory.api.path[0]!;
  const module = factory.api.modules[0]!;
  const extra = name === 'createCredentialChain' ? ', fromEnv' : '';
  return {
    id: `v3 ${name}()()`,
    entry: factory.id,
    session: factory.session,
    imports: [`import { ${name}${extra} } from '${module}';`],
    call: `${name}(${FACTORY_ARGUMENTS[name] ?? ''})()`,
    awaited: true,
    yields: 'credentials',
    destructure: CREDENTIALS_DESTRUCTURE,
    owner: 'A',
  };
});

/** v2 live objects whose keys are copied out after `getPromise()`. */
const V2_CLASS_ARGUMENTS: Readonly<Record<string, string>> = {
  SharedIniFileCredentials: `{ profile: 'deploy' }`,
  CognitoIdentityCredentials: `{ IdentityPoolId: process.env.IDENTITY_POOL_ID }`,
  WebIdentityCredentials: `{ RoleArn: ${ROLE}, WebIdentityToken: process.env.OIDC_TOKEN }`,
  TemporaryCredentials: `{ RoleArn: ${ROLE} }`,
  ChainableTemporaryCredentials: `{ params: { RoleArn: ${ROLE} } }`,
};
const v2Copies: Source[] = AWS_V2_REFRESHING_CLASSES.map((c): Source => ({
  id: `v2 ${c.api.path[0]} keys`,
  entry: c.id,
  session: c.session,
  imports: [`import AWS from 'aws-sdk';`],
  setup: [`const live = new AWS.${c.api.path[0]}(${V2_CLASS_ARGUMENTS[c.api.path[0]!] ?? ''});`],
  prepare: ['await live.getPromise();'],
  call: 'live',
  awaited: false,
  yields: 'credentials',
  use: keysOf,
  expiration: (v) => `${v}.expireTime`,
  owner: 'A',
  readAt: '.accessKeyId',
}));

export const SOURCES: readonly Source[] = [
  ...v3Factories,
  {
    id: 'v3 client.config.credentials()',
    entry: 'aws-v3:client.config.credentials',
    session: 'default-chain',
    imports: [`import { S3Client } from '@aws-sdk/client-s3';`],
    setup: ['const base = new S3Client({});'],
    call: 'base.config.credentials()',
    awaited: true,
    yields: 'credentials',
    destructure: CREDENTIALS_DESTRUCTURE,
    owner: 'A',
    reportedPerRequest: true,
  },
  {
    id: 'v2 AWS.config.credentials keys',
    entry: 'aws-v2:config.credentials',
    session: 'default-chain',
    imports: [`import AWS from 'aws-sdk';`],
    prepare: ['await AWS.config.credentials.getPromise();'],
    call: 'AWS.config.credentials',
    awaited: false,
    yields: 'credentials',
    use: keysOf,
    expiration: (v) => `${v}.expireTime`,
    owner: 'A',
    readAt: '.accessKeyId',
  },
  ...v2Copies,
  {
    id: 'v2 CredentialProviderChain resolvePromise()',
    entry: 'aws-v2:CredentialProviderChain',
    session: 'default-chain',
    imports: [`import AWS from 'aws-sdk';`],
    setup: ['const chain = new AWS.CredentialProviderChain();'],
    call: 'chain.resolvePromise()',
    awaited: true,
    yields: 'credentials',
    use: keysOf,
    expiration: (v) => `${v}.expireTime`,
    owner: 'A',
  },
  {
    id: 'amplify fetchAuthSession()',
    entry: 'amplify:fetchAuthSession',
    session: 'cognito',
    imports: [`import { fetchAuthSession } from 'aws-amplify/auth';`],
    call: 'fetchAuthSession()',
    awaited: true,
    yields: 'credentials',
    use: (v) => `${v}.credentials`,
    destructure: { pattern: '{ credentials }', value: 'credentials' },
    owner: 'A',
  },
  ...(
    [
      'AssumeRoleCommand',
      'GetSessionTokenCommand',
      'AssumeRoleWithWebIdentityCommand',
      'AssumeRoleWithSAMLCommand',
    ] as const
  ).map((command): Source => ({
    id: `v3 STS ${command}`,
    entry: `aws-v3:${command}`,
    session:
      command === 'GetSessionTokenCommand' ? 'session-token' : command.includes('Web') ? 'web-identity' : 'assume-role',
    imports: [`import { STSClient, ${command} } from '@aws-sdk/client-sts';`],
    setup: ['const sts = new STSClient({});'],
    call: `sts.send(new ${command}({ RoleArn: ${ROLE}, RoleSessionName: 'app' }))`,
    awaited: true,
    yields: 'credentials',
    use: stsKeys(),
    expiration: (v) => `${v}.Credentials.Expiration`,
    destructure: STS_DESTRUCTURE,
    owner: 'B',
  })),
  ...(['assumeRole', 'getSessionToken', 'assumeRoleWithWebIdentity'] as const).map((method): Source => ({
    id: `v2 STS ${method}`,
    entry: `aws-v2:sts.${method}`,
    session: method === 'assumeRole' ? 'assume-role' : method === 'getSessionToken' ? 'session-token' : 'web-identity',
    imports: [`import AWS from 'aws-sdk';`],
    setup: ['const sts = new AWS.STS();'],
    call: `sts.${method}({ RoleArn: ${ROLE}, RoleSessionName: 'app' }).promise()`,
    awaited: true,
    yields: 'credentials',
    use: stsKeys(),
    expiration: (v) => `${v}.Credentials.Expiration`,
    destructure: STS_DESTRUCTURE,
    owner: 'B',
  })),
  {
    id: 'v3 Cognito GetCredentialsForIdentity',
    entry: 'aws-v3:GetCredentialsForIdentityCommand',
    session: 'cognito',
    imports: [
      `import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';`,
    ],
    setup: ['const cognito = new CognitoIdentityClient({});'],
    call: 'cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: process.env.IDENTITY_ID }))',
    awaited: true,
    yields: 'credentials',
    use: stsKeys('SecretKey'),
    expiration: (v) => `${v}.Credentials.Expiration`,
    owner: 'B',
  },
  {
    id: 'v2 Cognito getCredentialsForIdentity',
    entry: 'aws-v2:cognitoIdentity.getCredentialsForIdentity',
    session: 'cognito',
    imports: [`import AWS from 'aws-sdk';`],
    setup: ['const cognito = new AWS.CognitoIdentity();'],
    call: 'cognito.getCredentialsForIdentity({ IdentityId: process.env.IDENTITY_ID }).promise()',
    awaited: true,
    yields: 'credentials',
    use: stsKeys('SecretKey'),
    expiration: (v) => `${v}.Credentials.Expiration`,
    owner: 'B',
  },
  {
    id: 'v3 rds-signer getAuthToken()',
    entry: 'aws-v3:rds-signer.getAuthToken',
    session: 'iam-auth-token',
    imports: [`import { Signer } from '@aws-sdk/rds-signer';`],
    setup: [`const signer = new Signer({ hostname: 'db', port: 5432, username: 'app' });`],
    call: 'signer.getAuthToken()',
    awaited: true,
    yields: 'token',
    owner: 'B',
  },
  {
    id: 'v2 RDS.Signer getAuthToken()',
    entry: 'aws-v2:RDS.Signer.getAuthToken',
    session: 'iam-auth-token',
    imports: [`import AWS from 'aws-sdk';`],
    setup: [`const signer = new AWS.RDS.Signer({ hostname: 'db', port: 5432, username: 'app', region: 'eu-west-1' });`],
    call: `signer.getAuthToken({ username: 'app' })`,
    awaited: false,
    yields: 'token',
    owner: 'B',
  },
  {
    id: 'v3 SignatureV4 sign() Authorization header',
    entry: 'aws-v3:SignatureV4.sign',
    session: 'sigv4-signed-request',
    imports: [
      `import { SignatureV4 } from '@smithy/signature-v4';`,
      `import { Sha256 } from '@aws-crypto/sha256-js';`,
      `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
    ],
    setup: [
      `const signer = new SignatureV4({ service: 'elasticache', region: 'eu-west-1', credentials: fromNodeProviderChain(), sha256: Sha256 });`,
    ],
    call: `signer.sign({ method: 'GET', protocol: 'https:', hostname: 'cache', path: '/', headers: { host: 'cache' } })`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.headers.authorization`,
    owner: 'B',
  },
  {
    id: 'v3 dsql-signer getDbConnectAdminAuthToken()',
    entry: 'aws-v3:dsql-signer.getDbConnectAdminAuthToken',
    session: 'iam-auth-token',
    imports: [`import { DsqlSigner } from '@aws-sdk/dsql-signer';`],
    setup: [`const signer = new DsqlSigner({ hostname: 'cluster.dsql.eu-west-1.on.aws', region: 'eu-west-1' });`],
    call: 'signer.getDbConnectAdminAuthToken()',
    awaited: true,
    yields: 'token',
    owner: 'B',
  },
  {
    id: 'MSK generateAuthToken()',
    entry: 'msk:generateAuthToken',
    session: 'iam-auth-token',
    imports: [`import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';`],
    call: `generateAuthToken({ region: 'eu-west-1' })`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.token`,
    destructure: { pattern: '{ token }', value: 'token' },
    owner: 'B',
  },
  {
    id: 'v3 ECR GetAuthorizationToken',
    entry: 'aws-v3:ecr.GetAuthorizationTokenCommand',
    session: 'registry-token',
    imports: [`import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';`],
    setup: ['const ecr = new ECRClient({});'],
    call: 'ecr.send(new GetAuthorizationTokenCommand({}))',
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.authorizationData[0].authorizationToken`,
    destructure: { pattern: '{ authorizationData }', value: 'authorizationData[0].authorizationToken' },
    owner: 'B',
  },
  {
    id: 'v3 CodeArtifact GetAuthorizationToken',
    entry: 'aws-v3:codeartifact.GetAuthorizationTokenCommand',
    session: 'registry-token',
    imports: [`import { CodeartifactClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-codeartifact';`],
    setup: ['const codeartifact = new CodeartifactClient({});'],
    call: `codeartifact.send(new GetAuthorizationTokenCommand({ domain: 'acme' }))`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.authorizationToken`,
    destructure: { pattern: '{ authorizationToken }', value: 'authorizationToken' },
    owner: 'B',
  },
  {
    id: 'google GoogleAuth.getAccessToken()',
    entry: 'google:getAccessToken',
    session: 'google-access-token',
    imports: [`import { GoogleAuth } from 'google-auth-library';`],
    setup: [`const auth = new GoogleAuth({ scopes: 'https://www.googleapis.com/auth/cloud-platform' });`],
    call: 'auth.getAccessToken()',
    awaited: true,
    yields: 'token',
    owner: 'B',
    fieldOwner: 'A',
  },
  {
    id: 'google OAuth2Client.getAccessToken().token',
    entry: 'google:getAccessToken',
    session: 'google-access-token',
    imports: [`import { OAuth2Client } from 'google-auth-library';`],
    setup: [
      'const client = new OAuth2Client();',
      'client.setCredentials({ refresh_token: process.env.REFRESH_TOKEN });',
    ],
    call: 'client.getAccessToken()',
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.token`,
    destructure: { pattern: '{ token }', value: 'token' },
    owner: 'B',
    fieldOwner: 'A',
  },
  {
    id: 'googleapis google.auth.JWT getAccessToken()',
    entry: 'google:getAccessToken',
    session: 'google-access-token',
    imports: [`import { google } from 'googleapis';`],
    setup: [
      `const jwt = new google.auth.JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY, scopes: ['https://www.googleapis.com/auth/drive'] });`,
    ],
    call: 'jwt.getAccessToken()',
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.token`,
    destructure: { pattern: '{ token }', value: 'token' },
    owner: 'B',
    fieldOwner: 'A',
  },
  {
    id: 'google JWT authorize()',
    entry: 'google:JWT.authorize',
    session: 'google-access-token',
    imports: [`import { JWT } from 'google-auth-library';`],
    setup: [
      `const jwt = new JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY, scopes: ['https://www.googleapis.com/auth/firebase.messaging'] });`,
    ],
    call: 'jwt.authorize()',
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.access_token`,
    destructure: { pattern: '{ access_token }', value: 'access_token' },
    owner: 'B',
  },
  {
    id: 'google getRequestHeaders()',
    entry: 'google:getRequestHeaders',
    session: 'google-access-token',
    imports: [`import { GoogleAuth } from 'google-auth-library';`],
    setup: ['const auth = new GoogleAuth();'],
    call: 'auth.getRequestHeaders()',
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.Authorization`,
    destructure: { pattern: '{ Authorization }', value: 'Authorization' },
    owner: 'B',
    fieldOwner: 'A',
  },
  {
    id: 'google IdTokenClient fetchIdToken()',
    entry: 'google:fetchIdToken',
    session: 'google-id-token',
    imports: [`import { GoogleAuth } from 'google-auth-library';`],
    setup: ['const auth = new GoogleAuth();'],
    call: `auth.fetchIdToken('https://service.example.run.app')`,
    awaited: true,
    yields: 'token',
    owner: 'B',
    fieldOwner: 'A',
  },
  {
    id: 'gcp-metadata instance(token)',
    entry: 'gcp-metadata:instance(token)',
    session: 'google-access-token',
    imports: [`import gcpMetadata from 'gcp-metadata';`],
    call: `gcpMetadata.instance('service-accounts/default/token')`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.access_token`,
    destructure: { pattern: '{ access_token }', value: 'access_token' },
    owner: 'B',
  },
  {
    id: 'azure getToken()',
    entry: 'azure:getToken',
    session: 'azure-access-token',
    imports: [`import { DefaultAzureCredential } from '@azure/identity';`],
    setup: ['const credential = new DefaultAzureCredential();'],
    call: `credential.getToken('https://management.azure.com/.default')`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.token`,
    destructure: { pattern: '{ token }', value: 'token' },
    owner: 'B',
  },
  {
    id: 'ms-rest-nodeauth getToken()',
    entry: 'ms-rest-azure:getToken',
    session: 'azure-access-token',
    imports: [`import { ApplicationTokenCredentials } from '@azure/ms-rest-nodeauth';`],
    setup: [
      `const creds = new ApplicationTokenCredentials(process.env.CLIENT_ID, process.env.TENANT_ID, process.env.CLIENT_SECRET, 'https://database.windows.net/');`,
    ],
    call: 'creds.getToken()',
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.accessToken`,
    destructure: { pattern: '{ accessToken }', value: 'accessToken' },
    owner: 'B',
  },
  {
    id: 'MSAL acquireTokenByClientCredential()',
    entry: 'msal:acquireTokenByClientCredential',
    session: 'azure-access-token',
    imports: [`import { ConfidentialClientApplication } from '@azure/msal-node';`],
    setup: [
      'const msal = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET } });',
    ],
    call: `msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.accessToken`,
    destructure: { pattern: '{ accessToken }', value: 'accessToken' },
    owner: 'B',
  },
  {
    id: 'MSAL acquireTokenSilent()',
    entry: 'msal:acquireTokenSilent',
    session: 'azure-access-token',
    imports: [`import { PublicClientApplication } from '@azure/msal-node';`],
    setup: [
      'const msal = new PublicClientApplication({ auth: { clientId: process.env.CLIENT_ID } });',
      'const account = { homeAccountId: process.env.ACCOUNT_ID };',
    ],
    call: `msal.acquireTokenSilent({ account, scopes: ['User.Read'] })`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.accessToken`,
    destructure: { pattern: '{ accessToken }', value: 'accessToken' },
    owner: 'B',
  },
  {
    id: 'firebase user.getIdToken()',
    entry: 'firebase:getIdToken',
    session: 'firebase-id-token',
    imports: [`import { getAuth } from 'firebase/auth';`],
    setup: ['const auth = getAuth();'],
    call: 'auth.currentUser.getIdToken()',
    awaited: true,
    yields: 'token',
    owner: 'B',
  },
  {
    id: 'cognito session getJwtToken()',
    entry: 'cognito:getJwtToken',
    session: 'cognito-user-pool-token',
    imports: [`import { Auth } from 'aws-amplify';`],
    prepare: ['const session = await Auth.currentSession();'],
    call: 'session.getAccessToken().getJwtToken()',
    awaited: false,
    yields: 'token',
    owner: 'B',
  },
  {
    id: 'supabase session provider_token',
    entry: 'supabase:provider_token',
    session: 'oauth-provider-token',
    imports: [`import { createClient } from '@supabase/supabase-js';`],
    setup: ['const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);'],
    call: 'supabase.auth.getSession()',
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.data.session.provider_token`,
    destructure: { pattern: '{ data }', value: 'data.session.provider_token' },
    owner: 'B',
  },
  {
    id: 'HTTP EC2 IMDS credentials',
    entry: 'aws-imds-credentials',
    session: 'instance-profile',
    imports: [],
    call: `fetch('http://169.254.169.254/latest/meta-data/iam/security-credentials/app').then((r) => r.json())`,
    awaited: true,
    yields: 'credentials',
    use: stsKeys('SecretAccessKey', 'Token', ''),
    expiration: (v) => `new Date(${v}.Expiration)`,
    destructure: {
      pattern: '{ AccessKeyId, SecretAccessKey, Token }',
      value: '{ accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: Token }',
    },
    owner: 'B',
  },
  {
    id: 'HTTP ECS container credentials',
    entry: 'aws-ecs-credentials',
    session: 'task-role',
    imports: [`import axios from 'axios';`],
    call: `axios.get('http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)`,
    awaited: true,
    yields: 'credentials',
    use: stsKeys('SecretAccessKey', 'Token', '.data'),
    expiration: (v) => `new Date(${v}.data.Expiration)`,
    owner: 'B',
  },
  {
    id: 'HTTP GCE metadata token',
    entry: 'gce-metadata-token',
    session: 'google-access-token',
    imports: [],
    call: `fetch('http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token', { headers: { 'Metadata-Flavor': 'Google' } }).then((r) => r.json())`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.access_token`,
    destructure: { pattern: '{ access_token }', value: 'access_token' },
    owner: 'B',
  },
  {
    id: 'HTTP Azure IMDS token',
    entry: 'azure-imds-token',
    session: 'azure-access-token',
    imports: [],
    call: `fetch('http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net', { headers: { Metadata: 'true' } }).then((r) => r.json())`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.access_token`,
    destructure: { pattern: '{ access_token }', value: 'access_token' },
    owner: 'B',
  },
  {
    id: 'HTTP Google OAuth refresh grant',
    entry: 'google-oauth-token',
    session: 'google-access-token',
    imports: [`import axios from 'axios';`],
    call: `axios.post('https://oauth2.googleapis.com/token', { grant_type: 'refresh_token', refresh_token: process.env.REFRESH_TOKEN })`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.data.access_token`,
    destructure: { pattern: '{ data }', value: 'data.access_token' },
    owner: 'B',
  },
  {
    id: 'HTTP Entra client_credentials',
    entry: 'entra-token',
    session: 'azure-access-token',
    imports: [],
    call: `fetch(\`https://login.microsoftonline.com/\${process.env.TENANT_ID}/oauth2/v2.0/token\`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) }).then((r) => r.json())`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.access_token`,
    destructure: { pattern: '{ access_token }', value: 'access_token' },
    owner: 'B',
  },
  {
    id: 'HTTP OAuth2 client_credentials',
    entry: 'oauth2-token-path',
    session: 'oauth-token',
    imports: [`import axios from 'axios';`],
    call: `axios.post('https://auth.example.com/oauth/token', { grant_type: 'client_credentials', client_id: process.env.CLIENT_ID })`,
    awaited: true,
    yields: 'token',
    use: (v) => `${v}.data.access_token`,
    destructure: { pattern: '{ data }', value: 'data.access_token' },
    owner: 'B',
  },
];
