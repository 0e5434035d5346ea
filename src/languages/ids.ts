/**
 * The ids rules name in `meta.languages` ("plugin/language"; ESLint 10.2+ refuses to run a rule in a config block
 * whose language it does not list: eslint/lib/config/config.js, doesRuleSupportLanguage). A plugin is matched by
 * its name or its `meta.namespace`, so `credential-expiry/…` holds under any name a user registers this plugin as.
 */
export const LANGUAGE_IDS = {
  /** ESLint's JavaScript language, also when a parser (typescript-eslint, jsonc-eslint-parser, yaml-eslint-parser) reads the file. */
  js: 'js/js',
  dockerfile: 'credential-expiry/dockerfile',
  dotenv: 'credential-expiry/dotenv',
  /**
   * @eslint/json's dialects (this plugin's JSON language is @eslint/json's `jsonc` under the `json` namespace), and
   * eslint-plugin-jsonc 3's, which its configs set on JSON files after ours (dist/index.mjs: `language: "jsonc/x"`)
   * and which give jsonc-eslint-parser's AST (rules/no-embedded-credentials/jsonc-ast.ts reads it).
   */
  json: [
    'json/json',
    'json/jsonc',
    'json/json5',
    'credential-expiry/json',
    'jsonc/json',
    'jsonc/jsonc',
    'jsonc/json5',
    'jsonc/x',
  ],
  /** This plugin's YAML language, and eslint-plugin-yml 3's (both give yaml-eslint-parser's AST). */
  yaml: ['credential-expiry/yaml', 'yml/yaml'],
} as const;

/** The languages of a rule that reads JavaScript and TypeScript only. */
export const JS_ONLY: string[] = [LANGUAGE_IDS.js];
