export { dockerfile, DOCKERFILE_FILES, DOCKERFILE_IGNORES } from './dockerfile/index.js';
export { dotenv, DOTENV_FILES, DOTENV_IGNORES } from './dotenv/index.js';

import { dockerfile } from './dockerfile/index.js';
import { dotenv } from './dotenv/index.js';
import { guardedJsonc } from './nesting.js';

/**
 * The plugin's `languages` entries: `credential-expiry/dockerfile`, `credential-expiry/dotenv`, and
 * `credential-expiry/json` (@eslint/json's JSONC, refusing files nested too deep to parse).
 */
export const languages = { dockerfile, dotenv, json: guardedJsonc };
export { guardedYamlParser } from './nesting.js';
