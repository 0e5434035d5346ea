// Two builds of the plugin against the same baseline, at the same load: per round one child of
// bench/user-overhead.js for the baseline, one with the other build and one with this one (dist/plugin.js), in a
// rotating order; each CPU ratio is against that round's baseline, and new/old is per round.
//   node bench/compare-builds.js --old PATH/TO/OTHER/BUILD/ENTRY.js [--target app|sdk] [--rounds N]
// (for example a copy of an earlier commit's dist/ inside this repository, so that its packages resolve).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { materializeAppCorpus } from './app-corpus.js';
import { materializeCorpus, REPO_ROOT } from './corpus.js';
import { summarizeRatios } from './user-overhead.js';

const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    target: { type: 'string', default: 'app' },
    rounds: { type: 'string', default: '10' },
  },
});
if (!values.old) throw new Error('--old PATH: the entry module of the build to compare with');
const target = values.target;
const root =
  target === 'sdk'
    ? materializeCorpus(join(REPO_ROOT, 'bench', '.corpus')).root
    : materializeAppCorpus(join(REPO_ROOT, 'bench', '.generated', 'app')).root;
const BENCH = join(REPO_ROOT, 'bench', 'user-overhead.js');

function child(side) {
  const env = { ...process.env, CREDENTIAL_EXPIRY_PLUGIN: side === 'old' ? resolve(values.old) : '' };
  const args = [BENCH, '--child', side === 'baseline' ? 'baseline' : 'plugin', target, root, '["."]'];
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${side} failed:\n${run.stderr.slice(0, 2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const ORDERS = [
  ['baseline', 'old', 'new'],
  ['new', 'old', 'baseline'],
  ['old', 'baseline', 'new'],
  ['baseline', 'new', 'old'],
  ['old', 'new', 'baseline'],
  ['new', 'baseline', 'old'],
];
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`${target}: baseline / ${values.old} (old) / dist/plugin.js (new); load average at the start: ${load()}`);
for (const side of ['baseline', 'old', 'new']) child(side); // warm-up, not measured
const runs = { baseline: [], old: [], new: [] };
for (let round = 0; round < Number(values.rounds); round++) {
  const line = ORDERS[round % ORDERS.length].map((side) => {
    const result = child(side);
    runs[side].push(result);
    return `${side} cpu ${result.cpuMs.toFixed(0)} (load ${result.loadCpuMs.toFixed(0)}, rules ${result.ruleMs.toFixed(0)}, other files ${result.otherFilesMs.toFixed(0)}, ${result.files} files, ${result.findings} findings)`;
  });
  console.log(`round ${round + 1}: ${line.join(' | ')} | load ${load()}`);
}
const format = (s) =>
  `median ${s.median.toFixed(3)} (quartiles ${s.q1.toFixed(3)}–${s.q3.toFixed(3)}), geometric mean ${s.geometricMean.toFixed(3)}`;
for (const side of ['old', 'new'])
  console.log(
    `${side}: CPU ratio to baseline ${format(summarizeRatios(runs[side].map((r, i) => r.cpuMs / runs.baseline[i].cpuMs)))}`,
  );
console.log(`new/old per round: ${format(summarizeRatios(runs.new.map((r, i) => r.cpuMs / runs.old[i].cpuMs)))}`);
console.log(`load average at the end: ${load()}`);
