/** What `credential-expiry migrate` was asked to do. */
export interface MigrateOptions {
  /** Files or directories to migrate (absolute, or relative to `cwd`). */
  paths: string[];
  cwd: string;
  /** Print a unified diff, write nothing. */
  dry: boolean;
  /** Write nothing; the exit code says whether a migration is pending. */
  check: boolean;
  /** Write even when the git working tree has uncommitted changes. */
  force: boolean;
  /** Where to write the JSON report, if anywhere. */
  reportFile?: string;
  /** Print the report as JSON on stdout instead of the human summary (and no progress bar). */
  json: boolean;
  /** tsconfig.json for stage 2 (default: the nearest one above the migrated paths). */
  tsconfig?: string;
  /** Which of the plugin's configs chooses the rules that run. */
  config: 'recommended' | 'strict';
  /** ESLint worker threads for stage 1: a number, `off`, or `auto` (ESLint's own rule for `--concurrency auto`). */
  concurrency: number | 'auto' | 'off';
  /** With `check`: also fail while findings need a person. */
  strict: boolean;
  /** Say what happened to each file, the threads used, and how long the run took. */
  verbose: boolean;
  /** Only these rules run (ids without the plugin prefix); default: every rule of `config`. */
  rules?: string[];
  /** Only these transforms apply: `fix`, a migration-safe suggestion id, `exported-snapshot`; default: all. */
  transforms?: string[];
  /** Global ignore globs, relative to the repository root. */
  ignorePatterns: string[];
  /** Only files with these extensions (without the dot). */
  extensions?: string[];
  /** `settings['credential-expiry']` overrides (otherwise read from the project's ESLint config). */
  settings: { platform?: string; sessionSeconds?: number };
}

/** A lint message of one of the plugin's rules, in the report's terms. */
export interface Finding {
  /** Path relative to the migration root, with `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Full rule id, e.g. `credential-expiry/no-static-snapshot`. */
  rule: string;
  messageId?: string;
  /** The rule's own message: what fails and when. */
  message: string;
  /** The rule's suggestions, or a pointer to its documentation. */
  whatToDo: string;
  docs?: string;
}

/** A file the codemod could not process; it is left untouched. */
export interface SkippedFile {
  file: string;
  reason: 'unreadable' | 'unparsable' | 'rule-error' | 'symlink' | 'not-utf8';
  message: string;
}

/** A change made by stage 2 (project-wide), described for a person. */
interface ProjectChange {
  file: string;
  line: number;
  rule: string;
  messageId?: string;
  description: string;
}

/** One file as it goes through the pipeline. */
export interface FileState {
  /** Absolute path. */
  path: string;
  /** Path relative to the migration root, with `/` separators. */
  file: string;
  original: string;
  /** The text after stage 1, kept when stage 2 changes the file (to fall back to if its rewrite fails). */
  stageOneText?: string;
  /** Current text (after stage 1, then stage 2). */
  text: string;
  /** Findings removed by stage-1 fixes and migration-safe suggestions (positions in the original text). */
  fixed: Finding[];
  /** Findings still present in `text`. */
  remaining: Finding[];
}

/** Everything computed before anything is written. */
export interface MigrationPlan {
  root: string;
  scanned: number;
  files: FileState[];
  skipped: SkippedFile[];
  projectChanges: ProjectChange[];
  /** Things stage 2 could not do on its own. */
  projectNeedsPerson: Finding[];
  warnings: string[];
  /** Said only with --verbose. */
  notes: string[];
}
