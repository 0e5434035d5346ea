import type { ESLint } from 'eslint';
import { buildConfigs, NAMESPACE } from '../configs.js';
import { BUILD_OUTPUT_IGNORES } from './discover.js';
import { migrationPlugin } from './migration-plugin.js';

export interface EngineSpec {
  root: string;
  config: 'recommended' | 'strict';
  settings: Record<string, unknown>;
  /** Apply fixes and migration-safe suggestions (the migration plugin), or only report. */
  fix: boolean;
}

/** The ESLint options of one stage-1 engine: the plugin's configs only, with build output ignored. */
export function engineOptions(plugin: ESLint.Plugin, spec: EngineSpec): ESLint.Options {
  const rules = spec.fix ? migrationPlugin(plugin) : plugin;
  return {
    cwd: spec.root,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: BUILD_OUTPUT_IGNORES },
      ...buildConfigs(rules)[spec.config],
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
  const query = new URLSearchParams({ root: spec.root, config: spec.config, settings: JSON.stringify(spec.settings), concurrency: String(concurrency) });
  return new URL(`./eslint-options.js?${query}`, import.meta.url);
}
