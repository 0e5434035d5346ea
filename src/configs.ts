import tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import type { CredentialExpiryDocs, FileType } from './util/create-rule.js';
import { DOCKERFILE_IGNORES, DOTENV_IGNORES, guardedYamlParser } from './languages/index.js';

export const NAMESPACE = 'credential-expiry';

/** How each file type is recognised and parsed. */
const FILE_TYPES: Record<FileType, { files: string[]; block: Partial<Linter.Config> }> = {
  js: { files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'], block: {} },
  dockerfile: {
    files: ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*.dockerfile', '**/Containerfile', '**/Containerfile.*'],
    block: { language: `${NAMESPACE}/dockerfile`, ignores: DOCKERFILE_IGNORES },
  },
  dotenv: { files: ['**/.env', '**/.env.*', '**/*.env'], block: { language: `${NAMESPACE}/dotenv`, ignores: DOTENV_IGNORES } },
  // JSONC reads plain JSON too, and does not stop at the comments and trailing commas of tsconfig.json & co.
  json: {
    files: ['**/*.json'],
    block: { language: `${NAMESPACE}/json`, languageOptions: { allowTrailingCommas: true } },
  },
  yaml: { files: ['**/*.{yml,yaml}'], block: { languageOptions: { parser: guardedYamlParser } } },
};

const TYPESCRIPT_FILES = ['**/*.{ts,cts,mts,tsx}'];

type Level = 'error' | 'warn';

/**
 * `configs.recommended` and `configs.strict`, built from rule meta: one flat-config block per file type that some
 * rule checks, so a plain `npx eslint .` lints code, Dockerfiles, .env and config files in one run.
 */
export function buildConfigs(plugin: ESLint.Plugin): Record<'recommended' | 'strict', Linter.Config[]> {
  return {
    recommended: blocks(plugin, 'recommended', (docs) => docs.recommended),
    strict: blocks(plugin, 'strict', (docs) => docs.strict ?? 'error'),
  };
}

function blocks(plugin: ESLint.Plugin, name: string, level: (docs: CredentialExpiryDocs) => Level | undefined): Linter.Config[] {
  const byType = new Map<FileType, Linter.RulesRecord>();
  for (const [id, rule] of Object.entries(plugin.rules ?? {})) {
    const docs = (rule.meta?.docs ?? {}) as CredentialExpiryDocs;
    const severity = level(docs);
    if (!severity) continue;
    for (const type of docs.fileTypes ?? ['js']) {
      const record = byType.get(type) ?? {};
      record[`${NAMESPACE}/${id}`] = severity;
      byType.set(type, record);
    }
  }
  const configs: Linter.Config[] = [];
  if (byType.has('js')) {
    configs.push({ name: `${NAMESPACE}/${name}/typescript-parser`, files: TYPESCRIPT_FILES, languageOptions: { parser: tsParser } });
  }
  for (const [type, rules] of byType) {
    const { files, block } = FILE_TYPES[type];
    configs.push({
      name: `${NAMESPACE}/${name}/${type}`,
      files,
      ...block,
      plugins: { ...(block.plugins ?? {}), [NAMESPACE]: plugin },
      rules,
    });
  }
  return configs;
}
