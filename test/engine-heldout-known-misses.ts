/**
 * Held-out cases (test/fixtures/engine-heldout-<n>/) that the rules do not yet report as labelled, per set, each with
 * the reason. test/engine-heldout-sets.test.ts fails when a case listed here passes (remove it) and when a case not
 * listed here fails. A set's figures before it was opened to the engineers are in bench/RESULTS.md §issue 11.
 */
export const HELDOUT_KNOWN_MISSES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'engine-heldout-2': {
    'N11.ts':
      'False alarm (A) by its label, a defect by the package source: the user-pool ID token is captured once in the logins of a fromCognitoIdentityPool provider held by an exported singleton, and each resolution re-sends it (resolveLogins), as in engine-heldout-5 A06. Labelled before that family was known.',
  },
  'engine-heldout-3': {},
  'engine-heldout-4': {},
  'engine-heldout-5': {},
  'engine-heldout-6': {},
  'engine-heldout-7': {
    'A01.js':
      'A: keys read off the loaded v2 global inside a reconnect callback sign an MQTT WebSocket URL for the page life.',
  },
  'engine-heldout-8': {},
  'engine-heldout-9': {
    'A03.ts':
      'A: fromSSO()() resolved once into a module promise that an OpenSearch AwsSigv4Signer getCredentials returns.',
    'A04.ts':
      'A: fromSSO()() resolved once at NestJS boot and its keys written into process.env for every later client.',
    'A05.tsx':
      'A: Amplify Auth.currentCredentials() keys copied into React component state and used for later S3 clients.',
    'N17.js':
      "False alarm (A): updateWebSocketCredentials gets fresh Cognito keys from the client's error handler each retry.",
  },
};
