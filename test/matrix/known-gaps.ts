/**
 * Combinations of test/matrix/ that the engine does not get right today, grouped by why. The matrix test fails when
 * one of these starts passing (remove it here) and when a combination not listed fails. Ids: source × flow × keeper.
 */
export const KNOWN_GAPS: readonly { readonly reason: string; readonly cells: readonly string[] }[] = [];
