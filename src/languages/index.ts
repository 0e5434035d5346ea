export { dockerfile, DOCKERFILE_FILES, DOCKERFILE_IGNORES } from './dockerfile/index.js';
export { dotenv, DOTENV_FILES, DOTENV_IGNORES } from './dotenv/index.js';
export { json, JSON_IGNORES, JSON_LANGUAGE, JSON_LANGUAGE_PLUGIN_NAME, jsonLanguagePlugin } from './json/index.js';
export { yaml, YAML_IGNORES } from './yaml/index.js';

import { dockerfile } from './dockerfile/index.js';
import { dotenv } from './dotenv/index.js';
import { json } from './json/index.js';
import { yaml } from './yaml/index.js';

/** The plugin's `languages` entries: `credential-expiry/dockerfile`, `/dotenv`, `/json`, `/yaml`. */
export const languages = { dockerfile, dotenv, json, yaml };
