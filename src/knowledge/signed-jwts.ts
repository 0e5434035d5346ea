import type { ApiRef } from './types.js';

/**
 * Libraries that sign a JWT the app sends as a credential of its own (an OAuth JWT-bearer assertion, a GitHub App
 * JWT, a Google service-account assertion): its lifetime is what the app writes, in the payload's `exp` (seconds
 * since the epoch) or an option. Signed once and kept, it is refused once that passes (Salesforce: `invalid_grant`,
 * "expired assertion"; GitHub: 401 "'Expiration time' claim ('exp') is too far in the past"; Google:
 * `invalid_grant`, "Invalid JWT: Token must be a short-lived token").
 */
export interface JwtSigner {
  readonly id: string;
  readonly api: ApiRef;
  /** The argument holding the claims. */
  readonly payloadArgument: number;
  /** The argument holding the options, and the option that sets the lifetime (seconds, or a `ms` time span). */
  readonly optionsArgument: number;
  readonly lifetimeOption: string;
  readonly source: string;
}

export const JWT_SIGNERS = [
  {
    id: 'jsonwebtoken:sign',
    api: { modules: ['jsonwebtoken'], path: ['sign'] },
    payloadArgument: 0,
    optionsArgument: 2,
    lifetimeOption: 'expiresIn',
    source:
      'auth0/node-jsonwebtoken: README.md (jwt.sign(payload, secretOrPrivateKey, [options, callback]); expiresIn: "expressed in seconds or a string describing a time span vercel/ms"; exp in the payload: seconds since the epoch)',
  },
] as const satisfies readonly JwtSigner[];

/**
 * The claim that ends a JWT, and the longest lifetime that counts as short-lived: an assertion minted for a token
 * endpoint lives minutes (Salesforce under 5 min, GitHub App JWTs at most 10 min, Google assertions at most 1 h). A
 * longer one (an Apple client secret of up to six months) is a long-lived secret, not a snapshot.
 */
export const JWT_EXPIRY = {
  claim: 'exp',
  maxShortLivedSeconds: 24 * 3600,
  source:
    'RFC 7519 §4.1.4 (exp: NumericDate, seconds since the epoch); https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm (exp within 3 minutes); https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app (no more than 10 minutes into the future); https://developers.google.com/identity/protocols/oauth2/service-account#jwt-auth (a maximum of 1 hour after the issued time); https://developer.apple.com/documentation/accountorganizationaldatasharing/creating-a-client-secret (up to 15777000 seconds, 6 months)',
} as const;

/**
 * Global calls that only read the clock or round a number (`Math.floor(Date.now() / 1000) + 180`, a JWT's `exp`):
 * copied to each use of a value made with them, they read the clock there, which is what a fresh signature needs,
 * and have no other effect. Source: ECMAScript 2024 §21.4.3.1 (Date.now), §21.3.2 (Math.ceil, floor, round, trunc).
 */
export const CLOCK_READING_CALLS: readonly (readonly [string, string])[] = [
  ['Date', 'now'],
  ['Math', 'floor'],
  ['Math', 'ceil'],
  ['Math', 'round'],
  ['Math', 'trunc'],
];
