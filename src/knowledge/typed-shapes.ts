import type { SessionId } from './sessions.js';

/**
 * The shapes a short-lived credential has, read off the TypeScript type the code gives a fetched body
 * (`const body: TemporaryAwsKeys = await res.json()`): whatever backend or helper returned it, a type naming all of
 * one shape's fields says the value is that credential and that it expires. Each `allOf` entry lists the spellings
 * of one field; every entry must be named.
 */
export interface TypedCredentialShape {
  readonly id: string;
  readonly yields: 'aws-credentials' | 'access-token';
  readonly session: SessionId;
  readonly allOf: readonly (readonly string[])[];
  /** The field that says when it expires, named in the message and the fix. */
  readonly lifetimeField: string;
  readonly source: string;
}

export const TYPED_CREDENTIAL_SHAPES: readonly TypedCredentialShape[] = [
  {
    id: 'sts-credentials',
    yields: 'aws-credentials',
    session: 'unknown-temporary',
    allOf: [
      ['AccessKeyId', 'accessKeyId'],
      ['SessionToken', 'sessionToken'],
      ['Expiration', 'expiration'],
    ],
    lifetimeField: 'Expiration',
    source:
      'https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html (AccessKeyId, SecretAccessKey, SessionToken, Expiration); aws/aws-sdk-js-v3: packages/types/src/identity/awsCredentialIdentity.ts (sessionToken, expiration)',
  },
  {
    id: 'oauth-token-response',
    yields: 'access-token',
    session: 'oauth-token',
    allOf: [['access_token'], ['expires_in']],
    lifetimeField: 'expires_in',
    source: 'RFC 6749 §5.1 (access_token, token_type, expires_in)',
  },
];
