import type { ApiRef, CredentialMethod } from './types.js';
import type { SessionId } from './sessions.js';
import { entriesOf } from './entries-of.js';

/**
 * OAuth client libraries: the token they hand back is the same short-lived token a request to the token endpoint
 * gets, only fetched by the library. Kept in module scope (or on the global object) it is sent after it expires.
 */
const SIMPLE_OAUTH2 = 'simple-oauth2';
const CLIENT_OAUTH2 = 'client-oauth2';
const OPENID_CLIENT = 'openid-client';
const SALESFORCE_OAUTH2 = 'salesforce-oauth2';

export const OAUTH_CLIENT_TOKEN_METHODS = entriesOf<CredentialMethod>()([
  {
    // `oauth2.authenticate({ code, ... }, (error, payload) => ...)`: `payload` is Salesforce's token response
    // (`access_token`, `instance_url`, `id`, `issued_at`, `signature`); only `access_token` is the secret.
    id: 'salesforce-oauth2:authenticate',
    ecosystem: 'oauth',
    method: 'authenticate',
    receivers: [{ modules: [SALESFORCE_OAUTH2], path: [] }],
    gateModules: [SALESFORCE_OAUTH2],
    yields: 'access-token',
    session: 'salesforce-access-token',
    callbackForm: true,
    secretFields: ['access_token'],
    replacement: { code: 'new jsforce.Connection({ oauth2, instanceUrl, accessToken, refreshToken })', imports: [] },
    fix: 'Keep it in a jsforce `Connection` made with `oauth2` and `refreshToken`, which renews the session when it expires, or log in again before the session timeout.',
    source:
      'salesforce-oauth2 README (oauth2.authenticate(options, function (error, payload) { payload.access_token, payload.instance_url })); jsforce docs (Connection with oauth2 + refreshToken refreshes the access token)',
  },
  {
    // v4+: `new ClientCredentials(config).getToken(params)` resolves an `AccessToken` whose `token` holds the response
    // (`access_token`, `expires_at`) and whose `expired()` says when to ask again; `refresh()` renews it.
    id: 'simple-oauth2:getToken',
    ecosystem: 'oauth',
    method: 'getToken',
    receivers: (['ClientCredentials', 'AuthorizationCode', 'ResourceOwnerPassword'] as const).map((name): ApiRef => ({
      modules: [SIMPLE_OAUTH2],
      path: [name],
    })),
    gateModules: [SIMPLE_OAUTH2],
    yields: 'access-token',
    session: 'oauth-token',
    secretFields: ['token'],
    // `AccessToken#token` is the raw token response: its `expires_at` carries nothing.
    tokenPaths: [
      ['token', 'access_token'],
      ['token', 'id_token'],
    ],
    replacement: { code: 'await client.getToken(params)', imports: [] },
    fix: 'Keep the `AccessToken` and ask `accessToken.expired()` before each use, getting a new one (`accessToken.refresh()` or `client.getToken()`) when it says so.',
    source:
      'lelylan/simple-oauth2: API.md (ClientCredentials#getToken, AccessToken#token, #expired([expirationWindowSeconds]), #refresh()), lib/access-token.js',
  },
  {
    // `new ClientOAuth2(options).credentials.getToken()` (also `.code`, `.owner`, `.jwt`, `.token`) resolves a token
    // object with `accessToken`, `expires` (a Date), `expired()` and `refresh()`.
    id: 'client-oauth2:getToken',
    ecosystem: 'oauth',
    method: 'getToken',
    receivers: [{ modules: [CLIENT_OAUTH2], path: [] }],
    gateModules: [CLIENT_OAUTH2],
    yields: 'access-token',
    session: 'oauth-token',
    secretFields: ['accessToken'],
    replacement: { code: 'await token.refresh()', imports: [] },
    fix: 'Keep the token object and ask `token.expired()` before each use, renewing it with `token.refresh()` (or `getToken()` again) when it says so.',
    source:
      'mulesoft-labs/js-client-oauth2: README.md (credentials.getToken(), ClientOAuth2Token accessToken, expires, expired(), refresh()), src/client-oauth2.js',
  },
  {
    // openid-client up to v5: `client.grant(body)` (also `callback`, `oauthCallback`, `refresh`) resolves a `TokenSet`
    // (`access_token`, `id_token`, `expires_at`, `expired()`).
    id: 'openid-client:grant',
    ecosystem: 'oauth',
    method: 'grant',
    receivers: [{ modules: [OPENID_CLIENT], path: ['Issuer', '*'] }],
    gateModules: [OPENID_CLIENT],
    yields: 'access-token',
    session: 'oauth-token',
    secretFields: ['access_token', 'id_token'],
    replacement: { code: 'await client.grant(body)', imports: [] },
    fix: 'Keep the `TokenSet` and ask `tokenSet.expired()` before each use, asking `client.grant()` (or `client.refresh()`) again when it says so.',
    source:
      'panva/node-openid-client v5: docs/README.md (client.grant(body) -> Promise<TokenSet>; TokenSet expires_at, expired(), claims())',
  },
  {
    // googleapis / google-auth-library: `const { tokens } = await oauth2Client.getToken(code)`: `tokens` is a
    // `Credentials` (`access_token`, `refresh_token`, `expiry_date`). Handed back with `setCredentials(tokens)` the
    // client refreshes it; a copy of `tokens.access_token` is not.
    id: 'google:OAuth2Client.getToken',
    ecosystem: 'google',
    method: 'getToken',
    receivers: [
      { modules: ['google-auth-library'], path: ['OAuth2Client'] },
      { modules: ['googleapis'], path: ['google', 'auth', 'OAuth2'] },
    ],
    gateModules: ['google-auth-library', 'googleapis'],
    yields: 'access-token',
    session: 'google-access-token',
    secretFields: ['tokens'],
    tokenPaths: [
      ['tokens', 'access_token'],
      ['tokens', 'id_token'],
    ],
    renewableWhole: { path: ['tokens'], refreshField: 'refresh_token' },
    replacement: { code: 'await oauth2Client.getAccessToken()', imports: [] },
    fix: 'Hand `tokens` to `oauth2Client.setCredentials(tokens)` and call `await oauth2Client.getAccessToken()` where the token is used: the client refreshes it with the refresh token.',
    source:
      'googleapis/google-auth-library-nodejs: src/auth/oauth2client.ts (getToken(code) -> { tokens: Credentials, res }; setCredentials; getAccessToken refreshes); https://developers.google.com/identity/protocols/oauth2/web-server#offline (access_type=offline returns a refresh_token with the access token)',
  },
]);

/**
 * Passport OAuth 2.0 strategies: the strategy calls the app's verify function once per login with
 * `(accessToken, refreshToken, profile, done)` (or `(accessToken, refreshToken, params, profile, done)`, and `req`
 * first with `passReqToCallback`). The access token is the signed-in user's and expires (1 h for Google and
 * Microsoft); GitHub's OAuth-app tokens do not, so GitHub strategies are left out.
 */
export interface StrategyVerifyCallback {
  readonly id: string;
  /** The strategy class, constructed with `new` and given the verify function as its last argument. */
  readonly apis: readonly ApiRef[];
  /** The option that puts `req` before the token. */
  readonly requestFirstOption: string;
  /** The fewest parameters an OAuth 2.0 verify function declares (a local-login one has three). */
  readonly minParameters: number;
  readonly label: string;
  readonly session: SessionId;
  readonly fix: string;
  readonly source: string;
}

const PASSPORT_OAUTH2_MODULES = [
  'passport-oauth2',
  'passport-google-oauth20',
  'passport-google-oauth2',
  'passport-salesforce',
  'passport-forcedotcom',
  'passport-azure-ad-oauth2',
  'passport-microsoft',
  'passport-spotify',
  'passport-discord',
  'passport-auth0',
  'passport-linkedin-oauth2',
  'passport-slack-oauth2',
  'passport-facebook',
];

export const STRATEGY_VERIFY_CALLBACKS = entriesOf<StrategyVerifyCallback>()([
  {
    id: 'passport-oauth2:verify',
    apis: [
      ...PASSPORT_OAUTH2_MODULES.flatMap((module): ApiRef[] => [
        { modules: [module], path: [] },
        { modules: [module], path: ['Strategy'] },
        { modules: [module], path: ['OAuth2Strategy'] },
      ]),
      // passport-google-oauth's `Strategy` is its OAuth 1.0 one (`token, tokenSecret`): only `OAuth2Strategy` counts.
      { modules: ['passport-google-oauth'], path: ['OAuth2Strategy'] },
    ],
    requestFirstOption: 'passReqToCallback',
    minParameters: 4,
    label: 'a Passport OAuth 2.0 login (the `accessToken` its verify function receives)',
    session: 'oauth-token',
    fix: 'Keep the token with the user it belongs to (in the session) with its expiry, and renew it with the refresh token (passport-oauth2-refresh) before it passes.',
    source:
      'jaredhanson/passport-google-oauth: lib/index.js (Strategy = OAuthStrategy, OAuth 1.0; OAuth2Strategy); jaredhanson/passport-oauth2: lib/strategy.js (verify called with accessToken, refreshToken, [params,] profile, verified; req first when passReqToCallback); fiznool/passport-oauth2-refresh README',
  },
]);

/**
 * A token field of a live client object: the object renews it (jsforce refreshes `accessToken` with its `oauth2` and
 * `refreshToken` when Salesforce answers `INVALID_SESSION_ID`), a copy of the field read once is not renewed.
 */
export interface InstanceTokenField {
  readonly id: string;
  readonly receivers: readonly ApiRef[];
  readonly field: string;
  /** For messages: "the access token of a jsforce Connection". */
  readonly label: string;
  readonly session: SessionId;
  readonly fix: string;
  readonly source: string;
}

export const INSTANCE_TOKEN_FIELDS = entriesOf<InstanceTokenField>()([
  {
    id: 'jsforce:Connection.accessToken',
    receivers: [{ modules: ['jsforce'], path: ['Connection'] }],
    field: 'accessToken',
    label: 'the access token of a jsforce `Connection`',
    session: 'salesforce-access-token',
    fix: 'Keep the `Connection` itself and make its requests through it (made with `oauth2` and `refreshToken`, it renews the session), or read `conn.accessToken` where it is used.',
    source:
      'jsforce/jsforce: lib/connection.ts (accessToken, instanceUrl; login, authorize; refresh on session expiry with oauth2 + refreshToken, "refresh" event)',
  },
]);
