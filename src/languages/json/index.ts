import type { File } from '@eslint/core';
import { JSONLanguage, type JSONOkParseResult, type JSONParseResult, type JSONSourceCode } from '@eslint/json';
import { TRANSLATION_CATALOG_IGNORES } from '../../knowledge/file-names.js';
import { rejectTooDeep } from '../nesting.js';
import { rejectUnreadableText } from '../common/file-guards.js';
import { tolerateForeignRules } from '../common/foreign-rules.js';

/**
 * Lock files are generated, often larger than the size guard, and hold no credentials a person wrote; translation
 * catalogs hold UI text (TRANSLATION_CATALOG_IGNORES).
 */
export const JSON_IGNORES = ['**/package-lock.json', '**/npm-shrinkwrap.json', ...TRANSLATION_CATALOG_IGNORES];

/**
 * @eslint/json's JSONC language (it reads plain JSON too, and does not stop at the comments and trailing commas of
 * tsconfig.json & co.; trailing commas are allowed unless a config says otherwise), with the size and binary guards
 * and the members that JavaScript rules from configs without `files` call.
 */
export class CredentialExpiryJsonLanguage extends JSONLanguage {
  constructor() {
    super({ mode: 'jsonc' });
  }

  /** Options of other languages (`parser`, `globals` from configs without `files`) are not ours to judge. */
  override validateLanguageOptions(languageOptions: Record<string, unknown>): void {
    super.validateLanguageOptions({ allowTrailingCommas: languageOptions.allowTrailingCommas as boolean | undefined });
  }

  override parse(file: File, context?: Parameters<JSONLanguage['parse']>[1]): JSONParseResult {
    const text = String(file.body);
    const unreadable = rejectUnreadableText(text, 'This JSON file') ?? rejectTooDeep(text, 'This JSON file');
    if (unreadable) return { ok: false, errors: [unreadable] };
    return super.parse(file, {
      ...context,
      languageOptions: { allowTrailingCommas: true, ...context?.languageOptions },
    });
  }

  override createSourceCode(file: File, parseResult: JSONOkParseResult): JSONSourceCode {
    return tolerateForeignRules(super.createSourceCode(file, parseResult), 'JSON');
  }
}

export const json = new CredentialExpiryJsonLanguage();

/**
 * The JSON language is registered through a plugin entry of its own, `credential-expiry-json`, not under `json`: a
 * config that registers @eslint/json as `json` too would otherwise fail with "Cannot redefine plugin json" whenever
 * the two objects differ (another version, another copy). Its namespace is `json`, so @eslint/json's rules, whose
 * `meta.languages` name `json/jsonc`, run on it when the user's JSON block comes first (ESLint 10 matches a rule's
 * languages against the plugin's name or `meta.namespace`: eslint/lib/config/config.js, doesRuleSupportLanguage).
 */
export const JSON_LANGUAGE_PLUGIN_NAME = 'credential-expiry-json';
export const jsonLanguagePlugin = {
  meta: { name: 'eslint-plugin-credential-expiry/json-language', namespace: 'json' },
  languages: { jsonc: json },
};
export const JSON_LANGUAGE = `${JSON_LANGUAGE_PLUGIN_NAME}/jsonc`;
