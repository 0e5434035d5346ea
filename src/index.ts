import './util/supported-versions.js';
import { createRequire } from 'node:module';
import type { ESLint, Linter } from 'eslint';
import { buildConfigs, type ConfigName, NAMESPACE } from './configs.js';
import { rules } from './rules.js';
import { skipParsesWithoutTriggers } from './language-gates.js';
import { languages as ownLanguages } from './languages/index.js';

const { name, version } = createRequire(import.meta.url)('eslint-plugin-credential-expiry/package.json') as {
  name: string;
  version: string;
};

/** ESLint languages for files that are not JavaScript (registered by src/languages/). */
const languages: Record<string, NonNullable<ESLint.Plugin['languages']>[string]> = ownLanguages;

const plugin = {
  meta: { name, namespace: NAMESPACE, version },
  languages,
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {} as Record<ConfigName, Linter.Config[]>,
} satisfies ESLint.Plugin;

plugin.configs = buildConfigs(plugin);
skipParsesWithoutTriggers(plugin.rules);

export const { meta, configs } = plugin;
export { languages, rules };
export type { CredentialExpirySettings } from './settings.js';
export default plugin;
