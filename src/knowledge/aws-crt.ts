import type { ApiRef } from './types.js';
import { entriesOf } from './entries-of.js';

/**
 * A credentials provider of a library outside the AWS SDKs that hands out the keys it was built with, forever: the
 * AWS Common Runtime behind aws-iot-device-sdk-v2 (`auth.AwsCredentialsProvider.newStatic(key, secret, token)` in
 * Node, `new auth.StaticCredentialProvider({ aws_access_id, aws_secret_key, aws_sts_token })` in the browser). Given
 * temporary keys (a session token is there), the MQTT or HTTP connection built with it signs with them until they
 * expire and cannot reconnect after. The refreshing replacement is the runtime's own provider that fetches again.
 */
export interface StaticProviderSink {
  readonly id: string;
  readonly api: ApiRef;
  readonly how: 'call' | 'construct';
  /** Where the session token goes: a positional argument, or a field of that argument's object. */
  readonly sessionToken: { readonly argument: number; readonly field?: string };
  /** What to use instead, in words for the message. */
  readonly replacement: string;
  readonly source: string;
}

const CRT_MODULES = ['aws-crt', 'aws-iot-device-sdk-v2'];

export const STATIC_PROVIDER_SINKS = entriesOf<StaticProviderSink>()([
  {
    id: 'aws-crt:AwsCredentialsProvider.newStatic',
    api: { modules: CRT_MODULES, path: ['auth', 'AwsCredentialsProvider', 'newStatic'] },
    how: 'call',
    sessionToken: { argument: 2 },
    replacement:
      '`auth.AwsCredentialsProvider.newCognito({ identity, endpoint, logins })`, which asks Cognito again before the keys expire (or `newDefault()` on a host with a role)',
    source:
      'awslabs/aws-crt-nodejs: lib/native/auth.ts (AwsCredentialsProvider.newStatic, newCognito, newDefault); aws/aws-iot-device-sdk-js-v2: lib/iot/aws_iot_mqtt_config.ts (WebsocketConfig.credentials_provider)',
  },
  {
    id: 'aws-crt:StaticCredentialProvider',
    api: { modules: CRT_MODULES, path: ['auth', 'StaticCredentialProvider'] },
    how: 'construct',
    sessionToken: { argument: 0, field: 'aws_sts_token' },
    replacement:
      'a subclass of `auth.CredentialsProvider` whose `refreshCredentials()` fetches new keys before they expire and whose `getCredentials()` returns the current ones',
    source:
      'awslabs/aws-crt-nodejs: lib/browser/auth.ts (StaticCredentialProvider.getCredentials returns the credentials it was built with; CredentialsProvider.refreshCredentials)',
  },
]);
