/**
 * Token calls whose object answers from a cache of its own until shortly before the token expires, then renews it
 * with no user interaction: asking again at each use costs a cache lookup, so an app's own memo in front of them can
 * simply go. `bypass` names what makes one call skip that cache (a request per call instead).
 *
 * Left out on purpose: Azure `getToken`, because the developer credentials (`AzureCliCredential`,
 * `AzureDeveloperCliCredential`, `AzurePowerShellCredential`) start a process on every call (Azure/azure-sdk-for-js:
 * sdk/identity/identity/src/credentials/azureCliCredential.ts); MSAL's interactive calls (`acquireTokenPopup`,
 * `loginPopup`), which open a window per call.
 */
export interface SelfCachingTokenCall {
  /** The CREDENTIAL_METHODS or IDENTITY_PLATFORM_TOKENS id of the call. */
  readonly id: string;
  readonly method: string;
  readonly bypass?: { readonly argument: number } | { readonly option: string };
  readonly source: string;
}

export const SELF_CACHING_TOKEN_CALLS: readonly SelfCachingTokenCall[] = [
  {
    id: 'google:getAccessToken',
    method: 'getAccessToken',
    source:
      'googleapis/google-auth-library-nodejs: src/auth/oauth2client.ts (getAccessToken returns the stored token until eagerRefreshThresholdMillis before expiry_date)',
  },
  {
    id: 'msal:acquireTokenSilent',
    method: 'acquireTokenSilent',
    bypass: { option: 'forceRefresh' },
    source:
      'AzureAD/microsoft-authentication-library-for-js: lib/msal-node/docs/caching.md (acquireTokenSilent reads the cache and uses the refresh token when the access token expires)',
  },
  {
    id: 'msal:acquireTokenByClientCredential',
    method: 'acquireTokenByClientCredential',
    bypass: { option: 'skipCache' },
    source:
      'AzureAD/microsoft-authentication-library-for-js: lib/msal-node/src/client/ClientCredentialClient.ts (acquireToken reads the cache unless skipCache or claims)',
  },
  {
    id: 'firebase:getIdToken',
    method: 'getIdToken',
    bypass: { argument: 0 },
    source:
      'firebase/firebase-js-sdk: packages/auth/src/core/user/user_impl.ts, id_token_result.ts (getIdToken(forceRefresh) returns the current token unless it expires within 5 min)',
  },
  {
    id: 'office:auth.getAccessToken',
    method: 'getAccessToken',
    source:
      'https://learn.microsoft.com/office/dev/add-ins/develop/sso-in-office-add-ins ("Office will cache the token on your behalf so that future calls to getAccessToken simply return the cached token")',
  },
  {
    id: 'teams:authentication.getAuthToken',
    method: 'getAuthToken',
    source:
      'https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code (Teams caches the token and gets a new one when it expires)',
  },
  {
    id: 'auth0-spa:getTokenSilently',
    method: 'getTokenSilently',
    bypass: { option: 'cacheMode' },
    source:
      'auth0/auth0-spa-js: src/Auth0Client.ts (getTokenSilently answers from its cache unless cacheMode is "off", and renews an expired token)',
  },
];
