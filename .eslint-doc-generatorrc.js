/** eslint-doc-generator: the README rule table and the notice line at the top of each docs/rules page. */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ruleDocTitleFormat: 'name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'requiresTypeChecking'],
};
