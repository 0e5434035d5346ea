// What `...credentialExpiry.configs.recommended` costs a user, as a user sees it: a fresh `eslint` process per run,
// their own lint (typescript-eslint's parser on TS files, one cheap core rule) against the same plus our config.
// Pairs of runs, the order alternating pair by pair (baseline first, then plugin first), after one unmeasured warm-up
// run of each side. Each pair gives a ratio plugin/baseline of the child's own CPU time (user + system, all its
// threads, from the start of the lint's imports to the end; Node's start-up is left out, the same on both sides);
// the figure is the median of the pair ratios, with their spread, and from that spread how many pairs a ±2 % answer
// needs. The child also reports what it can attribute: the CPU of loading the plugin, the rules' own time and the
// time of the files only the plugin's config lints (ESLint's `stats`), and per pair the whole CPU difference split
// into parts that add up to it (`cpuBreakdown`): those three, the background threads' CPU (GC, compilers; from /proc),
// the differences in the JS/TS files' parse and in the rest of their lint passes, and the main thread's CPU outside
// the timed passes (file walk, config matching, reading).
//   node bench/user-overhead.js [--runs N] [--target app|sdk] [--dir PATH] [--until-resolved [--max-minutes M]]
// --until-resolved: after the N pairs (default 5), adds pairs until the 95 % interval of the CPU ratio is within ±2 %
//   or M minutes (default 30) have passed, and says which of the two ended it.
// --target app (default): the generated application corpus (bench/app-corpus.js), mostly files with no credential
//   code; --target sdk: the SDK corpus (bench/corpus.js), the worst case; --dir PATH: a repository of yours (its
//   git-tracked JS/TS, JSON, YAML, Dockerfile and .env files; node_modules never).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { materializeAppCorpus } from './app-corpus.js';
import { materializeCorpus, REPO_ROOT, userLintConfig } from './corpus.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--child';
/** Targets from issue 14: the application corpus at most +2 % CPU, the SDK corpus +5 %, the rules' share 1 %. */
export const BUDGETS = { app: 1.02, sdk: 1.05, dir: 1.02, ruleShare: 0.01 };
const LINTED =
  /\.(?:[cm]?[jt]sx?|json|ya?ml|env)$|(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|(?:^|\/)\.env(?:\.[^/]*)?$/;

const JS_FILE = /\.[cm]?[jt]sx?$/;
/** The answer the spread of the pair ratios is judged against: a 95 % interval of ±2 % around the ratio. */
const RESOLUTION = 0.02;

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  return sorted[low] + (sorted[Math.ceil(position)] - sorted[low]) * (position - low);
};
const median = (values) => quantile(values, 0.5);

/**
 * CPU ms of this process's threads other than the main one (V8's GC helpers and background compilers, libuv's pool),
 * from /proc; null where there is no /proc. ESLint's `stats` see none of it: it is the part of a run's CPU that a
 * config can add without any rule or parse getting slower on the main thread (more garbage to collect, more code to
 * compile).
 */
function backgroundThreadsCpuMs() {
  try {
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux Node supports
    let ticks = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      if (tid === String(process.pid)) continue;
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
    return (ticks * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * The pair ratios summarised: median, quartiles, and the 95 % half-width of the mean log ratio (1.96 standard errors,
 * as a fraction) with the number of pairs that would bring it to ±2 %. The median of n pairs is about 1.25× as
 * uncertain as their mean on normal noise; the count is for the mean and is a lower bound for the median.
 */
export function summarizeRatios(ratios) {
  const logs = ratios.map(Math.log);
  const mean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, logs.length - 1));
  return {
    median: median(ratios),
    q1: quantile(ratios, 0.25),
    q3: quantile(ratios, 0.75),
    geometricMean: Math.exp(mean),
    halfWidth: Math.expm1((1.96 * sd) / Math.sqrt(logs.length)),
    pairsFor2Percent: Math.ceil(((1.96 * sd) / Math.log1p(RESOLUTION)) ** 2),
  };
}
const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ');

/** The folder to lint and the files in it, for a target. */
function prepareTarget({ target, dir }) {
  if (dir) {
    const root = resolve(dir);
    if (!existsSync(root)) throw new Error(`--dir ${dir}: no such folder`);
    const tracked = execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const files = tracked.split('\0').filter((file) => file && LINTED.test(file) && !file.includes('node_modules/'));
    return { kind: 'dir', root, files, label: `${root} (${files.length} git-tracked files)` };
  }
  if (target === 'sdk') {
    const corpus = materializeCorpus(join(REPO_ROOT, 'bench', '.corpus'));
    return { kind: 'sdk', root: corpus.root, files: ['.'], label: `SDK corpus (${corpus.files} files)` };
  }
  const corpus = materializeAppCorpus(join(REPO_ROOT, 'bench', '.generated', 'app'));
  return {
    kind: 'app',
    root: corpus.root,
    files: ['.'],
    label: `application corpus (${corpus.files} files, ${corpus.credentialFiles} with credential code)`,
  };
}

/** One lint in this process (the child): prints its times, the rules' own time from `stats`, and the findings. */
async function child({ side, kind, root, files }) {
  const startedCpu = process.cpuUsage();
  const startedBackground = backgroundThreadsCpuMs();
  const started = performance.now();
  const { ESLint } = await import('eslint');
  const user = await userLintConfig(kind);
  let config = user;
  let namespace = 'credential-expiry';
  let loadCpuMs = 0;
  if (side === 'plugin') {
    const beforeLoad = process.cpuUsage();
    // bench/compare-builds.js points this at another build of the plugin.
    const plugin = (await import(process.env.CREDENTIAL_EXPIRY_PLUGIN || 'eslint-plugin-credential-expiry')).default;
    const load = process.cpuUsage(beforeLoad);
    loadCpuMs = (load.user + load.system) / 1000;
    namespace = plugin.meta.namespace;
    config =
      kind === 'sdk'
        ? [user[0], ...plugin.configs.recommended, ...user.slice(1)]
        : [...user, ...plugin.configs.recommended];
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: config,
    stats: true,
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(files);
  let ruleMs = 0;
  let otherFilesMs = 0; // Dockerfile, .env, JSON and YAML files: only the plugin's config lints them
  let jsParseMs = 0;
  let jsRuleMs = 0;
  let jsRestMs = 0; // ESLint's per-file work on JS/TS files besides the parse and our rules: other rules, traversal
  let passesMs = 0;
  for (const result of results) {
    const jsFile = JS_FILE.test(result.filePath);
    for (const pass of result.stats?.times.passes ?? []) {
      passesMs += pass.total;
      if (!jsFile) otherFilesMs += pass.total;
      let ours = 0;
      for (const [rule, { total }] of Object.entries(pass.rules ?? {}))
        if (rule.startsWith(`${namespace}/`)) ours += total;
      ruleMs += ours;
      if (jsFile) {
        jsRuleMs += ours;
        jsParseMs += pass.parse?.total ?? 0;
        jsRestMs += pass.total - (pass.parse?.total ?? 0) - ours;
      }
    }
  }
  const cpu = process.cpuUsage(startedCpu);
  const endedBackground = backgroundThreadsCpuMs();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const backgroundMs = startedBackground === null ? null : endedBackground - startedBackground;
  const messages = results.flatMap((result) => result.messages);
  console.log(
    JSON.stringify({
      wallMs: performance.now() - started,
      cpuMs,
      ruleMs,
      loadCpuMs,
      otherFilesMs,
      jsParseMs,
      jsRuleMs,
      jsRestMs,
      backgroundMs,
      // The main thread's CPU outside the lint passes `stats` times (and outside the plugin's load): importing ESLint
      // and the user's parser, finding files, matching each against the config blocks, reading them, the results.
      outsidePassesMs: cpuMs - (backgroundMs ?? 0) - loadCpuMs - passesMs,
      files: results.length,
      fatal: messages.filter((message) => message.fatal).length,
      findings: messages.filter((message) => message.ruleId?.startsWith(`${namespace}/`)).length,
    }),
  );
}

/**
 * Where a pair's CPU difference is, part by part; the parts add up to it. Our rules, our load and the files only
 * our config lints are the plugin's alone; the rest are differences between the sides: the parse of the JS/TS files
 * both lint, ESLint's other per-file work on them (other rules, traversal, the set-up of every rule), the background
 * threads (GC, compilers), and the main thread outside the timed passes (file walk, config matching, reading).
 * `stats` times are wall times, so on a loaded machine the last part also takes up their difference from CPU.
 */
export function cpuBreakdown(baseline, plugin) {
  const delta = (key) => (plugin[key] ?? 0) - (baseline[key] ?? 0);
  return {
    load: plugin.loadCpuMs,
    rules: plugin.jsRuleMs,
    'other files': plugin.otherFilesMs,
    'JS/TS parse': delta('jsParseMs'),
    'JS/TS rest of the pass': delta('jsRestMs'),
    'background threads': delta('backgroundMs'),
    'outside the passes': delta('outsidePassesMs'),
  };
}
const formatBreakdown = (parts) =>
  Object.entries(parts)
    .map(([part, ms]) => `${part} ${ms.toFixed(0)}`)
    .join(', ');

function runChild(side, target) {
  const args = [THIS_FILE, CHILD_FLAG, side, target.kind, target.root, JSON.stringify(target.files)];
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${side} lint failed (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

/**
 * @param {{ runs?: number, target?: 'app' | 'sdk', dir?: string, log?: (line: string) => void }} [options]
 *   runs: pairs of measured runs (each side once per pair)
 */
export async function runUserOverheadBench({
  runs = 5,
  target = 'app',
  dir,
  untilResolved = false,
  maxMinutes = 30,
  log = console.log,
} = {}) {
  if (runs < 3) throw new Error(`the user-overhead bench needs at least 3 pairs of runs, got ${runs}`);
  const prepared = prepareTarget({ target, dir });
  log(`user's marginal cost of configs.recommended on ${prepared.label}`);
  log(
    `fresh \`node\` process per run (${os.availableParallelism()} cores), ${runs} pairs, order alternating; load average at the start: ${loadAverage()}`,
  );
  // Warm-up, not measured: the file system cache, and each side's modules read once from disk.
  runChild('baseline', prepared);
  runChild('plugin', prepared);
  const sides = { baseline: [], plugin: [] };
  const started = performance.now();
  const resolved = () =>
    summarizeRatios(sides.plugin.map((p, run) => p.cpuMs / sides.baseline[run].cpuMs)).halfWidth <= RESOLUTION;
  const overTime = () => performance.now() - started > maxMinutes * 60_000;
  let stopped = '';
  for (let run = 0; run < runs || (untilResolved && !stopped); run++) {
    for (const side of run % 2 === 0 ? ['baseline', 'plugin'] : ['plugin', 'baseline'])
      sides[side].push(runChild(side, prepared));
    const [b, p] = [sides.baseline[run], sides.plugin[run]];
    log(
      `  pair ${run + 1}: baseline cpu ${b.cpuMs.toFixed(0)} ms wall ${b.wallMs.toFixed(0)} ms | plugin cpu ${p.cpuMs.toFixed(0)} ms wall ${p.wallMs.toFixed(0)} ms (load ${p.loadCpuMs.toFixed(0)} ms cpu, rules ${p.ruleMs.toFixed(0)} ms, other files ${p.otherFilesMs.toFixed(0)} ms) | cpu ratio ${(p.cpuMs / b.cpuMs).toFixed(3)} | load ${loadAverage()}`,
    );
    log(`    Δ cpu ${(p.cpuMs - b.cpuMs).toFixed(0)} ms = ${formatBreakdown(cpuBreakdown(b, p))}`);
    if (untilResolved && run + 1 >= Math.max(runs, 3)) {
      if (resolved()) stopped = `resolved to ±${100 * RESOLUTION} % after ${run + 1} pairs`;
      else if (overTime())
        stopped = `not resolved to ±${100 * RESOLUTION} % within ${maxMinutes} min (${run + 1} pairs)`;
    }
  }
  runs = sides.plugin.length;
  if (untilResolved) log(`until-resolved: ${stopped}`);
  const ratios = (key) => sides.plugin.map((p, run) => p[key] / sides.baseline[run][key]);
  const cpu = summarizeRatios(ratios('cpuMs'));
  const wall = summarizeRatios(ratios('wallMs'));
  const ruleShare = median(sides.plugin.map((p) => p.ruleMs / p.wallMs));
  const [last] = sides.plugin.slice(-1);
  const budget = BUDGETS[prepared.kind];
  const attributed = (key) => median(sides.plugin.map((p) => p[key])).toFixed(0);
  log(
    `files linted: baseline ${sides.baseline[0].files}, plugin ${last.files} (the config adds Dockerfile/.env/JSON/YAML files); plugin findings: ${last.findings}; fatal: ${last.fatal}`,
  );
  log(
    `CPU ratio plugin/baseline, median of ${runs} pairs: ${cpu.median.toFixed(3)} (quartiles ${cpu.q1.toFixed(3)}–${cpu.q3.toFixed(3)}; geometric mean ${cpu.geometricMean.toFixed(3)} ± ${(100 * cpu.halfWidth).toFixed(1)} % at 95 %; budget ${budget})`,
  );
  log(
    `pairs needed to resolve ±${100 * RESOLUTION} % at this noise: ${cpu.pairsFor2Percent} (CPU), ${wall.pairsFor2Percent} (wall); wall ratio median ${wall.median.toFixed(3)} (quartiles ${wall.q1.toFixed(3)}–${wall.q3.toFixed(3)})`,
  );
  log(
    `CPU medians: baseline ${median(sides.baseline.map((b) => b.cpuMs)).toFixed(0)} ms, plugin ${attributed('cpuMs')} ms, of which loading the plugin ${attributed('loadCpuMs')} ms; ESLint stats: rules ${attributed('ruleMs')} ms, files only the plugin lints ${attributed('otherFilesMs')} ms`,
  );
  const breakdowns = sides.plugin.map((p, run) => cpuBreakdown(sides.baseline[run], p));
  const medianBreakdown = Object.fromEntries(
    Object.keys(breakdowns[0]).map((part) => [part, median(breakdowns.map((parts) => parts[part]))]),
  );
  log(
    `Δ CPU per pair, median ${median(sides.plugin.map((p, run) => p.cpuMs - sides.baseline[run].cpuMs)).toFixed(0)} ms; median of each part: ${formatBreakdown(medianBreakdown)}`,
  );
  log(
    `rules' own time (ESLint stats), median share of the run: ${(100 * ruleShare).toFixed(2)} % (budget ${100 * BUDGETS.ruleShare} %)`,
  );
  log(`load average at the end: ${loadAverage()}`);
  const pass = cpu.median <= budget && (prepared.kind === 'sdk' || ruleShare <= BUDGETS.ruleShare);
  log(`${pass ? 'PASS' : 'FAIL'}`);
  return {
    name: `user-overhead (${prepared.kind})`,
    pass,
    cpuRatio: cpu.median,
    wallRatio: wall.median,
    ruleShare,
    cpu,
    breakdown: medianBreakdown,
  };
}

if (process.argv[1] === THIS_FILE) {
  if (process.argv[2] === CHILD_FLAG) {
    const [, , , side, kind, root, files] = process.argv;
    await child({ side, kind, root, files: JSON.parse(files) });
  } else {
    const { values } = parseArgs({
      options: {
        runs: { type: 'string' },
        target: { type: 'string', default: 'app' },
        dir: { type: 'string' },
        'until-resolved': { type: 'boolean', default: false },
        'max-minutes': { type: 'string' },
      },
    });
    if (!['app', 'sdk'].includes(values.target)) throw new Error(`--target must be app or sdk, got ${values.target}`);
    const result = await runUserOverheadBench({
      runs: values.runs ? Number(values.runs) : undefined,
      target: values.target,
      dir: values.dir,
      untilResolved: values['until-resolved'],
      maxMinutes: values['max-minutes'] ? Number(values['max-minutes']) : undefined,
    });
    if (!result.pass) process.exitCode = 1;
  }
}
