// Types for bench/heldout-score.js, so test/engine-heldout-sets.test.ts scores cases as bench/heldout.js does.
export interface HeldoutLabel {
  file: string;
  pattern?: string;
  expect: { line: number; kind: string; optional?: boolean }[];
}
export interface HeldoutFinding {
  line: number;
  kind: string;
  message?: string;
}
export interface HeldoutScore {
  expectedKinds: string[];
  found: Record<string, boolean>;
  anywhere: Record<string, boolean>;
  otherRule: HeldoutFinding[];
  falseAlarms: HeldoutFinding[];
  findings: HeldoutFinding[];
  fatal: string[];
}
export declare function scoreCase(
  label: HeldoutLabel,
  linted: { findings: HeldoutFinding[]; fatal: string[] } | undefined,
): HeldoutScore;
