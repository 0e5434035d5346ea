import { describe, expect, it } from 'vitest';
import { hostileInputs } from '../../bench/hostile-inputs.js';
import { lintAll } from './lint-all.js';

// Sizes a quadratic regression cannot finish within the test timeout (200 kB: tens of billions of steps), small
// enough for CI. The full 1 MB inputs are timed by `npm run stress` (bench/stress.js), not asserted here.
const SIZE = 200_000;
const MANY_FINDINGS = 300;

describe('hostile inputs: linear work, one finding per defect and line', () => {
  it.each(hostileInputs(SIZE, MANY_FINDINGS).map((input) => [input.name, input] as const))(
    '%s',
    (_name, input) => {
      const messages = lintAll(input.text, input.filename);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages).toHaveLength(input.findings);
      expect(new Set(messages.map((m) => `${m.ruleId}:${m.line}:${m.column}:${m.messageId}`)).size).toBe(
        messages.length,
      );
    },
    120_000,
  );
});
