// `npm run bench`: every benchmark of the project, one after the other.
//   node bench/run.js [--runs N] [--strict]
// --strict: exit 1 when a benchmark misses its budget (otherwise the verdicts are only printed).
// A benchmark is a module in bench/ exporting an async function that takes { runs, log } and may return
// { name, pass }. Optional ones are called only when their file exists, so they can land independently.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './corpus.js';
import { runEslintOverheadBench } from './eslint-overhead.js';

const OPTIONAL_BENCHES = [
  { file: 'secretlint.js', exportName: 'runSecretlintBench' },
  { file: 'codemod.js', exportName: 'runCodemodBench' },
];

async function loadOptionalBench({ file, exportName }) {
  const path = join(REPO_ROOT, 'bench', file);
  if (!existsSync(path)) return undefined;
  const run = (await import(path))[exportName];
  if (typeof run !== 'function') throw new Error(`bench/${file} does not export a function ${exportName}()`);
  return run;
}

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '9' }, strict: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 5) throw new Error(`--runs must be an integer of at least 5, got ${values.runs}`);

const benches = [{ name: 'eslint-overhead', run: runEslintOverheadBench }];
for (const optional of OPTIONAL_BENCHES) {
  const run = await loadOptionalBench(optional);
  if (run) benches.push({ name: optional.file.replace(/\.js$/, ''), run });
  else console.log(`(bench/${optional.file} not present yet: skipped)`);
}

const failed = [];
for (const { name, run } of benches) {
  console.log(`\n=== ${name} ===`);
  const result = await run({ runs, log: console.log });
  if (result?.pass === false) failed.push(result.name ?? name);
}

console.log(`\n${failed.length ? `over budget: ${failed.join(', ')}` : 'all benchmarks within budget'}`);
if (failed.length && values.strict) process.exitCode = 1;
