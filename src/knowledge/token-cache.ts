import { NAMED_PRESIGNER_SOURCE, SIGNED_URL_EXPIRY_TEXT } from './named-helpers.js';
import { CONNECTION_REFUSALS } from './connection-tokens.js';
/** What users see once a reused token or credential has expired (docs/credential-lifetimes.md §4 and the sources cited there), by where it came from. */
export const EXPIRY_SYMPTOMS = {
  aws: {
    text: 'ExpiredToken: The security token included in the request is expired',
    source: 'aws/aws-sdk-js#3807; aws/aws-sdk-go#249',
  },
  google: {
    text: '401 "Request had invalid authentication credentials"',
    source: 'googleapis/google-api-nodejs-client#583',
  },
  azure: {
    text: '401/403 "Lifetime validation failed. The token is expired"',
    source: 'Azure/azure-sdk-for-js#6643',
  },
  oauth: {
    text: '401 Unauthorized (invalid_token)',
    source: 'RFC 6750 §3.1 (invalid_token)',
  },
  vault: {
    text: '403 "permission denied" from Vault',
    source: 'hashicorp/vault#3033 (403 permission denied an hour in: the token had expired); nodevault/node-vault#166',
  },
  appwrite: {
    text: '401 from the Appwrite API (an AppwriteException with code 401: the JWT is no longer valid)',
    source:
      'appwrite/sdk-for-web: src/client.ts (AppwriteException.code is the HTTP status), src/services/account.ts (createJWT: the JWT is invalid after 15 minutes)',
  },
  firebase: {
    text: 'auth/id-token-expired ("Firebase ID token has expired") from verifyIdToken',
    source: 'https://firebase.google.com/docs/auth/admin/errors (auth/id-token-expired)',
  },
  eks: {
    text: 'Unauthorized ("You must be logged in to the server")',
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/troubleshooting.html (Unauthorized or access denied)',
  },
  's3-url': {
    text: 'AccessDenied "Request has expired" (or ExpiredToken once the signing session has ended)',
    source: 'aws/aws-sdk-js#3493; aws/aws-sdk-js#1099',
  },
  'gcs-url': {
    text: 'ExpiredToken "The provided token has expired"',
    source: 'fog/fog-google#264',
  },
  'signed-url': {
    text: SIGNED_URL_EXPIRY_TEXT,
    source: NAMED_PRESIGNER_SOURCE,
  },
  'azure-sas': {
    text: 'AuthenticationFailed "Signature not valid in the specified time frame"',
    source: 'microsoft/AzureStorageExplorer#3219',
  },
  ...CONNECTION_REFUSALS,
} as const satisfies Record<string, { text: string; source: string }>;

export type SymptomKind = keyof typeof EXPIRY_SYMPTOMS;
