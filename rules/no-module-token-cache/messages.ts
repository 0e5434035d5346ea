import { ASK_EACH_CALL_MESSAGE } from '../token-memo-utils/memo-return.js';

/** Messages of no-module-token-cache; the codemod prints the same texts. */
export const TOKEN_CACHE_MESSAGES = {
  moduleTokenCache:
    '`{{name}}` keeps {{what}} in {{storage}} and reuses it without checking when it expires. It stops working {{lifetime}}; ' +
    'every use after that fails with {{symptom}}. {{fix}}',
  invertedExpiryCheck:
    '`{{name}}` keeps {{what}} in {{storage}}, but the expiry check on line {{line}} is the wrong way round: it reuses the value ' +
    'only after it has expired (and fetches a new one while the old one is still valid), so uses fail with {{symptom}} ' +
    'once it expires ({{lifetime}}). Reverse the comparison.',
  addExpiryCheck:
    'Keep an expiry time next to `{{name}}` and reuse it for {{ttl}} only ({{margin}} before it typically expires). ' +
    'Nothing in the code states how long it lives (no `expires_in` or expiry field of the response is at hand), so confirm that lifetime.',
  expireFromResponse:
    'Keep an expiry time next to `{{name}}`, from the `{{field}}` of the token response (less {{margin}}), and fetch again once it passes.',
  checkExpiration:
    'Reuse `{{name}}` only while its `{{field}}` is more than {{margin}} away, so the cache fetches new credentials before the session ends.',
  callPerUse:
    'Call `{{call}}` where `{{name}}` is used instead of keeping its result (the SDK object caches and refreshes the token).',
  signPerUse: 'Call `{{call}}` where `{{name}}` is used, so every use gets a URL that is still valid.',
  signJwtPerUse:
    'Sign `{{name}}` where it is used (`{{call}}`), so every use sends a JWT whose expiry is still ahead of it.',
  fetchPerUse: 'Call `{{call}}` where `{{name}}` is used, so every use gets a token that is still valid.',
  checkExpiresOn:
    'Reuse `{{name}}` only while its `{{field}}` is more than {{margin}} away, so the credential is asked for a new token before this one expires.',
  expireWithSignedUrl:
    'Keep when each URL in `{{name}}` expires, from the lifetime it is signed for, and sign a new one {{margin}} before that.',
  invertComparison: 'Reverse the comparison on line {{line}} (`{{from}}` → `{{to}}`).',
  askEachCall: ASK_EACH_CALL_MESSAGE,
  passwordPerConnection:
    'Give `{{option}}` a function that calls `{{call}}`: the library calls it for each new connection, so every connection gets a fresh token.',
  settingsPerConnection:
    'Give `{{option}}` a function that returns these settings with an `{{checker}}`: the library calls it for a new connection, and again {{lifetime}} later, so `{{call}}` signs a fresh token for the connections opened then.',
  useTokenCredential:
    "Hand tedious the credential itself (`type: 'token-credential'`, `options: { credential: {{credential}} }`): it asks `{{credential}}` for a token at each login, and the credential refreshes it before it expires.",
  useTokenCredentialAfterUpgrade:
    "Hand tedious the credential itself (`type: 'token-credential'`, `options: { credential: {{credential}} }`) so it asks for a token at each login. That type needs tedious 18.3 or later (mssql 12 or later) and {{found}}: upgrade first, then apply this.",
} as const;

export type TokenCacheMessageId = keyof typeof TOKEN_CACHE_MESSAGES;

/**
 * `callPerUse` replaces a stored token with a per-use call of a method whose object keeps its own cache and
 * refreshes it (google-auth-library clients, Azure credentials): the value has the same type and stays fresh.
 * `fetchPerUse` does the same for a call that asks the source each time: the metadata server, which caches the
 * token and hands out a fresh one before expiry (https://cloud.google.com/compute/docs/access/authenticate-workloads),
 * or a signer that signs a new token locally; same value type, one local request or signature per use.
 * `invertComparison` flips one operator of a check that, as written, reuses the value only once its own deadline
 * has passed: the flipped check is the one the code meant (the deadline and the refill stay as they are).
 * `expireFromResponse` keeps the lifetime the token response states (`expires_in`, RFC 6749 §5.1) with the cached
 * value and fetches again once it passes: the cache keeps working as before while the token is valid; a response
 * without `expires_in` gives no deadline (`NaN`), so the token is fetched again at each use rather than reused stale.
 * A GitHub App installation token's response states the time it expires instead (`expires_at`), and MSAL's
 * `AuthenticationResult` a `Date` (`expiresOn`), `STATED_DEADLINES`: the deadline is that time less the margin.
 * `checkExpiration` makes each reuse test of cached STS `Credentials` also look at their `Expiration`, which every
 * STS output carries: the same values and types reach the callers, refilled before the session ends.
 * `checkExpiresOn` makes each reuse test of a kept Azure `AccessToken` also look at its own `expiresOnTimestamp`
 * (every AccessToken carries it), with the SDK pipeline's 2 min refresh window: same value and type, asked again in time.
 * `expireWithSignedUrl` keeps, next to a cache of presigned URLs, the deadline each was signed for (the signer's own
 * lifetime argument, in reach of the write) and reuses a URL only until a minute before it: the same URLs while they
 * are valid, a new signature after that.
 * `passwordPerConnection` hands a pool a function for its password instead of one token: the library calls it for
 * each connection it opens (`PER_CONNECTION_SECRETS`), and the signer or auth client it asks mints or caches the
 * token, so the same connections open as before, each with a token that is still valid.
 * `settingsPerConnection` makes a library's connection settings a function with an expiry checker
 * (`CONNECTION_SETTINGS_PROVIDERS`: knex): the same settings, asked again once the token in them nears expiry, so later
 * connections open with a token signed then.
 * `useTokenCredential` hands tedious (through mssql or Sequelize) the `@azure/identity` credential instead of one
 * token it asked for (`TEDIOUS_TOKEN_CREDENTIAL`): tedious asks it at each login, the credential caches and refreshes,
 * so the same logins happen, each with a token that is still valid. Offered as safe only where the project's installed
 * or declared tedious/mssql version has that type (`useTokenCredentialAfterUpgrade` otherwise, for a person).
 * `askEachCall` drops `if (token) return token;` in front of a call whose object keeps and renews the token itself
 * (token-memo-utils/memo-return.ts; no-static-snapshot offers it too, for a token its identity SDK renews).
 * `signJwtPerUse` signs a JWT the app makes itself (`jwt.sign(claims, key)`) where it is sent instead of once at
 * load: the same claims and key, with its expiry (and any clock read in the claims) computed at that use.
 * The other suggestions guess a lifetime (`addExpiryCheck`) or change what a URL looks like per use (`signPerUse`).
 */
export const MIGRATION_SAFE_SUGGESTIONS: readonly TokenCacheMessageId[] = [
  'callPerUse',
  'fetchPerUse',
  'signJwtPerUse',
  'invertComparison',
  'expireFromResponse',
  'checkExpiration',
  'passwordPerConnection',
  'settingsPerConnection',
  'expireWithSignedUrl',
  'checkExpiresOn',
  'useTokenCredential',
  'askEachCall',
];

/**
 * Why the codemod leaves a finding to a person when no suggestion applies (completes "Left to you because ..."). One
 * message covers every kept value, so the reason names the cases that have no mechanical remedy.
 */
export const MANUAL_REASONS: Partial<Record<TokenCacheMessageId, string>> = {
  moduleTokenCache:
    'no change here keeps the code working as written: the value comes from a sign-in or a callback the code cannot call again (a login widget, an OAuth redirect, a token handed in from outside), or the lifetime it would need is nowhere in reach (a presigned URL signed elsewhere, a token kept inside a client or driver that takes no token function), or the cache is read and written in shapes an expiry check cannot follow, or it is browser or device storage that other code reads after a reload, or the claims of a JWT use a time read once at load (signing again would keep that time)',
};
