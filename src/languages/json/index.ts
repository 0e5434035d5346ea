import type { File } from '@eslint/core';
import { JSONLanguage, type JSONOkParseResult, type JSONParseResult, type JSONSourceCode } from '@eslint/json';
import { rejectUnreadableText } from '../shared/file-guards.js';
import { tolerateForeignRules } from '../shared/foreign-rules.js';

/** Lock files are generated, often larger than the size guard, and hold no credentials a person wrote. */
export const JSON_IGNORES = ['**/package-lock.json', '**/npm-shrinkwrap.json'];

/**
 * @eslint/json's JSONC language (it reads plain JSON too, and does not stop at the comments and trailing commas of
 * tsconfig.json & co.), registered as `credential-expiry/json` rather than through a `json` plugin entry: a config
 * that registers @eslint/json under `json` as well would otherwise fail with "Cannot redefine plugin json" whenever
 * the two objects differ (another version, another copy). Adds the size and binary guards and the members that
 * JavaScript rules from configs without `files` call.
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
    const unreadable = rejectUnreadableText(String(file.body), 'This JSON file');
    if (unreadable) return { ok: false, errors: [unreadable] };
    return context ? super.parse(file, context) : super.parse(file, { languageOptions: {} });
  }

  override createSourceCode(file: File, parseResult: JSONOkParseResult): JSONSourceCode {
    return tolerateForeignRules(super.createSourceCode(file, parseResult), 'JSON');
  }
}

export const json = new CredentialExpiryJsonLanguage();
