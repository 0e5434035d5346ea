import type { TSESLint } from '@typescript-eslint/utils';
import { mayTrigger, type TriggerFamily } from '../analysis/text-gate.js';
import { readSettings } from '../settings.js';

interface GateableRule {
  meta: { docs?: { triggers?: readonly TriggerFamily[] } };
  create(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TSESLint.RuleListener;
}

/**
 * JS/TS files and JSON documents (@eslint/json's root is a `Document`). YAML (yaml-eslint-parser's root is a `Program`
 * too) and .env files are gated by their languages before parsing instead (src/language-gates.ts); Dockerfiles are
 * not gated: their checks read shapes the trigger families do not list.
 */
function isGated(sourceCode: { ast?: { type?: string }; parserServices?: { isYAML?: boolean } }): boolean {
  const type = sourceCode.ast?.type;
  return type === 'Document' || (type === 'Program' && sourceCode.parserServices?.isYAML !== true);
}

/**
 * The rule with its create() skipped, listeners and all, on JS/TS and JSON files whose text holds none of the rule's
 * `meta.docs.triggers` (src/analysis/text-gate.ts). Rules without triggers are returned as they are.
 */
export function gatedByText<Rule extends GateableRule>(rule: Rule): Rule {
  const triggers = rule.meta.docs?.triggers;
  if (!triggers?.length) return rule;
  const create = rule.create.bind(rule);
  return {
    ...rule,
    create(context) {
      const sourceCode = context.sourceCode as Parameters<typeof isGated>[0] & { text: string };
      if (!isGated(sourceCode) || mayTrigger(sourceCode, triggers)) return create(context);
      // Skipped, but a bad setting is still the one clear error it is on every other file.
      readSettings(context.settings);
      return {};
    },
  };
}

/** Whether some rule of `rules` may report on a JS/TS file with this text (a rule without triggers always may). */
export function someRuleMayReport(
  rules: Readonly<Record<string, { meta?: { docs?: unknown } }>>,
  text: string,
): boolean {
  const source = { text };
  return Object.values(rules).some((rule) => {
    const triggers = (rule.meta?.docs as { triggers?: readonly TriggerFamily[] } | undefined)?.triggers;
    return !triggers?.length || mayTrigger(source, triggers);
  });
}
