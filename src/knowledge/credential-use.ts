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
