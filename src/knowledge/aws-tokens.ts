import type { CredentialMethod, StsOperation } from './types.js';

/**
 * AWS calls that hand out a short-lived token of their own (not credentials): IAM database (RDS, Aurora DSQL) and Kafka auth tokens
 * (15 min) and registry passwords (12 h). A pool, client or cache built once with one stops authenticating then.
 */
const RDS_SIGNER = '@aws-sdk/rds-signer';
const MSK_SIGNER = 'aws-msk-iam-sasl-signer-js';
const DSQL_SIGNER = '@aws-sdk/dsql-signer';

export const AWS_TOKEN_METHODS = [
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
  ...['getDbConnectAuthToken', 'getDbConnectAdminAuthToken'].map((method): CredentialMethod => ({
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
  })),
  ...[
    'generateAuthToken',
    'generateAuthTokenFromProfile',
    'generateAuthTokenFromRole',
    'generateAuthTokenFromCredentialsProvider',
  ].map((method): CredentialMethod => ({
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
  })),
] as const satisfies readonly CredentialMethod[];

/** v3 commands whose output carries a registry password: `client.send(new GetAuthorizationTokenCommand({}))`. */
export const AWS_TOKEN_COMMANDS = [
  {
    id: 'aws-v3:ecr.GetAuthorizationTokenCommand',
    ecosystem: 'aws-v3',
    api: { modules: ['@aws-sdk/client-ecr'], path: ['GetAuthorizationTokenCommand'] },
    session: 'registry-token',
    durationParam: 'durationSeconds',
    replacement: { code: 'a fresh GetAuthorizationToken call before `authorizationData[0].expiresAt`', imports: [] },
    source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html',
  },
  {
    id: 'aws-v3:codeartifact.GetAuthorizationTokenCommand',
    ecosystem: 'aws-v3',
    api: { modules: ['@aws-sdk/client-codeartifact'], path: ['GetAuthorizationTokenCommand'] },
    session: 'registry-token',
    durationParam: 'durationSeconds',
    replacement: { code: 'a fresh GetAuthorizationToken call before its `expiration`', imports: [] },
    source: 'https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_GetAuthorizationToken.html',
  },
] as const satisfies readonly StsOperation[];
