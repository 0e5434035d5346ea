import { SIGV4_POST_FAILURE } from './aws-v3.js';
import type { SessionId } from './sessions.js';
import type { ApiRef, LoginTokens, Presigner, RefreshingClass, StsOperation, WebIdentityTokenOption } from './types.js';
import { V2_STS_WEB_IDENTITY_TOKEN, V2_WEB_IDENTITY_TOKEN } from './projected-tokens.js';
import { COGNITO_LOGIN_EXPIRED } from './identity-platforms.js';
import { entriesOf } from './entries-of.js';

export const AWS_V2_MODULES = ['aws-sdk', 'aws-sdk/global'] as const;
const SRC = 'aws/aws-sdk-js: lib/credentials';

/**
 * Globals that the SDKs' browser bundles define when a page loads them from a `<script>` tag, standing for the
 * module itself: code reads them as free names (`AWS.config.credentials`) or off `window` (`const AWS = window.AWS`).
 */
export const BROWSER_SDK_GLOBALS = [
  {
    name: 'AWS',
    module: 'aws-sdk',
    source:
      'https://docs.aws.amazon.com/sdk-for-javascript/v2/developer-guide/loading-the-jssdk.html (the browser script defines the global AWS)',
  },
  {
    name: 'msal',
    module: '@azure/msal-browser',
    source:
      'AzureAD/microsoft-authentication-library-for-js: lib/msal-browser/docs/cdn-usage.md (the CDN bundle defines the global msal: new msal.PublicClientApplication(config))',
  },
  {
    name: 'AWSIoTData',
    module: 'aws-iot-device-sdk',
    source: 'aws/aws-iot-device-sdk-js: README.md, Browser applications (the browserified bundle exposes AWSIoTData)',
  },
  {
    name: 'Appwrite',
    module: 'appwrite',
    source:
      'appwrite/sdk-for-web: rollup.config.mjs (the iife bundle the CDN serves is named Appwrite), README.md (CDN script tag)',
  },
] as const satisfies readonly { name: string; module: string; source: string }[];

function v2(path: readonly string[]): ApiRef {
  return { modules: AWS_V2_MODULES, path };
}

function refreshing<const Name extends string>(
  name: Name,
  session: SessionId,
  file: string,
  durationOption?: readonly string[],
  loginTokens?: LoginTokens,
  webIdentityToken?: WebIdentityTokenOption,
): RefreshingClass & { readonly id: `aws-v2:${Name}` } {
  return {
    id: `aws-v2:${name}`,
    ecosystem: 'aws-v2',
    api: v2([name]),
    session,
    durationOption,
    ...(loginTokens ? { loginTokens } : {}),
    ...(webIdentityToken ? { webIdentityToken } : {}),
    source: `${SRC}/${file}`,
  };
}

/**
 * v2 `new AWS.MetadataService().request(path, [options,] (err, data) => ...)`: a GET of `path` on the instance
 * metadata service, whose body (a string) goes to the callback. Asked for `/latest/meta-data/iam/security-credentials/
 * <role>` it hands out the role's temporary keys once; `AWS.EC2MetadataCredentials` is the object that fetches them
 * again.
 */
export const AWS_V2_METADATA_SERVICE = {
  api: v2(['MetadataService']),
  method: 'request',
  endpoint: 'http://169.254.169.254',
  source:
    'aws/aws-sdk-js: lib/metadata_service.js (request: new AWS.HttpRequest(this.endpoint + path)); lib/metadata_service/get_endpoint.js (IPv4 http://169.254.169.254)',
} as const;

/** AWS SDK v2 `AWS.Credentials` subclasses that reload themselves (aws/aws-sdk-js: lib/credentials/*.js). */
export const AWS_V2_REFRESHING_CLASSES = entriesOf<RefreshingClass>()([
  refreshing('EC2MetadataCredentials', 'instance-profile', 'ec2_metadata_credentials.js'),
  refreshing('ECSCredentials', 'task-role', 'ecs_credentials.js'),
  refreshing('RemoteCredentials', 'task-role', 'remote_credentials.js'),
  refreshing('ChainableTemporaryCredentials', 'assume-role', 'chainable_temporary_credentials.js', [
    'params',
    'DurationSeconds',
  ]),
  refreshing('TemporaryCredentials', 'assume-role', 'temporary_credentials.js', ['DurationSeconds']),
  refreshing('SharedIniFileCredentials', 'profile', 'shared_ini_file_credentials.js'),
  refreshing('TokenFileWebIdentityCredentials', 'web-identity', 'token_file_web_identity_credentials.js'),
  refreshing(
    'WebIdentityCredentials',
    'web-identity',
    'web_identity_credentials.js',
    ['DurationSeconds'],
    undefined,
    V2_WEB_IDENTITY_TOKEN,
  ),
  refreshing('ProcessCredentials', 'profile', 'process_credentials.js'),
  refreshing('SsoCredentials', 'sso', 'sso_credentials.js'),
  refreshing('CognitoIdentityCredentials', 'cognito', 'cognito_identity_credentials.js', undefined, {
    // refresh() sends getId / getCredentialsForIdentity with `params.Logins` as they are; the class doc's own
    // renewal is `AWS.config.credentials.params.Logins['graph.facebook.com'] = updatedToken`.
    option: 'Logins',
    acceptsProvider: false,
    renewedAt: ['params', 'Logins'],
    symptom: COGNITO_LOGIN_EXPIRED,
    session: 'identity-provider-token',
    source: `${SRC}/cognito_identity_credentials.js`,
  }),
]);

/** `new AWS.CredentialProviderChain()`: `resolve(cb)` / `resolvePromise()` yield the first live credentials object. */
export const AWS_V2_PROVIDER_CHAIN = refreshing(
  'CredentialProviderChain',
  'default-chain',
  'credential_provider_chain.js',
);
export const AWS_V2_CHAIN_RESOLVERS = ['resolve', 'resolvePromise'] as const;

/** `AWS.config.credentials`: the global live credentials object. */
export const AWS_V2_GLOBAL_CREDENTIALS = v2(['config', 'credentials']);
/** Calls that load it: `AWS.config.getCredentials(cb)`, besides its own `get()` / `getPromise()` (aws/aws-sdk-js: lib/config.js). */
export const AWS_V2_GLOBAL_LOADERS: readonly ApiRef[] = [v2(['config', 'getCredentials'])];

/**
 * `new AWS.ChainableTemporaryCredentials({ masterCredentials })`: without the option the constructor takes
 * `AWS.config.credentials` itself (aws/aws-sdk-js: lib/credentials/chainable_temporary_credentials.js,
 * `credentials: options.masterCredentials || AWS.config.credentials`). Its type is `Credentials` only, while the
 * global's is `Credentials | CredentialsOptions | null` (lib/config-base.d.ts), so leaving it out is the typed way
 * to pass the global live object.
 */
export const AWS_V2_GLOBAL_CREDENTIALS_DEFAULT = {
  api: v2(['ChainableTemporaryCredentials']),
  option: 'masterCredentials',
} as const;

/** `new AWS.Credentials(...)`: static; its `refresh()` only clears `expired` (aws/aws-sdk-js: lib/credentials.js). */
export const AWS_V2_STATIC_CREDENTIALS = v2(['Credentials']);
/**
 * A class of the app extending `AWS.Credentials` that overrides `refresh(callback)` to reset the keys on the object:
 * the SDK's `get()`, which a service runs before signing each request, calls that `refresh` whenever
 * `needsRefresh()` is true, once `expireTime` (less `expiryWindow`) has passed or the keys are missing. Without an
 * `expireTime` (or an own `needsRefresh`) the loaded keys never count as expired.
 */
export const AWS_V2_CREDENTIALS_SUBCLASS = {
  base: v2(['Credentials']),
  refreshMethod: 'refresh',
  expiryField: 'expireTime',
  refreshPredicate: 'needsRefresh',
  source:
    'aws/aws-sdk-js: lib/credentials.js (get() calls refresh() when needsRefresh(); "create a subclass of the Credentials class and override the refresh method")',
} as const satisfies {
  base: ApiRef;
  refreshMethod: string;
  expiryField: string;
  refreshPredicate: string;
  source: string;
};
/** `AWS.config.update({ accessKeyId, ... })` wraps raw keys into a static `AWS.Credentials` (lib/config.js extractCredentials). */
export const AWS_V2_CONFIG_UPDATE = v2(['config', 'update']);
/** Any service constructor `new AWS.S3({ accessKeyId, ... })` does the same. */
export const AWS_V2_SERVICE = v2(['*']);
/** Options that carry raw keys into a static `AWS.Credentials`. */
export const AWS_V2_CREDENTIAL_FIELDS = ['accessKeyId', 'secretAccessKey', 'sessionToken'] as const;
/** A live object's method that reloads it when needed, after which copied fields are current again. */
export const AWS_V2_REFRESH_METHODS = ['get', 'getPromise', 'refresh', 'refreshPromise'] as const;

const CHAINABLE = {
  code: 'new AWS.ChainableTemporaryCredentials({ params: { RoleArn, DurationSeconds } })',
  imports: [],
};

/** v2 STS calls whose output is plain data (aws/aws-sdk-js: apis/sts-2011-06-15.min.json). */
export const AWS_V2_STS_OPERATIONS = entriesOf<StsOperation>()([
  {
    id: 'aws-v2:sts.assumeRole',
    ecosystem: 'aws-v2',
    api: v2(['STS']),
    method: 'assumeRole',
    session: 'assume-role',
    durationParam: 'DurationSeconds',
    replacement: CHAINABLE,
    renewedBy: {
      kind: 'class',
      api: v2(['ChainableTemporaryCredentials']),
      paramsOption: 'params',
      source:
        'aws/aws-sdk-js: lib/credentials/chainable_temporary_credentials.js (assumeRole when params.RoleArn is set)',
    },
    source: 'aws/aws-sdk-js: lib/credentials/chainable_temporary_credentials.js',
  },
  {
    id: 'aws-v2:sts.assumeRoleWithWebIdentity',
    ecosystem: 'aws-v2',
    api: v2(['STS']),
    method: 'assumeRoleWithWebIdentity',
    session: 'web-identity',
    durationParam: 'DurationSeconds',
    replacement: { code: 'new AWS.TokenFileWebIdentityCredentials()', imports: [] },
    webIdentityToken: V2_STS_WEB_IDENTITY_TOKEN,
    source: 'aws/aws-sdk-js: lib/credentials/token_file_web_identity_credentials.js',
  },
  {
    id: 'aws-v2:sts.getSessionToken',
    ecosystem: 'aws-v2',
    api: v2(['STS']),
    method: 'getSessionToken',
    session: 'session-token',
    durationParam: 'DurationSeconds',
    replacement: { code: 'new AWS.ChainableTemporaryCredentials({ params: { DurationSeconds } })', imports: [] },
    renewedBy: {
      kind: 'class',
      api: v2(['ChainableTemporaryCredentials']),
      paramsOption: 'params',
      source:
        'aws/aws-sdk-js: lib/credentials/chainable_temporary_credentials.js (getSessionToken when params.RoleArn is absent)',
    },
    source: 'aws/aws-sdk-js: lib/credentials/chainable_temporary_credentials.js',
  },
  {
    // Cognito, not STS, with the same kind of plain output (`Credentials.SecretKey`); no duration parameter.
    id: 'aws-v2:cognitoIdentity.getCredentialsForIdentity',
    ecosystem: 'aws-v2',
    api: v2(['CognitoIdentity']),
    method: 'getCredentialsForIdentity',
    service: 'Cognito',
    session: 'cognito',
    durationParam: 'DurationSeconds',
    replacement: { code: 'new AWS.CognitoIdentityCredentials({ IdentityPoolId })', imports: [] },
    source: 'aws/aws-sdk-js: lib/credentials/cognito_identity_credentials.js',
  },
]);
/** Clients whose operations above return plain temporary credentials. */
export const AWS_V2_STS_CLIENT_MODULES: readonly ApiRef[] = [
  v2(['STS']),
  { modules: ['aws-sdk/clients/sts'], path: [] },
  v2(['CognitoIdentity']),
  { modules: ['aws-sdk/clients/cognitoidentity'], path: [] },
];

/**
 * The class names of the clients above, v2 and v3 (`new AWS.STS()`, `new STSClient({})`): their constructors only
 * build a configuration (no request, no credential lookup until the first operation), so a declaration of one that
 * nothing reads any more can go (aws/aws-sdk-js: lib/service.js; aws/aws-sdk-js-v3: clients/client-sts/src/STSClient.ts).
 */
export const STS_CLIENT_CLASS_NAMES: readonly string[] = [
  'STS',
  'CognitoIdentity',
  'STSClient',
  'CognitoIdentityClient',
];

const S3_RECEIVERS: readonly ApiRef[] = [v2(['S3']), { modules: ['aws-sdk/clients/s3'], path: [] }];
const V2_S3 = 'aws/aws-sdk-js: lib/services/s3.js; lib/signers/presign.js';
const V2_PRESIGN_FAILURE =
  "the SDK throws InvalidExpiryTime: 'Presigning does not support expiry time greater than a week with SigV4 signing.'";

/** A presigning method of the v2 S3 client, `s3.<method>(..., { Bucket, Key, Expires })`. */
function s3Presigner<const Method extends string>(
  method: Method,
  expiry: Presigner['expiry'],
  synchronous: boolean,
): Presigner & { readonly id: `aws-v2:s3.${Method}` } {
  return {
    id: `aws-v2:s3.${method}`,
    ...(synchronous ? { synchronous: true } : {}),
    ecosystem: 'aws-v2',
    symptom: 's3-url',
    method,
    receivers: S3_RECEIVERS,
    gateModules: ['aws-sdk', 'aws-sdk/clients/s3'],
    expiry,
    source: V2_S3,
  };
}

/** `getSignedUrl(operation, params)`: `Expires` of the second argument, 900 s unless given. */
const SIGNED_URL_EXPIRY = {
  argument: 1,
  property: 'Expires',
  unit: 'seconds',
  defaultSeconds: 900,
  maxSeconds: 604_800,
  maxEnforcedBy: 'client',
  maxFailure: V2_PRESIGN_FAILURE,
} as const;

/** v2 S3 presigners: `Expires` in seconds (aws/aws-sdk-js: lib/services/s3.js). */
export const AWS_V2_PRESIGNERS = entriesOf<Presigner>()([
  s3Presigner('getSignedUrl', SIGNED_URL_EXPIRY, true),
  s3Presigner('getSignedUrlPromise', SIGNED_URL_EXPIRY, false),
  s3Presigner(
    'createPresignedPost',
    {
      argument: 0,
      property: 'Expires',
      unit: 'seconds',
      defaultSeconds: 3600,
      maxSeconds: 604_800,
      maxEnforcedBy: 'server',
      maxFailure: SIGV4_POST_FAILURE,
    },
    true,
  ),
]);
