import { AWS_V3_EXPIRATION_FIELD, STS_EXPIRATION_FIELD } from './aws-v3.js';
import { AZURE_EXPIRY_FIELDS } from './azure.js';
import { GOOGLE_EXPIRY_FIELDS } from './google.js';
import type { ApiRef } from './types.js';

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

/**
 * Timers and schedulers whose callback can refresh or drop a cached value before it expires (`setTimeout(refresh,
 * ttl)`, set-interval-async `setIntervalAsync(fn, ms)`, node-cron `cron.schedule(expr, fn)`, node-schedule
 * `scheduleJob(rule, fn)`). A callback that refills the value counts, whichever argument it is.
 */
export const REFRESH_TIMERS: readonly string[] = [
  'setTimeout',
  'setInterval',
  'setIntervalAsync',
  'schedule',
  'scheduleJob',
];
/**
 * Verifications that throw once a JWT has expired (jsonwebtoken `verify`: TokenExpiredError; jose `jwtVerify`:
 * JWTExpired): a cached token verified before reuse, and dropped or refetched when that throws, is renewed.
 * Sources: auth0/node-jsonwebtoken README (TokenExpiredError); panva/jose docs/jwt/verify/functions/jwtVerify.md
 */
export const EXPIRY_VERIFIERS: readonly ApiRef[] = [
  { modules: ['jsonwebtoken'], path: ['verify'] },
  { modules: ['jose'], path: ['jwtVerify'] },
];
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
/** The method that reads one entry of a Map-like cache (a per-key deadline: `expiresAt.get(key)`). */
export const CACHE_GET_METHOD = 'get';

/**
 * Word sequences that name a deadline in hand-written bookkeeping, read from a camelCase or snake_case name split
 * into lowercase words (`tokenValidTo`, `refresh_after`, Azure's `refreshAfterTimestamp`): a stored "valid to" or
 * "refresh at" time is compared with the clock like an expiry.
 */
export const DEADLINE_NAME_PHRASES: readonly (readonly string[])[] = [
  ['valid', 'to'],
  ['valid', 'through'],
  ['valid', 'thru'],
  ['valid', 'till'],
  ['good', 'until'],
  ['good', 'till'],
  ['refresh', 'at'],
  ['refresh', 'after'],
  ['refresh', 'by'],
  ['renew', 'at'],
  ['renew', 'after'],
  ['stale', 'at'],
  ['stale', 'after'],
];

/**
 * Date libraries read like `Date`: a clock (`dayjs()`, `moment()`, luxon `DateTime.now()`), conversions that keep
 * a time's direction (`dayjs.unix(exp)`, `.add(1, 'minute')`, date-fns `addSeconds(d, n)`), and comparisons
 * (`a.isBefore(b)` is `a < b`; date-fns `isAfter(a, b)` is `a > b`, `isPast(d)` is `d < now`).
 * Sources: https://day.js.org/docs/en/query/is-before, https://momentjs.com/docs/#/query/,
 * https://date-fns.org/docs/isBefore, https://moment.github.io/luxon/api-docs/index.html#datetimenow
 */
export const DATE_LIBRARY_CLOCKS: readonly ApiRef[] = [
  { modules: ['dayjs', 'moment', 'moment-timezone'], path: [] },
  { modules: ['luxon'], path: ['DateTime', 'now'] },
  { modules: ['luxon'], path: ['DateTime', 'utc'] },
];
/** Functions of a date library whose first argument is the time they return, moved by a constant at most. */
export const DATE_LIBRARY_CONVERSIONS: readonly ApiRef[] = [
  { modules: ['dayjs', 'moment', 'moment-timezone'], path: [] },
  { modules: ['dayjs', 'moment', 'moment-timezone'], path: ['unix'] },
  { modules: ['luxon'], path: ['DateTime', '*'] },
  { modules: ['date-fns', 'date-fns/*'], path: ['*'] },
];
/** Methods of a date object that return the same time moved by a constant, or the time as a number. */
export const DATE_METHODS: readonly string[] = [
  'add',
  'subtract',
  'plus',
  'minus',
  'unix',
  'toDate',
  'toMillis',
  'toSeconds',
  'toJSDate',
];
export type RelationalOperator = '<' | '<=' | '>' | '>=';
/** `a.isBefore(b)`: the receiver compared with the first argument. */
export const DATE_COMPARISON_METHODS: ReadonlyMap<string, RelationalOperator> = new Map([
  ['isBefore', '<'],
  ['isAfter', '>'],
  ['isSameOrBefore', '<='],
  ['isSameOrAfter', '>='],
]);
/** date-fns: `isBefore(a, b)` compares its two arguments; `isPast(d)` / `isFuture(d)` compare one with the clock. */
export const DATE_FNS_MODULES: readonly string[] = ['date-fns', 'date-fns/*'];
export const DATE_COMPARISON_FUNCTIONS: ReadonlyMap<string, RelationalOperator> = DATE_COMPARISON_METHODS;
/** Differences of two times: dayjs/moment `a.diff(b)` and date-fns `differenceInSeconds(a, b)` are `a - b`. */
export const DATE_DIFFERENCE_METHODS: readonly string[] = ['diff'];
export const DATE_DIFFERENCE_FUNCTION_PATTERN = /^differenceIn[A-Z][a-z]+$/;
export const DATE_CLOCK_COMPARISON_FUNCTIONS: ReadonlyMap<string, RelationalOperator> = new Map([
  ['isPast', '<'],
  ['isFuture', '>'],
]);
