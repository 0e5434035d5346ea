#!/usr/bin/env node
// Consumer integration test (`npm run test:consumers`): packs this package with `npm pack`, installs the tarball into
// temporary consumer projects (the lowest supported ESLint 9, the latest 9 and 10), each with the configs people
// already have, and lints test/fixtures/consumer-app (one case of each anti-pattern) with every companion config
// before and after `...credentialExpiry.configs.recommended`. It asserts: no crash, the expected findings, and a
// clear message where a foreign config must be scoped.
//
// Installs are cached in os.tmpdir()/credential-expiry-consumers/<project>-<hash of its package list>, so a rerun
// only reinstalls the tarball. Set CREDENTIAL_EXPIRY_CONSUMERS=eslint-10 (comma-separated names) to run some projects only.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const APP = join(ROOT, 'test', 'fixtures', 'consumer-app');
const CACHE = join(tmpdir(), 'credential-expiry-consumers');

/** The consumer projects: each pins the companions to versions whose peer ranges accept its ESLint. */
const PROJECTS = [
  {
    name: 'eslint-9.6',
    packages: {
      eslint: '9.6.0',
      '@eslint/js': '9.6.0',
      // Later 0.x releases rely on rule defaultOptions (ESLint 9.15): 0.14's json/no-unnormalized-keys crashes on 9.6 alone.
      '@eslint/json': '0.5.0',
      'typescript-eslint': '8.74.0',
      typescript: '5.9.3',
      'eslint-plugin-jsonc': '2.21.1',
      'eslint-plugin-yml': '1.19.1',
      'eslint-config-prettier': '10.1.8',
      'eslint-plugin-unicorn': '56.0.1',
    },
  },
  {
    name: 'eslint-9-latest',
    packages: {
      eslint: '^9.39.5',
      '@eslint/js': '^9.39.0',
      '@eslint/json': '^1.2.0',
      'typescript-eslint': '8.74.0',
      typescript: '~6.0.3',
      'eslint-plugin-jsonc': '^3.4.2',
      'eslint-plugin-yml': '^3.10.0',
      'eslint-config-prettier': '10.1.8',
      'eslint-plugin-unicorn': '64.0.0',
    },
  },
  {
    name: 'eslint-10',
    packages: {
      eslint: '^10.15.0',
      '@eslint/js': '^10.0.1',
      '@eslint/json': '^2.1.1',
      'typescript-eslint': '8.74.0',
      typescript: '~6.0.3',
      'eslint-plugin-jsonc': '^3.4.2',
      'eslint-plugin-yml': '^3.10.0',
      'eslint-config-prettier': '10.1.8',
      'eslint-plugin-unicorn': '64.0.0',
    },
  },
];

const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function pack() {
  const out = join(CACHE, 'tarball');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run('npm', ['pack', '--silent', '--pack-destination', out], ROOT);
  const [file] = readdirSync(out).filter((name) => name.endsWith('.tgz'));
  // Named after its content: npm keeps an installed `file:` tarball of the same version and path.
  const hash = createHash('sha256')
    .update(readFileSync(join(out, file)))
    .digest('hex')
    .slice(0, 12);
  const named = join(out, file.replace(/\.tgz$/u, `-${hash}.tgz`));
  renameSync(join(out, file), named);
  return named;
}

function prepareProject(project, tarball) {
  const key = createHash('sha256').update(JSON.stringify(project.packages)).digest('hex').slice(0, 12);
  const dir = join(CACHE, `${project.name}-${key}`);
  mkdirSync(dir, { recursive: true });
  const dependencies = { ...project.packages, 'eslint-plugin-credential-expiry': `file:${tarball}` };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${project.name}`, private: true, type: 'module', dependencies }, null, 2),
  );
  // The tarball changes on every run; npm reinstalls only it when the rest is cached. Its install output is checked
  // for the install-scripts warning a consumer would see.
  const log = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn'], dir);
  const app = join(dir, 'app');
  rmSync(app, { recursive: true, force: true });
  cpSync(APP, app, { recursive: true });
  return { dir, app, installLog: log };
}

/** Companion configs as a consumer writes them (module source, evaluated inside the consumer project). */
const COMPANIONS = {
  'js.configs.recommended': `import js from '@eslint/js'; export const companion = [js.configs.recommended];`,
  'js.configs.recommended scoped': `import js from '@eslint/js'; export const companion = [{ ...js.configs.recommended, files: ['**/*.{js,mjs,cjs,ts}'] }];`,
  'tseslint.configs.recommended': `import tseslint from 'typescript-eslint'; export const companion = [...tseslint.configs.recommended];`,
  'tseslint.configs.recommendedTypeChecked scoped': `import tseslint from 'typescript-eslint';
    export const companion = [...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.{ts,tsx,mts,cts}'] })),
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }];`,
  'tseslint.configs.recommendedTypeChecked': `import tseslint from 'typescript-eslint';
    export const companion = [...tseslint.configs.recommendedTypeChecked,
      { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }];`,
  'eslint-plugin-jsonc': `import jsonc from 'eslint-plugin-jsonc'; export const companion = [...jsonc.configs['flat/recommended-with-json']];`,
  'eslint-plugin-yml': `import yml from 'eslint-plugin-yml'; export const companion = [...yml.configs['flat/recommended']];`,
  '@eslint/json': `import json from '@eslint/json';
    export const companion = [{ files: ['**/*.json'], plugins: { json }, language: 'json/json', rules: json.configs.recommended.rules }];`,
  // The README's setup for eslint-plugin-yml 1 and 2 (their rules skip YAML files another language read).
  'eslint-plugin-yml, our rule in its YAML block': `import yml from 'eslint-plugin-yml'; import credentialExpiry from 'eslint-plugin-credential-expiry';
    export const companion = [...yml.configs['flat/recommended'],
      { files: ['**/*.{yml,yaml}'], plugins: { 'credential-expiry': credentialExpiry }, rules: { 'credential-expiry/no-embedded-credentials': 'error' } }];
    const { js, dockerfile, dotenv, json } = credentialExpiry.configs;
    export const ours = [...js, ...dockerfile, ...dotenv, ...json];`,
  'eslint-config-prettier': `import prettier from 'eslint-config-prettier'; export const companion = [prettier];`,
  'eslint-plugin-unicorn': `import unicorn from 'eslint-plugin-unicorn';
    export const companion = [unicorn.configs['flat/recommended'] ?? unicorn.configs.recommended];`,
};

/** What `...credentialExpiry.configs.recommended` finds in the app: file -> rule ids. */
const EXPECTED = {
  '.env': ['credential-expiry/no-embedded-credentials'],
  Dockerfile: ['credential-expiry/no-embedded-credentials'],
  'config.json': ['credential-expiry/no-embedded-credentials'],
  'deploy.yaml': ['credential-expiry/no-embedded-credentials'],
  'pipeline.yaml': ['credential-expiry/no-embedded-credentials'],
  'src/presign.ts': ['credential-expiry/presign-max-lifetime'],
  'src/snapshot.ts': ['credential-expiry/no-static-snapshot'],
  'src/token.js': ['credential-expiry/no-module-token-cache'],
};

/**
 * Where eslint-plugin-yml reads the YAML files (its language, last; or its parser, with our rule in its block), it
 * reads them strictly (YAML 1.2), so Kubeflow's under-indented scalars are its parse error. The README says so
 * ("Beside other configs").
 */
function expectedFor(companion, order, project) {
  const expected = structuredClone(EXPECTED);
  const theirParseErrors = new Set();
  const last = order === 'companion last';
  const ymlReadsYaml =
    companion === 'eslint-plugin-yml, our rule in its YAML block' ||
    (companion === 'eslint-plugin-yml' && last && project.packages['eslint-plugin-yml'].startsWith('^3'));
  if (ymlReadsYaml) {
    delete expected['pipeline.yaml'];
    theirParseErrors.add('pipeline.yaml');
  }
  return { expected, theirParseErrors };
}

/** Companions that cannot run on non-JS files: the run stops with a message saying how to scope them. */
const MUST_SCOPE = { 'tseslint.configs.recommendedTypeChecked': /Scope it to JS\/TS files/u };

/** Runs in the consumer project: lints the app once per config file given, one JSON outcome per line. */
const RUNNER = `
import { ESLint } from 'eslint';
for (const configFile of process.argv.slice(2)) {
  try {
    const eslint = new ESLint({ overrideConfigFile: configFile });
    const results = await eslint.lintFiles(['.']);
    console.log(JSON.stringify({ results: results.map((r) => ({ file: r.filePath, messages: r.messages.map(({ ruleId, fatal, line, message }) => ({ ruleId, fatal, line, message })) })) }));
  } catch (error) {
    console.log(JSON.stringify({ crash: String(error && error.message) }));
  }
}
`;

/** Lints the app with every scenario, in one process (ESLint and the parsers load once). */
function lintAll(app, scenarios) {
  const configFiles = scenarios.map(({ companion, order }, index) => {
    writeFileSync(join(app, `companion-${index}.mjs`), COMPANIONS[companion]);
    const file = join(app, `eslint-${index}.config.mjs`);
    writeFileSync(
      file,
      `import credentialExpiry from 'eslint-plugin-credential-expiry';\nimport * as module from './companion-${index}.mjs';\n` +
        `const { companion } = module;\nconst ours = module.ours ?? credentialExpiry.configs.recommended;\n` +
        `export default [{ ignores: ['*.mjs'] }, ...${order === 'companion last' ? '[...ours, ...companion]' : '[...companion, ...ours]'}];\n`,
    );
    return file;
  });
  writeFileSync(join(app, 'runner.mjs'), RUNNER);
  const lines = run('node', ['runner.mjs', ...configFiles], app)
    .trim()
    .split('\n');
  if (lines.length !== scenarios.length)
    throw new Error(`the runner printed ${lines.length} outcomes for ${scenarios.length} configs`);
  return lines.map((line) => JSON.parse(line));
}

function check(project, companion, order, outcome, app) {
  const label = `${project.name} | ${order === 'companion last' ? 'ours, then' : 'first'} ${companion}${order === 'companion last' ? '' : ', then ours'}`;
  const problems = [];
  const scopeMessage = MUST_SCOPE[companion];
  if (outcome.crash) {
    if (!scopeMessage || !scopeMessage.test(outcome.crash))
      problems.push(`crashed: ${outcome.crash.split('\n').slice(0, 3).join(' / ')}`);
    else if (/TypeError|Cannot read properties/u.test(outcome.crash))
      problems.push(`unclear message: ${outcome.crash}`);
    return { label, problems, note: problems.length === 0 ? 'stopped with the scoping message' : undefined };
  }
  if (scopeMessage) problems.push('expected the message that says how to scope this config, got a finished run');
  const found = {};
  const { expected, theirParseErrors } = expectedFor(companion, order, project);
  for (const result of outcome.results) {
    const name = result.file.slice(app.length + 1);
    for (const message of result.messages) {
      if (message.fatal && theirParseErrors.has(name)) continue;
      if (message.fatal) problems.push(`${name}:${message.line}: fatal: ${message.message.slice(0, 160)}`);
      else if (message.ruleId?.startsWith('credential-expiry/')) (found[name] ??= new Set()).add(message.ruleId);
    }
  }
  for (const name of new Set([...Object.keys(expected), ...Object.keys(found)])) {
    const want = (expected[name] ?? []).join(', ');
    const got = [...(found[name] ?? [])].sort().join(', ');
    if (want !== got) problems.push(`${name}: expected [${want}], found [${got}]`);
  }
  return { label, problems };
}

const only = process.env.CREDENTIAL_EXPIRY_CONSUMERS?.split(',');
mkdirSync(CACHE, { recursive: true });
const tarball = pack();
let failures = 0;
for (const project of PROJECTS.filter((candidate) => !only || only.includes(candidate.name))) {
  const { app, installLog } = prepareProject(project, tarball);
  if (/install-scripts|prepare:/u.test(installLog)) {
    failures++;
    console.log(`FAIL ${project.name}: installing the package prints an install-scripts warning`);
  }
  const scenarios = Object.keys(COMPANIONS).flatMap((companion) =>
    ['companion first', 'companion last'].map((order) => ({ companion, order })),
  );
  const outcomes = lintAll(app, scenarios);
  scenarios.forEach(({ companion, order }, index) => {
    const { label, problems, note } = check(project, companion, order, outcomes[index], app);
    if (problems.length > 0) failures++;
    console.log(`${problems.length > 0 ? 'FAIL' : 'ok  '} ${label}${note ? ` (${note})` : ''}`);
    for (const problem of problems) console.log(`       ${problem}`);
  });
}
console.log(failures > 0 ? `\n${failures} consumer check(s) failed` : '\nall consumer checks passed');
process.exit(failures > 0 ? 1 : 0);
