import { tokenCacheListeners } from './listeners.js';
import { MIGRATION_SAFE_SUGGESTIONS, TOKEN_CACHE_MESSAGES, type TokenCacheMessageId } from './messages.js';
import { settingsWithInfrastructure } from '../../src/repository/settings.js';
import { JS_ONLY } from '../../src/languages/ids.js';
import { createRule } from '../../src/util/create-rule.js';

export default createRule<[], TokenCacheMessageId>({
  name: 'no-module-token-cache',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow keeping tokens, temporary credentials or presigned URLs in long-lived storage without an expiry check before reuse',
      triggers: ['modules', 'token-text'],
      recommended: 'error',
      migrationSafeSuggestions: MIGRATION_SAFE_SUGGESTIONS,
      // A kept token in module scope: exported, its readers get a getter; filled lazily, each read asks the client.
      codemodTriggers: { 'exported-snapshot': ['moduleTokenCache'], 'lazy-token-cache': ['moduleTokenCache'] },
    },
    languages: JS_ONLY,
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reported from ./listeners.ts, which this lint rule cannot follow
    hasSuggestions: true,
    messages: TOKEN_CACHE_MESSAGES,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return tokenCacheListeners(context, settingsWithInfrastructure(context));
  },
});
