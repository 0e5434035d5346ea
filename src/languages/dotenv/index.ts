import { DotenvLanguage } from './language.js';

export type * from './ast.js';

/** Files the .env language is meant for. */
export const DOTENV_FILES = ['**/.env', '**/.env.*', '**/*.env'];
/** Code and config files that `**\/.env.*` would also catch (`.env.ts`, `.env.json`, ...): they are not .env syntax. */
export const DOTENV_IGNORES = ['**/.env.{js,mjs,cjs,jsx,ts,mts,cts,tsx,json,jsonc,yml,yaml,toml,sh,md}'];

export const dotenv = new DotenvLanguage();
