import type { TSESLint } from '@typescript-eslint/utils';
import noEmbeddedCredentials from '../rules/no-embedded-credentials/index.js';
import noModuleTokenCache from '../rules/no-module-token-cache/index.js';
import noStaticSnapshot from '../rules/no-static-snapshot/index.js';
import presignMaxLifetime from '../rules/presign-max-lifetime/index.js';
import presignWithinSession from '../rules/presign-within-session/index.js';
import sessionDurationWithinRole from '../rules/session-duration-within-role/index.js';

/** Every rule of the plugin, by id. One line per rule; rule modules live in rules/. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-embedded-credentials': noEmbeddedCredentials,
  'no-module-token-cache': noModuleTokenCache,
  'no-static-snapshot': noStaticSnapshot,
  'presign-max-lifetime': presignMaxLifetime,
  'presign-within-session': presignWithinSession,
  'session-duration-within-role': sessionDurationWithinRole,
};
