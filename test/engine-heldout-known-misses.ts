/**
 * Held-out cases (test/fixtures/engine-heldout-<n>/) that the rules do not yet report as labelled, per set, each with
 * the reason. test/engine-heldout-sets.test.ts fails when a case listed here passes (remove it) and when a case not
 * listed here fails. A set's figures before it was opened to the engineers are in bench/RESULTS.md §issue 11.
 */
export const HELDOUT_KNOWN_MISSES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'engine-heldout-2': {},
  'engine-heldout-3': {},
  'engine-heldout-4': {},
};
