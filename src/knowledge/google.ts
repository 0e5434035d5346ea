import type { ApiRef, CredentialMethod, Presigner, RefreshingClass, Replacement, TokenCallback } from './types.js';
import { entriesOf } from './entries-of.js';
import type { SessionId } from './sessions.js';

export const GOOGLE_AUTH_MODULES = ['google-auth-library', 'googleapis'] as const;
const SRC = 'googleapis/google-auth-library-nodejs: src/auth';

/** `google-auth-library` exports, and the same classes reached as `google.auth.X` from `googleapis`. */
function auth(name: string): ApiRef {
  return { modules: ['google-auth-library', 'googleapis'], path: [name] };
}
const viaGoogleapis = (name: string): ApiRef => ({ modules: ['googleapis'], path: ['google', 'auth', name] });

function refreshing<const Name extends string>(
  name: Name,
  file: string,
): RefreshingClass & { readonly id: `google:${Name}` } {
  return {
    id: `google:${name}`,
    ecosystem: 'google',
    api: auth(name),
    session: 'google-access-token',
    source: `${SRC}/${file}`,
  };
}

/** Auth objects that refresh their own tokens (googleapis/google-auth-library-nodejs: src/auth/authclient.ts). Keep them as singletons. */
export const GOOGLE_REFRESHING_CLASSES = entriesOf<RefreshingClass>()([
  refreshing('GoogleAuth', 'googleauth.ts'),
  refreshing('OAuth2Client', 'oauth2client.ts'),
  refreshing('JWT', 'jwtclient.ts'),
  refreshing('Compute', 'computeclient.ts'),
  refreshing('Impersonated', 'impersonated.ts'),
  refreshing('UserRefreshClient', 'refreshclient.ts'),
  refreshing('ExternalAccountClient', 'externalclient.ts'),
  refreshing('AwsClient', 'awsclient.ts'),
  refreshing('IdentityPoolClient', 'identitypoolclient.ts'),
  refreshing('IdTokenClient', 'idtokenclient.ts'),
  {
    ...refreshing('GoogleAuth', 'googleauth.ts'),
    id: 'google:google.auth.GoogleAuth',
    api: viaGoogleapis('GoogleAuth'),
  },
  { ...refreshing('OAuth2Client', 'oauth2client.ts'), id: 'google:google.auth.OAuth2', api: viaGoogleapis('OAuth2') },
  // googleapis' `google.auth` is an AuthPlus, which also exposes `JWT` and `Compute` (googleapis/nodejs-googleapis-common: src/authplus.ts).
  { ...refreshing('JWT', 'jwtclient.ts'), id: 'google:google.auth.JWT', api: viaGoogleapis('JWT') },
  { ...refreshing('Compute', 'computeclient.ts'), id: 'google:google.auth.Compute', api: viaGoogleapis('Compute') },
]);

/** Receivers of the token getters: every refreshing auth class, plus what `auth.getClient()` returns. */
const AUTH_RECEIVERS: readonly ApiRef[] = GOOGLE_REFRESHING_CLASSES.map((c) => c.api);
const PER_REQUEST_HEADERS: Replacement = { code: 'await auth.getRequestHeaders()', imports: [] };

/**
 * The token an auth client holds, read off it: `client.credentials.access_token` after `await auth.getClient()`,
 * `client.authorize()` or `getAccessToken()`. The client replaces its `credentials` object each time it refreshes;
 * the text read once stays the token of that moment. The same classes as the token getters' receivers.
 */
export const GOOGLE_CLIENT_TOKEN_FIELD = {
  id: 'google:credentials.access_token',
  path: ['credentials', 'access_token'],
  receivers: AUTH_RECEIVERS,
  gateModules: GOOGLE_AUTH_MODULES,
  session: 'google-access-token',
  replacement: PER_REQUEST_HEADERS,
  source: `${SRC}/oauth2client.ts (credentials: set anew by refreshAccessTokenAsync and setCredentials; getRequestHeaders refreshes before returning the header)`,
} as const satisfies {
  id: string;
  path: readonly string[];
  receivers: readonly ApiRef[];
  gateModules: readonly string[];
  session: SessionId;
  replacement: Replacement;
  source: string;
};

export const GOOGLE_TOKEN_METHODS = entriesOf<CredentialMethod>()([
  {
    id: 'google:getAccessToken',
    perUse: true,
    ecosystem: 'google',
    method: 'getAccessToken',
    receivers: AUTH_RECEIVERS,
    gateModules: GOOGLE_AUTH_MODULES,
    yields: 'access-token',
    session: 'google-access-token',
    replacement: { code: 'await auth.getAccessToken()', imports: [] },
    source: `${SRC}/oauth2client.ts (getAccessToken); ${SRC}/googleauth.ts`,
  },
  {
    id: 'google:getRequestHeaders',
    perUse: true,
    ecosystem: 'google',
    method: 'getRequestHeaders',
    receivers: AUTH_RECEIVERS,
    gateModules: GOOGLE_AUTH_MODULES,
    yields: 'request-headers',
    session: 'google-access-token',
    // `{ Authorization: 'Bearer ...' }` (a `Headers` with `authorization` in google-auth-library 10).
    tokenPaths: [['Authorization'], ['authorization']],
    replacement: PER_REQUEST_HEADERS,
    source: `${SRC}/oauth2client.ts (getRequestHeaders)`,
  },
  {
    id: 'google:fetchIdToken',
    ecosystem: 'google',
    method: 'fetchIdToken',
    receivers: AUTH_RECEIVERS,
    gateModules: GOOGLE_AUTH_MODULES,
    yields: 'id-token',
    session: 'google-id-token',
    replacement: { code: 'await auth.getIdTokenClient(audience)', imports: [] },
    source: `${SRC}/idtokenclient.ts; ${SRC}/googleauth.ts (getIdTokenClient)`,
  },
  {
    // `jwt.authorize()` fetches a new token on every call and resolves to the `Credentials` it got
    // (`{ access_token, expiry_date, ... }`); what is kept of it is a token response like any other.
    id: 'google:JWT.authorize',
    ecosystem: 'google',
    method: 'authorize',
    receivers: [auth('JWT'), viaGoogleapis('JWT')],
    // `authorize` is a common name (passport, casbin): only a call on an object made from a JWT class counts.
    gateModules: [],
    yields: 'token-response',
    session: 'google-access-token',
    replacement: PER_REQUEST_HEADERS,
    source: `${SRC}/jwtclient.ts (authorize, authorizeAsync: refreshToken() then returns result.tokens)`,
  },
  {
    id: 'gcp-metadata:instance(token)',
    ecosystem: 'google',
    method: 'instance',
    receivers: [{ modules: ['gcp-metadata'], path: [] }],
    gateModules: ['gcp-metadata'],
    yields: 'token-response',
    session: 'google-access-token',
    argumentPattern: /service-accounts\/[^/]+\/(token|identity)/,
    replacement: { code: 'new Compute()', imports: [{ module: 'google-auth-library', name: 'Compute' }] },
    source: 'googleapis/gcp-metadata: src/index.ts; googleapis/google-auth-library-nodejs: src/auth/computeclient.ts',
  },
]);

/**
 * Google Identity Services in the browser: the token client hands `{ access_token, expires_in }` to its callback and
 * never renews it; the page must call `requestAccessToken()` again (https://developers.google.com/identity/oauth2/web/reference/js-reference).
 */
export const GOOGLE_TOKEN_CALLBACKS = entriesOf<TokenCallback>()([
  {
    id: 'gis:initTokenClient',
    ecosystem: 'google',
    global: ['google', 'accounts', 'oauth2', 'initTokenClient'],
    option: 'callback',
    parameter: 0,
    yields: 'token-response',
    session: 'google-access-token',
    replacement: { code: 'tokenClient.requestAccessToken()', imports: [] },
    source:
      'https://developers.google.com/identity/oauth2/web/reference/js-reference (TokenResponse.expires_in); https://developers.google.com/identity/oauth2/web/guides/use-token-model',
  },
  {
    // The legacy Google APIs client (`gapi.auth`, deprecated for Google Identity Services): `authorize(params,
    // callback)` hands the callback an OAuth token response (`access_token`, `expires_in`) and does not renew it;
    // `gapi.auth2.authorize` does the same for its one-off token flow.
    id: 'gapi:auth.authorize',
    ecosystem: 'google',
    global: ['gapi', 'auth', 'authorize'],
    argument: 1,
    parameter: 0,
    yields: 'token-response',
    session: 'google-access-token',
    replacement: { code: 'gapi.auth.authorize({ client_id, scope, immediate: true }, callback)', imports: [] },
    source:
      'https://developers.google.com/api-client-library/javascript/reference/referencedocs (gapi.auth.authorize(params, callback), OAuth 2.0 token object: access_token, expires_in); https://developers.google.com/identity/sign-in/web/reference#gapiauth2authorizeparams_callback',
  },
  {
    id: 'gapi:auth2.authorize',
    ecosystem: 'google',
    global: ['gapi', 'auth2', 'authorize'],
    argument: 1,
    parameter: 0,
    yields: 'token-response',
    session: 'google-access-token',
    replacement: { code: 'gapi.auth2.authorize({ client_id, scope, prompt: "none" }, callback)', imports: [] },
    source:
      'https://developers.google.com/identity/sign-in/web/reference#gapiauth2authorizeparams_callback (AuthorizeResponse: access_token, expires_in, expires_at)',
  },
]);

/**
 * Browser globals that return the page's current OAuth token response synchronously: asked at each use they give the
 * token the client library holds now; a copy kept in a variable is not renewed with it.
 */
export interface GlobalTokenGetter {
  readonly id: string;
  readonly global: readonly string[];
  readonly session: 'google-access-token';
  readonly fix: string;
  readonly source: string;
}
export const GOOGLE_GLOBAL_TOKEN_GETTERS = [
  {
    id: 'gapi:client.getToken',
    global: ['gapi', 'client', 'getToken'],
    session: 'google-access-token',
    fix: 'Read `gapi.client.getToken()` where the token is used, and ask for a new one (GIS `requestAccessToken()`) once its `expires_in` has passed.',
    source:
      'https://github.com/google/google-api-javascript-client/blob/master/docs/reference.md (gapi.client.getToken(): access_token, expires_in; gapi.client.setToken)',
  },
  {
    id: 'gapi:auth.getToken',
    global: ['gapi', 'auth', 'getToken'],
    session: 'google-access-token',
    fix: 'Read `gapi.auth.getToken()` where the token is used, and authorize again once its `expires_in` has passed.',
    source:
      'https://developers.google.com/api-client-library/javascript/reference/referencedocs (gapi.auth.getToken(): the OAuth 2.0 token object)',
  },
] as const satisfies readonly GlobalTokenGetter[];

/** `client.setCredentials({ access_token })` never refreshes without one of these (googleapis/google-auth-library-nodejs: src/auth/oauth2client.ts). */
export const GOOGLE_SET_CREDENTIALS = {
  method: 'setCredentials',
  tokenField: 'access_token',
  refreshFields: ['refresh_token'],
  refreshHandlerProperty: 'refreshHandler',
  /**
   * The client's own token method: its result handed back to the same receiver's `setCredentials` is an
   * OAuth2Client replacing its refreshing credentials with the bare token, whatever module the client came from.
   */
  issuedBy: 'getAccessToken',
  source: `${SRC}/oauth2client.ts (getAccessToken, getRequestMetadataAsync, requestAsync retry conditions)`,
} as const;

/**
 * `client.getAccessToken()` resolves to `{ token, res }`, where `token` is the access token the client itself now holds
 * (refreshed into its own credentials, which keep `refresh_token` and `expiry_date`): setting it back on the same
 * client with `setCredentials({ access_token })` only throws away what refreshes it.
 */
export const GOOGLE_OWN_ACCESS_TOKEN = {
  method: 'getAccessToken',
  resultField: 'token',
  source: `${SRC}/oauth2client.ts (getAccessTokenAsync: refreshAccessTokenAsync sets this.credentials, then returns { token: this.credentials.access_token })`,
} as const;

/** Fields of a Google `Credentials` object and token responses that carry an expiry. */
export const GOOGLE_EXPIRY_FIELDS = ['expiry_date', 'expires_in', 'expireTime'] as const;

const STORAGE = ['@google-cloud/storage'] as const;
/**
 * Files that reach GCS signers: @google-cloud/storage itself, and firebase-admin, whose `getStorage().bucket(b)`
 * (`admin.storage().bucket(b)`) returns @google-cloud/storage's Bucket, so `file(n).getSignedUrl()` is GCS's signer
 * (firebase/firebase-admin-node: src/storage/storage.ts).
 */
const STORAGE_GATES = [...STORAGE, 'firebase-admin', 'firebase-admin/storage'] as const;
/** googleapis/nodejs-storage: src/signer.ts (parseExpires, SEVEN_DAYS), src/storage.ts (ExceptionMessages). */
const GCS_EXPIRY = {
  argument: 0,
  property: 'expires',
  unit: 'absolute',
  defaultSeconds: 0,
  maxSeconds: 604_800,
  maxEnforcedBy: 'client',
  maxFailure: "the client throws 'Max allowed expiration is seven days (604800 seconds).'",
  pastFailure: "the client throws 'An expiration date cannot be in the past.'",
} as const;
/** GCS signers: `expires` is an absolute time; V4 is capped at 7 days, the default version is V2 (googleapis/nodejs-storage: src/signer.ts, src/file.ts). */
export const GOOGLE_PRESIGNERS = entriesOf<Presigner>()([
  {
    id: 'gcs:file.getSignedUrl',
    ecosystem: 'google',
    symptom: 'gcs-url',
    method: 'getSignedUrl',
    gateModules: STORAGE_GATES,
    expiry: GCS_EXPIRY,
    versionOption: { property: 'version', capped: 'v4', defaultVersion: 'v2' },
    source:
      'googleapis/nodejs-storage: src/signer.ts (DEFAULT_SIGNING_VERSION, SEVEN_DAYS, parseExpires), src/file.ts; firebase/firebase-admin-node: src/storage/storage.ts (bucket() returns @google-cloud/storage Bucket)',
  },
  {
    id: 'gcs:file.generateSignedPostPolicyV4',
    ecosystem: 'google',
    symptom: 'gcs-url',
    method: 'generateSignedPostPolicyV4',
    gateModules: STORAGE_GATES,
    expiry: GCS_EXPIRY,
    source: 'googleapis/nodejs-storage: src/file.ts (generateSignedPostPolicyV4 seven-day check)',
  },
]);
/** `new Storage(opts)` options that mean a local private key signs (7 days allowed) rather than IAM signBlob (12 h). */
export const GCS_STORAGE_CLASS: ApiRef = { modules: STORAGE, path: ['Storage'] };
export const GCS_PRIVATE_KEY_OPTIONS = [['keyFilename'], ['credentials', 'private_key']] as const;
