import type { ESLintUtils, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TriggerFamily } from '../analysis/text-gate.js';
import { maskSecretsInText } from '../analysis/secret-mask.js';
import { SettingsError } from '../settings.js';
import { gatedByText } from './text-gated-rule.js';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-credential-expiry/eslint-plugin-credential-expiry';

/** The codemod's rewrites across files (src/codemod/transforms/), each acting on findings that rules name for it. */
export const PROJECT_TRANSFORMS = ['exported-snapshot', 'lazy-token-cache'] as const;
export type ProjectTransform = (typeof PROJECT_TRANSFORMS)[number];

export interface CredentialExpiryDocs {
  /** Severity in `configs.recommended`; absent: only in `configs.strict`. */
  recommended?: 'error' | 'warn';
  /** Severity in `configs.strict` (defaults to `error`). */
  strict?: 'error' | 'warn';
  /** Sees further with type information, works without it. */
  usesTypeInformation?: boolean;
  /** Suggestion message ids that `credential-expiry migrate` applies like fixes (they keep meaning in practice). */
  migrationSafeSuggestions?: readonly string[];
  /** Per rewrite across files of `credential-expiry migrate`, the message ids of the findings it acts on. */
  codemodTriggers?: Partial<Record<ProjectTransform, readonly string[]>>;
  /**
   * Per message id, why `credential-expiry migrate` leaves such a finding to a person when the rule offers no
   * suggestion for it (the report's `whatToDo`): what fact or decision the change needs that the code does not hold.
   */
  manualReasons?: Readonly<Record<string, string>>;
  /**
   * The text-gate families (src/analysis/text-gate.ts) without which the rule reports nothing in a JS/TS or JSON file:
   * where none occurs in the file's text, the rule's create() is not called. Absent: never skipped.
   */
  triggers?: readonly TriggerFamily[];
}

/** The message every rule reports, once per file, in place of an exception; it shows no source text. */
export const INTERNAL_ERROR_MESSAGE_ID = 'internalError';
const INTERNAL_ERROR_MESSAGE = 'credential-expiry: internal error in {{rule}} on this file; please report';
/** Set to rethrow instead (for working on the rules: the stack trace says where). */
const RETHROW_VARIABLE = 'CREDENTIAL_EXPIRY_RETHROW';

const docsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

type RuleSpec<Options extends readonly unknown[], MessageIds extends string> = Readonly<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, CredentialExpiryDocs>
>;

/**
 * The rule creator: docs URLs, and crash-proof rules. An exception thrown by `create` or any listener (exit
 * listeners too) stops that rule on that file and becomes one `internalError` report, instead of stopping the
 * whole ESLint run (ESLint ends a run at the first exception of any rule). Settings errors still stop the run.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: RuleSpec<Options, MessageIds>,
) {
  const messages = { ...spec.meta.messages, [INTERNAL_ERROR_MESSAGE_ID]: INTERNAL_ERROR_MESSAGE } as Record<
    MessageIds,
    string
  >;
  const { name } = spec;
  // As typescript-eslint resolves them: `meta.defaultOptions`, else the (deprecated) top-level `defaultOptions`.
  const defaultOptions = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  const rule: TSESLint.RuleModule<MessageIds, Options, CredentialExpiryDocs> & { name: string } = {
    name,
    defaultOptions,
    meta: { ...spec.meta, messages, docs: { ...spec.meta.docs, url: docsUrl(name) } },
    create: (context) =>
      guardRule(name, context, () =>
        spec.create(maskingReports(context), withDefaults(defaultOptions, context.options as readonly unknown[])),
      ),
  };
  return gatedByText(rule);
}

/**
 * The options a rule's create() gets: each default replaced by the user's option where one is given (plain objects
 * merged key by key). Our own, not typescript-eslint's RuleCreator, whose `applyDefault` structuredClones the
 * defaults for every rule on every file; no rule here takes options today, so this returns the defaults as they are.
 */
function withDefaults<Options extends readonly unknown[]>(defaults: Options, given: readonly unknown[]): Options {
  if (given.length === 0) return defaults;
  const isPlainObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  return defaults.map((fallback, index) => {
    const option = given[index];
    if (option === undefined) return fallback;
    return isPlainObject(fallback) && isPlainObject(option) ? { ...fallback, ...option } : option;
  }) as unknown as Options;
}

type Listener = (...args: unknown[]) => void;
type Descriptor<MessageIds extends string> = TSESLint.ReportDescriptor<MessageIds>;

/**
 * The rule's context with a `report` that passes every message and suggestion datum through maskSecretsInText:
 * a snippet of code in a message can never print a credential, whichever rule builds it.
 */
function maskingReports<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
): Readonly<TSESLint.RuleContext<MessageIds, Options>> {
  const report = (descriptor: Descriptor<MessageIds>): void =>
    context.report({
      ...descriptor,
      ...(descriptor.data ? { data: maskData(descriptor.data) } : {}),
      ...(descriptor.suggest
        ? { suggest: descriptor.suggest.map((s) => (s.data ? { ...s, data: maskData(s.data) } : s)) }
        : {}),
    });
  // ESLint's context is frozen; a child object with its own `report` inherits everything else. Made as a literal: a
  // literal's own property is defined, not assigned past the frozen `report`, and costs a tenth of `Object.create`
  // with a descriptor (made once per rule and file that opens the gate).
  return { __proto__: context, report } as unknown as Readonly<TSESLint.RuleContext<MessageIds, Options>>;
}

function maskData(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, typeof value === 'string' ? maskSecretsInText(value) : value]),
  );
}

function guardRule<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  create: () => TSESLint.RuleListener,
): TSESLint.RuleListener {
  let failed = false;
  const fail = (error: unknown): void => {
    // A bad setting is the user's to fix and stops the run with its own clear message, like a bad rule option.
    if (error instanceof SettingsError || process.env[RETHROW_VARIABLE]) throw error;
    if (failed) return;
    failed = true;
    context.report({
      node: context.sourceCode.ast as unknown as TSESTree.Node,
      messageId: INTERNAL_ERROR_MESSAGE_ID as MessageIds,
      data: { rule: `credential-expiry/${name}` },
    });
  };
  let listeners: TSESLint.RuleListener;
  try {
    listeners = create();
  } catch (error) {
    // No listener left to report from `create`: report when the traversal starts.
    return { [rootSelector(context)]: () => fail(error) };
  }
  const guarded: Record<string, Listener> = {};
  for (const [selector, listener] of Object.entries(listeners as Record<string, Listener | undefined>)) {
    if (!listener) continue;
    guarded[selector] = (...args) => {
      if (failed) return;
      try {
        listener(...args);
      } catch (error) {
        fail(error);
      }
    };
  }
  return guarded;
}

/** The type of the file's root node: `Program` for JS, each language's own root otherwise. */
function rootSelector(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  return (context.sourceCode.ast as { type: string }).type;
}
