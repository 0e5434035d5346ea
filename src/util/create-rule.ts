import { ESLintUtils } from '@typescript-eslint/utils';
import { gatedByText } from './text-gated-rule.js';
import type { TriggerFamily } from '../analysis/text-gate.js';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-credential-expiry/eslint-plugin-credential-expiry';

/** The kinds of files a rule understands; src/configs.ts turns each into one flat-config block. */
export type FileType = 'js' | 'dockerfile' | 'dotenv' | 'json' | 'yaml';

export interface CredentialExpiryDocs {
  /** Severity in `configs.recommended`; absent: only in `configs.strict`. */
  recommended?: 'error' | 'warn';
  /** Severity in `configs.strict` (defaults to `error`). */
  strict?: 'error' | 'warn';
  /** File types the rule checks (default `['js']`). */
  fileTypes?: readonly FileType[];
  /** Sees further with type information, works without it. */
  usesTypeInformation?: boolean;
  /** Suggestion message ids that `credential-expiry migrate` applies like fixes (they keep meaning in practice). */
  migrationSafeSuggestions?: readonly string[];
  /**
   * The text-gate families (src/analysis/text-gate.ts) without which the rule reports nothing in a JS/TS or JSON file:
   * where none occurs in the file's text, the rule's create() is not called. Absent: never skipped.
   */
  triggers?: readonly TriggerFamily[];
}

const documentedRule = ESLintUtils.RuleCreator<CredentialExpiryDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, CredentialExpiryDocs>>,
): ReturnType<typeof documentedRule<Options, MessageIds>> {
  return gatedByText(documentedRule(rule));
}
