import { AWS_V2_MODULES } from './aws-v2.js';
import type { ApiRef } from './types.js';

/**
 * What the snapshot rule (anti-pattern A) needs beyond the per-ecosystem tables: how results are obtained from
 * a client and which option takes a live credentials object (the refreshing source of an STS call is its `renewedBy`).
 */

/** v3: a command's output comes from `client.send(command)` (aws/aws-sdk-js-v3: packages/smithy-client Client.send). */
export const AWS_V3_SEND_METHOD = 'send';

/**
 * v3: the client's memoizer calls a provider again once less than this remains before `expiration`
 * (smithy-lang/smithy-typescript: packages/core/src/legacy-root-exports/util-identity-and-auth/memoizeIdentityProvider.ts, EXPIRATION_MS).
 */
export const AWS_V3_REFRESH_WINDOW_MS = 300_000;

/** v2: `service.operation(params).promise()` (aws/aws-sdk-js: lib/request.js, promise()). */
export const AWS_V2_PROMISE_METHOD = 'promise';

/** v2: config option that takes a live `AWS.Credentials` object (aws/aws-sdk-js: lib/config.js). */
export const AWS_V2_CREDENTIALS_OPTION = 'credentials';

/** v2: service constructors (`new AWS.S3(opts)`, `new S3(opts)` from `aws-sdk/clients/s3`) copy raw keys into a static `AWS.Credentials` (aws/aws-sdk-js: lib/service.js, lib/config.js). */
export const AWS_V2_SERVICE_CLIENTS: readonly ApiRef[] = [
  { modules: AWS_V2_MODULES, path: ['*'] },
  { modules: ['aws-sdk/clients/*'], path: [] },
];

/**
 * Test doubles: a file that mocks the SDK resolves fake credentials, so its snapshots expire nothing
 * (a mocked SDK module holds no real credentials). `jest.mock('<module>')` / `vi.mock('<module>')` of a known module,
 * or an import of a mocking library.
 */
export const SDK_TEST_DOUBLES = {
  mockObjects: ['jest', 'vi'],
  mockMethods: ['mock', 'doMock', 'unstable_mockModule'],
  mockLibraries: ['aws-sdk-client-mock', 'aws-sdk-mock'],
  source:
    'https://jestjs.io/docs/jest-object#jestmockmodulename-factory-options; https://vitest.dev/api/vi.html#vi-mock; m-radzikowski/aws-sdk-client-mock README; dwyl/aws-sdk-mock README',
} as const;

/**
 * Platforms whose default chain yields environment credentials without an expiry for the life of the execution
 * environment: the SDK itself treats them as constant, so keeping a resolved copy changes nothing
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime). Keyed by `settings['credential-expiry'].platform`.
 */
export const CONSTANT_DEFAULT_CHAIN_PLATFORMS = {
  platforms: ['lambda'],
  sessions: ['default-chain'],
  /**
   * A file that imports the Lambda handler types (`import type { Handler } from 'aws-lambda'`) runs on Lambda, as if
   * `platform: 'lambda'` were set. An execution environment lives at most about 14 h and its role credentials stay
   * the same for its whole life (injected once as environment variables, no expiry visible to the SDK), so a
   * module-level copy of them lasts as long as the live object does.
   */
  handlerTypeModules: ['aws-lambda'],
  source:
    'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime; https://docs.aws.amazon.com/whitepapers/latest/security-overview-aws-lambda/lambda-executions.html',
} as const;
