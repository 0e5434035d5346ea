import type { ApiRef, CredentialMethod, Presigner, RefreshingClass } from './types.js';
import { entriesOf } from './entries-of.js';

const IDENTITY = '@azure/identity';
const SRC = 'Azure/azure-sdk-for-js: sdk/identity/identity/src';

function credential<const Name extends string>(name: Name): RefreshingClass & { readonly id: `azure:${Name}` } {
  return {
    id: `azure:${name}`,
    ecosystem: 'azure',
    api: { modules: [IDENTITY], path: [name] },
    session: 'azure-access-token',
    source: `${SRC}/credentials`,
  };
}

/** `TokenCredential` implementations: SDK clients refresh them through the token cycler (Azure/azure-sdk-for-js: sdk/core/core-auth/src/tokenCredential.ts, sdk/core/core-rest-pipeline/src/util/tokenCycler.ts). */
export const AZURE_CREDENTIAL_CLASSES = entriesOf<RefreshingClass>()(
  (
    [
      'DefaultAzureCredential',
      'ManagedIdentityCredential',
      'WorkloadIdentityCredential',
      'ClientSecretCredential',
      'ClientCertificateCredential',
      'EnvironmentCredential',
      'AzureCliCredential',
      'ChainedTokenCredential',
      'InteractiveBrowserCredential',
      'DeviceCodeCredential',
      'OnBehalfOfCredential',
    ] as const
  ).map(credential),
);

/** `getBearerTokenProvider(credential, scopes)`: a function that returns a fresh token on every call. */
export const AZURE_BEARER_TOKEN_PROVIDER: ApiRef = { modules: [IDENTITY], path: ['getBearerTokenProvider'] };

export const AZURE_TOKEN_METHODS = entriesOf<CredentialMethod>()([
  {
    id: 'azure:getToken',
    perUse: true,
    ecosystem: 'azure',
    method: 'getToken',
    receivers: AZURE_CREDENTIAL_CLASSES.map((c) => c.api),
    gateModules: [IDENTITY, '@azure/core-auth'],
    yields: 'access-token',
    session: 'azure-access-token',
    replacement: {
      code: 'getBearerTokenProvider(credential, scope)',
      imports: [{ module: IDENTITY, name: 'getBearerTokenProvider' }],
    },
    source:
      'Azure/azure-sdk-for-js: sdk/core/core-auth/src/tokenCredential.ts; sdk/identity/identity/src/tokenProvider.ts',
  },
]);

/**
 * The legacy Azure auth libraries (`ms-rest-azure`, `@azure/ms-rest-nodeauth`): `loginWithServicePrincipalSecret`,
 * `loginWithVmMSI`, `loginWithAppServiceMSI`, ... resolve a credentials object whose `getToken` hands out a token
 * response (`accessToken`, or `access_token` for the MSI credentials) for the audience it was made for: an Entra
 * access token (60 to 90 min). `ms-rest-azure` hands it to a callback (`getToken((err, response) => ...)`);
 * `@azure/ms-rest-nodeauth` returns a promise of it.
 */
const MS_REST_AZURE = ['@azure/ms-rest-nodeauth', 'ms-rest-azure'];
export const AZURE_LEGACY_TOKEN_METHODS = entriesOf<CredentialMethod>()([
  {
    id: 'ms-rest-azure:getToken',
    ecosystem: 'azure',
    method: 'getToken',
    receivers: (
      [
        'ApplicationTokenCredentials',
        'MSIVmTokenCredentials',
        'MSIAppServiceTokenCredentials',
        'UserTokenCredentials',
        'DeviceTokenCredentials',
      ] as const
    ).map((name) => ({ modules: MS_REST_AZURE, path: [name] })),
    gateModules: MS_REST_AZURE,
    yields: 'access-token',
    session: 'azure-access-token',
    callbackForm: true,
    secretFields: ['accessToken', 'access_token'],
    replacement: {
      code: 'getBearerTokenProvider(credential, scope)',
      imports: [{ module: IDENTITY, name: 'getBearerTokenProvider' }],
    },
    source:
      'Azure/azure-sdk-for-node: runtime/ms-rest-azure/lib/credentials/applicationTokenCredentials.js (getToken(callback): callback(err, tokenResponse), tokenResponse.accessToken); Azure/ms-rest-nodeauth: lib/credentials/tokenCredentialsBase.ts (getToken(): Promise<TokenResponse>)',
  },
]);

const MSAL_NODE = '@azure/msal-node';
const MSAL_BROWSER = '@azure/msal-browser';
const MSAL_SOURCE =
  'AzureAD/microsoft-authentication-library-for-js: lib/msal-common/src/response/AuthenticationResult.ts (accessToken, idToken, expiresOn: Date | null; account, scopes, tenantId, uniqueId carry no secret); lib/msal-node/src/client/ClientCredentialClient.ts (acquireToken reads the cache unless skipCache or claims); lib/msal-node/docs/caching.md (MSAL caches tokens in memory and refreshes them; call acquireToken* where the token is used); https://learn.microsoft.com/entra/identity-platform/access-tokens#token-lifetime (60 to 90 min)';
const MSAL_CLIENTS: readonly ApiRef[] = [
  { modules: [MSAL_NODE], path: ['ConfidentialClientApplication'] },
  { modules: [MSAL_NODE, MSAL_BROWSER], path: ['PublicClientApplication'] },
];

/**
 * MSAL's token calls: each returns an `AuthenticationResult` whose `accessToken` is an Entra token (60 to 90 min,
 * `expiresOn`). The application object keeps its own token cache and renews from it, so asking it per use is the fix;
 * a copy of `accessToken` kept in a variable is not renewed.
 */
function msalTokenMethod<const Method extends string>(
  method: Method,
  { ownName = false, renews = false } = {},
): CredentialMethod & { readonly id: `msal:${Method}` } {
  return {
    id: `msal:${method}`,
    ...(ownName && { ownName: true }),
    ...(renews && { renewsWhenAskedAgain: true }),
    perUse: true,
    ecosystem: 'azure',
    method,
    receivers: MSAL_CLIENTS,
    gateModules: [MSAL_NODE, MSAL_BROWSER],
    yields: 'access-token',
    session: 'azure-access-token',
    secretFields: ['accessToken', 'idToken', 'refreshToken'],
    replacement: { code: `(await msalClient.${method}(request)).accessToken, asked where it is used`, imports: [] },
    source: MSAL_SOURCE,
  };
}

/**
 * The `acquireToken*` names are MSAL's alone (lib/msal-node/src/client/ClientApplication.ts,
 * lib/msal-browser/src/app/IPublicClientApplication.ts): on a client the app imports from its own module they are
 * still MSAL's. `ssoSilent`, `loginPopup` and `handleRedirectPromise` are names other sign-in libraries use too.
 */
const OWN_NAME = { ownName: true };
/**
 * The signed-in user's silent call answers from the application's token cache and renews an expired token there with
 * the refresh token (or a hidden iframe), so asked again it gives a current token: a copy kept in a page's state is a
 * snapshot (lib/msal-browser/src/controllers/StandardController.ts acquireTokenSilent; lib/msal-common/src/client/
 * SilentFlowClient.ts). The interactive and code flows ask the user or the server anew each time.
 */
const OWN_NAME_RENEWING = { ownName: true, renews: true };

export const MSAL_TOKEN_METHODS = entriesOf<CredentialMethod>()([
  msalTokenMethod('acquireTokenByClientCredential', OWN_NAME),
  msalTokenMethod('acquireTokenOnBehalfOf', OWN_NAME),
  msalTokenMethod('acquireTokenSilent', OWN_NAME_RENEWING),
  msalTokenMethod('acquireTokenByCode', OWN_NAME),
  msalTokenMethod('acquireTokenByRefreshToken', OWN_NAME),
  msalTokenMethod('acquireTokenByUsernamePassword', OWN_NAME),
  // msal-browser: the interactive and redirect flows resolve the same AuthenticationResult
  // (lib/msal-browser/src/app/IPublicClientApplication.ts: acquireTokenPopup, ssoSilent, loginPopup, handleRedirectPromise).
  msalTokenMethod('acquireTokenPopup', OWN_NAME),
  msalTokenMethod('ssoSilent'),
  msalTokenMethod('loginPopup'),
  msalTokenMethod('handleRedirectPromise'),
]);

/** `AccessToken` fields that carry the expiry. */
export const AZURE_EXPIRY_FIELDS = ['expiresOnTimestamp', 'refreshAfterTimestamp'] as const;
/**
 * How long before `expiresOnTimestamp` (ms since the epoch) the SDK's own pipeline gets a new token
 * (`refreshWindowInMs`): a kept `AccessToken` is reused until then. Source: Azure/azure-sdk-for-js:
 * sdk/core/core-rest-pipeline/src/util/tokenCycler.ts.
 */
export const AZURE_TOKEN_REFRESH_WINDOW_MS = 120_000;

const STORAGE_BLOB = '@azure/storage-blob';
const SAS_SOURCE =
  'Azure/azure-sdk-for-js: sdk/storage/storage-blob/src/sas/BlobSASSignatureValues.ts; https://learn.microsoft.com/rest/api/storageservices/create-user-delegation-sas';
const SAS_EXPIRY = { argument: 0, property: 'expiresOn', unit: 'absolute', defaultSeconds: 0 } as const;

/**
 * User-delegation SAS (https://learn.microsoft.com/rest/api/storageservices/get-user-delegation-key): the SAS dies with the key that signs it, whatever its own
 * `expiresOn` says, and the SDK does not check. The key itself must end within 7 days of the request.
 * Shared-key SAS (`generateBlobSASQueryParameters(values, sharedKeyCredential)`, two arguments) has no such bound.
 */
const USER_DELEGATION_KEY = {
  id: 'azure:getUserDelegationKey',
  ecosystem: 'azure',
  symptom: 'azure-sas',
  method: 'getUserDelegationKey',
  gateModules: [STORAGE_BLOB],
  expiry: {
    argument: 1,
    unit: 'absolute',
    defaultSeconds: 0,
    maxSeconds: 604_800,
    maxEnforcedBy: 'server',
    maxFailure:
      "the service refuses a key that ends more than 7 d from now ('The value for one of the XML nodes is not in the correct format.')",
  },
  sessionBound: false,
  source:
    'Azure/azure-sdk-for-js: sdk/storage/storage-blob/src/BlobServiceClient.ts (getUserDelegationKey); jschneier/django-storages#1525',
} as const satisfies Presigner;

export const AZURE_PRESIGNERS = entriesOf<Presigner>()([
  USER_DELEGATION_KEY,
  {
    id: 'azure:generateBlobSASQueryParameters',
    synchronous: true,
    ecosystem: 'azure',
    symptom: 'azure-sas',
    api: { modules: [STORAGE_BLOB], path: ['generateBlobSASQueryParameters'] },
    expiry: SAS_EXPIRY,
    signingKey: { argument: 1, minArguments: 3, issuedBy: USER_DELEGATION_KEY },
    source: SAS_SOURCE,
  },
  {
    id: 'azure:generateUserDelegationSasUrl',
    ecosystem: 'azure',
    symptom: 'azure-sas',
    method: 'generateUserDelegationSasUrl',
    gateModules: [STORAGE_BLOB],
    expiry: SAS_EXPIRY,
    signingKey: { argument: 1, issuedBy: USER_DELEGATION_KEY },
    source:
      'Azure/azure-sdk-for-js: sdk/storage/storage-blob/src/Clients.ts, ContainerClient.ts (generateUserDelegationSasUrl)',
  },
]);

/**
 * tedious's Entra authentication with one access token, `authentication: { type: 'azure-active-directory-access-token',
 * options: { token } }` (mssql passes `authentication` to tedious; so does Sequelize's mssql dialect through
 * `dialectOptions`): every connection the pool opens later logs in with that token, refused once it expires (60-90
 * min). tedious 18.3.0 added `{ type: 'token-credential', options: { credential } }`: it asks the `TokenCredential`
 * at each login (the scope from the server's federated-authentication info), and `@azure/identity` credentials cache
 * and refresh the token. mssql 12 depends on tedious 19, so an mssql 12 project has it. Older tedious rejects the
 * type, so the rewrite is offered only where the project's installed or declared version shows it.
 */
export const TEDIOUS_TOKEN_CREDENTIAL = {
  option: 'authentication',
  staticType: 'azure-active-directory-access-token',
  tokenOption: 'token',
  refreshingType: 'token-credential',
  credentialOption: 'credential',
  /** Scopes of Azure SQL (and Synapse, Fabric SQL endpoints) that tedious asks for itself. */
  scopes: ['https://database.windows.net/', 'https://database.windows.net/.default'],
  /** Any one of these shows the project has the type. */
  minimumVersions: [
    { package: 'tedious', version: '18.3.0' },
    { package: 'mssql', version: '12.0.0' },
  ],
  source:
    'tediousjs/tedious: src/connection.ts (TokenCredentialAuthentication, added in 18.3.0; login with `token-credential` asks `credential.getToken` for the server-given SPN); tediousjs/node-mssql: package.json of 12.x (tedious ^19); lib/tedious/connection-pool.js (config.authentication handed to tedious)',
} as const;
