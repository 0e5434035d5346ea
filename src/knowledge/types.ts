import type { SessionId } from './sessions.js';
import type { SymptomKind } from './token-cache.js';

/** Shapes of the knowledge base. Every entry names its `source` (an SDK source path or a documentation URL). */

import type { Ecosystem } from './ecosystem.js';
export type { Ecosystem } from './ecosystem.js';
export type { Session } from './sessions.js';

/**
 * Where an API lives: the modules that export it and the export path from the module's namespace.
 * A module ending in `*` matches by prefix (`@aws-sdk/client-*`). An empty path means the module object itself
 * (`require('aws-sdk')`, `import AWS from 'aws-sdk'`); a path segment `*` matches any name.
 */
export interface ApiRef {
  readonly modules: readonly string[];
  readonly path: readonly string[];
}

/** What resolving a credential source yields. */
export type Yield =
  /** A plain v3 `AwsCredentialIdentity`: a snapshot once stored. */
  | 'aws-credentials'
  /** A live v2 `AWS.Credentials` subclass: the object refreshes, its copied fields do not. */
  | 'live-aws-credentials'
  /** STS output `{ Credentials: { AccessKeyId, ..., Expiration } }`: plain data. */
  | 'sts-output'
  /** An OAuth access token (string or `{ token }`). */
  | 'access-token'
  /** An OIDC ID token (JWT). */
  | 'id-token'
  /** A header map carrying a bearer token. */
  | 'request-headers'
  /** A raw token-endpoint response `{ access_token, expires_in }`. */
  | 'token-response'
  /** A signed IAM authentication token (RDS/MSK) or a registry password (ECR/CodeArtifact). */
  | 'auth-token';

/** A code snippet to suggest, and what it needs imported. */
export interface Replacement {
  /** Code text, e.g. `fromInstanceMetadata()`. */
  readonly code: string;
  readonly imports: readonly { readonly module: string; readonly name: string }[];
}

/** A v3-style provider factory: `factory(init)` returns a provider `P`, and `await P()` resolves credentials. */
/**
 * The option of a refreshing source that holds identity-provider tokens (Cognito `Logins`: a Google, Facebook or
 * user-pool ID token per provider) and is sent again at every refresh: a token captured there once has expired by
 * the time the source needs it again.
 */
export interface LoginTokens {
  /** The option of the first argument holding the map: `Logins`, `logins`. */
  readonly option: string;
  /** A map value may be a function the source calls at each refresh (then nothing is captured). */
  readonly acceptsProvider: boolean;
  /** Where the app can put a renewed token on the live object (`credentials.params.Logins[provider] = token`). */
  readonly renewedAt?: readonly string[];
  /** What Cognito answers once the captured token has expired. */
  readonly symptom: string;
  /** The login token's own lifetime (what `Logins` typically holds). */
  readonly session: SessionId;
  readonly source: string;
}

/**
 * The option of a refreshing web-identity source that holds the identity token as text (`WebIdentityToken`,
 * `webIdentityToken`): every refresh sends that same text again, so text read once from a token file the kubelet
 * rotates is refused once it has expired. The source's sibling that re-reads the file at each refresh is `renewedBy`.
 */
export interface WebIdentityTokenOption {
  readonly option: string;
  readonly renewedBy: Replacement;
  /** What STS answers once the token sent has expired. */
  readonly symptom: string;
  readonly source: string;
}

export interface ProviderFactory {
  readonly id: string;
  readonly ecosystem: 'aws-v3';
  readonly api: ApiRef;
  /** Whether the provider, handed to a client, is called again before expiry. */
  readonly refreshes: boolean | 'when-temporary';
  readonly session: SessionId;
  /** Init property that sets the session length (`params.DurationSeconds`), as a property path. */
  readonly durationOption?: readonly string[];
  readonly loginTokens?: LoginTokens;
  readonly webIdentityToken?: WebIdentityTokenOption;
  /**
   * The provider keeps what it resolved and resolves again only near `expiration`: calling it at every use costs
   * one lookup, not a request.
   */
  readonly cachesResult?: boolean;
  readonly replacement: Replacement;
  readonly source: string;
}

/** A function that wraps a value or provider and never calls a refreshing source again. */
export interface SnapshotWrapper {
  readonly id: string;
  readonly api: ApiRef;
  /** `value`: wraps a resolved value (`fromStatic(c)`); `provider`: memoizes a provider forever. */
  readonly wraps: 'value' | 'provider';
  /** With this many arguments or more the wrapper refreshes (memoize with an `isExpired` check). */
  readonly refreshingArity?: number;
  readonly source: string;
}

/** A class whose instances are live, refreshing credential or auth objects. */
export interface RefreshingClass {
  readonly id: string;
  readonly ecosystem: Ecosystem;
  readonly api: ApiRef;
  readonly session: SessionId;
  /** Where the constructor's first argument sets the session length (`params.DurationSeconds`), as a property path. */
  readonly durationOption?: readonly string[];
  readonly loginTokens?: LoginTokens;
  readonly webIdentityToken?: WebIdentityTokenOption;
  readonly source: string;
}

/**
 * A method that, called on an object of a known kind, yields a credential value.
 * Receivers are recognised by how they were made (`receiver`), or by the method name alone in a file that
 * imports one of `gateModules` (for objects we cannot trace, such as clients handed in as parameters).
 */
/**
 * Where the secret sits in a result that carries more (a signed request, a command's output): the field names from the
 * result to it, `*` for any index (`['authorizationData', '*', 'authorizationToken']`). A value read off the result by
 * another path (`authorizationData[0].proxyEndpoint`, `signed.hostname`) carries no secret.
 */
export type TokenPaths = readonly (readonly string[])[];

export interface CredentialMethod {
  readonly id: string;
  /**
   * `oauth`: a general OAuth client library, whose expired token is refused with RFC 6750's `invalid_token`; `vault`:
   * HashiCorp Vault, which refuses an expired token with 403 "permission denied"; `appwrite`: Appwrite's account JWT,
   * refused with 401 by the Appwrite API.
   */
  readonly ecosystem: Ecosystem | 'oauth' | 'vault' | 'appwrite';
  readonly method: string;
  readonly receivers: readonly ApiRef[];
  readonly gateModules: readonly string[];
  readonly yields: Yield;
  readonly session: SessionId;
  /** A required argument pattern, e.g. gcp-metadata `instance('service-accounts/default/token')`. */
  readonly argumentPattern?: RegExp;
  /**
   * The object it is called on keeps its own cache and refreshes it, so calling it per use is the fix (google-auth-library:
   * src/auth/oauth2client.ts; @azure/core-auth: tokenCredential.ts, @azure/core-rest-pipeline: util/tokenCycler.ts).
   */
  readonly perUse?: true;
  /**
   * The object it is called on keeps the token and renews it whenever it is asked again (an `@azure/identity`
   * credential, MSAL's silent call): a copy the app keeps anywhere long-lived (component state, a pool or client
   * built with it) is a stale snapshot of a refreshing source, no-static-snapshot's, like
   * IdentityPlatformToken.renewsWhenAskedAgain.
   */
  readonly renewsWhenAskedAgain?: true;
  /**
   * Called without a callback it returns the value itself, not a promise; given a callback as its last argument it
   * returns nothing and hands the value to the callback (aws-sdk v2 `RDS.Signer.getAuthToken`).
   */
  readonly synchronous?: true;
  /**
   * Also takes a callback as its last argument, which it hands the value as its second parameter (`ms-rest-azure`
   * `getToken((err, response) => ...)`), whatever it returns otherwise. Implied by `synchronous`.
   */
  readonly callbackForm?: true;
  /**
   * The fields of the result object that carry a secret, when the result carries more (MSAL's `AuthenticationResult`
   * also has `account`, `scopes`, `tenantId`): another field read off it keeps no token. A dotted entry names a field
   * further down (`auth.client_token` of a Vault login).
   */
  readonly secretFields?: readonly string[];
  readonly tokenPaths?: TokenPaths;
  /**
   * The part of the result that, handed on whole, carries what renews the token beside it (Google's `tokens`: the
   * access token with its `refresh_token`): written out whole, its reader can renew; only a copy of the token field
   * cannot.
   */
  readonly renewableWhole?: { readonly path: readonly string[]; readonly refreshField: string };
  /**
   * The method's name is the library's own (MSAL's `acquireTokenByCode`): called on an object the app imports from a
   * module of its own (`const { msalClient } = require('../config/graph')`), whose making the file cannot see, it is
   * this entry's call even though the file imports none of `gateModules`.
   */
  readonly ownName?: true;
  readonly replacement: Replacement;
  /** One sentence for messages, when "use the replacement, which caches and refreshes" does not say it right. */
  readonly fix?: string;
  readonly source: string;
}

/** A command or call whose output carries temporary credentials as plain data (STS). */
export interface StsOperation {
  readonly id: string;
  readonly ecosystem: 'aws-v3' | 'aws-v2';
  /** v3: the command class; v2: the service class whose method is called. */
  readonly api: ApiRef;
  /** v2 only: the method name on the service object. */
  readonly method?: string;
  /** The service in messages, when not STS ("Cognito"). */
  readonly service?: string;
  readonly session: SessionId;
  readonly durationParam: string;
  readonly tokenPaths?: TokenPaths;
  readonly replacement: Replacement;
  /** The packaged source that sends this same request again before expiry, when there is one. */
  readonly renewedBy?: StsRenewal;
  /** The input field that carries a web-identity token as text (`AssumeRoleWithWebIdentity`). */
  readonly webIdentityToken?: WebIdentityTokenOption;
  readonly source: string;
}

/** How to turn an STS call into a refreshing source that sends the same request again before expiry. */
export interface StsRenewal {
  /** `factory`: a v3 provider factory call; `class`: a v2 class constructed on the aws-sdk namespace. */
  readonly kind: 'factory' | 'class';
  readonly api: ApiRef;
  /** The option that takes the STS call's own input (`{ params: { RoleArn, ... } }`). */
  readonly paramsOption: string;
  readonly source: string;
}

/** Where a presigner takes its lifetime. */
interface PresignExpiry {
  /** Index of the argument holding the options object. */
  readonly argument: number;
  /** Property of that object (absent: the argument itself). */
  readonly property?: string;
  /** Properties of the argument that lead to the object holding `property` (Amplify: `{ options: { expiresIn } }`). */
  readonly within?: readonly string[];
  /** `seconds`: a duration; `absolute`: a Date / epoch-ms / date string (GCS). */
  readonly unit: 'seconds' | 'absolute';
  /** Lifetime when the property is absent, in seconds. */
  readonly defaultSeconds: number;
  /** Service maximum in seconds, and whether the client or the server enforces it. */
  readonly maxSeconds?: number;
  readonly maxEnforcedBy?: 'client' | 'server';
  /** What happens above the maximum, in the user's terms (with the library's own error text). */
  readonly maxFailure?: string;
  /** `absolute` only: what happens when a duration is passed instead of a time (it lands in 1970). */
  readonly pastFailure?: string;
}

export interface Presigner {
  readonly id: string;
  readonly ecosystem: Ecosystem;
  /** A free function (`getSignedUrl(client, command, opts)`). */
  readonly api?: ApiRef;
  /** Or a method on a receiver made from `receivers` (or, in a file importing `gateModules`, any receiver). */
  readonly method?: string;
  readonly receivers?: readonly ApiRef[];
  readonly gateModules?: readonly string[];
  /** Index of the argument that is the signing client, for functions that take it. */
  readonly clientArgument?: number;
  readonly expiry: PresignExpiry;
  /** A `version` option that changes the maximum (GCS `version: 'v4'`). */
  readonly versionOption?: { readonly property: string; readonly capped: string; readonly defaultVersion: string };
  /**
   * Signs with a key passed as an argument instead of a client's session (Azure user-delegation SAS): the key is
   * the result of the call `issuedBy` (the presigner entry of the key request) and bounds the lifetime. Only with
   * `minArguments` or more.
   */
  readonly signingKey?: { readonly argument: number; readonly minArguments?: number; readonly issuedBy: Presigner };
  /** False when no session bounds the lifetime (the request for a signing key itself). */
  readonly sessionBound?: false;
  /** Returns the URL or SAS itself rather than a promise of it. */
  readonly synchronous?: true;
  /** What the holder of an expired URL sees (EXPIRY_SYMPTOMS). */
  readonly symptom: Extract<SymptomKind, 's3-url' | 'gcs-url' | 'azure-sas'>;
  readonly source: string;
}

/**
 * A library that hands a token to a callback instead of returning it (Google Identity Services'
 * `google.accounts.oauth2.initTokenClient({ callback: (response) => ... })`): the callback's parameter is the value.
 */
export interface TokenCallback {
  readonly id: string;
  readonly ecosystem: Ecosystem;
  /** The function called, as a member chain from a browser global (no module to import). */
  readonly global: readonly string[];
  /**
   * Where the callback goes: an option of the first argument (`initTokenClient({ callback })`), or a positional
   * argument (`gapi.auth.authorize(params, callback)`); one of the two. `parameter` receives the value.
   */
  readonly option?: string;
  readonly argument?: number;
  readonly parameter: number;
  readonly yields: Yield;
  readonly session: SessionId;
  readonly replacement: Replacement;
  readonly source: string;
}

/** A function that returns credentials it has already resolved (a wrapper library over a provider chain). */
export interface CredentialResolver {
  readonly id: string;
  readonly ecosystem: 'aws-v3' | 'aws-v2';
  readonly api: ApiRef;
  /** A call of the same library that renews what was resolved before each use; a file that makes it is fine. */
  readonly renewedBy?: readonly ApiRef[];
  readonly session: SessionId;
  readonly replacement: Replacement;
  readonly source: string;
}
