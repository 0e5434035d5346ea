import { ESLint, type Linter } from 'eslint';
import { buildConfigs, NAMESPACE } from '../configs.js';
import { engineOptions, type EngineSpec, optionsModuleUrl } from './engine-options.js';
import { transformNames } from './migration-plugin.js';
import defaultPlugin from '../index.js';
import { readSettings, SettingsError } from '../settings.js';
import { relativeName } from './discover.js';
import { errorMessage, UsageError } from './errors.js';
import type { Finding } from './types.js';
import type { CredentialExpiryDocs } from '../util/create-rule.js';

type Settings = Record<string, unknown>;

/** How one file is linted: the plugin's settings for it, and the project's parser options when it has its own. */
export interface LintView {
  settings: Settings;
  /** The project's parser and parserOptions for a JS/TS file (JSX in .js, a parser of its own), when it sets any. */
  languageOptions?: Linter.LanguageOptions;
  /** Files with equal keys share an engine. */
  key: string;
}

const CODE_FILE = /\.[cm]?[jt]sx?$/;

interface LintEngineOptions {
  root: string;
  config: 'recommended' | 'strict';
  /** Settings given on the command line; they win over the project's ESLint config. */
  settings: Settings;
  /** The plugin to run (tests may pass another one); default: this package's plugin. */
  plugin?: ESLint.Plugin;
  rules?: readonly string[];
  transforms?: readonly string[];
  ignorePatterns?: readonly string[];
}

export type LintOutcome =
  | { kind: 'linted'; text: string; fixed: Finding[]; remaining: Finding[] }
  | { kind: 'unparsable'; message: string }
  | { kind: 'rule-error'; message: string };

interface EnginePair {
  /** Applies fixes and migration-safe suggestions. */
  fixing: ESLint;
  /** Reports only: the findings as `npx eslint` shows them. */
  plain: ESLint;
}

const NO_CONFIG_FILE = /could not find config file|couldn't find an eslint\.config/i;

/**
 * Stage 1: the plugin's rules through ESLint's programmatic API, with the project's ESLint config consulted for its
 * ignores and its `settings['credential-expiry']` (one engine pair per distinct settings object).
 */
export class LintEngine {
  readonly warnings: string[] = [];
  /** For --verbose only. */
  readonly notes: string[] = [];
  readonly #options: LintEngineOptions;
  readonly #plugin: ESLint.Plugin;
  readonly #pairs = new Map<string, EnginePair>();
  #project: ESLint | undefined;

  constructor(options: LintEngineOptions) {
    this.#options = options;
    this.#plugin = options.plugin ?? defaultPlugin;
    checkChoice('--rule', options.rules, Object.keys(this.#plugin.rules ?? {}));
    checkChoice('--transform', options.transforms, transformNames(this.#plugin));
    const files = buildConfigs(this.#plugin)
      [options.config].flatMap((config) => (config.files ?? []).flat())
      .filter((glob) => typeof glob === 'string');
    // The project's own config, only for its ignores and settings: the `files` block makes every file type the plugin
    // checks "matched", so `calculateConfigForFile` returns undefined only for files the project ignores.
    this.#project = new ESLint({ cwd: options.root, overrideConfig: { files } });
  }

  /** `path` as the report names it. */
  relative(path: string): string {
    return relativeName(this.#options.root, path);
  }

  /** Whether the project ignores `file`, and otherwise how it lints `file` (settings, parser options). */
  async projectView(file: string): Promise<{ ignored: boolean } & LintView> {
    let projectSettings: Settings = {};
    let languageOptions: { options: Linter.LanguageOptions; id: number } | undefined;
    if (this.#project) {
      try {
        const config = (await this.#project.calculateConfigForFile(file)) as Linter.Config | undefined;
        if (!config) return { ignored: true, settings: {}, key: '' };
        projectSettings = (config.settings?.[NAMESPACE] as Settings | undefined) ?? {};
        if (CODE_FILE.test(file)) languageOptions = this.#parsing(config.languageOptions);
      } catch (error) {
        // No config above this file: nothing to apply here (another folder may have one). A config that does not
        // load is said once and not tried again.
        const message = errorMessage(error);
        if (!NO_CONFIG_FILE.test(message)) {
          this.#project = undefined;
          this.warnings.push(
            `the project's ESLint config did not load, so its ignores and settings are not applied: ${message}`,
          );
        }
      }
    }
    const settings = { ...projectSettings, ...this.#options.settings };
    try {
      readSettings({ [NAMESPACE]: settings });
    } catch (error) {
      if (error instanceof SettingsError)
        throw new UsageError(`bad settings for ${this.relative(file)}: ${error.message}`);
      throw error;
    }
    const key = `${JSON.stringify(settings)}\0${languageOptions?.id ?? ''}`;
    return { ignored: false, settings, ...(languageOptions ? { languageOptions: languageOptions.options } : {}), key };
  }

  readonly #parsingIds = new WeakMap<object, { options: Linter.LanguageOptions; id: number } | null>();
  #parsingCount = 0;

  /**
   * What the project's config says about parsing a JS/TS file, when it says anything beyond ESLint's defaults: its
   * parser (unless espree, the default, which cannot read the TypeScript files the plugin's own config hands to
   * typescript-eslint) and its parserOptions (`ecmaFeatures.jsx`, a TypeScript project for type information...).
   * ESLint hands out one computed config object per set of matching blocks, so identity groups files cheaply.
   */
  #parsing(options: Linter.LanguageOptions | undefined): { options: Linter.LanguageOptions; id: number } | undefined {
    if (!options) return undefined;
    const known = this.#parsingIds.get(options);
    if (known !== undefined) return known ?? undefined;
    const parser = options.parser as { meta?: { name?: string }; name?: string } | undefined;
    const ownParser = parser && (parser.meta?.name ?? parser.name) !== 'espree' ? parser : undefined;
    const { sourceType: _sourceType, ...parserOptions } = (options.parserOptions ?? {}) as Record<string, unknown>;
    const chosen: Linter.LanguageOptions = {
      ...(ownParser ? { parser: ownParser as Linter.Parser } : {}),
      ...(Object.keys(parserOptions).length ? { parserOptions } : {}),
    };
    const entry = Object.keys(chosen).length ? { options: chosen, id: ++this.#parsingCount } : null;
    this.#parsingIds.set(options, entry);
    return entry ?? undefined;
  }

  /** Whether the plugin's configs lint `file` at all (file type, build output). */
  async handles(file: string, view: LintView): Promise<boolean> {
    return !(await this.#pair(view).plain.isPathIgnored(file));
  }

  /** Lints `text` as `file`, applying fixes and migration-safe suggestions. */
  async migrate(file: string, text: string, view: LintView): Promise<LintOutcome> {
    const [result] = await this.#pair(view).fixing.lintText(text, { filePath: file, warnIgnored: false });
    return this.#outcome(result, file, text, view);
  }

  async #outcome(
    result: ESLint.LintResult | undefined,
    file: string,
    text: string,
    view: LintView,
  ): Promise<LintOutcome> {
    const fatal = result?.messages.find((message) => message.fatal);
    if (fatal) return { kind: 'unparsable', message: `${fatal.message} (${fatal.line}:${fatal.column})` };
    const remaining = this.#findings(result?.messages ?? [], file);
    const output = result?.output;
    if (output === undefined || output === text) return { kind: 'linted', text, fixed: [], remaining };
    const before = await this.verify(file, text, view);
    return {
      kind: 'linted',
      text: output,
      fixed: before.kind === 'linted' ? subtract(before.remaining, remaining) : [],
      remaining,
    };
  }

  /**
   * Stage 1 for many files with one settings object: with `threads` > 1, through ESLint's own multithreaded
   * linting (worker threads load eslint-options.js); otherwise one file after the other. A rule that throws on a
   * file fails only that file (the batch is redone one by one to find it).
   */
  async migrateAll(
    inputs: readonly { path: string; text: string }[],
    view: LintView,
    threads: number,
    onFile: () => void,
  ): Promise<Map<string, LintOutcome>> {
    const outcomes = new Map<string, LintOutcome>();
    // A project's parser is an object in this thread: it cannot travel to the workers in a URL.
    if (threads > 1 && inputs.length > 1 && !this.#options.plugin && !view.languageOptions) {
      try {
        const eslint = await withoutPoorConcurrencyWarning(
          () => ESLint.fromOptionsModule(optionsModuleUrl(this.#spec(view, true), threads)),
          () =>
            this.notes.push(
              `ESLint's worker threads spent more time starting than linting; --concurrency off may be faster on this machine`,
            ),
        );
        const results = await eslint.lintFiles(inputs.map((input) => input.path));
        const texts = new Map(inputs.map((input) => [input.path, input.text]));
        for (const result of results) {
          const text = texts.get(result.filePath);
          if (text === undefined) continue;
          outcomes.set(result.filePath, await this.#outcome(result, result.filePath, text, view));
          onFile();
        }
        if (outcomes.size === inputs.length) return outcomes;
      } catch (error) {
        this.warnings.push(`ESLint's worker threads failed (${errorMessage(error)}); linted in one thread instead`);
        outcomes.clear();
      }
    }
    for (const { path, text } of inputs) {
      try {
        outcomes.set(path, await this.migrate(path, text, view));
      } catch (error) {
        outcomes.set(path, { kind: 'rule-error', message: errorMessage(error) });
      }
      onFile();
    }
    return outcomes;
  }

  /** Lints `text` as `file` without changing it. */
  async verify(file: string, text: string, view: LintView): Promise<LintOutcome> {
    const [result] = await this.#pair(view).plain.lintText(text, { filePath: file, warnIgnored: false });
    const fatal = result?.messages.find((message) => message.fatal);
    if (fatal) return { kind: 'unparsable', message: `${fatal.message} (${fatal.line}:${fatal.column})` };
    return { kind: 'linted', text, fixed: [], remaining: this.#findings(result?.messages ?? [], file) };
  }

  #pair(view: LintView): EnginePair {
    let pair = this.#pairs.get(view.key);
    if (!pair) {
      pair = { fixing: this.#engine(this.#plugin, view, true), plain: this.#engine(this.#plugin, view, false) };
      this.#pairs.set(view.key, pair);
    }
    return pair;
  }

  #spec(view: LintView, fix: boolean): EngineSpec {
    const { root, config, rules, transforms, ignorePatterns } = this.#options;
    return {
      root,
      config,
      settings: view.settings,
      fix,
      ...(rules ? { rules } : {}),
      ...(transforms ? { transforms } : {}),
      ...(ignorePatterns ? { ignorePatterns } : {}),
    };
  }

  #engine(plugin: ESLint.Plugin, view: LintView, fix: boolean): ESLint {
    return new ESLint(
      engineOptions(plugin, {
        ...this.#spec(view, fix),
        ...(view.languageOptions ? { languageOptions: view.languageOptions } : {}),
      }),
    );
  }

  #findings(messages: Linter.LintMessage[], path: string): Finding[] {
    const file = relativeName(this.#options.root, path);
    const prefix = `${NAMESPACE}/`;
    return messages
      .filter((message) => message.ruleId?.startsWith(prefix))
      .map((message) => {
        const ruleId = message.ruleId as string;
        const rule = this.#plugin.rules?.[ruleId.slice(prefix.length)];
        const docs = rule?.meta?.docs?.url;
        const suggestions = (message.suggestions ?? []).map((suggestion) => suggestion.desc);
        const reason =
          message.messageId === undefined
            ? undefined
            : (rule?.meta?.docs as CredentialExpiryDocs | undefined)?.manualReasons?.[message.messageId];
        return {
          file,
          line: message.line,
          column: message.column,
          ...(message.endLine === undefined ? {} : { endLine: message.endLine, endColumn: message.endColumn }),
          rule: ruleId,
          ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
          message: message.message,
          whatToDo: suggestions.length
            ? suggestions.join(' Or: ')
            : `${reason ? `Left to you because ${reason}. ` : ''}Change it by hand as the message says${docs ? `; see ${docs}` : ''}.`,
          ...(docs ? { docs } : {}),
        };
      });
  }
}

/** The findings of `before` that are not in `after` (same rule, message id and text), i.e. the ones fixed. */
function subtract(before: Finding[], after: Finding[]): Finding[] {
  const left = new Map<string, number>();
  const key = (finding: Finding) => `${finding.rule}\0${finding.messageId}\0${finding.message}`;
  for (const finding of after) left.set(key(finding), (left.get(key(finding)) ?? 0) + 1);
  return before.filter((finding) => {
    const count = left.get(key(finding)) ?? 0;
    if (count === 0) return true;
    left.set(key(finding), count - 1);
    return false;
  });
}

function checkChoice(flag: string, chosen: readonly string[] | undefined, known: readonly string[]): void {
  const unknown = chosen?.find((name) => !known.includes(name));
  if (unknown !== undefined)
    throw new UsageError(`${flag}: unknown name ${JSON.stringify(unknown)}; one of: ${known.join(', ')}`);
}

/**
 * Builds an ESLint instance whose warning service reports ESLintPoorConcurrencyWarning to `onPoor` instead of
 * printing it: ESLint's WarningService keeps the `process.emitWarning` it sees when the instance is created
 * (node_modules/eslint/lib/services/warning-service.js), and its text names ESLint's own flags, not ours.
 */
async function withoutPoorConcurrencyWarning(create: () => Promise<ESLint>, onPoor: () => void): Promise<ESLint> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back as it was; called with `process`
  const original = process.emitWarning;
  const filtered = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'ESLintPoorConcurrencyWarning') onPoor();
    else (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  process.emitWarning = filtered;
  try {
    return await create();
  } finally {
    process.emitWarning = original;
  }
}
