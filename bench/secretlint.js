// no-embedded-credentials against secretlint on the same generated files (Dockerfiles, .env, JSON).
//   node bench/secretlint.js [--runs N] [--files N]     (after `npm run build`; `npm run bench` runs it too)
// Each tool runs as its own command-line tool in a fresh child process on the same files: ESLint with
// credentialExpiry.configs.recommended, and secretlint 11 with @secretlint/secretlint-rule-preset-recommend (in one
// long-lived process secretlint's always-on profiler slows down with every file, which would flatter us).
// The runs alternate (AB BA AB ...) so drift on a shared machine hits both sides; the verdict is the median ratio.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { REPO_ROOT } from './corpus.js';

/** The goal from issue 6: at least 5 times faster than secretlint. */
export const SPEEDUP_GOAL = 5;
// One folder per process: two benchmark runs at once (CI, a colleague) must not rewrite each other's files.
const CORPUS_DIR = join(REPO_ROOT, 'bench', '.generated', `secretlint-corpus-${process.pid}`);
const THIS_FILE = fileURLToPath(import.meta.url);

// ---- the generated file set ------------------------------------------------------------------------------------

/** A small deterministic generator, so that every run and every machine sees the same files. */
function generator(seed) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x80000000;
  };
  const pick = (items) => items[Math.floor(next() * items.length)];
  const draw = (alphabet, length) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  return { next, pick, draw };
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const WORDS = ['api', 'worker', 'billing', 'search', 'export', 'report', 'auth', 'gateway', 'ingest', 'media'];

function dockerfile(g, planted) {
  const service = g.pick(WORDS);
  const lines = [
    `# ${service} service`,
    `FROM node:${g.pick(['18', '20', '22'])}-alpine AS build`,
    'WORKDIR /src',
    'COPY package.json package-lock.json ./',
    'RUN npm ci',
    'COPY . .',
    'RUN npm run build && npm prune --omit=dev',
    '',
    `FROM node:${g.pick(['18', '20', '22'])}-alpine`,
    'WORKDIR /srv',
    `ENV NODE_ENV=production PORT=${3000 + Math.floor(g.next() * 1000)} SERVICE=${service}`,
    'COPY --from=build /src/dist ./dist',
    'COPY --from=build /src/node_modules ./node_modules',
    `LABEL org.opencontainers.image.title="${service}"`,
  ];
  if (planted) lines.push(`ENV AWS_ACCESS_KEY_ID=AKIA${g.draw(UPPER, 16)} AWS_SECRET_ACCESS_KEY=${g.draw(BASE64, 40)}`);
  lines.push('USER node', 'EXPOSE 3000', 'CMD ["node", "dist/server.js"]', '');
  return lines.join('\n');
}

function dotenv(g, planted) {
  const lines = [
    '# local settings',
    `APP_NAME=${g.pick(WORDS)}`,
    `PORT=${3000 + Math.floor(g.next() * 1000)}`,
    'LOG_LEVEL=info',
  ];
  for (let i = 0; i < 12; i++)
    lines.push(
      `${g.pick(WORDS).toUpperCase()}_${g.pick(['URL', 'TIMEOUT', 'RETRIES', 'ENABLED'])}_${i}=${g.pick(['https://example.internal/x', '30', 'true', '5'])}`,
    );
  lines.push(`DATABASE_URL=postgres://app@db.internal:5432/${g.pick(WORDS)}`, 'AWS_REGION=eu-west-1');
  if (planted) lines.push(`AWS_ACCESS_KEY_ID=AKIA${g.draw(UPPER, 16)}`, `AWS_SECRET_ACCESS_KEY=${g.draw(BASE64, 40)}`);
  return `${lines.join('\n')}\n`;
}

function json(g, planted) {
  const dependencies = Object.fromEntries(
    Array.from({ length: 25 }, (_, i) => [
      `@acme/${g.pick(WORDS)}-${i}`,
      `^${1 + Math.floor(g.next() * 9)}.${Math.floor(g.next() * 20)}.0`,
    ]),
  );
  const value = {
    name: `@acme/${g.pick(WORDS)}`,
    version: '1.0.0',
    private: true,
    scripts: { build: 'tsc -p .', test: 'vitest run', lint: 'eslint .' },
    dependencies,
    config: {
      regions: ['eu-west-1', 'us-east-1'],
      retries: 3,
      endpoints: WORDS.map((word) => `https://${word}.example.internal`),
    },
  };
  if (planted) value.deploy = { accessKeyId: `AKIA${g.draw(UPPER, 16)}`, secretAccessKey: g.draw(BASE64, 40) };
  return `${JSON.stringify(value, null, 2)}\n`;
}

const KINDS = [
  ['Dockerfile', dockerfile],
  ['.env', dotenv],
  ['package.json', json],
];

/**
 * Writes `count` files (a third each: Dockerfiles, .env files, JSON), one in ten with a long-term AWS key pair.
 * @returns {{ files: string[], planted: number, bytes: number }}
 */
export function generateCorpus(count, directory = CORPUS_DIR) {
  rmSync(directory, { recursive: true, force: true });
  const g = generator(0x5ec2e7);
  const files = [];
  let planted = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = join(directory, `service-${String(Math.floor(i / 3)).padStart(4, '0')}`);
    mkdirSync(folder, { recursive: true });
    const withSecret = i % 10 === 0;
    if (withSecret) planted++;
    const [name, make] = KINDS[i % 3];
    const text = make(g, withSecret);
    writeFileSync(join(folder, name), text);
    files.push(join(folder, name));
    bytes += Buffer.byteLength(text);
  }
  return { files, planted, bytes };
}

// ---- the two sides: each tool's CLI in a fresh process, as a user runs it --------------------------------------
// In-process runs would be unfair to secretlint: its always-on profiler keeps every performance mark of the
// process and searches them on each one, so a long-lived process slows down quadratically. A fresh process per run
// is what `npx secretlint "**/*"` and `npx eslint .` do.

async function loadPlugin() {
  try {
    return (await import('eslint-plugin-credential-expiry')).default;
  } catch (error) {
    throw new Error(`cannot load eslint-plugin-credential-expiry (run \`npm run build\` first): ${error.message}`);
  }
}

const ESLINT_BIN = join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const SECRETLINT_BIN = join(REPO_ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');

function writeConfigs(directory) {
  writeFileSync(
    join(directory, 'eslint.config.js'),
    "import credentialExpiry from 'eslint-plugin-credential-expiry';\nexport default [{ ignores: ['eslint.config.js', '.secretlintrc.json'] }, ...credentialExpiry.configs.recommended];\n",
  );
  writeFileSync(
    join(directory, '.secretlintrc.json'),
    JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
  );
}

/** Runs a CLI that writes JSON results to `outputFile` (stdout of a CLI that exits at once can be cut short). */
function timeChild(args, directory, outputFile) {
  rmSync(outputFile, { force: true });
  const started = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: directory,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - started;
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`${args[0]} failed (exit ${child.status}): ${child.stderr.slice(0, 2000)}`);
  return { ms, results: JSON.parse(readFileSync(outputFile, 'utf8')) };
}

function runOurs(directory) {
  const output = join(directory, '..', `eslint-${process.pid}.json`);
  const { ms, results } = timeChild([ESLINT_BIN, '.', '--format', 'json', '--output-file', output], directory, output);
  const messages = results.flatMap((result) => result.messages);
  return {
    ms,
    files: results.length,
    fatal: messages.filter((message) => message.fatal).length,
    findingFiles: results.filter((result) =>
      result.messages.some((m) => m.ruleId === 'credential-expiry/no-embedded-credentials'),
    ).length,
  };
}

function runSecretlint(directory) {
  const output = join(directory, '..', `secretlint-${process.pid}.json`);
  const { ms, results } = timeChild(
    [SECRETLINT_BIN, '**/*', '--format', 'json', '--no-color', '--output', output],
    directory,
    output,
  );
  return { ms, findingFiles: results.filter((result) => result.messages.length > 0).length };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * @param {{ runs?: number, files?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ name: string, pass: boolean, medianRatio: number }>}
 */
export async function runSecretlintBench({ runs = 7, files: fileCount = 2400, log = console.log } = {}) {
  if (fileCount < 2000) throw new Error(`the comparison needs at least 2,000 files, got ${fileCount}`);
  await loadPlugin(); // fails early, with the hint to build, when dist/ is missing
  const corpus = generateCorpus(fileCount);
  writeConfigs(CORPUS_DIR);
  try {
    return compare(corpus, runs, log);
  } finally {
    rmSync(CORPUS_DIR, { recursive: true, force: true });
    for (const tool of ['eslint', 'secretlint'])
      rmSync(join(CORPUS_DIR, '..', `${tool}-${process.pid}.json`), { force: true });
  }
}

function compare(corpus, runs, log) {
  log(
    `no-embedded-credentials vs secretlint 11 + preset-recommend (ESLint ${ESLint.version}, Node ${process.version}), each CLI in a fresh process`,
  );
  log(
    `generated set: ${corpus.files.length} files (Dockerfile, .env, package.json), ${(corpus.bytes / 1024).toFixed(0)} KiB, ${corpus.planted} with a planted AWS key pair`,
  );

  // Warm-up, not measured (file-system cache, compile caches); also checks that both see the planted keys.
  const ours = runOurs(CORPUS_DIR);
  const theirs = runSecretlint(CORPUS_DIR);
  log(
    `files with findings: ours ${ours.findingFiles}, secretlint ${theirs.findingFiles} (planted: ${corpus.planted}); ours linted ${ours.files} files, ${ours.fatal} parse errors`,
  );
  if (ours.fatal > 0 || ours.files !== corpus.files.length)
    log('warning: not every generated file was linted cleanly; the figures are not comparable');

  const measured = { ours: [], secretlint: [] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['ours', 'secretlint'] : ['secretlint', 'ours'];
    for (const side of order) measured[side].push((side === 'ours' ? runOurs : runSecretlint)(CORPUS_DIR).ms);
    log(
      `  run ${run + 1}/${runs}: ours ${measured.ours[run].toFixed(0)} ms, secretlint ${measured.secretlint[run].toFixed(0)} ms`,
    );
  }
  const perRun = measured.secretlint.map((ms, run) => ms / measured.ours[run]);
  const ratio = median(perRun);
  const pass = ratio >= SPEEDUP_GOAL;
  log(
    `median wall time: ours ${median(measured.ours).toFixed(0)} ms, secretlint ${median(measured.secretlint).toFixed(0)} ms`,
  );
  log(
    `speed-up secretlint/ours, median of runs: ${ratio.toFixed(2)}x (runs ${Math.min(...perRun).toFixed(2)}..${Math.max(...perRun).toFixed(2)})`,
  );
  log(`${pass ? 'PASS' : 'FAIL'}: ${ratio.toFixed(2)}x faster, goal ${SPEEDUP_GOAL}x`);
  return { name: 'secretlint', pass, medianRatio: ratio };
}

if (process.argv[1] === THIS_FILE) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '7' }, files: { type: 'string', default: '2400' } },
  });
  const result = await runSecretlintBench({ runs: Number(values.runs), files: Number(values.files) });
  if (!result.pass) process.exitCode = 1;
}
