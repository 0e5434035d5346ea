/**
 * Combinations of test/matrix/ that the engine does not get right today, grouped by why. The matrix test fails when
 * one of these starts passing (remove it here) and when a combination not listed fails. Ids: source × flow × keeper.
 */
const PLATFORM_TOKENS = [
  'cognito session getJwtToken()',
  'firebase user.getIdToken()',
  'supabase session provider_token',
  'Office.auth.getAccessToken()',
  'Teams authentication.getAuthToken()',
  'auth0-spa-js getTokenSilently()',
  'Amplify fetchAuthSession() tokens',
];
const OUTLIVING_KEEPERS = [
  'event listener',
  'file write',
  'process.env (server)',
  'setInterval callback',
  'vite define',
];

export const KNOWN_GAPS: readonly { readonly reason: string; readonly cells: readonly string[] }[] = [
  {
    reason:
      "Identity-platform tokens (IDENTITY_PLATFORM_TOKENS) are sources of no-module-token-cache only: no-static-snapshot's checks of keepers that outlive any value (a file, the environment, a long-lived callback, a bundler define) start from CREDENTIAL_METHODS and token requests, not from them.",
    cells: PLATFORM_TOKENS.flatMap((source) => OUTLIVING_KEEPERS.map((keeper) => `${source} × direct × ${keeper}`)),
  },
  {
    reason:
      "OAuth client-library tokens whose secret sits one level down (simple-oauth2's AccessToken `.token.access_token`) or that arrive through a callback wrapped in a promise (salesforce-oauth2 `authenticate`): no-static-snapshot's checks of keepers that outlive any value do not follow them from the call; no-module-token-cache does, for the keepers it owns.",
    cells: ['simple-oauth2 getToken()', 'salesforce-oauth2 authenticate() as a promise'].flatMap((source) =>
      OUTLIVING_KEEPERS.map((keeper) => `${source} × direct × ${keeper}`),
    ),
  },
];
