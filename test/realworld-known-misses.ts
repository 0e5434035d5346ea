/**
 * Labelled real-world cases (test/fixtures/realworld/) that the rules do not yet report exactly as labelled, each with
 * the reason. test/realworld.test.ts asserts that every case here still differs from its label, so a case that starts
 * passing fails the test until it is removed from this list. Shrink it; never add a case without a reason.
 */
export const KNOWN_MISSES: Readonly<Record<string, string>> = {
  'A02.js': 'A: resolved chain credentials JSON-stringified into a webpack DefinePlugin constant; bundler defines are not yet a keeper.',
  'A04.js': 'A: resolved instance-metadata credentials handed to @actions/core setOutput; CI step outputs are not yet a keeper.',
  'A07.ts': 'A: IMDS credentials fetched by raw HTTP (axios) and wrapped in a static v2 AWS.Credentials master; raw metadata HTTP is not yet a source for A.',
  'A08.ts': 'A: resolved chain credentials written to a credentials file (fs.writeFile); files are not yet a keeper.',
  'B03.js': 'B: a session token from a plain fetch of an auth endpoint (`accessToken` field) cached at module scope; only OAuth token endpoints and `access_token` fields are recognised.',
  'B04.js': 'B: a Redis client cache with an inverted expiry comparison (`Date.now() > validUntil` returns the cached client); the guard direction is not checked and the signer is a local class.',
  'NA16.js': 'NEG-A: a one-shot CLI script (top-level await over process.argv, then exits) is taken for a long-lived module.',
  'NB02.ts': 'NEG-B: a Map cache guarded by a stored `until` compared with Date.now(); `until` is not recognised as an expiry field.',
  'NB04.ts': 'NEG-B: a module variable that is written and returned but never read back before fetching again is not a cache.',
  'XA04.ts': 'A: provider that drops `expiration` is reported on the arrow (line 8) instead of the returned object literal (line 9).',
};
