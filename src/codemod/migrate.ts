import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { ESLint } from 'eslint';
import { directoryOf, discoverFiles, relativeName } from './discover.js';
import { EXIT } from './errors.js';
import { gitDirtyFiles, gitRoot } from './git.js';
import { isOwnFile, journalPath, recoverInterruptedRun, TEMP_FILE } from './journal.js';
import { LintEngine, type LintOutcome, type LintView } from './lint-engine.js';
import { cannotReport } from './prefilter.js';
import { Progress } from './progress.js';
import { buildReport, changedFiles, formatSummary, type MigrationReport } from './report.js';
import type { FileState, MigrateOptions, MigrationPlan } from './types.js';
import { readSource } from './read-source.js';
import { writeChangedFiles } from './write-stage.js';
import { PROJECT_TRANSFORM } from './migration-plugin.js';
import { triggers } from './triggers.js';
import { PROJECT_TRANSFORMS } from '../util/create-rule.js';

export interface MigrateIo {
  stdout: { write(text: string): unknown };
  stderr: NodeJS.WriteStream;
  toolVersion: string;
  /** The plugin to run (tests may pass another); default: this package's plugin. */
  plugin?: ESLint.Plugin;
}

/** Stages 1 and 2: everything the migration would change, computed in memory. */
async function planMigration(
  options: MigrateOptions,
  io: Pick<MigrateIo, 'plugin'>,
  progress?: Progress,
): Promise<MigrationPlan> {
  const first = resolve(options.cwd, options.paths[0] ?? '.');
  const gitTop = gitRoot(directoryOf(first));
  const root = gitTop ?? options.cwd;
  const candidates = discoverFiles(options.cwd, root, gitTop !== undefined, options.paths);
  // A tsconfig given on the command line is checked before any work; the one found by walking up, when stage 2 needs it.
  const stageTwo = options.tsconfig ? await loadStageTwo(options, root) : undefined;
  const engine = new LintEngine({
    root,
    config: options.config,
    settings: options.settings,
    ...(io.plugin ? { plugin: io.plugin } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.transforms ? { transforms: options.transforms } : {}),
    ignorePatterns: options.ignorePatterns,
  });
  const plan: MigrationPlan = {
    root,
    scanned: 0,
    files: [],
    skipped: [],
    projectChanges: [],
    projectNeedsPerson: [],
    warnings: [],
    notes: [],
  };
  const viewOf = new Map<FileState, LintView>();

  // Which files to lint, with which settings; unreadable files are listed and left alone.
  const groups = new Map<string, { view: LintView; inputs: { path: string; text: string }[] }>();
  const extensions = options.extensions;
  for (const path of candidates) {
    if (isOwnFile(path) || (extensions && !extensions.some((extension) => path.endsWith(`.${extension}`)))) continue;
    const view = await engine.projectView(path);
    if (view.ignored || !(await engine.handles(path, view))) continue;
    const read = readSource(root, path);
    if (read.kind === 'skipped') {
      plan.skipped.push({ file: engine.relative(path), reason: read.reason, message: read.message });
      continue;
    }
    const { text } = read;
    if (cannotReport(path, text, io.plugin)) {
      const state: FileState = { path, file: engine.relative(path), original: text, text, fixed: [], remaining: [] };
      plan.scanned += 1;
      plan.files.push(state);
      viewOf.set(state, view);
      continue;
    }
    const group = groups.get(view.key) ?? { view, inputs: [] };
    group.inputs.push({ path, text });
    groups.set(view.key, group);
  }

  const total = [...groups.values()].reduce((sum, group) => sum + group.inputs.length, 0);
  const threads = threadCount(options.concurrency, total, io.plugin !== undefined);
  progress?.stage(threads > 1 ? `lint (${threads} threads)` : 'lint', total);
  for (const { view, inputs } of groups.values()) {
    const outcomes = await engine.migrateAll(inputs, view, threads, () => progress?.tick());
    for (const { path, text } of inputs) {
      const outcome = outcomes.get(path);
      const file = engine.relative(path);
      plan.scanned += 1;
      if (!outcome || outcome.kind === 'rule-error') {
        plan.skipped.push({
          file,
          reason: 'rule-error',
          message: `a rule failed on this file: ${outcome?.message ?? 'no result'}`,
        });
      } else if (outcome.kind === 'unparsable') {
        plan.skipped.push({ file, reason: 'unparsable', message: outcome.message });
      } else {
        const state: FileState = {
          path,
          file,
          original: text,
          text: outcome.text,
          fixed: outcome.fixed,
          remaining: outcome.remaining,
        };
        plan.files.push(state);
        viewOf.set(state, view);
      }
    }
  }

  // In path order, as the candidates were: files the prefilter passed over were added first.
  plan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const projectWide = !options.transforms || options.transforms.includes(PROJECT_TRANSFORM);
  const stage = stageTwoHasWork(plan, projectWide) ? (stageTwo ?? (await loadStageTwo(options, root))) : undefined;
  const touched = stage ? stage.runProjectStage(plan, stage.project, { rewriteExports: projectWide }) : [];
  await relint(engine, plan, touched, viewOf);
  plan.warnings.unshift(...engine.warnings);
  plan.notes.push(
    ...engine.notes,
    `lint: ${threads} thread${threads === 1 ? '' : 's'} for ${total} file${total === 1 ? '' : 's'}`,
  );
  return plan;
}

/**
 * Stage 2 and its ts-morph Project, loaded when needed: ts-morph bundles its own TypeScript, whose load is most of a
 * small run's time, and most runs change few files or none.
 */
async function loadStageTwo(options: MigrateOptions, root: string) {
  const [{ createProject, findTsconfig }, { runProjectStage }] = await Promise.all([
    import('./project.js'),
    import('./project-stage.js'),
  ]);
  return { project: createProject(findTsconfig(options.cwd, root, options.paths, options.tsconfig)), runProjectStage };
}

/** Stage 2 acts on the files stage 1 changed (their clean-up) and on the findings a project transform takes. */
function stageTwoHasWork(plan: MigrationPlan, projectWide: boolean): boolean {
  return plan.files.some(
    (file) =>
      file.text !== file.original ||
      (projectWide &&
        file.remaining.some((finding) => PROJECT_TRANSFORMS.some((transform) => triggers(transform, finding)))),
  );
}

/** ESLint's own `--concurrency auto` rule: one worker per 50 files, at most half the cores, and no lone worker. */
const FILES_PER_WORKER = 50;

/**
 * Worker threads for stage 1. Only the built CLI can hand ESLint's workers an options module (under a TypeScript
 * loader, or with a plugin passed in, stage 1 runs in this thread). On this project's 2-core machines `auto` means
 * one thread: measured, two workers were no faster there (see bench/RESULTS.md).
 */
function threadCount(concurrency: MigrateOptions['concurrency'], files: number, customPlugin: boolean): number {
  if (concurrency === 'off' || customPlugin || !import.meta.url.endsWith('.js')) return 1;
  if (concurrency !== 'auto') return concurrency;
  const workers = Math.min(Math.ceil(files / FILES_PER_WORKER), availableParallelism() >> 1);
  return workers > 1 ? workers : 1;
}

/**
 * After stage 2: lint the rewritten files again (more fixes may apply; the remaining findings are what is left).
 * If one of them does not parse, every stage-2 rewrite is dropped: they span files and only make sense together.
 */
async function relint(
  engine: LintEngine,
  plan: MigrationPlan,
  touched: readonly FileState[],
  viewOf: Map<FileState, LintView>,
): Promise<void> {
  const outcomes: LintOutcome[] = [];
  for (const file of touched)
    outcomes.push(await engine.migrate(file.path, file.text, viewOf.get(file) ?? { settings: {}, key: '' }));
  const broken = touched.findIndex((_, index) => outcomes[index]?.kind === 'unparsable');
  if (broken !== -1) {
    const outcome = outcomes[broken] as { message: string };
    plan.warnings.push(
      `the project-wide rewrite of ${touched[broken]?.file} did not parse (${outcome.message}); no project-wide rewrite was applied`,
    );
    for (const file of touched) file.text = file.stageOneText ?? file.text;
    plan.projectChanges.length = 0;
    return;
  }
  touched.forEach((file, index) => {
    const outcome = outcomes[index];
    if (outcome?.kind !== 'linted') return;
    if (outcome.text !== file.text) file.fixed.push(...outcome.fixed);
    file.text = outcome.text;
    file.remaining = outcome.remaining;
  });
}

/** --verbose: what happened to each file, then how the run went. */
function verboseLines(plan: MigrationPlan, elapsedMs: number): string[] {
  const lines = plan.files.map((file) => {
    const state = file.text === file.original ? 'unchanged' : 'changed';
    return `${file.file}: ${state}, ${file.fixed.length} fixed, ${file.remaining.length} left for a person`;
  });
  lines.push(...plan.notes, `${plan.scanned} files in ${(elapsedMs / 1000).toFixed(1)} s`, '');
  return lines;
}

function writeReport(options: MigrateOptions, report: MigrationReport): void {
  if (options.reportFile)
    writeFileSync(resolve(options.cwd, options.reportFile), `${JSON.stringify(report, null, 2)}\n`);
}

/** The whole `migrate` command; returns the exit code. */
export async function migrate(options: MigrateOptions, io: MigrateIo): Promise<number> {
  const startedAt = Date.now();
  const mode: MigrationReport['mode'] = options.check ? 'check' : options.dry ? 'dry' : 'write';
  const progress = new Progress(io.stderr, { json: options.json });
  const say = (text: string) => (options.json ? io.stderr : io.stdout).write(`${text}\n`);

  const top = gitRoot(directoryOf(resolve(options.cwd, options.paths[0] ?? '.')));
  const root = top ?? options.cwd;
  // Said in the summary and the report, besides the plan's own warnings.
  const notices: string[] = [];
  let recovered: string[] = [];
  if (mode === 'write') {
    const recovery = recoverInterruptedRun(root);
    if (recovery) {
      io.stderr.write(`credential-expiry: ${recovery.message}\n`);
      notices.push(recovery.message);
      recovered = recovery.completed.map((path) => relativeName(root, path));
    }
    if (!top)
      notices.push(
        'not inside a git repository: files are changed in place, and git cannot show or undo the change; keep a copy',
      );
  } else if (existsSync(journalPath(root))) {
    notices.push(
      'an earlier run was interrupted while writing; run `credential-expiry migrate` (without --dry or --check) to complete or roll it back',
    );
  }

  if (mode === 'write' && top) {
    const entries = gitDirtyFiles(
      top,
      options.paths.map((path) => resolve(options.cwd, path)),
    );
    // This tool's own temporary files, left by a run killed before it could remove them: removed, never "changes".
    for (const stale of entries.filter((entry) => TEMP_FILE.test(entry))) rmSync(resolve(top, stale), { force: true });
    const dirty = entries.filter((entry) => !TEMP_FILE.test(entry) && !recovered.includes(entry));
    if (dirty.length && !options.force) {
      const example = dirty.slice(0, 3).join(', ') + (dirty.length > 3 ? ', ...' : '');
      io.stderr.write(
        `credential-expiry: refusing to write: the git working tree has ${dirty.length} uncommitted change${dirty.length === 1 ? '' : 's'} under the migrated paths (${example}); ` +
          'commit or stash them first so the migration can be reviewed and undone on its own, or pass --force\n',
      );
      return EXIT.dirtyTree;
    }
  }

  const plan = await planMigration(options, io, progress);
  plan.warnings.unshift(...notices);
  const changed = changedFiles(plan);
  let written = mode === 'write';
  let failure: string | undefined;
  if (mode === 'write' && changed.length) {
    progress.stage('write', changed.length);
    const failed = await writeChangedFiles(plan.root, changed, {
      onPrepared: (file) => progress.line(`prepared ${file.file}`),
      onWritten: (file) => progress.tick(file.file),
    });
    written = !failed;
    if (failed) failure = `credential-expiry: could not write ${failed.file}: ${failed.message}`;
  }
  progress.stop();

  const report = buildReport(plan, { toolVersion: io.toolVersion, mode, written });
  writeReport(options, report);
  if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (mode === 'dry') for (const file of report.files) io.stdout.write(file.diff);
  if (options.verbose) say(verboseLines(plan, Date.now() - startedAt).join('\n'));
  say(formatSummary(report));
  if (failure) {
    io.stderr.write(`${failure}\n`);
    return EXIT.writeFailed;
  }
  if (mode === 'check' && changed.length) {
    say(
      `credential-expiry: a migration is pending in ${changed.length} file${changed.length === 1 ? '' : 's'}; run \`credential-expiry migrate\` to apply it`,
    );
    return EXIT.pending;
  }
  if (mode === 'check' && options.strict && report.needsPerson.length) {
    const count = report.needsPerson.length;
    say(
      `credential-expiry: ${count} finding${count === 1 ? '' : 's'} still need${count === 1 ? 's' : ''} a person (--strict); see the list above`,
    );
    return EXIT.pending;
  }
  return EXIT.ok;
}
