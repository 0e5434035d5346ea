// Types for bench/hostile-inputs.js, shared by test/robust/hostile-inputs.test.ts and bench/stress.js.
export interface HostileInput {
  readonly name: string;
  readonly filename: string;
  readonly text: string;
  /** Findings of the plugin's rules (configs.strict) on the file: the count a test asserts. */
  readonly findings: number;
}

export declare const MEGABYTE: number;
export declare function hostileInputs(size?: number, manyFindings?: number): HostileInput[];
