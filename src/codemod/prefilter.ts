import type { ESLint } from 'eslint';
import defaultPlugin from '../index.js';
import { someRuleMayReport } from '../util/text-gated-rule.js';

/** The files the plugin's `js` block lints; the text gate only reads those (src/util/text-gated-rule.ts). */
const SCRIPT_FILE = /\.[cm]?[jt]sx?$/;

/**
 * Whether stage 1 can skip linting `path` outright: a JS/TS file whose text holds no trigger of any rule, so no
 * rule reports there (the rules' own text gate, applied before parsing). Most files of a repository are such files,
 * and parsing is most of the codemod's time. A skipped file that does not parse is not listed as unparsable: there
 * is nothing in it to migrate either way.
 */
export function cannotReport(path: string, text: string, plugin: ESLint.Plugin = defaultPlugin): boolean {
  return SCRIPT_FILE.test(path) && !someRuleMayReport(plugin.rules ?? {}, text);
}
