import { Linter } from 'eslint';
import plugin from '../../src/index.js';

/** Every rule of the plugin (configs.strict) on one file, in process: how `eslint .` sees it. */
export function lintAll(text: string, filename: string): Linter.LintMessage[] {
  return new Linter().verify(text, plugin.configs.strict, filename);
}
