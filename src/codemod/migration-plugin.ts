import type { ESLint, Rule } from 'eslint';
import type { CredentialExpiryDocs } from '../util/create-rule.js';

type ReportDescriptor = Parameters<Rule.RuleContext['report']>[0];

/** The suggestion message ids a rule declares safe to apply during a migration. */
export function migrationSafeSuggestions(rule: Rule.RuleModule | undefined): ReadonlySet<string> {
  return new Set((rule?.meta?.docs as CredentialExpiryDocs | undefined)?.migrationSafeSuggestions ?? []);
}

/** A report whose first migration-safe suggestion becomes its fix (when it has no fix of its own). */
function promoteSafeSuggestion(descriptor: ReportDescriptor, safe: ReadonlySet<string>): ReportDescriptor {
  if (descriptor.fix) return descriptor;
  const suggestion = descriptor.suggest?.find((candidate) => 'messageId' in candidate && safe.has(candidate.messageId));
  return suggestion ? { ...descriptor, fix: suggestion.fix } : descriptor;
}

function promotingRule(rule: Rule.RuleModule, safe: ReadonlySet<string>): Rule.RuleModule {
  return {
    ...rule,
    meta: { ...rule.meta, fixable: rule.meta?.fixable ?? 'code' },
    create(context) {
      const report = (descriptor: ReportDescriptor): void => context.report(promoteSafeSuggestion(descriptor, safe));
      return rule.create(Object.create(context, { report: { value: report } }) as Rule.RuleContext);
    },
  };
}

/**
 * The plugin as `migrate` runs it: the same rules and messages, except that a suggestion listed in the rule's
 * `meta.docs.migrationSafeSuggestions` is applied like a fix. Detection stays in the rules; only the hand changes.
 */
export function migrationPlugin(plugin: ESLint.Plugin): ESLint.Plugin {
  const rules: Record<string, Rule.RuleModule> = {};
  for (const [id, rule] of Object.entries(plugin.rules ?? {}) as [string, Rule.RuleModule][]) {
    const safe = migrationSafeSuggestions(rule);
    rules[id] = safe.size ? promotingRule(rule, safe) : rule;
  }
  return { ...plugin, rules };
}
