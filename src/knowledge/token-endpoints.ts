import type { SessionId } from './sessions.js';
import type { ApiRef, Replacement, Yield } from './types.js';
import { entriesOf } from './entries-of.js';
import { IDENTITY_PLATFORM_TOKENS } from './identity-platforms.js';

/** A URL that hands out tokens or temporary credentials when fetched by hand (`fetch`, axios, got). */
export interface TokenEndpoint {
  readonly id: string;
  /** Used in messages: "the Google OAuth token endpoint". Never print the URL itself: it may carry secrets. */
  readonly label: string;
  /** Tested against the URL as far as it is known statically; `process.env.NAME` reads as `${NAME}`, unknown parts as `{}`. */
  readonly pattern: RegExp;
  /** What the response body is. */
  readonly yields: Yield;
  /** A key of SESSIONS. */
  readonly session: SessionId;
  /** The refreshing object to use instead, when an SDK does the same job. */
  readonly replacement?: Replacement;
  /** Fields of its response that hold the token beside RFC 6749's (TOKEN_RESPONSE_FIELDS): Feishu's `tenant_access_token`. */
  readonly tokenFields?: readonly string[];
  /** The response's field that gives the token's lifetime in seconds, when it is not RFC 6749's `expires_in`. */
  readonly lifetimeField?: string;
  /** One sentence for messages, when the response gives its lifetime another way (Pesapal's ISO `expiryDate`). */
  readonly fix?: string;
  /** The URL alone does not say the body is a token: only a token field read off it counts (generic paths). */
  readonly tokenFieldsOnly?: true;
  readonly source: string;
}

/** Token endpoints (smithy-lang/smithy-typescript: packages/credential-provider-imds/src; googleapis/gcp-metadata: src/index.ts; RFC 6749 §5.1). Order matters: the first match wins. */
export const TOKEN_ENDPOINTS = entriesOf<TokenEndpoint>()([
  {
    id: 'aws-ecs-credentials',
    label: 'the ECS/EKS container credentials endpoint',
    // Or the whole URL from AWS_CONTAINER_CREDENTIALS_FULL_URI (EKS Pod Identity, Greengrass, local emulators).
    pattern: /169\.254\.170\.23?(?![\d.])|^\$\{AWS_CONTAINER_CREDENTIALS_FULL_URI\}/,
    yields: 'aws-credentials',
    session: 'task-role',
    replacement: {
      code: 'fromContainerMetadata()',
      imports: [{ module: '@aws-sdk/credential-providers', name: 'fromContainerMetadata' }],
    },
    source:
      'smithy-lang/smithy-typescript: packages/credential-provider-imds/src/fromContainerMetadata.ts (CMDS_IP, ENV_CMDS_FULL_URI); aws/aws-sdk-js-v3: packages/credential-provider-http',
  },
  {
    id: 'aws-imds-credentials',
    label: 'the EC2 instance metadata credentials endpoint',
    // Path segments before `meta-data/` (`latest/`, `2021-01-03/`) rather than `[^?#]*`, which rescans from every host.
    pattern:
      /(?:169\.254\.169\.254|\[fd00:ec2::254\])(?::\d+)?\/(?:[\w.-]+\/){0,2}meta-data\/(?:iam|identity-credentials\/ec2)\/security-credentials\/[^/?#]/,
    yields: 'aws-credentials',
    session: 'instance-profile',
    replacement: {
      code: 'fromInstanceMetadata()',
      imports: [{ module: '@aws-sdk/credential-providers', name: 'fromInstanceMetadata' }],
    },
    source:
      'smithy-lang/smithy-typescript: packages/credential-provider-imds/src/fromInstanceMetadata.ts (IMDS_PATH /latest/meta-data/iam/security-credentials/)',
  },
  {
    id: 'azure-imds-token',
    label: 'the Azure managed-identity token endpoint',
    pattern: /169\.254\.169\.254(?::\d+)?\/(?:[\w.-]+\/){0,3}metadata\/identity\/oauth2\/token/,
    yields: 'token-response',
    session: 'azure-access-token',
    replacement: {
      code: 'new ManagedIdentityCredential()',
      imports: [{ module: '@azure/identity', name: 'ManagedIdentityCredential' }],
    },
    source: 'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token',
  },
  {
    id: 'gce-metadata-token',
    label: 'the GCE metadata server token endpoint',
    pattern: /\/computeMetadata\/v1\/instance\/service-accounts\/[^/?#]+\/(?:token|identity)(?![\w-])/,
    yields: 'token-response',
    session: 'google-access-token',
    replacement: { code: 'new Compute()', imports: [{ module: 'google-auth-library', name: 'Compute' }] },
    source:
      'googleapis/gcp-metadata: src/index.ts (BASE_PATH /computeMetadata/v1); googleapis/google-auth-library-nodejs: src/auth/computeclient.ts',
  },
  {
    id: 'google-oauth-token',
    label: 'the Google OAuth token endpoint',
    pattern:
      /\/\/(?:oauth2\.googleapis\.com\/token|www\.googleapis\.com\/oauth2\/v\d\/token|accounts\.google\.com\/o\/oauth2\/token)/,
    yields: 'token-response',
    session: 'google-access-token',
    replacement: { code: 'await auth.getRequestHeaders()', imports: [] },
    source: 'googleapis/google-auth-library-nodejs: src/auth/oauth2client.ts (GOOGLE_OAUTH2_TOKEN_URL)',
  },
  {
    id: 'aws-sts',
    label: 'the AWS STS endpoint',
    pattern: /\/\/sts(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?/,
    yields: 'sts-output',
    session: 'assume-role',
    replacement: {
      code: 'fromTemporaryCredentials({ params: { RoleArn, RoleSessionName } })',
      imports: [{ module: '@aws-sdk/credential-providers', name: 'fromTemporaryCredentials' }],
    },
    source:
      'https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html; https://docs.aws.amazon.com/general/latest/gr/sts.html',
  },
  {
    id: 'entra-token',
    label: 'the Microsoft Entra token endpoint',
    pattern: /\/\/login\.microsoftonline\.(?:com|us)\/(?:[^/?#]*\/){0,4}?oauth2\/(?:v2\.0\/)?token/,
    yields: 'token-response',
    session: 'azure-access-token',
    replacement: {
      code: 'getBearerTokenProvider(credential, scope)',
      imports: [{ module: '@azure/identity', name: 'getBearerTokenProvider' }],
    },
    source: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
  },
  {
    id: 'github-installation-token',
    label: 'the GitHub App installation token endpoint',
    // `POST /app/installations/{installation_id}/access_tokens` on api.github.com or a GitHub Enterprise `/api/v3`.
    pattern: /\/app\/installations\/[^/?#]+\/access_tokens/,
    yields: 'access-token',
    session: 'github-installation-token',
    replacement: {
      code: "createAppAuth({ appId, privateKey, installationId }), asked with { type: 'installation' } where the token is used",
      imports: [{ module: '@octokit/auth-app', name: 'createAppAuth' }],
    },
    source:
      'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app (token, expires_at; "installation access tokens expire after 1 hour"); octokit/auth-app.js README (caches installation tokens and renews them)',
  },
  {
    id: 'feishu-app-token',
    label: 'the Feishu/Lark app token endpoint',
    // `/open-apis/auth/v3/tenant_access_token/internal` and `app_access_token`, on open.feishu.cn or open.larksuite.com.
    pattern: /\/open-apis\/auth\/v3\/(?:tenant|app)_access_token(?![\w-])/,
    yields: 'token-response',
    session: 'chat-platform-app-token',
    tokenFields: ['tenant_access_token', 'app_access_token'],
    lifetimeField: 'expire',
    source:
      'https://open.feishu.cn/document/ukTMukTMukTM/ukDNz4SO0MjL5QzM/auth-v3/auth/tenant_access_token_internal (POST /open-apis/auth/v3/tenant_access_token/internal; response tenant_access_token, expire in seconds; "最大有效期是 2 小时"); auth-v3/auth/app_access_token_internal (app_access_token); https://open.larksuite.com/document/server-docs/getting-started/api-access-token/auth-v3/tenant_access_token',
  },
  {
    id: 'chat-platform-gettoken',
    label: "a chat platform's app token endpoint",
    // WeChat `cgi-bin/token`, WeCom `cgi-bin/gettoken`, DingTalk `gettoken`: `access_token` and `expires_in`.
    pattern:
      /\/\/(?:api\.weixin\.qq\.com\/cgi-bin\/token|qyapi\.weixin\.qq\.com\/cgi-bin\/gettoken|o?api\.dingtalk\.com\/gettoken)(?![\w-])/,
    yields: 'token-response',
    session: 'chat-platform-app-token',
    source:
      'https://developers.weixin.qq.com/doc/service/en/Basic_Information/Get_access_token.html (GET /cgi-bin/token; access_token "valid for 2 hours", expires_in); https://developer.work.weixin.qq.com/document/path/91039 (GET qyapi.weixin.qq.com/cgi-bin/gettoken; expires_in 7200); https://developers.dingtalk.com/document/app/obtain-orgapp-token (GET oapi.dingtalk.com/gettoken; "access_token的有效期为7200秒")',
  },
  {
    id: 'dingtalk-oauth2-token',
    label: 'the DingTalk app token endpoint',
    pattern: /\/\/api\.dingtalk\.com\/v1\.0\/oauth2\/accessToken(?![\w-])/,
    yields: 'token-response',
    session: 'chat-platform-app-token',
    lifetimeField: 'expireIn',
    source:
      'docs.rs dingtalk-stream-sdk: constant GET_TOKEN_URL (https://api.dingtalk.com/v1.0/oauth2/accessToken); https://apisix.apache.org/docs/apisix/plugins/dingtalk-auth/ (access_token_url default); @alicloud/dingtalk oauth2_1_0 GetAccessTokenResponseBody (accessToken, expireIn in seconds); the 2 h of the gettoken endpoint it replaces',
  },
  {
    id: 'pesapal-request-token',
    label: 'the Pesapal token endpoint',
    // `POST …/v3/api/Auth/RequestToken` (live pay.pesapal.com, sandbox cybqa.pesapal.com/pesapalv3), or a base URL
    // from a variable that names Pesapal: `${PESAPAL_URL}/api/Auth/RequestToken`.
    pattern: /pesapal[^/?#]{0,60}\/(?:v3\/|pesapalv3\/)?api\/Auth\/RequestToken(?![\w-])/i,
    yields: 'token-response',
    session: 'pesapal-token',
    tokenFields: ['token'],
    fix: 'Keep `Date.parse(expiryDate)` from the same response with it and fetch again before it passes.',
    source:
      'https://developer.pesapal.com/how-to-integrate/e-commerce/api-30-json/authentication (POST api/Auth/RequestToken with consumer_key and consumer_secret; response token, expiryDate; "This access token is valid for a maximum period of 5 minutes")',
  },
  {
    id: 'oauth2-token-path',
    label: 'an OAuth token endpoint',
    pattern: /\/oauth2?\/(?:v\d(?:\.\d)?\/)?token\/?(?:[?#]|$)/,
    yields: 'token-response',
    session: 'oauth-token',
    source:
      'RFC 6749 §3.2 (token endpoint); Auth0 /oauth/token (https://auth0.com/docs/api/authentication#client-credentials-flow)',
  },
]);

/**
 * A path ending in `/token` (`/api/token`, `/connect/token`, `/protocol/openid-connect/token`): a token endpoint
 * only when the request also sends `grant_type` or the code keeps a token field of the response.
 */
export const GENERIC_TOKEN_ENDPOINT: TokenEndpoint = {
  id: 'token-path',
  label: 'a token endpoint',
  pattern: /\/token\/?(?:[?#]|$)/,
  yields: 'token-response',
  session: 'oauth-token',
  tokenFieldsOnly: true,
  source: 'RFC 6749 §3.2; Keycloak /protocol/openid-connect/token; IdentityServer /connect/token',
};

/**
 * A service's own login API (`POST {base}/auth/login`, `/api/v1/authenticate`, `/signin`) called with the app's own
 * account or key from the environment: the machine-to-machine form of a token endpoint, whose response hands out a
 * session token (`token`, `jwt`, `authToken` beside RFC 6749's fields) that the service expires on its own schedule.
 * It counts only when the request sends a value read from the environment (a user's typed password makes a user's
 * session, which the app signs in again for): `sendsEnvironmentValue` in http-request.ts.
 */
export const LOGIN_ENDPOINT: TokenEndpoint = {
  id: 'login-path',
  label: "a service's login endpoint",
  pattern: /\/(?:auth|log-?in|sign-?in|sign_in|logon|authenticate|authentication)\/?(?:[?#]|$)/i,
  yields: 'token-response',
  session: 'login-session-token',
  tokenFields: ['token', 'jwt', 'authToken', 'auth_token', 'sessionToken', 'session_token'],
  fix: "Keep the token's expiry with it (the response's `expires_in` or `expiresAt`, or the JWT's `exp` claim) and log in again before it passes.",
  tokenFieldsOnly: true,
  source:
    'https://apidocs.shiprocket.in (POST /v1/external/auth/login with email and password; response token, "valid for 240 hours"); https://www.mongodb.com/docs/atlas/app-services/users/sessions/ (POST …/auth/providers/api-key/login: access_token, 30 min); RFC 6750 §1.3 (a bearer token is issued with a limited lifetime)',
};

/**
 * The implicit grant (and OIDC's `response_type=id_token token`) returns the token in the redirect's URL fragment:
 * `#access_token=...&token_type=Bearer&expires_in=3600`. The page reads it from `location.hash`, through
 * `new URLSearchParams(location.hash.substring(1)).get('access_token')` or a regex match, and the token dies after
 * `expires_in` like any other; nothing renews it but another sign-in.
 */
export const URL_FRAGMENT_TOKENS = {
  /** The global that holds the fragment (`window.` and `self.` are dropped by the global-path reader). */
  hashPaths: [
    ['location', 'hash'],
    ['document', 'location', 'hash'],
  ] as readonly (readonly string[])[],
  /** String steps between the fragment and its parser (dropping the `#`). */
  stringSteps: ['substring', 'substr', 'slice', 'replace', 'trim'] as readonly string[],
  parser: 'URLSearchParams',
  getter: 'get',
  matcher: 'match',
  session: 'oauth-token',
  source:
    'RFC 6749 §4.2.2 (access token response in the fragment: access_token, token_type, expires_in); https://developers.google.com/identity/protocols/oauth2/javascript-implicit-flow',
} as const;

/** Sent only to an OAuth token endpoint: a request that carries it fetches a token (RFC 6749 §4.4.2). */
export const GRANT_TYPE_PARAMETER = 'grant_type';

/** Fields of a token response that hold the token itself (RFC 6749 §5.1, OIDC Core §3.1.3.3, and camelCase twins). */
export const TOKEN_RESPONSE_FIELDS: ReadonlySet<string> = new Set([
  'access_token',
  'id_token',
  'accessToken',
  'idToken',
]);
/**
 * Fields of a token response that are neither a secret nor expiring: where to send requests, what the token is, whom
 * it names. Kept beside the token they do not die with it, so a module variable holding one is no token cache.
 * Salesforce's response adds `instance_url`, `id` (the identity URL), `issued_at` and `signature` to RFC 6749's
 * `token_type` and `scope`; OIDC providers add the user's id.
 */
export const TOKEN_RESPONSE_PLAIN_FIELDS: ReadonlySet<string> = new Set([
  'instance_url',
  'instanceUrl',
  'token_type',
  'tokenType',
  'scope',
  'scopes',
  'id',
  'user_id',
  'userId',
  'issued_at',
  'issuedAt',
  'signature',
]);
// Source: RFC 6749 §5.1 (token_type, scope); https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm (access_token, instance_url, id, issued_at, signature, token_type, scope); jsforce: lib/connection.ts (instanceUrl, userInfo.id)

/**
 * Fields that state a token's lifetime beside it, whatever issued it: OAuth `expires_in` (RFC 6749 §5.1), GitHub App
 * installation tokens' `expires_at` (https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app),
 * MSAL's `expiresOn` (AuthenticationResult), google-auth-library's `expiry_date` (src/auth/credentials.ts), Azure's
 * `expiresOnTimestamp`, STS's `Expiration`, and their camelCase twins. A token field read next to one of them is a
 * short-lived token by the response's own word.
 */
export const RESPONSE_LIFETIME_FIELDS: ReadonlySet<string> = new Set([
  'expires_in',
  'expiresIn',
  'expires_at',
  'expiresAt',
  'expiresOn',
  'expiresOnTimestamp',
  'expiry_date',
  'expiryDate',
  'Expiration',
  'expiration',
]);
/** Token fields that count beside such a lifetime field; `token` counts only there (alone it names too many things). */
export const SHAPED_TOKEN_FIELDS: ReadonlySet<string> = new Set([...TOKEN_RESPONSE_FIELDS, 'token']);

/**
 * The token field whose response states its lifetime: a successful OAuth 2.0 token response carries `access_token`
 * and, RECOMMENDED, `expires_in` (seconds from issue), RFC 6749 §5.1. Without it the token is still usable, just of
 * unknown lifetime; camelCase twins (`accessToken`) come from other response shapes that name no lifetime field.
 */
export const OAUTH_ACCESS_TOKEN_FIELD = 'access_token';
export const OAUTH_EXPIRES_IN_FIELD = 'expires_in';
// Source: RFC 6749 §5.1 (access_token, expires_in); OpenID Connect Core 1.0 §3.1.3.3 (id_token)

/**
 * Token responses that state when the token expires as a time, not a lifetime: the field that holds the token and the
 * field that holds that time, for a token endpoint fetched by hand (by its session) or an SDK method's result (by its
 * CREDENTIAL_METHODS id). `iso-time` is an ISO 8601 string (`Date.parse` reads it); `date` a `Date` or null.
 */
export interface StatedDeadline {
  readonly session?: SessionId;
  readonly methods?: readonly string[];
  readonly tokenField: string;
  readonly deadlineField: string;
  readonly form: 'iso-time' | 'date';
  readonly source: string;
}
export const STATED_DEADLINES: readonly StatedDeadline[] = [
  {
    session: 'github-installation-token',
    tokenField: 'token',
    deadlineField: 'expires_at',
    form: 'iso-time',
    source:
      'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app (201 response: "token", "expires_at": "2016-07-11T22:14:10Z")',
  },
  {
    // The app's own token, or the one signed-in user's in a browser. Not on-behalf-of, by code, by username and
    // password or by refresh token: those are a caller's token, and one kept for every caller stays wrong in time.
    methods: [
      'msal:acquireTokenByClientCredential',
      'msal:acquireTokenSilent',
      'msal:acquireTokenPopup',
      'msal:ssoSilent',
      'msal:loginPopup',
      'msal:handleRedirectPromise',
    ],
    tokenField: 'accessToken',
    deadlineField: 'expiresOn',
    form: 'date',
    source:
      'AzureAD/microsoft-authentication-library-for-js: lib/msal-common/src/response/AuthenticationResult.ts (accessToken: string; expiresOn: Date | null)',
  },
];

/** Node's own clients: `https.request(options, (res) => ...)`, the body arrives in `res.on('data')` chunks. */
export const NODE_HTTP_MODULES: readonly string[] = ['http', 'https', 'node:http', 'node:https'];
const NODE_HTTP_REQUEST_FUNCTIONS: readonly string[] = ['request', 'get'];
/** Options of a node request that make up its URL when it has no `url` (https://nodejs.org/api/http.html#httprequestoptions-callback). */
export const NODE_HTTP_URL_OPTIONS: readonly string[] = ['hostname', 'host', 'path'];
/** Methods of the request object that send body text: `req.write('grant_type=...')`, `req.end(body)`. */
export const NODE_HTTP_BODY_WRITERS: readonly string[] = ['write', 'end'];
/**
 * Builder methods of chained clients that return the same pending request (superagent `request.post(url).type('form')
 * .send({ grant_type })`, https://ladjs.github.io/superagent/): the request is still the one the chain started.
 */
export const HTTP_BUILDER_METHODS: readonly string[] = [
  'send',
  'type',
  'set',
  'query',
  'field',
  'auth',
  'accept',
  'timeout',
  'retry',
  'ok',
];

/**
 * HTTP clients whose call sends a request: the URL is the first argument, or its `url` property when the first
 * argument is an options object (`axios({ url })`). Global `fetch` is matched by name when not shadowed.
 */
export const HTTP_CLIENT_GLOBALS: readonly string[] = ['fetch'];
export const HTTP_CLIENTS: readonly ApiRef[] = [
  {
    modules: [
      'node-fetch',
      'cross-fetch',
      'isomorphic-fetch',
      'isomorphic-unfetch',
      'unfetch',
      'axios',
      'got',
      'ky',
      'superagent',
    ],
    path: [],
  },
  { modules: ['axios', 'got', 'ky', 'superagent'], path: ['*'] },
  { modules: ['undici', 'node-fetch', 'cross-fetch'], path: ['fetch'] },
  { modules: ['undici'], path: ['request'] },
  ...NODE_HTTP_MODULES.flatMap((module) =>
    NODE_HTTP_REQUEST_FUNCTIONS.map((name) => ({ modules: [module], path: [name] })),
  ),
];
// Source: https://developer.mozilla.org/docs/Web/API/Window/fetch; developit/unfetch: packages/isomorphic-unfetch/readme.md and README.md (`import fetch from 'isomorphic-unfetch'`, `'unfetch'`: the default export is fetch); https://axios-http.com/docs/api_intro; sindresorhus/got README; nodejs/undici README; https://nodejs.org/api/http.html#httprequesturl-options-callback; https://ladjs.github.io/superagent/
/**
 * Long-lived HTTP clients that keep headers for every later request: an instance made with default headers
 * (`axios.create({ headers })`, `got.extend({ headers })`, `ky.create({ headers })`), and the mutable defaults of an
 * instance (`instance.defaults.headers.common.Authorization = ...`). A short-lived token put there is sent after it
 * has expired; a request interceptor or hook installed on the client is where code asks for a fresh one instead.
 */
export const HTTP_CLIENT_KEEPERS = {
  factories: [
    { modules: ['axios'], path: ['create'] },
    { modules: ['got'], path: ['extend'] },
    { modules: ['ky'], path: ['create'] },
    { modules: ['ky'], path: ['extend'] },
  ] as readonly ApiRef[],
  /** Clients constructed with their options after the endpoint: `new GraphQLClient(url, { headers })` (graphql-request). */
  optionsAfterEndpoint: [{ modules: ['graphql-request'], path: ['GraphQLClient'] }] as readonly ApiRef[],
  /** The property path, on an instance, of the headers every request sends (axios; got's are `defaults.options`). */
  defaultHeaderPaths: [
    ['defaults', 'headers'],
    ['defaults', 'options', 'headers'],
    // vue-resource: `Vue.http.headers.common['Authorization']`.
    ['http', 'headers'],
  ] as readonly (readonly string[])[],
  /** `instance.interceptors.request.use(fn)` (axios): code that runs for each request or each failed one. */
  interceptorPath: ['interceptors'] as readonly string[],
  /** axios-auth-refresh: `createAuthRefreshInterceptor(instance, refresh)` renews the header after a 401. */
  refreshInterceptors: [{ modules: ['axios-auth-refresh'], path: [] }] as readonly ApiRef[],
  source:
    'https://axios-http.com/docs/config_defaults (axios.defaults.headers.common, instance.defaults.headers); https://axios-http.com/docs/interceptors; pagekit/vue-resource: docs/http.md (Vue.http.headers.common, Vue.http.interceptors.push); sindresorhus/got: documentation/10-instances.md (got.extend, instance.defaults.options); sindresorhus/ky README (ky.create, ky.extend, hooks.beforeRequest); Flyrell/axios-auth-refresh README; jasonkuhrt/graphql-request README (new GraphQLClient(endpoint, { headers }), requestMiddleware)',
} as const;
/** Ways to read a response body: `await res.json()`, `res.data` (axios), `res.body` (got, undici). */
export const HTTP_BODY_METHODS: readonly string[] = ['json', 'text'];
export const HTTP_BODY_PROPERTIES: readonly string[] = ['data', 'body'];
/**
 * HTTP clients whose response body property is typed `any` when the call gives no type argument, so TypeScript
 * lets code read any field of it (`response.data.expires_in`).
 */
export const HTTP_UNTYPED_BODIES: readonly {
  readonly module: string;
  readonly property: string;
  readonly source: string;
}[] = [
  {
    module: 'axios',
    property: 'data',
    source: 'axios/axios: index.d.ts (AxiosResponse<T = any>; get/post/request<T = any, R = AxiosResponse<T>>)',
  },
];
/** The URL option of an options-object call. */
export const HTTP_URL_OPTION = 'url';

/** `text` as a regular expression that matches it literally. */
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/gu, String.raw`\$&`);

/**
 * What a file using an identity platform's token names: its field or method, with the property it is called on when
 * the method's name alone is common (`auth.getSession`, not a server's own `getSession(req)`).
 */
function identityTokenHint(token: (typeof IDENTITY_PLATFORM_TOKENS)[number]): string {
  if ('field' in token) return literally(token.field);
  return 'receiverProperty' in token ? literally(`${token.receiverProperty}.${token.method}`) : literally(token.method);
}

/**
 * Text that a file fetching tokens by hand must contain somewhere: the cheap gate for files that import no SDK.
 * Built from the endpoint patterns, token fields and lifetime fields (RESPONSE_LIFETIME_FIELDS) above, the names the
 * identity-platform tokens are asked by or read from (IDENTITY_PLATFORM_TOKENS, taken from the entries), the presigner
 * wrapper names (named-helpers.ts), the environment names of RDS IAM tokens (RDS_TOKEN_ENVIRONMENT), and the session
 * token of a typed credential shape (TYPED_CREDENTIAL_SHAPES).
 */
export const TOKEN_TEXT_HINT = new RegExp(
  [
    String.raw`access_?token|id_?token`,
    ...new Set(IDENTITY_PLATFORM_TOKENS.map(identityTokenHint)),
    String.raw`presign|sign\w{0,24}url|grant_type|\/token\b|169\.254\.1[67]|computeMetadata|amazonaws|microsoftonline`,
    String.raw`\/auth\/requesttoken\b`,
    // LOGIN_ENDPOINT's path as the end of a URL in the text.
    String.raw`\/(?:auth|log-?in|sign-?in|sign_in|logon|authenticate|authentication)\/?['"\x60?#]`,
    String.raw`session_?token|k8s-aws-v1|expires_?(?:in|at|on)\b|expiry_?date|(?:rds|aurora)\w{0,24}_token\b`,
  ].join('|'),
  'i',
);
