// `npm run stress`: times the plugin's rules (configs.strict) on hostile inputs (bench/hostile-inputs.js): 1 MB
// files that once stalled a rule for minutes, and a file with many findings. Prints one line per input; the
// finding counts are asserted by test/robust/hostile-inputs.test.ts.
//   node bench/stress.js [--size BYTES] [--findings N]
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import plugin from '../dist/src/index.js';
import { hostileInputs, MEGABYTE } from './hostile-inputs.js';

const { values } = parseArgs({ options: { size: { type: 'string' }, findings: { type: 'string' } } });
const size = Number(values.size ?? MEGABYTE);
const findings = Number(values.findings ?? 1000);

for (const input of hostileInputs(size, findings)) {
  const started = performance.now();
  const messages = new Linter().verify(input.text, plugin.configs.strict, input.filename);
  const ms = Math.round(performance.now() - started);
  const verdict =
    messages.length === input.findings ? 'ok' : `expected ${input.findings} findings, got ${messages.length}`;
  console.log(`${String(ms).padStart(7)} ms  ${(input.text.length / 1e6).toFixed(2)} MB  ${input.name}: ${verdict}`);
}
