import type { SessionId } from './sessions.js';
import type { ApiRef } from './types.js';
import type { SymptomKind } from './token-cache.js';
import { entriesOf } from './entries-of.js';

/**
 * What Cognito answers when a refresh re-sends an identity-provider token that has expired
 * (aws-amplify/amplify-js#405 and #14348, quoting the service's message).
 */
export const COGNITO_LOGIN_EXPIRED = 'NotAuthorizedException: Invalid login token. Token expired';

/**
 * Callbacks that run again whenever the signed-in user's token is renewed, so code in them rebuilds what it builds
 * from the token: Amplify's `Hub.listen('auth', cb)` with its `tokenRefresh` event
 * (https://docs.amplify.aws/gen1/javascript/build-a-backend/utilities/hub/), Firebase's `onIdTokenChanged(auth, cb)`
 * (https://firebase.google.com/docs/reference/js/auth.md#onidtokenchanged).
 */
export const LOGIN_RENEWAL_EVENTS: readonly string[] = ['tokenRefresh'];
export const LOGIN_RENEWAL_HOSTS: readonly string[] = ['onIdTokenChanged'];

/**
 * Tokens that identity platforms hand to app code without refreshing them when they are copied out: a field of the
 * platform's session object (`session.provider_token`), or a method of its user object (`user.getIdToken()`). The
 * names are the platforms' own and are matched without the receiver, which usually comes from the app's own module
 * (`import { supabase } from './supabase'`).
 */
export interface IdentityPlatformToken {
  readonly id: string;
  /** A property read (`field`) or a method call (`method`) that yields the token. */
  readonly field?: string;
  readonly method?: string;
  /** The method returns the token itself rather than a promise (and is then matched unawaited). */
  readonly synchronous?: true;
  /**
   * In a file importing one of these, the method's promise counts even before it is awaited (returned by a helper,
   * put in `Promise.all`): there the name is the platform's, not another SDK's synchronous method of the same name.
   */
  readonly promiseModules?: readonly string[];
  /**
   * The method is the platform's only in a file importing one of these: its name is common to other libraries and to
   * apps' own helpers (Clerk's `getToken`, Okta's `getAccessToken`).
   */
  readonly importedFrom?: readonly string[];
  /** The method is called on one of these names only (a static method: `GoogleAuthProvider.credentialFromResult`). */
  readonly receiverNames?: readonly string[];
  /**
   * The method is the platform's only when called as one of these: the path of a browser global a script tag
   * provides (`Office.auth.getAccessToken`), or an export of the platform's module (`authentication.getAuthToken` of
   * `@microsoft/teams-js`). Such a call is the platform's token promise, awaited or not.
   */
  readonly calledAs?: { readonly globals?: readonly (readonly string[])[]; readonly apis?: readonly ApiRef[] };
  /** Also called as a bare function, destructured from the platform's hook (`const { getAccessTokenSilently } = useAuth0()`). */
  readonly bare?: true;
  /** The method returns an object; only these of its fields are the token. */
  readonly secretFields?: readonly string[];
  /**
   * The whole object also carries AWS credentials, which are no-static-snapshot's to report: only `secretFields`
   * read off it are a token (Amplify's `fetchAuthSession()` result).
   */
  readonly carriesCredentials?: true;
  /**
   * The platform's SDK keeps the token and renews it whenever it is asked again, so a copy the app keeps is a stale
   * snapshot of a refreshing source (no-static-snapshot's), not a one-shot token (no-module-token-cache's).
   */
  readonly renewsWhenAskedAgain?: true;
  /**
   * How a later read of a kept copy can ask the SDK for the same user's token instead (AskedAgainAtUse); only for
   * tokens that renew when asked again.
   */
  readonly askedAgainAtUse?: AskedAgainAtUse;
  /** For messages: "the Google/GitHub provider token of a Supabase session". */
  readonly label: string;
  readonly yields: 'access-token' | 'id-token';
  readonly session: SessionId;
  readonly symptom: SymptomKind;
  /** One sentence: what to do instead. */
  readonly fix: string;
  readonly source: string;
}

/**
 * Where code that reads a kept token can ask the SDK again for the same signed-in user's token:
 * - `current-user`: the copy was asked of the user an auth-state listener (`listeners`, the auth object its
 *   `authArgument`) handed over, and that auth object's `userField` is that user; it is null once signed out, so the
 *   read keeps the kept copy then (`(await auth.currentUser?.getIdToken()) ?? idToken`). `authGetters` return that
 *   auth object again from the same arguments (`getAuth()`).
 * - `same-call`: the call that gave the copy, asked again where it is read (a hook's `getAccessTokenSilently()`); when
 *   it rejects (no session), the read keeps the kept copy as before (`.catch(() => token)`).
 */
export type AskedAgainAtUse =
  | {
      readonly via: 'current-user';
      readonly listeners: readonly ApiRef[];
      readonly authArgument: number;
      readonly authGetters: readonly ApiRef[];
      readonly userField: string;
      readonly source: string;
    }
  | { readonly via: 'same-call'; readonly source: string };

const SAME_CALL_AGAIN = (source: string): AskedAgainAtUse => ({ via: 'same-call', source });

const OFFICE_SSO_DOCS =
  'https://learn.microsoft.com/office/dev/add-ins/develop/sso-in-office-add-ins ("Office will cache the token on your behalf so that future calls to getAccessToken simply return the cached token"; "Always call getAccessToken when you need an access token"); https://learn.microsoft.com/javascript/api/office-runtime/officeruntime.auth (OfficeRuntime.auth equals Office.auth)';
const TEAMS_SSO_DOCS =
  'https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code (getAuthToken: "Don\'t cache or store the access token in your app\'s client-side code", Teams caches it and gets a new one when it expires); OfficeDev/microsoft-teams-library-js: packages/teams-js/src/public/authentication.ts (getAuthToken)';
const AUTH0_SPA_DOCS =
  'auth0/auth0-spa-js: src/Auth0Client.ts (getTokenSilently reads the token from its cache and renews it with the refresh token or an iframe once expired; cacheMode "off" skips the cache); auth0/auth0-react: src/auth0-context.tsx (getAccessTokenSilently)';

const AUTH0_MODULES = ['@auth0/auth0-spa-js', '@auth0/auth0-react', '@auth0/auth0-vue'];
const CLERK_MODULES = [
  '@clerk/clerk-react',
  '@clerk/react',
  '@clerk/nextjs',
  '@clerk/clerk-js',
  '@clerk/vue',
  '@clerk/astro',
  '@clerk/remix',
  '@clerk/clerk-expo',
  '@clerk/expo',
  '@clerk/chrome-extension',
];
const OKTA_MODULES = ['@okta/okta-auth-js', '@okta/okta-react', '@okta/okta-vue', '@okta/okta-angular'];

/**
 * Tokens that the browser or add-in host hands to page code on request, each an access token of about an hour that
 * the host or library keeps and renews itself: asked again where it is used, it answers from its cache and renews an
 * expired one; a copy the page keeps is never renewed (knowledge `SELF_CACHING_TOKEN_CALLS` lists them too).
 * MSAL.js's `acquireToken*` results are `MSAL_TOKEN_METHODS` (azure.ts), Google Identity Services' token responses
 * `GOOGLE_TOKEN_CALLBACKS` (google.ts).
 */
const BROWSER_IDENTITY_TOKENS = [
  {
    // The add-in's SSO token: an Entra access token for the add-in's own web API (Graph via on-behalf-of, or Graph
    // directly with `forMSGraphAccess`).
    id: 'office:auth.getAccessToken',
    method: 'getAccessToken',
    calledAs: {
      globals: [
        ['Office', 'auth', 'getAccessToken'],
        ['OfficeRuntime', 'auth', 'getAccessToken'],
      ],
    },
    renewsWhenAskedAgain: true,
    label: 'an Office add-in SSO token',
    yields: 'access-token',
    session: 'azure-access-token',
    symptom: 'azure',
    fix: 'Call `Office.auth.getAccessToken()` (or `OfficeRuntime.auth.getAccessToken()`) where the token is used: Office caches the token and gets a new one once it expires',
    source: OFFICE_SSO_DOCS,
    askedAgainAtUse: SAME_CALL_AGAIN(OFFICE_SSO_DOCS),
  },
  {
    id: 'teams:authentication.getAuthToken',
    method: 'getAuthToken',
    calledAs: {
      globals: [['microsoftTeams', 'authentication', 'getAuthToken']],
      apis: [{ modules: ['@microsoft/teams-js'], path: ['authentication', 'getAuthToken'] }],
    },
    renewsWhenAskedAgain: true,
    label: 'a Microsoft Teams SSO token',
    yields: 'access-token',
    session: 'azure-access-token',
    symptom: 'azure',
    fix: 'Call `authentication.getAuthToken()` where the token is used: Teams caches the token and gets a new one once it expires',
    source: TEAMS_SSO_DOCS,
    askedAgainAtUse: SAME_CALL_AGAIN(TEAMS_SSO_DOCS),
  },
  {
    id: 'auth0-spa:getTokenSilently',
    method: 'getTokenSilently',
    promiseModules: ['@auth0/auth0-spa-js'],
    renewsWhenAskedAgain: true,
    label: 'an Auth0 access token',
    yields: 'access-token',
    session: 'auth0-token',
    symptom: 'oauth',
    fix: 'Call `auth0.getTokenSilently()` where the token is used: the client caches the token and renews it once it expires',
    source: AUTH0_SPA_DOCS,
    askedAgainAtUse: SAME_CALL_AGAIN(AUTH0_SPA_DOCS),
  },
  {
    id: 'auth0-react:getAccessTokenSilently',
    method: 'getAccessTokenSilently',
    bare: true,
    promiseModules: ['@auth0/auth0-react', '@auth0/auth0-vue'],
    renewsWhenAskedAgain: true,
    label: 'an Auth0 access token',
    yields: 'access-token',
    session: 'auth0-token',
    symptom: 'oauth',
    fix: 'Call `getAccessTokenSilently()` where the token is used: the Auth0 client caches the token and renews it once it expires',
    source: AUTH0_SPA_DOCS,
    askedAgainAtUse: SAME_CALL_AGAIN(AUTH0_SPA_DOCS),
  },
  {
    // `(await auth0.getIdTokenClaims()).__raw`: the raw ID token of the claims the client reads from its cache, where
    // each renewal of its tokens (getTokenSilently) stores a new ID token beside the access token.
    id: 'auth0-spa:getIdTokenClaims',
    method: 'getIdTokenClaims',
    importedFrom: AUTH0_MODULES,
    promiseModules: AUTH0_MODULES,
    secretFields: ['__raw'],
    renewsWhenAskedAgain: true,
    label: 'an Auth0 ID token',
    yields: 'id-token',
    session: 'auth0-token',
    symptom: 'oauth',
    fix: 'Ask `(await auth0.getIdTokenClaims()).__raw` where the token is used, after `await auth0.getTokenSilently()` (which renews the tokens the client keeps)',
    source:
      'auth0/auth0-spa-js: src/Auth0Client.ts (getIdTokenClaims returns the claims of the ID token in the cache, _getIdTokenFromCache; getTokenSilently renews and stores the tokens, the ID token with them), src/global.ts (IdToken.__raw)',
  },
  {
    // `const { getToken } = useAuth(); await getToken()`, `await clerk.session.getToken()`: the session token, a JWT
    // of 60 s that Clerk caches and replaces shortly before it expires.
    id: 'clerk:getToken',
    method: 'getToken',
    bare: true,
    importedFrom: CLERK_MODULES,
    promiseModules: CLERK_MODULES,
    renewsWhenAskedAgain: true,
    label: 'a Clerk session token',
    yields: 'access-token',
    session: 'clerk-session-token',
    symptom: 'oauth',
    fix: 'Call `getToken()` where the token is used: Clerk caches the session token and fetches a new one shortly before it expires',
    source:
      'clerk/javascript: packages/clerk-js/src/core/resources/Session.ts (getToken: the cached token unless `skipCache` or it is about to expire, else a new one; "the token lifespan (60 seconds)")',
  },
  {
    // `oktaAuth.getAccessToken()`: the access token in the token manager's storage, which `autoRenew` (on by default)
    // replaces before it expires; the string a caller copied out is not replaced.
    id: 'okta:getAccessToken',
    method: 'getAccessToken',
    synchronous: true,
    importedFrom: OKTA_MODULES,
    renewsWhenAskedAgain: true,
    label: 'an Okta access token',
    yields: 'access-token',
    session: 'okta-access-token',
    symptom: 'oauth',
    fix: 'Call `oktaAuth.getAccessToken()` where the token is used (the token manager renews it before it expires), or `await oktaAuth.getOrRenewAccessToken()`',
    source:
      'okta/okta-auth-js: lib/oidc/mixin/index.ts (getAccessToken reads tokenManager.getTokensSync(); getOrRenewAccessToken renews an expired one), lib/oidc/TokenManager.ts (DEFAULT_OPTIONS autoRenew: true; renew replaces the stored tokens)',
  },
  {
    // Amplify JS v6: `{ credentials, tokens }`; `tokens.accessToken` / `tokens.idToken` are Cognito user-pool JWTs.
    // The session's AWS credentials are no-static-snapshot's (`amplify:fetchAuthSession` in aws-tokens.ts).
    id: 'amplify:fetchAuthSession.tokens',
    method: 'fetchAuthSession',
    calledAs: {
      apis: [{ modules: ['aws-amplify/auth', '@aws-amplify/auth', '@aws-amplify/core'], path: ['fetchAuthSession'] }],
    },
    secretFields: ['tokens'],
    carriesCredentials: true,
    renewsWhenAskedAgain: true,
    label: 'a Cognito user-pool token of an Amplify session',
    yields: 'id-token',
    session: 'cognito-user-pool-token',
    symptom: 'oauth',
    fix: 'Call `fetchAuthSession()` where the token is used: Amplify refreshes the tokens with the refresh token once they expire',
    source:
      'https://docs.amplify.aws/javascript/build-a-backend/auth/connect-your-frontend/manage-user-sessions/ (fetchAuthSession returns tokens and refreshes them when expired); aws-amplify/amplify-js: packages/core/src/singleton/Auth/types.ts (AuthTokens: accessToken, idToken)',
  },
] as const satisfies readonly IdentityPlatformToken[];

const FIREBASE_AUTH_MODULES = ['firebase/auth', '@firebase/auth'];

export const IDENTITY_PLATFORM_TOKENS = [
  {
    id: 'supabase:provider_token',
    field: 'provider_token',
    label: 'the OAuth provider token of a Supabase session',
    yields: 'access-token',
    session: 'oauth-provider-token',
    symptom: 'oauth',
    fix: "Keep its expiry with it and renew it with the provider's refresh token (`provider_refresh_token`) before it passes.",
    source:
      'supabase/auth-js: src/lib/types.ts (Session.provider_token, provider_refresh_token); supabase discussions #2260, #33828 (Supabase does not refresh provider tokens)',
  },
  {
    id: 'firebase:getIdToken',
    method: 'getIdToken',
    promiseModules: ['firebase/auth', 'firebase/compat/auth', 'firebase/compat/app', 'firebase', '@firebase/auth'],
    renewsWhenAskedAgain: true,
    label: 'a Firebase ID token',
    yields: 'id-token',
    session: 'firebase-id-token',
    symptom: 'firebase',
    fix: 'Call `user.getIdToken()` where the token is used: the SDK caches it and refreshes it 5 min before it expires.',
    source:
      'firebase/firebase-js-sdk: packages/auth/src/core/user/id_token_result.ts, user_impl.ts (getIdToken refreshes a token that expires within 5 min); https://firebase.google.com/docs/auth/admin/manage-sessions',
    askedAgainAtUse: {
      via: 'current-user',
      listeners: [{ modules: FIREBASE_AUTH_MODULES, path: ['onAuthStateChanged'] }],
      authArgument: 0,
      authGetters: [{ modules: FIREBASE_AUTH_MODULES, path: ['getAuth'] }],
      userField: 'currentUser',
      source:
        'firebase/firebase-js-sdk: packages/auth/src/core/auth/auth_impl.ts (notifyAuthListeners and registerStateListener call the listener with this.currentUser; currentUser is null once signed out), packages/auth/src/core/index.ts (onAuthStateChanged(auth, nextOrObserver)), packages/auth/src/platform_browser/index.ts (getAuth(app = getApp()) returns the same Auth instance for the app)',
    },
  },
  {
    // `(await Auth.currentSession()).getAccessToken().getJwtToken()` (Amplify up to v5, amazon-cognito-identity-js):
    // the JWT text of the session's token, which the session renews only when asked again.
    id: 'cognito:getJwtToken',
    method: 'getJwtToken',
    synchronous: true,
    renewsWhenAskedAgain: true,
    label: 'a Cognito user-pool token',
    yields: 'access-token',
    session: 'cognito-user-pool-token',
    symptom: 'oauth',
    fix: 'Ask `Auth.currentSession()` for it where it is used (in a request interceptor): Amplify renews an expired session with its refresh token.',
    source:
      'amazon-cognito-identity-js: src/CognitoAccessToken.js, CognitoIdToken.js (getJwtToken returns the stored JWT), src/CognitoUser.js (getSession refreshes an invalid session); aws-amplify/amplify-js v5: packages/auth/src/Auth.ts (currentSession)',
  },
  {
    // gapi.auth2 (Google Sign-In for websites, deprecated): `googleUser.getAuthResponse()` returns the user's current
    // `{ access_token, id_token, expires_at, ... }`; it is renewed only by `reloadAuthResponse()`.
    id: 'gapi-auth2:getAuthResponse',
    method: 'getAuthResponse',
    synchronous: true,
    label: 'a Google sign-in auth response',
    yields: 'access-token',
    session: 'google-access-token',
    symptom: 'google',
    fix: 'Call `googleUser.getAuthResponse()` where the token is used, and `await googleUser.reloadAuthResponse()` once its `expires_at` has passed.',
    source:
      'https://developers.google.com/identity/sign-in/web/reference#googleusergetauthresponseincludeauthorizationdata (access_token, id_token, expires_at); #googleuserreloadauthresponse',
  },
  {
    // `GoogleAuthProvider.credentialFromResult(await signInWithPopup(auth, provider)).accessToken`: the Google OAuth
    // access token of the sign-in, handed over once; Firebase keeps and refreshes its own ID token, never this one.
    id: 'firebase:credentialFromResult',
    method: 'credentialFromResult',
    synchronous: true,
    receiverNames: ['GoogleAuthProvider', 'OAuthProvider'],
    secretFields: ['accessToken'],
    label: 'the OAuth provider access token of a Firebase sign-in',
    yields: 'access-token',
    session: 'oauth-provider-token',
    symptom: 'oauth',
    fix: 'Keep its expiry with it (1 h for Google) and have the user sign in again, or use a server-side OAuth client with a refresh token, before it passes.',
    source:
      'firebase/firebase-js-sdk: packages/auth/src/core/providers/google.ts (GoogleAuthProvider.credentialFromResult), oauth_credential.ts (accessToken); https://firebase.google.com/docs/auth/web/google-signin ("a Google Access Token. You can use it to access the Google API"; Firebase does not refresh it)',
  },
  ...BROWSER_IDENTITY_TOKENS,
] as const satisfies readonly IdentityPlatformToken[];

/** The method names of the tokens whose SDK renews them when asked again: a cheap text gate for their keepers. */
export const RENEWING_IDENTITY_TOKEN_METHODS: readonly string[] = IDENTITY_PLATFORM_TOKENS.flatMap((t): string[] =>
  'renewsWhenAskedAgain' in t && 'method' in t ? [t.method] : [],
);

export const IDENTITY_TOKEN_FIELDS: ReadonlySet<string> = new Set(
  IDENTITY_PLATFORM_TOKENS.flatMap((t): string[] => ('field' in t ? [t.field] : [])),
);

/**
 * Login widgets that hand the signed-in user's tokens to a callback of the app once, at sign-in, and never again: an
 * event of an object the file makes (`lock.on('authenticated', (authResult) => ...)`), or a prop of a component it
 * renders (`<GoogleLogin onSuccess={(response) => ...} />`). The tokens in that argument (`secretFields`) are what the
 * app keeps; renewing them takes another login or the widget's own renewal call.
 */
export interface LoginCallback {
  readonly id: string;
  /** The class made with `new` whose instance emits the event, or the component given the prop. */
  readonly api: ApiRef;
  readonly via: { readonly method: string; readonly event: string } | { readonly prop: string };
  /** Which parameter of the callback receives the login result. */
  readonly parameter: number;
  readonly secretFields: readonly string[];
  /** For messages: "an Auth0 Lock login". */
  readonly label: string;
  readonly yields: 'access-token' | 'id-token';
  readonly session: SessionId;
  readonly fix: string;
  readonly source: string;
}

export const LOGIN_CALLBACKS = entriesOf<LoginCallback>()([
  {
    id: 'auth0-lock:authenticated',
    api: { modules: ['auth0-lock'], path: [] },
    via: { method: 'on', event: 'authenticated' },
    parameter: 0,
    secretFields: ['idToken', 'accessToken'],
    label: 'an Auth0 Lock login (its `authenticated` event)',
    yields: 'id-token',
    session: 'auth0-token',
    fix: 'Keep `expiresIn` with it and renew it before it passes (`lock.checkSession()`), or use auth0-spa-js `getTokenSilently()` where it is needed.',
    source:
      'auth0/lock: README.md (lock.on("authenticated", function(authResult) { ... authResult.accessToken, authResult.idToken }), checkSession; auth0-js WebAuth.checkSession renews them)',
  },
  {
    id: 'react-google-login:onSuccess',
    api: { modules: ['react-google-login'], path: [] },
    via: { prop: 'onSuccess' },
    parameter: 0,
    secretFields: ['accessToken', 'tokenId', 'tokenObj'],
    label: 'a Google sign-in (`<GoogleLogin onSuccess>` of react-google-login)',
    yields: 'access-token',
    session: 'google-access-token',
    fix: 'Call `response.reloadAuthResponse()` (or request a new token) before `tokenObj.expires_at`, and use the token it gives.',
    source:
      'anthonyjgrove/react-google-login: README.md (onSuccess receives GoogleLoginResponse: accessToken, tokenId, tokenObj with expires_at, reloadAuthResponse); https://developers.google.com/identity/sign-in/web/reference (access tokens expire after 1 h)',
  },
]);
