// What `...credentialExpiry.configs.recommended` costs a user, as a user sees it: a fresh `eslint` process per run,
// their own lint (typescript-eslint's parser on TS files, one cheap core rule) against the same plus our config,
// alternating the two sides run by run. Reports CPU and wall ratios (median of the runs), the load average, and the
// rules' own share of the run from ESLint's `stats` (per-rule times).
//   node bench/user-overhead.js [--runs N] [--target app|sdk] [--dir PATH]
// --target app (default): the generated application corpus (bench/app-corpus.js), mostly files with no credential
//   code; --target sdk: the SDK corpus (bench/corpus.js), the worst case; --dir PATH: a repository of yours (its
//   git-tracked JS/TS, JSON, YAML, Dockerfile and .env files; node_modules never).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { materializeAppCorpus } from './app-corpus.js';
import { corpusLanguageBlocks, materializeCorpus, REPO_ROOT } from './corpus.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--child';
/** Targets from issue 14: the application corpus at most +2 % CPU, the SDK corpus +5 %, the rules' share 1 %. */
export const BUDGETS = { app: 1.02, sdk: 1.05, dir: 1.02, ruleShare: 0.01 };
const LINTED =
  /\.(?:[cm]?[jt]sx?|json|ya?ml|env)$|(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|(?:^|\/)\.env(?:\.[^/]*)?$/;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
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

/** The user's own lint: typescript-eslint's parser on TypeScript, one cheap core rule (the SDK corpus: Node's parsing). */
async function userConfig(kind) {
  if (kind === 'sdk') return [{ rules: { 'no-debugger': 'error' } }, ...corpusLanguageBlocks()];
  const tsParser = (await import('@typescript-eslint/parser')).default;
  return [
    { ignores: ['**/dist/**', '**/build/**', '**/coverage/**'] },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      rules: { 'no-debugger': 'error' },
    },
  ];
}

/** One lint in this process (the child): prints its times, the rules' own time from `stats`, and the findings. */
async function child({ side, kind, root, files }) {
  const startedCpu = process.cpuUsage();
  const started = performance.now();
  const { ESLint } = await import('eslint');
  const user = await userConfig(kind);
  let config = user;
  let namespace = 'credential-expiry';
  if (side === 'plugin') {
    const plugin = (await import('eslint-plugin-credential-expiry')).default;
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
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [rule, { total }] of Object.entries(pass.rules ?? {}))
        if (rule.startsWith(`${namespace}/`)) ruleMs += total;
    }
  }
  const cpu = process.cpuUsage(startedCpu);
  const messages = results.flatMap((result) => result.messages);
  console.log(
    JSON.stringify({
      wallMs: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
      ruleMs,
      files: results.length,
      fatal: messages.filter((message) => message.fatal).length,
      findings: messages.filter((message) => message.ruleId?.startsWith(`${namespace}/`)).length,
    }),
  );
}

function runChild(side, target) {
  const args = [THIS_FILE, CHILD_FLAG, side, target.kind, target.root, JSON.stringify(target.files)];
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${side} lint failed (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

/**
 * @param {{ runs?: number, target?: 'app' | 'sdk', dir?: string, log?: (line: string) => void }} [options]
 */
export async function runUserOverheadBench({ runs = 5, target = 'app', dir, log = console.log } = {}) {
  if (runs < 3) throw new Error(`the user-overhead bench needs at least 3 runs per side, got ${runs}`);
  const prepared = prepareTarget({ target, dir });
  log(`user's marginal cost of configs.recommended on ${prepared.label}`);
  log(
    `fresh \`node\` process per run (${os.availableParallelism()} cores), ${runs} runs per side, alternating; load average at the start: ${loadAverage()}`,
  );
  runChild('baseline', prepared); // warm-up: file system cache, not measured
  const sides = { baseline: [], plugin: [] };
  for (let run = 0; run < runs; run++) {
    for (const side of run % 2 === 0 ? ['baseline', 'plugin'] : ['plugin', 'baseline'])
      sides[side].push(runChild(side, prepared));
    const [b, p] = [sides.baseline[run], sides.plugin[run]];
    log(
      `  run ${run + 1}: baseline cpu ${b.cpuMs.toFixed(0)} ms wall ${b.wallMs.toFixed(0)} ms | plugin cpu ${p.cpuMs.toFixed(0)} ms wall ${p.wallMs.toFixed(0)} ms (rules ${p.ruleMs.toFixed(0)} ms)`,
    );
  }
  const ratio = (key) => median(sides.plugin.map((p, run) => p[key] / sides.baseline[run][key]));
  const cpuRatio = ratio('cpuMs');
  const wallRatio = ratio('wallMs');
  const ruleShare = median(sides.plugin.map((p) => p.ruleMs / p.wallMs));
  const [last] = sides.plugin.slice(-1);
  const budget = BUDGETS[prepared.kind];
  log(
    `files linted: baseline ${sides.baseline[0].files}, plugin ${last.files} (the config adds Dockerfile/.env/JSON/YAML files); plugin findings: ${last.findings}; fatal: ${last.fatal}`,
  );
  log(
    `CPU ratio plugin/baseline, median: ${cpuRatio.toFixed(3)} (budget ${budget}); wall ratio: ${wallRatio.toFixed(3)}`,
  );
  log(
    `rules' own time (ESLint stats), median share of the run: ${(100 * ruleShare).toFixed(2)} % (budget ${100 * BUDGETS.ruleShare} %)`,
  );
  log(`load average at the end: ${loadAverage()}`);
  const pass = cpuRatio <= budget && (prepared.kind === 'sdk' || ruleShare <= BUDGETS.ruleShare);
  log(`${pass ? 'PASS' : 'FAIL'}`);
  return { name: `user-overhead (${prepared.kind})`, pass, cpuRatio, wallRatio, ruleShare };
}

if (process.argv[1] === THIS_FILE) {
  if (process.argv[2] === CHILD_FLAG) {
    const [, , , side, kind, root, files] = process.argv;
    await child({ side, kind, root, files: JSON.parse(files) });
  } else {
    const { values } = parseArgs({
      options: { runs: { type: 'string' }, target: { type: 'string', default: 'app' }, dir: { type: 'string' } },
    });
    if (!['app', 'sdk'].includes(values.target)) throw new Error(`--target must be app or sdk, got ${values.target}`);
    const result = await runUserOverheadBench({
      runs: values.runs ? Number(values.runs) : undefined,
      target: values.target,
      dir: values.dir,
    });
    if (!result.pass) process.exitCode = 1;
  }
}
