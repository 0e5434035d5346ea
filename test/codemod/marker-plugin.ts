import type { ESLint, Rule } from 'eslint';

/**
 * A tiny plugin for testing the pipeline's mechanics independently of the real rules' details:
 * `'stale'` has a fix to `'fresh'`; `'suggest-me'` has a migration-safe suggestion to `'suggested'`;
 * `'unsafe-me'` has only a suggestion that is not migration-safe, so it is left for a person.
 */
const marker: Rule.RuleModule = {
  meta: {
    type: 'problem',
    fixable: 'code',
    hasSuggestions: true,
    docs: {
      description: 'test marker',
      recommended: 'error',
      migrationSafeSuggestions: ['useSuggested'],
    } as Rule.RuleMetaData['docs'],
    messages: {
      stale: 'stale value: it stops working when the session ends',
      suggestMe: 'value needs the safe suggestion',
      unsafeMe: 'value needs a person',
      useSuggested: "Use 'suggested'",
      maybe: "Maybe use 'other'",
    },
    schema: [],
  },
  create(context) {
    return {
      Literal(node) {
        const replace = (text: string) => (fixer: Rule.RuleFixer) => fixer.replaceText(node, text);
        if (node.value === 'stale') context.report({ node, messageId: 'stale', fix: replace("'fresh'") });
        if (node.value === 'suggest-me')
          context.report({
            node,
            messageId: 'suggestMe',
            suggest: [{ messageId: 'useSuggested', fix: replace("'suggested'") }],
          });
        if (node.value === 'unsafe-me')
          context.report({ node, messageId: 'unsafeMe', suggest: [{ messageId: 'maybe', fix: replace("'other'") }] });
      },
    };
  },
};

export const markerPlugin: ESLint.Plugin = { meta: { name: 'marker-plugin' }, rules: { marker } };
