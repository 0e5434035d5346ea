import type { ESLint, Rule } from 'eslint';
import type { CredentialExpiryDocs } from '../util/create-rule.js';

type ReportDescriptor = Parameters<Rule.RuleContext['report']>[0];

/** The suggestion message ids a rule declares safe to apply during a migration. */
function migrationSafeSuggestions(rule: Rule.RuleModule | undefined): ReadonlySet<string> {
  return new Set((rule?.meta?.docs as CredentialExpiryDocs | undefined)?.migrationSafeSuggestions ?? []);
}

/** `--transform` names besides the suggestion ids: the rules' own fixes, and the rewrite across files. */
const FIX_TRANSFORM = 'fix';
export const PROJECT_TRANSFORM = 'exported-snapshot';

/**
 * A report whose first migration-safe suggestion becomes its fix (when it has no fix of its own), and whose own fix
 * is dropped when `--transform` leaves fixes out.
 */
function promoteSafeSuggestion(
  descriptor: ReportDescriptor,
  safe: ReadonlySet<string>,
  fixes: boolean,
): ReportDescriptor {
  if (descriptor.fix) return fixes ? descriptor : { ...descriptor, fix: null };
  const suggestion = descriptor.suggest?.find((candidate) => 'messageId' in candidate && safe.has(candidate.messageId));
  return suggestion ? { ...descriptor, fix: suggestion.fix } : descriptor;
}

function promotingRule(rule: Rule.RuleModule, safe: ReadonlySet<string>, fixes: boolean): Rule.RuleModule {
  return {
    ...rule,
    meta: { ...rule.meta, fixable: rule.meta?.fixable ?? 'code' },
    create(context) {
      const report = (descriptor: ReportDescriptor): void =>
        context.report(promoteSafeSuggestion(descriptor, safe, fixes));
      return rule.create(Object.create(context, { report: { value: report } }) as Rule.RuleContext);
    },
  };
}

/**
 * The plugin as `migrate` runs it: the same rules and messages, except that a suggestion listed in the rule's
 * `meta.docs.migrationSafeSuggestions` is applied like a fix. Detection stays in the rules; only the hand changes.
 */
export function migrationPlugin(plugin: ESLint.Plugin, transforms?: readonly string[]): ESLint.Plugin {
  const fixes = !transforms || transforms.includes(FIX_TRANSFORM);
  const rules: Record<string, Rule.RuleModule> = {};
  for (const [id, rule] of Object.entries(plugin.rules ?? {}) as [string, Rule.RuleModule][]) {
    const safe = new Set(
      [...migrationSafeSuggestions(rule)].filter((messageId) => !transforms || transforms.includes(messageId)),
    );
    rules[id] = safe.size || !fixes ? promotingRule(rule, safe, fixes) : rule;
  }
  return { ...plugin, rules };
}

/** Every name `--transform` accepts for `plugin`. */
export function transformNames(plugin: ESLint.Plugin): string[] {
  const suggestions = Object.values(plugin.rules ?? {}).flatMap((rule) => [
    ...migrationSafeSuggestions(rule as Rule.RuleModule),
  ]);
  return [FIX_TRANSFORM, ...new Set(suggestions), PROJECT_TRANSFORM];
}
