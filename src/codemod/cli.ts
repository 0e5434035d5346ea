#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSettings, SettingsError, SETTINGS_KEY } from '../settings.js';
import { EXIT, UsageError } from './errors.js';
import { migrate, type MigrateIo } from './migrate.js';
import type { MigrateOptions } from './types.js';

export const HELP = `Usage: credential-expiry migrate [paths...] [options]
       credential-expiry --help | --version

Moves a repository to refreshing credential providers: runs the eslint-plugin-credential-expiry rules on
every JS/TS file under the paths (default: .), applies their fixes and migration-safe suggestions, then
does what one file cannot (an exported token becomes an exported getter, and every importer awaits it).
Dockerfiles, .env, JSON and YAML files are checked and their findings listed. Files ignored by
.gitignore, by the project's ESLint config, node_modules and build output (dist, build, out, ...) are
skipped; JS/TS files are parsed with the project's own parser options. Nothing is written until
everything is computed; then every file is written to a temporary file beside it, and only when all
are complete are they renamed into place (a run killed meanwhile is completed or rolled back by the
next one). Symbolic links and files that are not UTF-8 are listed and never written.

Options:
  --dry                   print a unified diff of what would change; write nothing
  --check                 write nothing; exit 1 when a migration is pending (for CI)
  --strict                with --check: also exit 1 while findings need a person
  --report FILE           write a JSON report: every change, every finding left for a person
  --json                  print that JSON report on stdout (summary and progress go to stderr)
  --force                 write even when the git working tree has uncommitted changes
  --tsconfig FILE         tsconfig.json for the project-wide stage (default: the nearest one)
  --config NAME           which rules run: recommended (default) or strict
  --rule NAME             run only this rule (repeatable; with or without the credential-expiry/ prefix)
  --transform NAME        apply only this transform (repeatable): fix (the rules' own fixes), a
                          migration-safe suggestion by its id (passProvider, clampToMaximum, ...), or
                          exported-snapshot (the rewrite across files); the rest stays for a person
  --ignore-pattern GLOB   skip files matching GLOB, relative to the repository root (repeatable)
  --extensions LIST       only files with these extensions, comma-separated (ts,tsx,js)
  --verbose               say what happened to each file, the threads used, and how long it took
  --concurrency N         ESLint worker threads for linting: a number, off, or auto (default; as
                          ESLint's own: half the cores, one worker per 50 files, none below two)
  --platform NAME         settings['credential-expiry'].platform (ec2, ecs, lambda, eks-irsa, ...)
  --session-seconds N     settings['credential-expiry'].sessionSeconds
  -h, --help              show this help
  -v, --version           show the version

Exit codes:
  0  done (or nothing to do); with --check: no migration pending
  1  --check: a migration is pending (with --strict: or findings still need a person)
  2  bad usage or input: unknown option, missing path, tsconfig that does not load, bad settings
  3  refused to write: the git working tree has uncommitted changes (commit or stash, or --force)
  4  a file could not be written (before any rename: nothing was written; during the renames: the
     next run completes them)

Examples:
  npx credential-expiry migrate --dry              # show the diff for the whole repository
  npx credential-expiry migrate src --report migration.json
  npx credential-expiry migrate --check            # in CI: fail while a migration is pending
  npx credential-expiry migrate --dry --transform clampToMaximum --rule presign-max-lifetime
`;

const require = createRequire(import.meta.url);
const VERSION = (require('eslint-plugin-credential-expiry/package.json') as { version: string }).version;

function parse(
  argv: string[],
  cwd: string,
): { command: 'help' | 'version' } | { command: 'migrate'; options: MigrateOptions } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      dry: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      report: { type: 'string' },
      tsconfig: { type: 'string' },
      config: { type: 'string', default: 'recommended' },
      strict: { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true },
      transform: { type: 'string', multiple: true },
      'ignore-pattern': { type: 'string', multiple: true },
      extensions: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: 'auto' },
      platform: { type: 'string' },
      'session-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command !== 'migrate')
    throw new UsageError(
      command ? `unknown command: ${command} (try --help)` : 'missing command: migrate (try --help)',
    );
  if (values.config !== 'recommended' && values.config !== 'strict')
    throw new UsageError(`--config must be recommended or strict, got ${values.config}`);
  const concurrency =
    values.concurrency === 'auto' || values.concurrency === 'off' ? values.concurrency : Number(values.concurrency);
  if (typeof concurrency === 'number' && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new UsageError(`--concurrency must be a whole number of threads, auto or off; got ${values.concurrency}`);
  }
  if (values.strict && !values.check) throw new UsageError('--strict goes with --check (try --help)');
  const extensions = values.extensions
    ?.split(',')
    .map((extension) => extension.trim().replace(/^\./, ''))
    .filter(Boolean);
  if (extensions && !extensions.length)
    throw new UsageError('--extensions needs a comma-separated list, such as ts,tsx,js');
  const sessionSeconds = values['session-seconds'] === undefined ? undefined : Number(values['session-seconds']);
  const settings = {
    ...(values.platform === undefined ? {} : { platform: values.platform }),
    ...(sessionSeconds === undefined ? {} : { sessionSeconds }),
  };
  try {
    readSettings({ [SETTINGS_KEY]: settings });
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(`--platform / --session-seconds: ${error.message}`);
    throw error;
  }
  return {
    command: 'migrate',
    options: {
      paths: paths.length ? paths : ['.'],
      cwd,
      dry: values.dry,
      check: values.check,
      force: values.force,
      json: values.json,
      config: values.config,
      concurrency,
      strict: values.strict,
      verbose: values.verbose,
      ignorePatterns: values['ignore-pattern'] ?? [],
      ...(values.rule ? { rules: values.rule.map((rule) => rule.replace(/^credential-expiry\//, '')) } : {}),
      ...(values.transform ? { transforms: values.transform } : {}),
      ...(extensions ? { extensions } : {}),
      ...(values.report === undefined ? {} : { reportFile: values.report }),
      ...(values.tsconfig === undefined ? {} : { tsconfig: values.tsconfig }),
      settings,
    },
  };
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: string[], io: Omit<MigrateIo, 'toolVersion'> & { cwd: string }): Promise<number> {
  try {
    const parsed = parse(argv, io.cwd);
    if (parsed.command !== 'migrate') {
      io.stdout.write(parsed.command === 'help' ? HELP : `${VERSION}\n`);
      return EXIT.ok;
    }
    return await migrate(parsed.options, { ...io, toolVersion: VERSION });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`credential-expiry: ${error.message}\n`);
      return EXIT.usage;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's text names the problem; the hint says where the options are listed.
      const message = (error as Error).message
        .split('\n')[0]
        ?.split('. To specify a positional argument')[0]
        ?.replace(/\.$/, '');
      io.stderr.write(`credential-expiry: ${message}; run \`credential-expiry --help\` for the options\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function isMain(): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
}

if (isMain()) {
  process.exitCode = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
