// How one held-out case is scored, shared by bench/heldout.js (the measure) and test/engine-heldout-sets.test.ts (the
// known-miss lists): a labelled kind is found when its rule reports at one of the case's listed lines (required or
// optional); a finding at a line the case does not list is a false alarm.

/** Scores one case: which defects were found, and which findings are false alarms. */
export function scoreCase(label, linted) {
  const findings = linted?.findings ?? [];
  const listed = new Set(label.expect.map((e) => e.line));
  const expectedKinds = [...new Set(label.expect.filter((e) => !e.optional).map((e) => e.kind))];
  const found = Object.fromEntries(
    expectedKinds.map((kind) => [kind, findings.some((f) => f.kind === kind && listed.has(f.line))]),
  );
  const anywhere = Object.fromEntries(expectedKinds.map((kind) => [kind, findings.some((f) => f.kind === kind)]));
  const otherRule = findings.filter((f) => listed.has(f.line) && !expectedKinds.includes(f.kind));
  const falseAlarms = findings.filter((f) => !listed.has(f.line));
  return { expectedKinds, found, anywhere, otherRule, falseAlarms, findings, fatal: linted?.fatal ?? ['not linted'] };
}
