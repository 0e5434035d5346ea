// Per-rule time of two builds of the plugin, in one process, passes alternating between the builds: what to compare on
// a loaded machine, where whole-run ratios swing by more than the rules cost. Each pass lints the whole corpus with
// ESLint's `stats`; per rule it prints the median of the passes' totals and the sum over files of each file's minimum
// over the passes (a descheduled or collected file counts at its best pass, which drops most of the load's spikes).
// An unmeasured first pass of each build checks that both report the same findings.
//   node bench/rule-times.js --old PATH/TO/OTHER/BUILD/ENTRY.js [--new dist/plugin.js] [--target app|sdk] [--passes N]
// (the other build inside this repository, for example a copy of an earlier commit's dist/, so that its packages
// resolve).
import { createHash } from 'node:crypto';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { materializeAppCorpus } from './app-corpus.js';
import { materializeCorpus, REPO_ROOT, userLintConfig } from './corpus.js';

const NAMESPACE = 'credential-expiry/';
const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    new: { type: 'string', default: join(REPO_ROOT, 'dist', 'plugin.js') },
    target: { type: 'string', default: 'app' },
    passes: { type: 'string', default: '6' },
  },
});
if (!values.old) throw new Error('--old PATH: the entry module of the build to compare with');
if (!['app', 'sdk'].includes(values.target)) throw new Error(`--target must be app or sdk, got ${values.target}`);
const sdk = values.target === 'sdk';
const root = sdk
  ? materializeCorpus(join(REPO_ROOT, 'bench', '.corpus')).root
  : materializeAppCorpus(join(REPO_ROOT, 'bench', '.generated', 'app')).root;

/** The user's own lint, as bench/user-overhead.js has it, with the plugin's config where that bench puts it. */
async function configWith(plugin) {
  const user = await userLintConfig(values.target);
  if (sdk) {
    const [rules, ...languages] = user;
    return [rules, ...plugin.configs.recommended, ...languages];
  }
  return [...user, ...plugin.configs.recommended];
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

const builds = {};
for (const [name, entry] of [
  ['old', values.old],
  ['new', values.new],
]) {
  const plugin = (await import(resolve(entry))).default;
  builds[name] = { entry, config: await configWith(plugin), passes: [], minima: new Map(), cpu: [] };
}

console.log(`${values.target}: ${values.passes} passes per build, alternating; load average at the start: ${load()}`);
for (let pass = 0; pass <= Number(values.passes); pass++) {
  for (const name of pass % 2 ? ['new', 'old'] : ['old', 'new']) {
    const build = builds[name];
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: build.config,
      stats: true,
      errorOnUnmatchedPattern: false,
    });
    const started = process.cpuUsage();
    const results = await eslint.lintFiles(['.']);
    const cpu = process.cpuUsage(started);
    if (pass === 0) {
      const findings = results.flatMap((result) =>
        result.messages
          .filter((message) => message.ruleId?.startsWith(NAMESPACE))
          .map(
            (message) => `${result.filePath}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
          ),
      );
      const digest = createHash('sha256').update(findings.sort().join('\n')).digest('hex').slice(0, 12);
      console.log(`${name} (${build.entry}): ${findings.length} findings, digest ${digest}`);
      continue;
    }
    const perRule = {};
    for (const result of results)
      for (const timed of result.stats?.times.passes ?? [])
        for (const [rule, { total }] of Object.entries(timed.rules ?? {})) {
          if (!rule.startsWith(NAMESPACE)) continue;
          const id = rule.slice(NAMESPACE.length);
          perRule[id] = (perRule[id] ?? 0) + total;
          const key = `${result.filePath}\0${id}`;
          build.minima.set(key, Math.min(build.minima.get(key) ?? Infinity, total));
        }
    build.passes.push(perRule);
    build.cpu.push((cpu.user + cpu.system) / 1000);
  }
}

for (const [name, build] of Object.entries(builds)) {
  const minimumSums = {};
  for (const [key, ms] of build.minima) {
    const id = key.slice(key.indexOf('\0') + 1);
    minimumSums[id] = (minimumSums[id] ?? 0) + ms;
  }
  const total = (perRule) => Object.values(perRule).reduce((sum, ms) => sum + ms, 0);
  const minimumTotal = Object.values(minimumSums).reduce((sum, ms) => sum + ms, 0);
  console.log(
    `${name}: rules, median pass ${median(build.passes.map(total)).toFixed(1)} ms, sum of per-file minima ${minimumTotal.toFixed(1)} ms; pass CPU median ${median(build.cpu).toFixed(0)} ms`,
  );
  for (const id of Object.keys(minimumSums).sort())
    console.log(
      `  ${id.padEnd(30)} median ${median(build.passes.map((perRule) => perRule[id] ?? 0))
        .toFixed(1)
        .padStart(7)}  sum of minima ${minimumSums[id].toFixed(1).padStart(7)}`,
    );
}
console.log(`load average at the end: ${load()}`);
