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
]);
