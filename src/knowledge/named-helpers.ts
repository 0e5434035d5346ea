/**
 * Names that app code gives its own wrappers around a presigner (`getPresignedObjectUrl`, `getSignedImageUrl`,
 * `createPresignedDownloadUrl`, `presignGet`): without type information the wrapper's body is in another file, and
 * its name is the only sign that it returns a URL that expires. Modelled on the SDKs' own names: AWS SDK v3
 * `getSignedUrl` and `createPresignedPost` (@aws-sdk/s3-request-presigner, @aws-sdk/s3-presigned-post), GCS
 * `file.getSignedUrl` (googleapis/nodejs-storage src/file.ts), MinIO `presignedGetObject` / `presignedUrl`
 * (minio/minio-js src/internal/client.ts), CloudFront `getSignedUrl` (@aws-sdk/cloudfront-signer).
 * The name must start with a verb that makes the URL and end in "URL" (or be `presign...`, or `sign...Url`:
 * `signDownloadUrl`, `signUrl`): `isPresigned`, `uploadToPresignedUrl`, `getSignedCookies`, `signPayload` and the
 * sign-in pages (`signInUrl`, `signupUrl`, `signOutURL`) are other things.
 */
export const NAMED_PRESIGNER_PATTERN =
  /^(?:(?:get|create|generate|make|fetch|build|request)(?:Pre)?[Ss]igned\w*(?:Url|URL)s?|presign(?:ed)?(?:[A-Z]\w*)?|sign(?![Ii]n|[Oo]ut|[Uu]p)\w*(?:Url|URL)s?)$/;

/**
 * What fails once a URL signed by a helper of unknown provenance expires: every storage service answers 403 with
 * its own code.
 */
export const SIGNED_URL_EXPIRY_TEXT =
  '403 Forbidden (S3 AccessDenied "Request has expired", GCS ExpiredToken, Azure AuthenticationFailed)';
/** AWS SDK v3 getSignedUrl's default `expiresIn` (900 s): the conservative lifetime when the helper's is unknown. */
export const NAMED_PRESIGNER_DEFAULT_SECONDS = 900;
export const NAMED_PRESIGNER_SOURCE =
  'aws/aws-sdk-js-v3: packages/s3-request-presigner/src/getSignedUrl.ts (expiresIn default 900)';

/**
 * Fields under which APIs and app code return a presigned URL (`{ presignedUrl }`, `{ signedUrl }`, Supabase Storage
 * `createSignedUrl` → `data.signedUrl`, supabase/storage-js src/packages/StorageFileApi.ts): read from a response we
 * cannot follow, the name is the signal.
 */
export const PRESIGNED_URL_FIELD_PATTERN = /^(?:pre_?)?signed_?url$/i;

/**
 * Calls that hand back a signed URL in a field of their result and take its lifetime, in seconds, as an argument:
 * with the argument in reach, a cache of those URLs can keep each one's expiry next to it.
 */
export const SIGNED_URL_CALLS = [
  {
    id: 'supabase-create-signed-url',
    /** `supabase.storage.from(bucket).createSignedUrl(path, expiresIn)` → `{ data: { signedUrl }, error }`. */
    method: 'createSignedUrl',
    lifetimeArgument: 1,
    resultPath: ['data', 'signedUrl'],
    source:
      'supabase/storage-js: src/packages/StorageFileApi.ts (createSignedUrl: "@param expiresIn The number of seconds until the signed URL expires"; returns { data: { signedUrl } })',
  },
] as const;

/**
 * Names app code gives its own function that returns temporary AWS credentials it resolved (`getTemporaryCredentials`,
 * `getSessionCredentials`, `fetchStsCreds`, `getCognitoCredentials`, `getRoleCredentials`, `assumeRole`): without type
 * information its body is in another file, and its name is the only sign that what it returns expires. Modelled on
 * the APIs such helpers wrap: STS `AssumeRole` and `GetSessionToken` (`Credentials`), SSO `GetRoleCredentials`,
 * Cognito `GetCredentialsForIdentity`, v2 `AWS.TemporaryCredentials`. A name without the word that says "temporary"
 * (`getCredentials`, `loadAwsCredentials`, which may read long-term keys from a secret store) is not enough.
 */
export const NAMED_CREDENTIAL_HELPER_PATTERN =
  /^(?:(?:get|fetch|load|resolve|request|obtain|refresh)(?:Aws|AWS)?(?:Temporary|Temp|Session|Sts|STS|Assumed|Role|Cognito|Federated|Guest)(?:Aws|AWS)?(?:Credentials|Creds)|assumeRole(?:Credentials|Creds)?)$/;
export const NAMED_CREDENTIAL_HELPER_SOURCE =
  'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html; https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html; https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html (temporary credentials with an Expiration)';

/**
 * Names of calls that hand out a bearer token of an identity provider, modelled on the SDKs' own: google-auth-library
 * `getAccessToken`, MSAL `acquireTokenSilent`, Firebase `getIdToken`, auth0-spa-js `getTokenSilently`, Teams
 * `getAuthToken`, Octokit's `getInstallationAccessToken`, Office `getAccessToken`. A verb that fetches, a qualifier
 * that says which token (`Access`, `Id`, `Auth`, `Bearer`, `OAuth`, `Sso`, `Jwt`, `Graph`, `Installation`) and
 * `Token`: a bare `getToken` (Firebase Messaging's push-device token, a CSRF helper), `getApiToken` (long-lived keys)
 * and the minting verbs (`createAccessToken`, `generateIdToken`: the app signing its own) are other things.
 */
export const NAMED_TOKEN_CALL_PATTERN =
  /^(?:get|fetch|acquire|request|obtain|refresh|issue|retrieve|load)\w*?(?:Access|Id|Auth|Bearer|OAuth|Oauth|Sso|SSO|Jwt|JWT|Graph|Installation)Token(?:Async|Silently|Silent|Popup|Redirect)?$/;
