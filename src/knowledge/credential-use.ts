import { FS_MODULES } from './keepers.js';

/**
 * Where a value is spent as a credential: the scheme word written before it in an `Authorization` value (`Bearer`,
 * RFC 6750 §2.1; GitHub's `token`, https://docs.github.com/rest/authentication/authenticating-to-the-rest-api), the
 * header itself (`Authorization`, RFC 9110 §11.6.2), and the options HTTP and database clients take it in: `auth`
 * (Octokit, axios `auth`, request's `auth: { bearer }`), `bearer`, `password` (pg, mysql2, ioredis, tedious).
 * A token field of an unknown call's result that a long-lived keeper hands to one of these is a bearer credential.
 */
export const CREDENTIAL_SCHEME_BEFORE_VALUE = /(?:^|[\s"'`])(?:bearer|token)\s+$/i;
export const CREDENTIAL_HEADER = /^authorization$/i;
export const CREDENTIAL_OPTION_KEYS: ReadonlySet<string> = new Set(['authorization', 'auth', 'bearer', 'password']);

/**
 * Modules whose calls hand the app a value it holds itself, not one an issuer hands out: a file's contents (a config
 * the app or its user wrote: `await fs.readJson(configPath)`) or what the user typed at a prompt (`await
 * inquirer.prompt(...)`, SBoudrias/Inquirer.js; terkelg/prompts; enquirer/enquirer; bombshell-dev/clack). Asked
 * again they give the same value, so a token field read from them says nothing of a lifetime the code could renew
 * (a token file a platform rotates is PROJECTED_TOKEN_FILES').
 */
export const LOCAL_INPUT_MODULES: ReadonlySet<string> = new Set([
  ...FS_MODULES,
  'inquirer',
  '@inquirer/prompts',
  'prompts',
  'enquirer',
  '@clack/prompts',
]);
