import { AWS_V3_EXPIRATION_FIELD, STS_EXPIRATION_FIELD } from './aws-v3.js';
import { AZURE_EXPIRY_FIELDS } from './azure.js';
import { GOOGLE_EXPIRY_FIELDS } from './google.js';

/**
 * Property names that carry an expiry across the SDKs (AWS v3 `expiration`, STS `Expiration`, v2 `expireTime`,
 * Google `expiry_date` / `expires_in`, Azure `expiresOnTimestamp`, JWT `exp`) and common hand-written equivalents.
 * A cache whose read path compares one of these is handling expiry.
 */
export const EXPIRY_FIELD_NAMES: ReadonlySet<string> = new Set([
  AWS_V3_EXPIRATION_FIELD,
  STS_EXPIRATION_FIELD,
  'expireTime',
  'expired',
  ...GOOGLE_EXPIRY_FIELDS,
  ...AZURE_EXPIRY_FIELDS,
  'exp',
  'expiresIn',
  'expiresAt',
  'expires_at',
  'expiry',
  'expires',
  'expiresOn',
  // A stored deadline next to the cached value: `{ value, until }`, `validUntil`, X.509-style `notAfter`.
  'until',
  'validUntil',
  'notAfter',
]);

/**
 * Boolean fields that are true once credentials have expired (AWS SDK v2 `AWS.Credentials.expired`, set by the
 * retry listener on ExpiredToken). Testing one is an expiry check.
 */
export const EXPIRY_FLAG_FIELDS: ReadonlySet<string> = new Set(['expired']);
// Source: aws/aws-sdk-js: lib/credentials.js (expired, needsRefresh); lib/event_listeners.js

/** What a `true` answer of an expiry predicate means. */
export type PredicateMeaning = 'expired' | 'valid';

/**
 * Names of functions and methods that answer "has it expired?" or "is it still valid?": the SDKs' own
 * (`needsRefresh`, `isTokenExpiring`, `isIdentityExpired`) and the usual hand-written spellings.
 */
export const EXPIRY_PREDICATES: readonly {
  readonly pattern: RegExp;
  readonly trueMeans: PredicateMeaning;
  readonly source: string;
}[] = [
  {
    // `(?=\w*$)\w*?Refresh`, not `\w*Refresh\w*$`: the latter rescans the rest of the name after every `Refresh`.
    pattern: /^(?:is|has)?\w*(?:Expired|Expiring|Expires?Soon|Stale)$|^(?:needs|should)(?=\w*$)\w*?Refresh|^expired$/i,
    trueMeans: 'expired',
    source:
      'aws/aws-sdk-js: lib/credentials.js (needsRefresh); googleapis/google-auth-library-nodejs: src/auth/oauth2client.ts (isTokenExpiring); ' +
      'smithy-lang/smithy-typescript: memoizeIdentityProvider.ts (isIdentityExpired)',
  },
  {
    pattern: /^(?:is|still)\w*(?:Valid|Fresh|Alive|Usable)$|^(?:is)?NotExpired$/i,
    trueMeans: 'valid',
    source: 'hand-written caches (the inverse spelling of the predicates above)',
  },
];

/**
 * Reads of the current time: `Date.now()`, `performance.now()`, `new Date()` (as a number in comparisons).
 * `[object, method]` pairs of global calls, and global constructors called without arguments.
 */
export const CLOCK_CALLS: readonly (readonly [string, string])[] = [
  ['Date', 'now'],
  ['performance', 'now'],
];
export const CLOCK_CONSTRUCTORS: readonly string[] = ['Date'];
/**
 * Conversions that keep a time's direction (`x.getTime()`, `Date.parse(x)`, `Math.floor(x / 1000)`): methods on the
 * value, and global functions taking it as the first argument.
 */
export const TIME_METHODS: readonly string[] = ['getTime', 'valueOf'];
export const TIME_FUNCTIONS: readonly (readonly [string, string] | readonly [string])[] = [
  ['Date', 'parse'],
  ['Number'],
  ['Math', 'floor'],
  ['Math', 'ceil'],
  ['Math', 'round'],
  ['Math', 'trunc'],
];
// Source: https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Date

/** Timers whose callback can refresh or drop a cached value before it expires (`setTimeout(refresh, ttl)`). */
export const REFRESH_TIMERS: readonly string[] = ['setTimeout', 'setInterval'];
/**
 * Listeners an SDK calls each time it refreshes the token: a cache refilled from their callback stays fresh.
 * Firebase `onIdTokenChanged(auth, cb)` / `auth.onIdTokenChanged(cb)` ("sign-in, sign-out, and token refresh events",
 * https://firebase.google.com/docs/reference/js/auth.md#onidtokenchanged).
 */
export const TOKEN_REFRESH_LISTENERS: readonly string[] = ['onIdTokenChanged'];
/**
 * Options of cache constructors that drop each entry after a time: lru-cache and @isaacs/ttlcache `ttl` (older
 * lru-cache and quick-lru `maxAge`), node-cache `stdTTL` (isaacs/node-lru-cache README; isaacs/ttlcache README;
 * sindresorhus/quick-lru README; node-cache/node-cache README). A cache built with one evicts what it keeps.
 */
export const TTL_CACHE_OPTIONS: readonly string[] = ['ttl', 'maxAge', 'stdTTL'];
/** Methods that put a value into, or drop it from, a Map-like cache (`Map`, `lru-cache`, `node-cache`). */
export const CACHE_WRITE_METHODS: ReadonlySet<string> = new Set(['set', 'delete', 'clear', 'del']);
// Source: https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Map; isaacs/node-lru-cache README
/**
 * Names of the time a value was stored (`{ url, ts }`, `cachedAt`, `fetchedAt`): `Date.now() - entry.ts < TTL` is an
 * age check, which moves with the clock like an expiry check (a later fill is a later expiry).
 */
export const FILL_TIME_NAME_PATTERN =
  /^(?:ts|time|timestamp|at)$|^(?:cached|fetched|stored|saved|created|issued|obtained|retrieved|refreshed|updated|signed)_?at$|_?timestamp$/i;
/**
 * A third argument to a cache's `set` is a per-entry lifetime: node-cache `set(key, val, ttl)`, lru-cache
 * `set(k, v, { ttl })`, keyv and cache-manager `set(key, value, ttl)` (node-cache/node-cache README; isaacs/node-lru-cache
 * README; jaredwray/keyv README). `Map#set` takes two.
 */
export const TTL_SET_ARGUMENT_INDEX = 2;
/**
 * HTTP statuses after which code that drops its cached token and fetches again renews it (RFC 6750 §3.1:
 * `invalid_token` is answered with 401; some APIs answer 403).
 */
export const REJECTED_TOKEN_STATUSES: readonly number[] = [401, 403];
/** Hand-written names of expiry bookkeeping that EXPIRY_FIELD_NAMES does not list (`tokenDeadline`, `cachedExpiry`). */
export const EXPIRY_NAME_PATTERN = /expir|deadline|valid_?until/i;
/** The method that puts a value into a Map-like cache: its second argument is the value. */
export const CACHE_PUT_METHOD = 'set';
