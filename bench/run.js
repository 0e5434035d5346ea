// `npm run bench`: every benchmark of the project, one after the other.
//   node bench/run.js [--runs N] [--only NAME]... [--strict]
// --runs: measured runs for every benchmark (default: each benchmark's own).
// --only: run just the named benchmarks (eslint-overhead, user-overhead, secretlint, codemod, repository-model).
// --strict: exit 1 when a benchmark misses its budget (otherwise the verdicts are only printed).
// A benchmark is a module in bench/ exporting an async function that takes { runs?, log } and may return
// { name, pass }. Optional ones are called only when their file exists, so they can land independently.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './corpus.js';
import { runEslintOverheadBench } from './eslint-overhead.js';

const OPTIONAL_BENCHES = [
  { name: 'user-overhead', file: 'user-overhead.js', exportName: 'runUserOverheadBench' },
  { name: 'secretlint', file: 'secretlint.js', exportName: 'runSecretlintBench' },
  { name: 'codemod', file: 'codemod.js', exportName: 'runCodemodBench' },
  { name: 'repository-model', file: 'repository-model.js', exportName: 'runRepositoryModelBench' },
];

async function loadOptionalBench({ file, exportName }) {
  const path = join(REPO_ROOT, 'bench', file);
  if (!existsSync(path)) return undefined;
  const run = (await import(path))[exportName];
  if (typeof run !== 'function') throw new Error(`bench/${file} does not export a function ${exportName}()`);
  return run;
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    only: { type: 'string', multiple: true },
    strict: { type: 'boolean', default: false },
  },
});
const runs = values.runs === undefined ? undefined : Number(values.runs);
if (runs !== undefined && !(Number.isInteger(runs) && runs > 0))
  throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const BENCH_NAMES = ['eslint-overhead', ...OPTIONAL_BENCHES.map(({ name }) => name)];
const unknown = (values.only ?? []).filter((name) => !BENCH_NAMES.includes(name));
if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCH_NAMES.join(', ')}`);
const selected = (name) => !values.only || values.only.includes(name);

const benches = [{ name: 'eslint-overhead', run: runEslintOverheadBench }];
for (const optional of OPTIONAL_BENCHES.filter(({ name }) => selected(name))) {
  const run = await loadOptionalBench(optional);
  if (run) benches.push({ name: optional.name, run });
  else console.log(`(bench/${optional.file} not present yet: skipped)`);
}

const failed = [];
for (const { name, run } of benches.filter((bench) => selected(bench.name))) {
  console.log(`\n=== ${name} ===`);
  const result = await run({ ...(runs === undefined ? {} : { runs }), log: console.log });
  if (result?.pass === false) failed.push(result.name ?? name);
}

console.log(`\n${failed.length ? `over budget: ${failed.join(', ')}` : 'all benchmarks within budget'}`);
if (failed.length && values.strict) process.exitCode = 1;
