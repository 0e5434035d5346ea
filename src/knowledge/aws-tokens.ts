import { entriesOf } from './entries-of.js';
import type { CredentialMethod, CredentialResolver, StsOperation } from './types.js';

/**
 * AWS calls that hand out a short-lived token of their own (not credentials): IAM database (RDS, Aurora DSQL) and Kafka auth tokens
 * (15 min) and registry passwords (12 h). A pool, client or cache built once with one stops authenticating then.
 */
const RDS_SIGNER = '@aws-sdk/rds-signer';
const MSK_SIGNER = 'aws-msk-iam-sasl-signer-js';
const DSQL_SIGNER = '@aws-sdk/dsql-signer';

function dsqlTokenMethod<const Method extends string>(
  method: Method,
): CredentialMethod & { readonly id: `aws-v3:dsql-signer.${Method}` } {
  return {
    id: `aws-v3:dsql-signer.${method}`,
    ecosystem: 'aws-v3',
    method,
    receivers: [{ modules: [DSQL_SIGNER], path: ['DsqlSigner'] }],
    gateModules: [DSQL_SIGNER],
    yields: 'auth-token',
    session: 'iam-auth-token',
    replacement: { code: `password: () => signer.${method}()`, imports: [] },
    source:
      'aws/aws-sdk-js-v3: packages/dsql-signer/src/Signer.ts (presigns a DbConnect request, expiresIn defaults to 900 s)',
  };
}

function mskTokenMethod<const Method extends string>(
  method: Method,
): CredentialMethod & { readonly id: `msk:${Method}` } {
  return {
    id: `msk:${method}`,
    ecosystem: 'aws-v3',
    method,
    receivers: [{ modules: [MSK_SIGNER], path: [] }],
    gateModules: [MSK_SIGNER],
    yields: 'auth-token',
    session: 'iam-auth-token',
    replacement: {
      code: `oauthBearerProvider: async () => ({ value: (await ${method}({ region })).token })`,
      imports: [],
    },
    source: 'aws/aws-msk-iam-sasl-signer-js: src/signer/signer.ts (returns { token, expiryTime }, 900 s)',
  };
}

export const AWS_TOKEN_METHODS = entriesOf<CredentialMethod>()([
  {
    id: 'aws-v3:rds-signer.getAuthToken',
    ecosystem: 'aws-v3',
    method: 'getAuthToken',
    receivers: [{ modules: [RDS_SIGNER], path: ['Signer'] }],
    gateModules: [RDS_SIGNER],
    yields: 'auth-token',
    session: 'iam-auth-token',
    replacement: { code: 'password: () => signer.getAuthToken()', imports: [] },
    source: 'aws/aws-sdk-js-v3: packages/rds-signer/src/Signer.ts (getAuthToken presigns a connect request, 900 s)',
  },
  // aws-sdk v2: `new AWS.RDS.Signer(options).getAuthToken(options)` presigns a connect request for 900 s; with no
  // callback it returns the token string itself.
  {
    id: 'aws-v2:RDS.Signer.getAuthToken',
    ecosystem: 'aws-v2',
    method: 'getAuthToken',
    receivers: [
      { modules: ['aws-sdk'], path: ['RDS', 'Signer'] },
      { modules: ['aws-sdk/clients/rds'], path: ['Signer'] },
    ],
    gateModules: ['aws-sdk', 'aws-sdk/clients/rds'],
    yields: 'auth-token',
    session: 'iam-auth-token',
    synchronous: true,
    replacement: { code: 'password: () => signer.getAuthToken({})', imports: [] },
    source:
      'aws/aws-sdk-js: lib/rds/signer.js (getAuthToken: `var expires = 900`; returns the token when called without a callback)',
  },
  // A request signed in its headers (`Authorization`, `X-Amz-Date`): AWS accepts it within 15 min of signing, so a
  // signed header map or `Authorization` value kept as a password or cached dies then.
  {
    id: 'aws-v3:SignatureV4.sign',
    ecosystem: 'aws-v3',
    method: 'sign',
    receivers: [{ modules: ['@smithy/signature-v4', '@aws-sdk/signature-v4'], path: ['SignatureV4'] }],
    gateModules: ['@smithy/signature-v4', '@aws-sdk/signature-v4'],
    yields: 'auth-token',
    session: 'sigv4-signed-request',
    // The signature, and the session token signed with it (smithy: signature-v4 constants AUTH_HEADER, TOKEN_HEADER).
    tokenPaths: [
      ['headers', 'authorization'],
      ['headers', 'x-amz-security-token'],
    ],
    replacement: { code: 'a new `signer.sign(request)` for each request or connection', imports: [] },
    source:
      'smithy-lang/smithy-typescript: packages/signature-v4/src/SignatureV4.ts (sign sets authorization and x-amz-date); https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html (valid within 15 minutes)',
  },
  dsqlTokenMethod('getDbConnectAuthToken'),
  dsqlTokenMethod('getDbConnectAdminAuthToken'),
  mskTokenMethod('generateAuthToken'),
  mskTokenMethod('generateAuthTokenFromProfile'),
  mskTokenMethod('generateAuthTokenFromRole'),
  mskTokenMethod('generateAuthTokenFromCredentialsProvider'),
]);

/** v3 commands whose output carries a registry password: `client.send(new GetAuthorizationTokenCommand({}))`. */
export const AWS_TOKEN_COMMANDS = [
  {
    id: 'aws-v3:ecr.GetAuthorizationTokenCommand',
    ecosystem: 'aws-v3',
    api: { modules: ['@aws-sdk/client-ecr'], path: ['GetAuthorizationTokenCommand'] },
    session: 'registry-token',
    durationParam: 'durationSeconds',
    tokenPaths: [['authorizationData', '*', 'authorizationToken']],
    replacement: { code: 'a fresh GetAuthorizationToken call before `authorizationData[0].expiresAt`', imports: [] },
    source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html',
  },
  {
    id: 'aws-v3:codeartifact.GetAuthorizationTokenCommand',
    ecosystem: 'aws-v3',
    api: { modules: ['@aws-sdk/client-codeartifact'], path: ['GetAuthorizationTokenCommand'] },
    session: 'registry-token',
    durationParam: 'durationSeconds',
    tokenPaths: [['authorizationToken']],
    replacement: { code: 'a fresh GetAuthorizationToken call before its `expiration`', imports: [] },
    source: 'https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_GetAuthorizationToken.html',
  },
] as const satisfies readonly StsOperation[];

/**
 * An EKS bearer token is `k8s-aws-v1.` followed by a presigned STS GetCallerIdentity URL in base64url; the API server
 * accepts it for 15 min whatever the URL's own expiry (kubernetes-sigs/aws-iam-authenticator: pkg/token/token.go,
 * `v1Prefix`, `presignedURLExpiration`).
 */
export const EKS_TOKEN = {
  id: 'aws:eks-token',
  prefix: 'k8s-aws-v1.',
  session: 'eks-token',
  replacement: {
    code: 'a fresh token for each kube client request (an exec credential plugin or `getToken` per call)',
    imports: [],
  },
  source: 'kubernetes-sigs/aws-iam-authenticator: pkg/token/token.go (v1Prefix, presignedURLExpiration 15 min)',
} as const;

/**
 * Wrapper libraries whose function returns credentials resolved once: what it returns is a snapshot, calling it
 * again resolves anew, unless the value goes only to the library's own renewing API. `@acuris/aws-es-connection`
 * 2.x `awsGetCredentials()` resolves the v2 chain and returns the live global `AWS.config.credentials`;
 * `createAWSConnection(credentials)` returns a Transport that calls `credentials.getPromise()` before every request,
 * and `awsCredsifyAll` (1.x) does the same for every call (the package's dist/index.js, 2.3.0). So a file that hands
 * the value to either keeps working; keys copied out of it elsewhere are a snapshot.
 */
const AMPLIFY_AUTH_SOURCE =
  'aws-amplify/amplify-js v5: packages/auth/src/Auth.ts (currentCredentials / currentUserCredentials resolve the Cognito identity-pool credentials, refreshed only when called again); https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_Credentials.html (1 h)';

export const CREDENTIAL_RESOLVERS = [
  {
    id: 'acuris:awsGetCredentials',
    ecosystem: 'aws-v2',
    api: { modules: ['@acuris/aws-es-connection'], path: ['awsGetCredentials'] },
    renewedBy: [
      { modules: ['@acuris/aws-es-connection'], path: ['awsCredsifyAll'] },
      { modules: ['@acuris/aws-es-connection'], path: ['createAWSConnection'] },
    ],
    session: 'default-chain',
    replacement: { code: 'awsGetCredentials()', imports: [] },
    source:
      '@acuris/aws-es-connection 2.3.0 dist/index.js (awsGetCredentials, createAWSConnection: Transport.request calls credentials.getPromise())',
  },
  // Amplify JS up to v5: the Cognito identity-pool credentials of the signed-in (or guest) user, as plain keys.
  {
    id: 'amplify:Auth.currentCredentials',
    ecosystem: 'aws-v3',
    api: { modules: ['aws-amplify', '@aws-amplify/auth'], path: ['Auth', 'currentCredentials'] },
    session: 'cognito',
    replacement: { code: 'await Auth.currentCredentials()', imports: [] },
    source: AMPLIFY_AUTH_SOURCE,
  },
  {
    id: 'amplify:Auth.currentUserCredentials',
    ecosystem: 'aws-v3',
    api: { modules: ['aws-amplify', '@aws-amplify/auth'], path: ['Auth', 'currentUserCredentials'] },
    session: 'cognito',
    replacement: { code: 'await Auth.currentUserCredentials()', imports: [] },
    source: AMPLIFY_AUTH_SOURCE,
  },
  {
    // Amplify JS v6: `{ credentials, tokens }`; calling it again refreshes both when they are about to expire.
    id: 'amplify:fetchAuthSession',
    ecosystem: 'aws-v3',
    api: { modules: ['aws-amplify/auth', '@aws-amplify/auth', '@aws-amplify/core'], path: ['fetchAuthSession'] },
    session: 'cognito',
    replacement: { code: 'await fetchAuthSession()', imports: [] },
    source:
      'https://docs.amplify.aws/javascript/build-a-backend/auth/connect-your-frontend/manage-user-sessions/ (fetchAuthSession returns the credentials and tokens and refreshes them when expired); aws-amplify/amplify-js: packages/core/src/singleton/Auth/index.ts',
  },
] as const satisfies readonly CredentialResolver[];

/**
 * Variables of the process environment whose name says they carry an RDS/Aurora IAM authentication token
 * (`RDS_AUTH_TOKEN`, `AURORA_IAM_TOKEN`): one of its `_` words is `RDS` or `AURORA` and the last is `TOKEN`. Such a
 * token is minted before the process starts (`aws rds generate-db-auth-token`) and opens connections for 15 minutes;
 * the environment never renews it. A password variable (`RDS_PASSWORD`, `DB_PASSWORD`) is no token, and a `TOKEN`
 * of another database (`DATABASE_AUTH_TOKEN` of libSQL/Turso, a long-lived JWT) says nothing of RDS.
 */
export const RDS_TOKEN_ENVIRONMENT = {
  services: ['RDS', 'AURORA'],
  last: 'TOKEN',
  session: 'iam-auth-token',
  source:
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.Connecting.AWSCLI.PostgreSQL.html (generate-db-auth-token; the token is valid for 15 minutes)',
} as const;

export function isRdsTokenVariable(name: string): boolean {
  const words = name.toUpperCase().split('_');
  return (
    words.length > 1 &&
    words.at(-1) === RDS_TOKEN_ENVIRONMENT.last &&
    words.some((word) => (RDS_TOKEN_ENVIRONMENT.services as readonly string[]).includes(word))
  );
}
