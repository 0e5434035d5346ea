import type { ESLint, Linter } from 'eslint';
import type { CredentialExpiryDocs } from './util/create-rule.js';
import {
  DOCKERFILE_FILES,
  DOCKERFILE_IGNORES,
  DOTENV_FILES,
  DOTENV_IGNORES,
  JSON_IGNORES,
  JSON_LANGUAGE,
  JSON_LANGUAGE_PLUGIN_NAME,
  jsonLanguagePlugin,
  YAML_IGNORES,
} from './languages/index.js';
import { LANGUAGE_IDS } from './languages/ids.js';
import { typescriptParser } from './util/typescript-parser.js';

export const NAMESPACE = 'credential-expiry';

const JS_FILES = ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'];
const TYPESCRIPT_FILES = ['**/*.{ts,cts,mts,tsx}'];

/** The kinds of files the plugin has a config block for; a rule is in a kind's block when its `meta.languages` says so. */
export type FileType = 'js' | 'dockerfile' | 'dotenv' | 'json' | 'yaml';

/**
 * How each file type is recognised and read, and the `meta.languages` id that puts a rule in its block. Non-JavaScript files get one of this plugin's languages, never a parser
 * option: a later config without `files` that sets `languageOptions.parser` (typescript-eslint's base block) would
 * replace a parser, but leaves `language` alone.
 */
const FILE_TYPES: Record<FileType, { language: string; files: string[]; block: Partial<Linter.Config> }> = {
  js: { language: LANGUAGE_IDS.js, files: JS_FILES, block: {} },
  dockerfile: {
    language: LANGUAGE_IDS.dockerfile,
    files: DOCKERFILE_FILES,
    block: { language: LANGUAGE_IDS.dockerfile, ignores: DOCKERFILE_IGNORES },
  },
  dotenv: {
    language: LANGUAGE_IDS.dotenv,
    files: DOTENV_FILES,
    block: { language: LANGUAGE_IDS.dotenv, ignores: DOTENV_IGNORES },
  },
  json: {
    // The block's language, `credential-expiry-json/jsonc`, is @eslint/json's `jsonc` under the `json` namespace.
    language: 'json/jsonc',
    files: ['**/*.json'],
    block: {
      language: JSON_LANGUAGE,
      plugins: { [JSON_LANGUAGE_PLUGIN_NAME]: jsonLanguagePlugin },
      ignores: JSON_IGNORES,
    },
  },
  yaml: {
    language: LANGUAGE_IDS.yaml[0],
    files: ['**/*.{yml,yaml}'],
    block: { language: LANGUAGE_IDS.yaml[0], ignores: YAML_IGNORES },
  },
};

const FILE_TYPE_NAMES = Object.keys(FILE_TYPES) as FileType[];

type Level = 'error' | 'warn';
export type ConfigName = 'recommended' | 'strict' | FileType;

/**
 * The plugin's configs, built from rule meta:
 * - `recommended` and `strict`: one flat-config block per file type that some rule checks, so a plain `npx eslint .`
 *   lints code, Dockerfiles, .env and config files in one run;
 * - `js`, `dockerfile`, `dotenv`, `json`, `yaml`: the `recommended` block(s) of one file type, for projects that
 *   want only some of them (for example because another plugin already reads their JSON or YAML).
 */
export function buildConfigs(plugin: ESLint.Plugin): Record<ConfigName, Linter.Config[]> {
  const recommended = typedBlocks(plugin, 'recommended', (docs) => docs.recommended);
  const perType = Object.fromEntries(
    FILE_TYPE_NAMES.map((type) => [
      type,
      recommended.filter((block) => block.type === type).map((block) => block.config),
    ]),
  );
  return {
    recommended: recommended.map((block) => block.config),
    strict: typedBlocks(plugin, 'strict', (docs) => docs.strict ?? 'error').map((block) => block.config),
    ...(perType as Record<FileType, Linter.Config[]>),
  };
}

function typedBlocks(
  plugin: ESLint.Plugin,
  name: string,
  level: (docs: CredentialExpiryDocs) => Level | undefined,
): { type: FileType; config: Linter.Config }[] {
  const byType = new Map<FileType, Linter.RulesRecord>();
  for (const [id, rule] of Object.entries(plugin.rules ?? {})) {
    const docs = (rule.meta?.docs ?? {}) as CredentialExpiryDocs;
    const severity = level(docs);
    if (!severity) continue;
    for (const type of fileTypesOf(rule.meta?.languages)) {
      const record = byType.get(type) ?? {};
      record[`${NAMESPACE}/${id}`] = severity;
      byType.set(type, record);
    }
  }
  const configs: { type: FileType; config: Linter.Config }[] = [];
  if (byType.has('js')) {
    configs.push({
      type: 'js',
      config: {
        name: `${NAMESPACE}/${name}/typescript-parser`,
        files: TYPESCRIPT_FILES,
        languageOptions: { parser: typescriptParser },
      },
    });
  }
  for (const type of FILE_TYPE_NAMES) {
    const rules = byType.get(type);
    if (!rules) continue;
    const { files, block } = FILE_TYPES[type];
    configs.push({
      type,
      config: {
        name: `${NAMESPACE}/${name}/${type}`,
        files,
        ...block,
        plugins: { ...block.plugins, [NAMESPACE]: plugin },
        rules,
      },
    });
  }
  return configs;
}

/** The file types whose block a rule with these `meta.languages` belongs in (none listed: every language). */
export function fileTypesOf(languages: readonly string[] | undefined): FileType[] {
  if (!languages || languages.includes('*')) return FILE_TYPE_NAMES;
  return FILE_TYPE_NAMES.filter((type) => languages.includes(FILE_TYPES[type].language));
}
