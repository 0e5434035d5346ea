import type { SessionId } from './sessions.js';
import type { ApiRef, LoginTokens, Presigner, ProviderFactory, SnapshotWrapper, StsOperation } from './types.js';
import { COGNITO_LOGIN_EXPIRED } from './identity-platforms.js';
import { entriesOf } from './entries-of.js';
import { V3_STS_WEB_IDENTITY_TOKEN, V3_WEB_IDENTITY_TOKEN } from './projected-tokens.js';

const PROVIDERS = '@aws-sdk/credential-providers';
const SRC = 'aws/aws-sdk-js-v3: packages/credential-providers/src';

function provider<const Name extends string>(
  name: Name,
  modules: readonly string[],
  session: SessionId,
  source: string,
  extra: Partial<
    Pick<ProviderFactory, 'refreshes' | 'durationOption' | 'loginTokens' | 'webIdentityToken' | 'cachesResult'>
  > = {},
): ProviderFactory & { readonly id: `aws-v3:${Name}` } {
  return {
    id: `aws-v3:${name}`,
    ecosystem: 'aws-v3',
    api: { modules: [PROVIDERS, ...modules], path: [name] },
    refreshes: extra.refreshes ?? true,
    session,
    durationOption: extra.durationOption,
    ...(extra.loginTokens ? { loginTokens: extra.loginTokens } : {}),
    ...(extra.webIdentityToken ? { webIdentityToken: extra.webIdentityToken } : {}),
    ...(extra.cachesResult ? { cachesResult: true } : {}),
    replacement: { code: `${name}()`, imports: [{ module: PROVIDERS, name }] },
    source,
  };
}

/**
 * `logins` of the Cognito providers: each resolution sends `GetCredentialsForIdentity` with `resolveLogins(logins)`,
 * which calls a function value and passes a string as it is.
 */
function cognitoLogins(file: string): LoginTokens {
  return {
    option: 'logins',
    acceptsProvider: true,
    symptom: COGNITO_LOGIN_EXPIRED,
    session: 'identity-provider-token',
    source: `aws/aws-sdk-js-v3: packages/credential-provider-cognito-identity/src/${file}, src/resolveLogins.ts`,
  };
}

/** AWS SDK v3 provider factories (aws/aws-sdk-js-v3: packages/credential-providers/README.md). `await factory()()` is a one-time snapshot. */
export const AWS_V3_PROVIDER_FACTORIES = entriesOf<ProviderFactory>()([
  provider(
    'fromInstanceMetadata',
    ['@smithy/credential-provider-imds', '@aws-sdk/credential-provider-imds'],
    'instance-profile',
    'smithy-lang/smithy-typescript: packages/credential-provider-imds/src/fromInstanceMetadata.ts',
  ),
  provider(
    'fromContainerMetadata',
    ['@smithy/credential-provider-imds', '@aws-sdk/credential-provider-imds'],
    'task-role',
    'smithy-lang/smithy-typescript: packages/credential-provider-imds/src/fromContainerMetadata.ts',
  ),
  provider(
    'fromHttp',
    ['@aws-sdk/credential-provider-http'],
    'task-role',
    'aws/aws-sdk-js-v3: packages/credential-provider-http/src/fromHttp/fromHttp.ts',
  ),
  // Both build `defaultProvider`, whose `memoizeChain` keeps the credentials until 5 min before `expiration`.
  provider(
    'fromNodeProviderChain',
    [],
    'default-chain',
    `${SRC}/fromNodeProviderChain.ts; aws/aws-sdk-js-v3: packages/credential-provider-node/src/runtime/memoize-chain.ts`,
    { cachesResult: true },
  ),
  {
    ...provider(
      'defaultProvider',
      ['@aws-sdk/credential-provider-node'],
      'default-chain',
      'aws/aws-sdk-js-v3: packages/credential-provider-node/src/defaultProvider.ts (memoizeChain, credentialsTreatedAsExpired)',
      { cachesResult: true },
    ),
    api: { modules: ['@aws-sdk/credential-provider-node'], path: ['defaultProvider'] },
    replacement: {
      code: 'defaultProvider()',
      imports: [{ module: '@aws-sdk/credential-provider-node', name: 'defaultProvider' }],
    },
  },
  provider('fromTemporaryCredentials', [], 'assume-role', `${SRC}/fromTemporaryCredentials.base.ts`, {
    durationOption: ['params', 'DurationSeconds'],
  }),
  provider(
    'fromIni',
    ['@aws-sdk/credential-provider-ini'],
    'profile',
    'aws/aws-sdk-js-v3: packages/credential-provider-ini',
    { refreshes: 'when-temporary' },
  ),
  provider(
    'fromSSO',
    ['@aws-sdk/credential-provider-sso'],
    'sso',
    'aws/aws-sdk-js-v3: packages/credential-provider-sso/src/fromSSO.ts',
  ),
  provider(
    'fromWebToken',
    ['@aws-sdk/credential-provider-web-identity'],
    'web-identity',
    'aws/aws-sdk-js-v3: packages/credential-provider-web-identity/src/fromWebToken.ts',
    { durationOption: ['durationSeconds'], webIdentityToken: V3_WEB_IDENTITY_TOKEN },
  ),
  provider(
    'fromTokenFile',
    ['@aws-sdk/credential-provider-web-identity'],
    'web-identity',
    'aws/aws-sdk-js-v3: packages/credential-provider-web-identity/src/fromTokenFile.ts (init is passed on to fromWebToken)',
    { durationOption: ['durationSeconds'] },
  ),
  provider(
    'fromProcess',
    ['@aws-sdk/credential-provider-process'],
    'profile',
    'aws/aws-sdk-js-v3: packages/credential-provider-process',
    { refreshes: 'when-temporary' },
  ),
  provider(
    'fromCognitoIdentity',
    ['@aws-sdk/credential-provider-cognito-identity'],
    'cognito',
    'aws/aws-sdk-js-v3: packages/credential-provider-cognito-identity/src/fromCognitoIdentity.ts',
    { loginTokens: cognitoLogins('fromCognitoIdentity.ts') },
  ),
  provider(
    'fromCognitoIdentityPool',
    ['@aws-sdk/credential-provider-cognito-identity'],
    'cognito',
    'aws/aws-sdk-js-v3: packages/credential-provider-cognito-identity/src/fromCognitoIdentityPool.ts',
    { loginTokens: cognitoLogins('fromCognitoIdentityPool.ts') },
  ),
  provider(
    'fromLoginCredentials',
    ['@aws-sdk/credential-provider-login'],
    'sso',
    'aws/aws-sdk-js-v3: packages/credential-provider-login',
  ),
  provider('createCredentialChain', [], 'default-chain', `${SRC}/createCredentialChain.ts`),
]);

/**
 * v3 provider factories of keys that do not expire on their own (long-term keys in the environment): no source of
 * a snapshot, but a provider all the same, so a branch beside a source (`cond ? await fromIni()() : await
 * fromEnv()()`) can hand the client its provider in the same way.
 */
export const AWS_V3_LONG_TERM_PROVIDER_FACTORIES = entriesOf<{
  readonly id: string;
  readonly api: ApiRef;
  readonly source: string;
}>()([
  {
    id: 'aws-v3:fromEnv',
    api: { modules: [PROVIDERS, '@aws-sdk/credential-provider-env'], path: ['fromEnv'] },
    source:
      'aws/aws-sdk-js-v3: packages/credential-provider-env/src/fromEnv.ts (returns a provider: `(init) => async () => ({ accessKeyId, ... })`)',
  },
]);

/**
 * Wrappers that never call a refreshing source again (checked against @smithy/core 3.x:
 * `@smithy/core/config` exports the value wrapper as `fromValue`, and its own `fromStatic` (node-config-provider)
 * also wraps a non-function value with `fromValue`). `memoize` refreshes as soon as it gets an `isExpired`
 * argument: with two arguments it re-checks on every call, so only the one-argument form is a static memo.
 */
export const AWS_V3_SNAPSHOT_WRAPPERS = entriesOf<SnapshotWrapper>()([
  {
    id: 'smithy:fromStatic',
    api: {
      modules: [
        '@smithy/property-provider',
        '@aws-sdk/property-provider',
        '@smithy/core/config',
        '@smithy/node-config-provider',
      ],
      path: ['fromStatic'],
    },
    wraps: 'value',
    source: 'smithy-lang/smithy-typescript: packages/core/src/submodules/config/property-provider/fromValue.ts',
  },
  {
    id: 'smithy:fromValue',
    api: { modules: ['@smithy/core/config'], path: ['fromValue'] },
    wraps: 'value',
    source: 'smithy-lang/smithy-typescript: packages/core/src/submodules/config/property-provider/fromValue.ts',
  },
  {
    id: 'smithy:memoize',
    api: {
      modules: ['@smithy/property-provider', '@aws-sdk/property-provider', '@smithy/core/config'],
      path: ['memoize'],
    },
    wraps: 'provider',
    refreshingArity: 2,
    source: 'smithy-lang/smithy-typescript: packages/core/src/submodules/config/property-provider/memoize.ts',
  },
]);

/** Any AWS SDK v3 service client: `new S3Client({ credentials })`. */
export const AWS_V3_CLIENT: ApiRef = { modules: ['@aws-sdk/client-*'], path: ['*Client'] };
/**
 * The config type of any v3 service client (`S3ClientConfig`): its `credentials` takes the resolved identity or a
 * provider, which the client then memoises until near `expiration`. Source: @aws-sdk/core
 * dist-types/submodules/httpAuthSchemes/aws_sdk/resolveAwsSdkSigV4Config.d.ts (AwsSdkSigV4AuthInputConfig:
 * `credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider`), extended by each client's
 * HttpAuthSchemeInputConfig and so by `<Name>ClientConfig` (@aws-sdk/client-s3 dist-types/S3Client.d.ts).
 */
export const AWS_V3_CLIENT_CONFIG: ApiRef = { modules: ['@aws-sdk/client-*'], path: ['*ClientConfig'] };
/** The client-config property that takes credentials or a provider. */
export const AWS_V3_CREDENTIALS_OPTION = 'credentials';
/**
 * Signers (not clients) whose `credentials` option takes a provider as well as a value, and that call it for each
 * signature: handed the provider rather than its resolved value, they sign with fresh credentials.
 */
export const AWS_V3_PROVIDER_TAKING_SIGNERS: readonly {
  readonly id: string;
  readonly api: ApiRef;
  readonly source: string;
}[] = [
  {
    id: 'smithy:SignatureV4',
    api: { modules: ['@smithy/signature-v4', '@aws-sdk/signature-v4'], path: ['SignatureV4'] },
    source:
      'smithy-lang/smithy-typescript: packages/signature-v4/src/SignatureV4Base.ts (credentialProvider = normalizeProvider(credentials)), SignatureV4.ts (awaited in each sign and presign)',
  },
];
/**
 * Functions that turn a (presigned) `HttpRequest` into its URL text: the text carries the same signature and dies
 * with it (the ElastiCache and MemoryDB IAM auth token is such a URL without its scheme).
 */
export const AWS_V3_URL_FORMATTERS: readonly ApiRef[] = [
  { modules: ['@aws-sdk/util-format-url', '@smithy/util-format-url'], path: ['formatUrl'] },
];
export const AWS_V3_URL_FORMATTERS_SOURCE =
  'smithy-lang/smithy-typescript: packages/util-format-url/src/index.ts (formatUrl builds the URL from protocol, hostname, path and query); https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html (the IAM auth token is a presigned connect request, valid 15 min)';
/** `client.config.credentials`: the client's own memoized provider; calling it yields a snapshot. */
export const AWS_V3_CLIENT_PROVIDER_PATH = ['config', 'credentials'] as const;
/** Fields of an `AwsCredentialIdentity`. `expiration` is what makes the SDK call a provider again. */
export const AWS_V3_CREDENTIAL_FIELDS = ['accessKeyId', 'secretAccessKey', 'sessionToken'] as const;
export const AWS_V3_EXPIRATION_FIELD = 'expiration';

const STS = '@aws-sdk/client-sts';
/** STS operations whose output carries temporary credentials as plain data (aws/aws-sdk-js-v3: clients/client-sts). */
export const AWS_V3_STS_OPERATIONS = entriesOf<StsOperation>()([
  {
    id: 'aws-v3:AssumeRoleCommand',
    ecosystem: 'aws-v3',
    api: { modules: [STS], path: ['AssumeRoleCommand'] },
    session: 'assume-role',
    durationParam: 'DurationSeconds',
    replacement: {
      code: 'fromTemporaryCredentials({ params: { RoleArn, RoleSessionName } })',
      imports: [{ module: '@aws-sdk/credential-providers', name: 'fromTemporaryCredentials' }],
    },
    renewedBy: {
      kind: 'factory',
      api: { modules: ['@aws-sdk/credential-providers'], path: ['fromTemporaryCredentials'] },
      paramsOption: 'params',
      source:
        'aws/aws-sdk-js-v3: packages/credential-providers/src/fromTemporaryCredentials.base.ts (params: AssumeRoleCommandInput; sends AssumeRole on each call)',
    },
    source: 'aws/aws-sdk-js-v3: clients/client-sts; packages/credential-providers/src/fromTemporaryCredentials.base.ts',
  },
  {
    id: 'aws-v3:AssumeRoleWithWebIdentityCommand',
    ecosystem: 'aws-v3',
    api: { modules: [STS], path: ['AssumeRoleWithWebIdentityCommand'] },
    session: 'web-identity',
    durationParam: 'DurationSeconds',
    replacement: {
      code: 'fromTokenFile()',
      imports: [{ module: '@aws-sdk/credential-providers', name: 'fromTokenFile' }],
    },
    webIdentityToken: V3_STS_WEB_IDENTITY_TOKEN,
    source: 'aws/aws-sdk-js-v3: packages/credential-provider-web-identity/src/fromTokenFile.ts',
  },
  {
    id: 'aws-v3:AssumeRoleWithSAMLCommand',
    ecosystem: 'aws-v3',
    api: { modules: [STS], path: ['AssumeRoleWithSAMLCommand'] },
    session: 'assume-role',
    durationParam: 'DurationSeconds',
    replacement: { code: 'a provider function that calls AssumeRoleWithSAML and returns `expiration`', imports: [] },
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html',
  },
  {
    id: 'aws-v3:GetSessionTokenCommand',
    ecosystem: 'aws-v3',
    api: { modules: [STS], path: ['GetSessionTokenCommand'] },
    session: 'session-token',
    durationParam: 'DurationSeconds',
    // v3's fromTemporaryCredentials always sends AssumeRole (credential-providers/src/fromTemporaryCredentials.base.ts),
    // so no packaged provider repeats GetSessionToken: the refreshing form is a provider function of your own.
    replacement: { code: 'a provider function that calls GetSessionToken and returns `expiration`', imports: [] },
    source:
      'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html; aws/aws-sdk-js-v3: packages/credential-providers/src/fromTemporaryCredentials.base.ts',
  },
  {
    // Not STS, but the same kind of output: `{ IdentityId, Credentials: { AccessKeyId, SecretKey, SessionToken,
    // Expiration } }`, plain data of a 1 h session. The operation has no duration parameter: the name never matches.
    id: 'aws-v3:GetCredentialsForIdentityCommand',
    ecosystem: 'aws-v3',
    api: { modules: ['@aws-sdk/client-cognito-identity'], path: ['GetCredentialsForIdentityCommand'] },
    service: 'Cognito',
    session: 'cognito',
    durationParam: 'DurationSeconds',
    replacement: {
      code: 'fromCognitoIdentity({ identityId, client })',
      imports: [{ module: '@aws-sdk/credential-providers', name: 'fromCognitoIdentity' }],
    },
    source:
      'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html; aws/aws-sdk-js-v3: packages/credential-provider-cognito-identity/src/fromCognitoIdentity.ts',
  },
]);
/** Fields of the STS output's `Credentials` (Cognito's `GetCredentialsForIdentity` names the secret `SecretKey`). */
export const STS_CREDENTIAL_FIELDS = ['AccessKeyId', 'SecretAccessKey', 'SecretKey', 'SessionToken'] as const;
export const STS_EXPIRATION_FIELD = 'Expiration';

/** smithy-lang/smithy-typescript: packages/signature-v4/src/SignatureV4.ts (rejects with a plain string, not an Error). */
const SIGV4_CLIENT_FAILURE =
  "the SDK rejects the call with 'Signature version 4 presigned URLs must have an expiration date less than one week in the future'";
/** Shared with the v2 entry: neither SDK checks POST policies (aws/aws-sdk-js-v3: packages/s3-presigned-post/src/createPresignedPost.ts; aws/aws-sdk-js: lib/services/s3.js). */
export const SIGV4_POST_FAILURE =
  'the SDK does not check it, but the policy is signed with a SigV4 key that is valid for at most 7 d';

const AMPLIFY_GET_URL_SOURCE =
  'aws-amplify/amplify-js: packages/storage/src/providers/s3/apis/internal/getUrl.ts (urlExpirationInSec = Math.min(awsCredExpirationInSec, urlExpirationInSec)), src/providers/s3/utils/constants.ts (DEFAULT_PRESIGN_EXPIRATION 900); Cognito identity-pool credentials last 1 h (https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_Credentials.html)';
/**
 * Amplify Storage `getUrl({ path, options: { expiresIn } })` (the server variant takes the context first): Amplify
 * clamps the URL's lifetime to the expiration of the credentials that sign it, Cognito identity-pool credentials
 * of 1 h, so any longer lifetime silently ends with them. The clamp is the effective maximum.
 */
const AMPLIFY_GET_URL_EXPIRY = (argument: number) =>
  ({
    argument,
    within: ['options'],
    property: 'expiresIn',
    unit: 'seconds',
    defaultSeconds: 900,
    maxSeconds: 3600,
    maxEnforcedBy: 'client',
    maxFailure:
      'Amplify silently clamps the URL to the expiration of the Cognito identity-pool credentials that sign it (1 h), so the link dies within the hour',
  }) as const;

/**
 * Amazon Polly's presigned SynthesizeSpeech URL, `getSynthesizeSpeechUrl({ client, params, options: { expiresIn } })`
 * (moved to `@aws-sdk/polly-signer` as `getPresignedSynthesizeSpeechUrl`): SignatureV4.presign with a default of
 * 3600 s, so the SigV4 week is its maximum and the client enforces it.
 */
const POLLY_PRESIGN_EXPIRY = {
  argument: 0,
  within: ['options'],
  property: 'expiresIn',
  unit: 'seconds',
  defaultSeconds: 3600,
  maxSeconds: 604_800,
  maxEnforcedBy: 'client',
  maxFailure: SIGV4_CLIENT_FAILURE,
} as const;
const POLLY_PRESIGN_SOURCE =
  'aws/aws-sdk-js-v3: packages/polly-signer/src/getPresignedSynthesizeSpeechUrl.ts, src/getSignedUrl.ts (signer.presign with expiresIn 3600 unless options say otherwise); packages/polly-request-presigner/src/getSynthesizeSpeechUrl.ts';

/** AWS SDK v3 presigners (aws/aws-sdk-js-v3: packages/s3-request-presigner/src/presigner.ts). */

export const AWS_V3_PRESIGNERS = entriesOf<Presigner>()([
  {
    id: 'aws-v3:getSignedUrl',
    ecosystem: 'aws-v3',
    symptom: 's3-url',
    api: { modules: ['@aws-sdk/s3-request-presigner'], path: ['getSignedUrl'] },
    clientArgument: 0,
    expiry: {
      argument: 2,
      property: 'expiresIn',
      unit: 'seconds',
      defaultSeconds: 900,
      maxSeconds: 604_800,
      maxEnforcedBy: 'client',
      maxFailure: SIGV4_CLIENT_FAILURE,
    },
    source:
      'aws/aws-sdk-js-v3: packages/s3-request-presigner/src/presigner.ts; smithy-lang/smithy-typescript: packages/signature-v4/src/constants.ts (MAX_PRESIGNED_TTL)',
  },
  {
    id: 'aws-v3:createPresignedPost',
    ecosystem: 'aws-v3',
    symptom: 's3-url',
    api: { modules: ['@aws-sdk/s3-presigned-post'], path: ['createPresignedPost'] },
    clientArgument: 0,
    expiry: {
      argument: 1,
      property: 'Expires',
      unit: 'seconds',
      defaultSeconds: 3600,
      maxSeconds: 604_800,
      maxEnforcedBy: 'server',
      maxFailure: SIGV4_POST_FAILURE,
    },
    source:
      'aws/aws-sdk-js-v3: packages/s3-presigned-post/src/createPresignedPost.ts (no client-side maximum; SigV4 keys are valid 7 days)',
  },
  {
    id: 'aws-v3:SignatureV4.presign',
    ecosystem: 'aws-v3',
    symptom: 's3-url',
    method: 'presign',
    receivers: [
      { modules: ['@smithy/signature-v4', '@aws-sdk/signature-v4', '@aws-sdk/signature-v4-multi-region'], path: ['*'] },
    ],
    expiry: {
      argument: 1,
      property: 'expiresIn',
      unit: 'seconds',
      defaultSeconds: 3600,
      maxSeconds: 604_800,
      maxEnforcedBy: 'client',
      maxFailure: SIGV4_CLIENT_FAILURE,
    },
    source: 'smithy-lang/smithy-typescript: packages/signature-v4/src/SignatureV4.ts',
  },
  {
    id: 'aws-v3:getSynthesizeSpeechUrl',
    ecosystem: 'aws-v3',
    symptom: 's3-url',
    api: { modules: ['@aws-sdk/polly-request-presigner'], path: ['getSynthesizeSpeechUrl'] },
    expiry: POLLY_PRESIGN_EXPIRY,
    source: POLLY_PRESIGN_SOURCE,
  },
  {
    id: 'aws-v3:getPresignedSynthesizeSpeechUrl',
    ecosystem: 'aws-v3',
    symptom: 's3-url',
    api: { modules: ['@aws-sdk/polly-signer'], path: ['getPresignedSynthesizeSpeechUrl'] },
    expiry: POLLY_PRESIGN_EXPIRY,
    source: POLLY_PRESIGN_SOURCE,
  },
  {
    id: 'amplify:getUrl',
    ecosystem: 'aws-v3',
    symptom: 's3-url',
    api: { modules: ['aws-amplify/storage', '@aws-amplify/storage'], path: ['getUrl'] },
    expiry: AMPLIFY_GET_URL_EXPIRY(0),
    source: AMPLIFY_GET_URL_SOURCE,
  },
  {
    id: 'amplify:getUrl (server)',
    ecosystem: 'aws-v3',
    symptom: 's3-url',
    api: { modules: ['aws-amplify/storage/server'], path: ['getUrl'] },
    expiry: AMPLIFY_GET_URL_EXPIRY(1),
    source: AMPLIFY_GET_URL_SOURCE,
  },
]);
