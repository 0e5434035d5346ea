// The repository model's cost (issue 16): it is built once per lint run (per thread) and every other file costs a
// lookup. Measured here:
//   - cold: the first build in a fresh Node process, including loading the parsers it needs (TypeScript for CDK,
//     hcl2-parser for Terraform, yaml), for each fixture repository of test/fixtures/infrastructure and for all of
//     them together; each in its own child process, so nothing is preloaded;
//   - warm: a rebuild in the same process (what an editor pays when an infrastructure file changed);
//   - scaled: a generated repository with COPIES copies of every fixture (bench/.generated/, git-ignored);
//   - lookup: placementOf() for one file, the per-file cost, averaged over LOOKUPS calls.
//   node bench/repository-model.js [--runs N]      (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './corpus.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'infrastructure');
const GENERATED = join(REPO_ROOT, 'bench', '.generated', 'repository-model');
const DIST = join(REPO_ROOT, 'dist', 'src', 'repository');
const COPIES = 40;
const LOOKUPS = 10_000;
const THIS_FILE = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--measure-child';

/** In a child process: build the model of `root` twice and look up one file; print JSON. */
async function measureChild(root, probe) {
  const started = performance.now();
  const { buildModel } = await import(pathToFileURL(join(DIST, 'build.js')).href);
  const { placementOf } = await import(pathToFileURL(join(DIST, 'index.js')).href);
  const loaded = performance.now();
  const model = buildModel(root, [root], false);
  const cold = performance.now() - started;
  const warmStart = performance.now();
  buildModel(root, [root], false);
  const warm = performance.now() - warmStart;
  const lookupStart = performance.now();
  let placed = 0;
  for (let i = 0; i < LOOKUPS; i++) if (placementOf(model, join(root, probe))) placed++;
  const lookup = ((performance.now() - lookupStart) * 1000) / LOOKUPS;
  console.log(
    JSON.stringify({
      cold,
      load: loaded - started,
      warm,
      lookup,
      placed: placed > 0,
      files: model.files.size,
      roles: model.roles.length,
      units: model.units.length,
    }),
  );
}

function generate() {
  if (existsSync(join(GENERATED, `copy-${COPIES - 1}`))) return GENERATED;
  rmSync(GENERATED, { recursive: true, force: true });
  mkdirSync(GENERATED, { recursive: true });
  for (let i = 0; i < COPIES; i++) cpSync(FIXTURES, join(GENERATED, `copy-${i}`), { recursive: true });
  return GENERATED;
}

function runChild(root, probe) {
  const child = spawnSync(process.execPath, [THIS_FILE, CHILD_FLAG, root, probe], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`measuring ${root} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runRepositoryModelBench({ runs = 3, log = console.log } = {}) {
  if (!existsSync(join(DIST, 'build.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const targets = [
    ...readdirSync(FIXTURES)
      .sort()
      .map((name) => ({ name, root: join(FIXTURES, name), probe: 'services/x/src/a.ts' })),
    { name: 'all five together', root: FIXTURES, probe: 'cdk/services/export/src/links.ts' },
    { name: `${COPIES} copies of all five`, root: generate(), probe: 'copy-0/cdk/services/export/src/links.ts' },
  ];
  log(
    `| repository | infra files | roles | units | cold build (ms, incl. parser load) | of which module load (ms) | warm rebuild (ms) | lookup (µs/file) |`,
  );
  log('|---|---|---|---|---|---|---|---|');
  for (const { name, root, probe } of targets) {
    const samples = Array.from({ length: runs }, () => runChild(root, probe));
    const m = (key) => median(samples.map((s) => s[key]));
    const [first] = samples;
    log(
      `| ${name} | ${first.files} | ${first.roles} | ${first.units} | ${m('cold').toFixed(0)} | ${m('load').toFixed(0)} | ${m('warm').toFixed(1)} | ${m('lookup').toFixed(2)} |`,
    );
  }
  return { name: 'repository-model' };
}

if (process.argv[2] === CHILD_FLAG) {
  await measureChild(process.argv[3], process.argv[4]);
} else if (process.argv[1] === THIS_FILE) {
  const { values } = parseArgs({ options: { runs: { type: 'string' } } });
  await runRepositoryModelBench(values.runs ? { runs: Number(values.runs) } : {});
}
