/** eslint-doc-generator: the README rule table and the notice line at the top of each docs/rules page. */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  // The per-file-type configs are slices of `recommended`; the README's "Configure" table describes them.
  ignoreConfig: ['js', 'dockerfile', 'dotenv', 'json', 'yaml'],
  ruleDocTitleFormat: 'name',
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'configsWarn',
    'fixable',
    'hasSuggestions',
    'requiresTypeChecking',
  ],
};
