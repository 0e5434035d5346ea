import type { Ecosystem } from './ecosystem.js';
import type { SymptomKind } from './token-cache.js';

/** How long a kind of credential lives. Keys of SESSIONS. */
export interface Session {
  /** What the user would call it, used in messages: "the EC2 instance-profile session". */
  readonly label: string;
  /** Seconds the credentials typically live; the conservative cap used for presign checks. */
  readonly seconds: number;
  /** Upper bound when configurable (e.g. a role's MaxSessionDuration). */
  readonly maxSeconds?: number;
  /** Wording for messages: "typically within 6 h". */
  readonly phrase: string;
  readonly temporary: boolean;
  /** What a caller sees once it has expired (EXPIRY_SYMPTOMS); absent: AWS's `ExpiredToken`. */
  readonly symptom?: Extract<SymptomKind, 'google' | 'azure' | 'oauth' | 'vault' | 'appwrite'>;
  /**
   * What the code cannot show, so the `platform` / `sessionSeconds` settings decide: `kind`, which credentials the
   * environment provides (the default chain finds env keys, a profile, a task role...; a profile may hold long-term
   * keys); `length`, how long a temporary session of an unknown source lasts.
   */
  readonly undeterminedFromCode?: 'kind' | 'length';
  /**
   * The credentials are themselves an IAM role session: assuming another role with them is role chaining, capped at
   * 1 h (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining).
   */
  readonly roleSession?: true;
  /**
   * `seconds` is what users observe, not a limit AWS documents: the session may last longer, so a presign clamped to
   * it could die before the session does. Messages may use it; a migration may not shorten a lifetime to it.
   */
  readonly lengthObserved?: true;
  readonly source: string;
}

const HOUR = 3600;

/** How long each kind of credential lives (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html, https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html). */
export const SESSIONS = {
  'instance-profile': {
    label: 'the EC2 instance-profile session',
    seconds: 6 * HOUR,
    phrase: 'typically within 6 h',
    temporary: true,
    roleSession: true,
    source:
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html (instance-profile credentials "typically 6 hours")',
  },
  'task-role': {
    label: 'the ECS/Fargate task-role session',
    seconds: 6 * HOUR,
    phrase: 'typically within 6 h',
    temporary: true,
    roleSession: true,
    lengthObserved: true,
    source: 'awsdocs/amazon-ecs-developer-guide#173 (6 h default, note removed in 2022; treated as a heuristic)',
  },
  'assume-role': {
    label: 'the assumed-role session',
    seconds: HOUR,
    maxSeconds: 12 * HOUR,
    phrase: 'after DurationSeconds (1 h by default, 12 h at most)',
    temporary: true,
    roleSession: true,
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
  },
  'role-chaining': {
    label: 'the chained-role session',
    seconds: HOUR,
    maxSeconds: HOUR,
    phrase: 'within 1 h (a hard cap for role chaining)',
    temporary: true,
    roleSession: true,
    source: 'https://repost.aws/knowledge-center/iam-role-chaining-limit',
  },
  'web-identity': {
    label: 'the web-identity (IRSA) role session',
    seconds: HOUR,
    maxSeconds: 12 * HOUR,
    phrase: 'typically within 1 h',
    temporary: true,
    roleSession: true,
    source:
      'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html; aws/amazon-eks-pod-identity-webhook README',
  },
  sso: {
    label: 'the IAM Identity Center (SSO) session',
    seconds: HOUR,
    maxSeconds: 12 * HOUR,
    phrase: 'within the permission set session (1 h by default, 12 h at most)',
    temporary: true,
    source: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html',
  },
  cognito: {
    label: 'the Cognito identity-pool session',
    seconds: HOUR,
    maxSeconds: HOUR,
    phrase: 'within 1 h',
    temporary: true,
    source: 'https://repost.aws/questions/QUl8Ul9iDrRt2qXkCeRV75Hg',
  },
  'session-token': {
    label: 'the GetSessionToken session',
    seconds: 12 * HOUR,
    maxSeconds: 36 * HOUR,
    phrase: 'after DurationSeconds (12 h by default, 36 h at most)',
    temporary: true,
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html',
  },
  lambda: {
    label: 'the Lambda execution-role session',
    seconds: 12 * HOUR,
    phrase: 'within about 12 h',
    temporary: true,
    // AWS: services that assume a role for you "don't necessarily comply with the role's session duration".
    lengthObserved: true,
    source: 'https://repost.aws/knowledge-center/presigned-url-s3-bucket-expiration; boto/boto3#2392',
  },
  'default-chain': {
    label: 'the session of whatever source the default chain found',
    seconds: HOUR,
    phrase: 'within 1 h for an assumed role, about 6 h for an instance profile or task role',
    temporary: true,
    undeterminedFromCode: 'kind',
    source: 'aws/aws-sdk-js-v3: packages/credential-provider-node/src/defaultProvider.ts',
  },
  profile: {
    label: 'the profile session (when the profile uses a role, SSO or a credential process)',
    seconds: HOUR,
    maxSeconds: 12 * HOUR,
    phrase: 'typically within 1 h when the profile is role- or SSO-based',
    temporary: true,
    undeterminedFromCode: 'kind',
    source: 'aws/aws-sdk-js-v3: packages/credential-provider-ini',
  },
  'unknown-temporary': {
    label: 'the temporary session',
    seconds: HOUR,
    phrase: 'possibly within 1 h',
    temporary: true,
    undeterminedFromCode: 'length',
    source:
      'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (DurationSeconds default 3600 s: unknown temporary source)',
  },
  'google-access-token': {
    symptom: 'google',
    label: 'the Google access token',
    seconds: HOUR,
    maxSeconds: 12 * HOUR,
    phrase: 'after about 1 h',
    temporary: true,
    source:
      'https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateAccessToken',
  },
  'google-id-token': {
    symptom: 'google',
    label: 'the Google ID token',
    seconds: HOUR,
    phrase: 'after about 1 h (its JWT exp)',
    temporary: true,
    source: 'googleapis/google-auth-library-nodejs: src/auth/idtokenclient.ts',
  },
  'google-signblob': {
    symptom: 'google',
    label: 'the IAM signBlob signing key',
    seconds: 12 * HOUR,
    phrase: 'after 12 h (the signBlob key is only guaranteed for 12 h)',
    temporary: true,
    source: 'googleapis/google-auth-library-nodejs#1365; GoogleCloudPlatform/gsutil#1007',
  },
  'azure-access-token': {
    symptom: 'azure',
    label: 'the Microsoft Entra access token',
    seconds: HOUR,
    phrase: 'typically within 60 to 90 min',
    temporary: true,
    source: 'Azure/azure-sdk-for-js: sdk/core/core-auth/src/tokenCredential.ts',
  },
  'oauth-token': {
    symptom: 'oauth',
    label: 'the OAuth access token',
    seconds: HOUR,
    phrase: 'after its expires_in (typically 1 h)',
    temporary: true,
    source: 'RFC 6749 §5.1 (expires_in)',
  },
  'login-session-token': {
    symptom: 'oauth',
    label: "a service's login token",
    seconds: HOUR,
    phrase: "when the service's login session ends (minutes to days by the service; nothing in the code says when)",
    temporary: true,
    lengthObserved: true,
    source:
      'RFC 6750 §1.3 (bearer tokens are issued with a limited lifetime); https://apidocs.shiprocket.in (10 days); MongoDB Atlas App Services user sessions (30 min)',
  },
  'salesforce-access-token': {
    symptom: 'oauth',
    label: 'the Salesforce session',
    seconds: 2 * HOUR,
    maxSeconds: 24 * HOUR,
    phrase: "when the org's session times out (2 h by default, 15 min to 24 h by setting)",
    temporary: true,
    source:
      'https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm (Timeout value, default 2 hours); https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm (the token response has no expires_in)',
  },
  'oauth-provider-token': {
    symptom: 'oauth',
    label: "the OAuth provider's access token",
    seconds: HOUR,
    phrase: "when the provider's token expires (1 h for Google; Supabase never refreshes it)",
    temporary: true,
    source:
      'supabase/auth-js: src/lib/types.ts (Session.provider_token, "the oauth provider token"); https://supabase.com/docs/guides/auth/social-login (provider tokens are not refreshed by Supabase Auth)',
  },
  'auth0-token': {
    symptom: 'oauth',
    label: 'the Auth0 token',
    seconds: 2 * HOUR,
    phrase: 'after its expiresIn (by default 2 h for an access token of a browser flow, 10 h for an ID token)',
    temporary: true,
    source:
      'https://auth0.com/docs/secure/tokens/id-tokens/update-id-token-lifetime (ID Token Expiration: 36000 s by default); https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime (Token Expiration For Browser Flows: 7200 s by default)',
  },
  'supabase-access-token': {
    symptom: 'oauth',
    label: 'the Supabase access token',
    seconds: HOUR,
    phrase: "after its expires_at (the project's JWT expiry, 1 h by default)",
    temporary: true,
    source:
      'https://supabase.com/docs/guides/auth/sessions ("Access tokens are designed to be short lived, usually between 5 minutes and 1 hour"); supabase discussions #36791 ("the default expiration time of 1 hour")',
  },
  'clerk-session-token': {
    symptom: 'oauth',
    label: 'the Clerk session token',
    seconds: 60,
    phrase: 'after 60 s',
    temporary: true,
    source:
      'clerk/javascript: packages/clerk-js/src/core/resources/Session.ts (_getToken: "Leeway can not exceed the token lifespan (60 seconds)"; a cached token is returned until it is about to expire, then a new one is fetched)',
  },
  'okta-access-token': {
    symptom: 'oauth',
    label: 'the Okta access token',
    seconds: HOUR,
    phrase: 'after its expiresAt (1 h on the org authorization server, 5 min to 24 h as configured)',
    temporary: true,
    source:
      'https://support.okta.com/help/s/article/What-is-the-lifetime-of-the-JWT-tokens (Org Authorization Server: access token 60 minutes; custom servers 5 minutes to 24 hours)',
  },
  'firebase-id-token': {
    label: 'the Firebase ID token',
    seconds: HOUR,
    phrase: 'after 1 h',
    temporary: true,
    source:
      'https://firebase.google.com/docs/auth/admin/manage-sessions ("Firebase ID tokens are short lived and last for an hour")',
  },
  'unknown-signer': {
    label: 'any temporary session',
    seconds: 12 * HOUR,
    phrase: 'no role session lasts longer than 12 h',
    temporary: true,
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html (MaxSessionDuration: 1 h to 12 h)',
  },
  'google-private-key': {
    symptom: 'google',
    label: 'the service-account private key',
    seconds: 7 * 24 * HOUR,
    phrase: 'for up to 7 d (a signed URL should not outlive a week, and dies when the key is deleted)',
    temporary: false,
    source:
      'googleapis/nodejs-storage: src/signer.ts (SEVEN_DAYS); https://cloud.google.com/storage/docs/access-control/signed-urls-v2',
  },
  'azure-user-delegation-key': {
    symptom: 'azure',
    label: 'the user-delegation key',
    seconds: 7 * 24 * HOUR,
    phrase: 'at most 7 d after it is requested',
    temporary: true,
    source:
      'Azure/azure-sdk-for-js: sdk/storage/storage-blob/src/BlobServiceClient.ts (getUserDelegationKey: within 7 days); https://learn.microsoft.com/rest/api/storageservices/create-user-delegation-sas',
  },
  'iam-auth-token': {
    label: 'the IAM authentication token',
    seconds: 900,
    phrase: 'after 15 min',
    temporary: true,
    source:
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.Connecting.html (tokens live 15 minutes); aws/aws-msk-iam-sasl-signer-js: src/signer/signer.ts (expiry 900 s); aws/aws-sdk-js-v3: packages/dsql-signer/src/Signer.ts (expiresIn 900 s by default)',
  },
  'eks-token': {
    label: 'the EKS bearer token',
    seconds: 900,
    phrase: 'after 15 min',
    temporary: true,
    source: 'kubernetes-sigs/aws-iam-authenticator: pkg/token/token.go (presignedURLExpiration = 15 * time.Minute)',
  },
  'registry-token': {
    label: 'the registry authorization token',
    seconds: 12 * HOUR,
    phrase: 'after 12 h',
    temporary: true,
    source:
      'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html (valid for 12 hours); https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_GetAuthorizationToken.html (durationSeconds, 12 h by default)',
  },
  'chat-platform-app-token': {
    symptom: 'oauth',
    label: "the chat platform's app access token",
    seconds: 2 * HOUR,
    maxSeconds: 2 * HOUR,
    phrase: 'after 2 h (7200 s, as the expire or expires_in of its response says)',
    temporary: true,
    source:
      'https://open.feishu.cn/document/ukTMukTMukTM/ukDNz4SO0MjL5QzM/auth-v3/auth/tenant_access_token_internal (tenant_access_token: at most 2 h); https://developers.weixin.qq.com/doc/service/en/Basic_Information/Get_access_token.html (valid for 2 hours); https://open.dingtalk.com/document/orgapp/obtain-orgapp-token (7200 s)',
  },
  'vault-token': {
    symptom: 'vault',
    label: 'the Vault token',
    seconds: HOUR,
    phrase:
      "when the role's token TTL ends (the login's auth.lease_duration; 32 days unless the role or mount sets less, as most do, often 1 h)",
    temporary: true,
    source:
      'https://developer.hashicorp.com/vault/docs/troubleshoot/tune-lease-ttl (32 days by default); https://developer.hashicorp.com/vault/docs/auth/approle (token_ttl, token_max_ttl of a role)',
  },
  'pesapal-token': {
    symptom: 'oauth',
    label: 'the Pesapal access token',
    seconds: 5 * 60,
    maxSeconds: 5 * 60,
    phrase: 'after 5 min (its expiryDate)',
    temporary: true,
    source:
      'https://developer.pesapal.com/how-to-integrate/e-commerce/api-30-json/authentication ("valid for a maximum period of 5 minutes")',
  },
  'appwrite-jwt': {
    symptom: 'appwrite',
    label: 'the Appwrite account JWT',
    seconds: 15 * 60,
    maxSeconds: HOUR,
    phrase: 'after 15 min (900 s unless createJWT was given a duration, at most 1 h)',
    temporary: true,
    source:
      'appwrite/sdk-for-web: src/services/account.ts (createJWT: valid for 15 minutes from its creation; duration: default 900 seconds, maximum 3600 seconds)',
  },
  'github-installation-token': {
    symptom: 'oauth',
    label: 'the GitHub App installation token',
    seconds: HOUR,
    maxSeconds: HOUR,
    phrase: 'after 1 h (its expires_at)',
    temporary: true,
    source:
      'https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app (expires after 1 hour)',
  },
  'identity-provider-token': {
    label: 'the identity-provider token in the logins',
    seconds: HOUR,
    phrase: 'typically after 1 h, as a Cognito user-pool or Google ID token does',
    temporary: true,
    source:
      'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html (IdTokenValidity, 1 h by default); https://developers.google.com/identity/openid-connect/openid-connect (ID tokens expire after 1 h)',
  },
  'projected-service-account-token': {
    label: 'the projected service-account token',
    seconds: 24 * HOUR,
    phrase: 'typically within 24 h on EKS, and the kubelet writes a new one into the file at 80% of that',
    temporary: true,
    source:
      'https://kubernetes.io/docs/concepts/storage/projected-volumes/#serviceaccounttoken (the kubelet refreshes the token when it is older than 80% of its expirationSeconds or 24 h); aws/amazon-eks-pod-identity-webhook README (token expiration 86400 s)',
  },
  'snowflake-spcs-token': {
    label: 'the Snowpark Container Services OAuth token',
    seconds: 10 * 60,
    phrase: 'after about 10 min (the platform writes a new one into the file before then)',
    temporary: true,
    symptom: 'oauth',
    lengthObserved: true,
    source:
      'https://www.dataops.live/blog/connecting-to-snowflake-from-a-snowpark-container-services-spcs-container ("The token lifetime is 10 minutes ... The refresh is automatic"); https://docs.snowflake.com/en/user-guide/snowpipe-streaming/snowpipe-streaming-high-performance-spcs (short-lived, rotated by the platform)',
  },
  'cognito-user-pool-token': {
    label: 'the Cognito user-pool token',
    seconds: HOUR,
    maxSeconds: 24 * HOUR,
    phrase: 'after 1 h by default (5 min to 24 h, as the app client sets it)',
    temporary: true,
    symptom: 'oauth',
    source:
      'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html; https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html (AccessTokenValidity, IdTokenValidity: 5 min to 1 day, 1 h by default)',
  },
  'sigv4-signed-request': {
    label: 'the SigV4 signature of a signed request',
    seconds: 900,
    phrase: 'within 15 min of when it was signed',
    temporary: true,
    source:
      'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html (the signed portions of a request are valid within 15 minutes of its timestamp)',
  },
  'long-term': {
    label: 'a long-term access key',
    seconds: 7 * 24 * HOUR,
    phrase: 'only when the key is rotated or deactivated',
    temporary: false,
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html#who-presigned-url',
  },
} as const satisfies Record<string, Session>;

export type SessionId = keyof typeof SESSIONS;

/** A session whose kind depends on what the environment provides: code that shows only it shows nothing about the length. */
export function isUndeterminedKind(id: SessionId): boolean {
  return sessionOf(id).undeterminedFromCode === 'kind';
}

/** The session assumed for a signer whose credentials the code does not show, per ecosystem (when settings say nothing). */
export const UNSEEN_SIGNER_SESSIONS = {
  'aws-v3': 'unknown-signer',
  'aws-v2': 'unknown-signer',
  google: 'google-signblob',
  azure: 'azure-user-delegation-key',
} as const satisfies Record<Ecosystem, SessionId>;

/** The shortest STS session (AssumeRole `DurationSeconds` minimum): a presign up to this long is never reported. */
export const SHORTEST_SESSION_SECONDS = 900;

/** `settings['credential-expiry'].platform` presets: the session that signs and authenticates on each platform. */
export const PLATFORM_PRESETS = {
  ec2: 'instance-profile',
  ecs: 'task-role',
  lambda: 'lambda',
  'eks-irsa': 'web-identity',
  'assume-role': 'assume-role',
  'role-chaining': 'role-chaining',
  'iam-user': 'long-term',
  gcp: 'google-signblob',
} as const satisfies Record<string, SessionId>;

export type PlatformId = keyof typeof PLATFORM_PRESETS;

/** The session entry of an id (the type checker refuses an id SESSIONS does not have). */
export function sessionOf(id: SessionId): Session {
  return SESSIONS[id];
}

/**
 * Platforms whose credentials are themselves a role session: assuming another role from them is role chaining,
 * which STS caps at 1 h (a larger DurationSeconds fails).
 */
export const ROLE_SESSION_PLATFORMS: readonly PlatformId[] = [
  'ec2',
  'ecs',
  'lambda',
  'eks-irsa',
  'assume-role',
  'role-chaining',
];

/** What STS answers when an assume-role call asks for more than the role allows. */
export const ASSUME_ROLE_LIMITS = {
  chaining: {
    seconds: 3600,
    failure: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining; https://repost.aws/knowledge-center/iam-role-chaining-limit',
  },
  roleMaximum: {
    /** MaxSessionDuration when the role does not set it. */
    defaultSeconds: 3600,
    /** No role allows more (MaxSessionDuration is 1 h to 12 h). */
    largestSeconds: 43_200,
    failure: 'ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    source:
      'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (DurationSeconds); https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html',
  },
} as const;
