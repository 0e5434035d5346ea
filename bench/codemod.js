// The codemod's benchmark (issue 5): `credential-expiry migrate --dry` on a generated repository of 5,000 files
// (with a few anti-patterns sprinkled in) and on examples/; files per second and peak RSS of the CLI process.
//   node bench/codemod.js [--runs N] [--files N]
// Called by bench/run.js as runCodemodBench({ runs, log }). Goal: at least 300 files/s and at most 1.5 GiB.
// The generated repository lives in bench/.generated/ (git-ignored) and is its own git repository, as a user's is.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './corpus.js';

export const FILES_PER_SECOND_BUDGET = 300;
export const PEAK_RSS_BUDGET_BYTES = 1.5 * 1024 ** 3;
const GENERATOR_VERSION = 2;
const BUILT_CLI = join(REPO_ROOT, 'dist', 'src', 'codemod', 'cli.js');
const THIS_FILE = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--measure-child';

/** A small deterministic PRNG (mulberry32), so every run generates the same repository. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plainModule = (i, next) => `// Domain helpers for orders, batch ${i}.
import { formatAmount, type Money } from './util-${next}.js';

export interface Order${i} {
  id: string;
  customerId: string;
  lines: { sku: string; quantity: number; price: Money }[];
  createdAt: Date;
}

export function orderTotal${i}(order: Order${i}): Money {
  let cents = 0;
  for (const line of order.lines) cents += line.quantity * line.price.cents;
  return { cents, currency: order.lines[0]?.price.currency ?? 'EUR' };
}

export function describeOrder${i}(order: Order${i}): string {
  const total = orderTotal${i}(order);
  const age = Math.round((Date.now() - order.createdAt.getTime()) / 86_400_000);
  return \`order \${order.id} for \${order.customerId}: \${formatAmount(total)}, \${age} days old\`;
}

export class OrderBook${i} {
  readonly #orders = new Map<string, Order${i}>();

  add(order: Order${i}): void {
    if (this.#orders.has(order.id)) throw new Error(\`duplicate order \${order.id}\`);
    this.#orders.set(order.id, order);
  }

  byCustomer(customerId: string): Order${i}[] {
    return [...this.#orders.values()].filter((order) => order.customerId === customerId);
  }

  total(): Money {
    const cents = [...this.#orders.values()].reduce((sum, order) => sum + orderTotal${i}(order).cents, 0);
    return { cents, currency: 'EUR' };
  }
}
`;

const utilModule = (i) => `export interface Money {
  cents: number;
  currency: string;
}

const FORMATTERS${i} = new Map<string, Intl.NumberFormat>();

export function formatAmount(money: Money): string {
  let formatter = FORMATTERS${i}.get(money.currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency });
    FORMATTERS${i}.set(money.currency, formatter);
  }
  return formatter.format(money.cents / 100);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
`;

// Look-alike: a module-scope client with a refreshing provider and per-request presigning (must stay silent).
const awsModule = (i) => `import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({ region: process.env.AWS_REGION, credentials: fromNodeProviderChain() });
const BUCKET = process.env.BUCKET_${i} ?? 'bucket-${i}';

export async function store${i}(key: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
}

export async function link${i}(key: string): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 900 });
}
`;

const commonJsModule = (i) => `'use strict';
const { readFile } = require('node:fs/promises');

async function loadSettings${i}(path) {
  const text = await readFile(path, 'utf8');
  const settings = JSON.parse(text);
  return { retries: settings.retries ?? 3, timeoutMs: settings.timeoutMs ?? 5000 };
}

module.exports = { loadSettings${i} };
`;

// Anti-pattern A: instance-profile credentials resolved once and handed to a client.
const snapshotModule = (i) => `import { S3Client } from '@aws-sdk/client-s3';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';

const credentials${i} = await fromInstanceMetadata()();

export const archive${i} = new S3Client({ region: 'eu-west-1', credentials: credentials${i} });
`;

// Anti-pattern D: a 7-day link signed with task-role credentials.
const presignModule = (i) => `import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({ credentials: fromContainerMetadata() });

export function weeklyLink${i}(key: string): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: 'reports', Key: key }), { expiresIn: 7 * 24 * 60 * 60 });
}
`;

// Anti-pattern B: a Google token cached at module scope with no expiry check.
const tokenModule = (i) => `import { GoogleAuth } from 'google-auth-library';

const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
let cachedToken${i}: string | null | undefined;

export async function bearer${i}(): Promise<string> {
  if (!cachedToken${i}) cachedToken${i} = await auth.getAccessToken();
  return \`Bearer \${cachedToken${i}}\`;
}
`;

/** Anti-pattern C: a temporary key written into code (random, generated on disk only, never committed). */
function embeddedModule(i, next) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const key = `ASIA${Array.from({ length: 16 }, () => chars[Math.floor(next() * chars.length)]).join('')}`;
  return `export const uploadConfig${i} = { region: 'eu-west-1', accessKeyId: '${key}', bucket: 'uploads' };\n`;
}

/** path → text for a repository of `count` files. */
function generateFiles(count) {
  const next = random(20_260_515);
  const files = {
    'package.json': `${JSON.stringify({ name: 'generated-app', private: true, type: 'module' }, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true } }, null, 2)}\n`,
    '.gitignore': 'node_modules/\ndist/\n',
    // Its own (empty) ESLint config: otherwise ESLint's lookup would climb into this repository's config.
    'eslint.config.js': 'export default [{}];\n',
  };
  const remaining = count - Object.keys(files).length;
  for (let i = 0; i < remaining; i += 1) {
    const dir = `src/area-${Math.floor(i / 100)}`;
    const roll = next();
    if (roll < 0.005) files[`${dir}/archive-${i}.ts`] = snapshotModule(i);
    else if (roll < 0.01) files[`${dir}/links-${i}.ts`] = presignModule(i);
    else if (roll < 0.015) files[`${dir}/bearer-${i}.ts`] = tokenModule(i);
    else if (roll < 0.02) files[`${dir}/upload-config-${i}.ts`] = embeddedModule(i, next);
    else if (roll < 0.1) files[`${dir}/storage-${i}.ts`] = awsModule(i);
    else if (roll < 0.2) files[`${dir}/settings-${i}.cjs`] = commonJsModule(i);
    else if (roll < 0.45) files[`${dir}/util-${i}.ts`] = utilModule(i);
    else files[`${dir}/orders-${i}.ts`] = plainModule(i, i + 1);
  }
  return files;
}

/** Generates (once) and returns the repository of `count` files under bench/.generated/. */
export function generatedRepository(count) {
  const dir = join(REPO_ROOT, 'bench', '.generated', `codemod-${count}`);
  const marker = join(dir, '.generator');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(GENERATOR_VERSION)) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(generateFiles(count))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'generated');
  writeFileSync(marker, String(GENERATOR_VERSION));
  return dir;
}

/** One `migrate --dry` in a child process: wall time seen from outside, peak RSS and counts from inside. */
function measureOnce(target) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [THIS_FILE, CHILD_FLAG, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`migrate --dry exited with ${code} on ${target}`));
      const { maxRssBytes, cpuSeconds, summary } = JSON.parse(out.trim().split('\n').at(-1));
      resolve({ seconds, cpuSeconds, maxRssBytes, summary });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => `${Math.round(bytes / 1024 ** 2)} MiB`;

async function benchTarget(label, target, runs, log) {
  const measured = [];
  for (let run = 0; run < runs; run += 1) measured.push(await measureOnce(target));
  const { summary } = measured[0];
  const seconds = median(measured.map((m) => m.seconds));
  const cpuSeconds = median(measured.map((m) => m.cpuSeconds));
  const filesPerSecond = summary.filesScanned / seconds;
  const peak = Math.max(...measured.map((m) => m.maxRssBytes));
  log(
    `${label}: ${summary.filesScanned} files scanned, ${summary.filesChanged} would change, ${summary.needsPerson} need a person; ` +
      `median ${seconds.toFixed(2)} s wall over ${runs} run${runs === 1 ? '' : 's'} = ${Math.round(filesPerSecond)} files/s ` +
      `(${cpuSeconds.toFixed(2)} s CPU = ${Math.round(summary.filesScanned / cpuSeconds)} files per CPU-second); peak RSS ${mib(peak)}`,
  );
  return { filesPerSecond, peak };
}

/** The benchmark as bench/run.js calls it. Each run of the 5,000-file repository takes a while: at most 3 runs. */
export async function runCodemodBench({ runs = 3, log = console.log, files = 5000 } = {}) {
  if (!existsSync(BUILT_CLI)) throw new Error('dist/src/codemod/cli.js is missing: run `npm run build` first');
  const codemodRuns = Math.min(runs, 3);
  log(
    `command: node dist/src/codemod/cli.js migrate --dry --json <target> (child process; wall time includes start-up)`,
  );
  const generated = await benchTarget(
    `generated repository (${files} files)`,
    generatedRepository(files),
    codemodRuns,
    log,
  );
  await benchTarget('examples/', join(REPO_ROOT, 'examples'), codemodRuns, log);
  const pass = generated.filesPerSecond >= FILES_PER_SECOND_BUDGET && generated.peak <= PEAK_RSS_BUDGET_BYTES;
  log(
    `verdict: ${Math.round(generated.filesPerSecond)} files/s (goal >= ${FILES_PER_SECOND_BUDGET}), peak RSS ${mib(generated.peak)} ` +
      `(goal <= ${mib(PEAK_RSS_BUDGET_BYTES)}): ${pass ? 'within budget' : 'OVER BUDGET'}`,
  );
  return { name: 'codemod', pass };
}

async function measureChild(target) {
  const { runCli } = await import(pathToFileURL(BUILT_CLI).href);
  let report = '';
  const code = await runCli(['migrate', '--dry', '--json', target], {
    cwd: REPO_ROOT,
    stdout: { write: (text) => (report += text) },
    stderr: { isTTY: false, write: () => true },
  });
  if (code !== 0) process.exit(code);
  const { summary } = JSON.parse(report);
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(`${JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuSeconds, summary })}\n`);
}

if (process.argv[1] === THIS_FILE) {
  if (process.argv[2] === CHILD_FLAG) {
    await measureChild(process.argv[3]);
  } else {
    const { values } = parseArgs({
      options: { runs: { type: 'string', default: '3' }, files: { type: 'string', default: '5000' } },
    });
    const result = await runCodemodBench({ runs: Number(values.runs), files: Number(values.files) });
    if (!result.pass) process.exitCode = 1;
  }
}
