/**
 * Combinations of test/matrix/ that the engine does not get right today, grouped by why. The matrix test fails when
 * one of these starts passing (remove it here) and when a combination not listed fails. Ids: source × flow × keeper.
 */
const PLATFORM_TOKENS = ['supabase session provider_token', 'Amplify fetchAuthSession() tokens'];
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
      "Identity-platform tokens read as a field (IDENTITY_PLATFORM_TOKENS: Supabase's `session.provider_token`) are sources of no-module-token-cache only: no-static-snapshot's checks of keepers that outlive any value (a file, the environment, a long-lived callback, a bundler define) start from calls (CREDENTIAL_METHODS, the platforms' token methods, token requests), not from a field read.",
    cells: PLATFORM_TOKENS.flatMap((source) => OUTLIVING_KEEPERS.map((keeper) => `${source} × direct × ${keeper}`)),
  },
  {
    reason:
      "OAuth client-library tokens that arrive through a callback wrapped in a promise (salesforce-oauth2 `authenticate`): the value flow does not follow a callback's value through the promise's `resolve` to the `await`, so no-static-snapshot's checks of keepers that outlive any value do not reach it from the call; no-module-token-cache does, for the keepers it owns.",
    cells: ['salesforce-oauth2 authenticate() as a promise'].flatMap((source) =>
      OUTLIVING_KEEPERS.map((keeper) => `${source} × direct × ${keeper}`),
    ),
  },
];
