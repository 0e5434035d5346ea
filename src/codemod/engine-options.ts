import type { ESLint, Linter } from 'eslint';
import { buildConfigs, NAMESPACE } from '../configs.js';
import { BUILD_OUTPUT_IGNORES } from './discover.js';
import { migrationPlugin } from './migration-plugin.js';

export interface EngineSpec {
  root: string;
  config: 'recommended' | 'strict';
  settings: Record<string, unknown>;
  /** Apply fixes and migration-safe suggestions (the migration plugin), or only report. */
  fix: boolean;
  /** Only these rules (ids without the prefix); default: all of `config`. */
  rules?: readonly string[];
  /** Only these transforms (see migration-plugin.ts); default: all. */
  transforms?: readonly string[];
  ignorePatterns?: readonly string[];
  /** The project's parser options for JS/TS files (never sent to worker threads). */
  languageOptions?: Linter.LanguageOptions;
}

const CODE_FILES = ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'];

/** The ESLint options of one stage-1 engine: the plugin's configs only, with build output ignored. */
export function engineOptions(plugin: ESLint.Plugin, spec: EngineSpec): ESLint.Options {
  const rules = spec.fix ? migrationPlugin(plugin, spec.transforms) : plugin;
  const chosen = spec.rules;
  const unchosen = chosen ? Object.keys(plugin.rules ?? {}).filter((id) => !chosen.includes(id)) : [];
  return {
    cwd: spec.root,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: [...BUILD_OUTPUT_IGNORES, ...(spec.ignorePatterns ?? [])] },
      ...buildConfigs(rules)[spec.config],
      // After the plugin's blocks: the project's parser wins, as in its own `eslint .`.
      ...(spec.languageOptions ? [{ files: CODE_FILES, languageOptions: spec.languageOptions }] : []),
      ...(unchosen.length
        ? [{ rules: Object.fromEntries(unchosen.map((id) => [`${NAMESPACE}/${id}`, 'off' as const])) }]
        : []),
      // Other plugins' disable comments would otherwise show up as "unused eslint-disable directive".
      { linterOptions: { reportUnusedDisableDirectives: 'off' }, settings: { [NAMESPACE]: spec.settings } },
    ],
    fix: spec.fix,
    warnIgnored: false,
    errorOnUnmatchedPattern: false,
  };
}

/** The URL of the options module ESLint's worker threads load (see eslint-options.ts). */
export function optionsModuleUrl(spec: EngineSpec, concurrency: number): URL {
  const query = new URLSearchParams({ spec: JSON.stringify(spec), concurrency: String(concurrency) });
  return new URL(`./eslint-options.js?${query.toString()}`, import.meta.url);
}
