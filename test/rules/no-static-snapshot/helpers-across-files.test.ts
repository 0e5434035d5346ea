import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester, createTypedRuleTester } from '../../rule-tester.js';

// A helper of the app's own module returns credentials it resolved once (test/fixtures/typed/credential-helpers.ts).
// With type information the engine reads the helper's body; without, only a name that promises temporary credentials
// counts. Each invalid case has a look-alike among the valid ones.
const lines = (...text: string[]) => text.join('\n');
const S3 = `import { S3Client } from '@aws-sdk/client-s3';`;
const HELPERS = (names: string) => `import { ${names} } from './credential-helpers.js';`;

const typedInvalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A client built once when the module loads, from what the helper resolved.
    code: lines(S3, HELPERS('getCreds'), 'export const s3 = new S3Client({ credentials: await getCreds() });'),
    errors: [{ messageId: 'helperResultKept', line: 3, column: 47 }],
  },
  {
    // STS output from the helper, kept on a long-lived object.
    code: lines(
      HELPERS('assumed'),
      'export class Uploader {',
      '  private keys?: unknown;',
      '  async start() {',
      "    this.keys = await assumed('arn:aws:iam::123456789012:role/app');",
      '  }',
      '}',
    ),
    errors: [{ messageId: 'helperResultKept', line: 5 }],
  },
  {
    // The helper returns a client built from what it resolved; this module keeps the client.
    code: lines(HELPERS('makeClient'), 'export const s3 = await makeClient();'),
    errors: [{ messageId: 'helperResultKept', line: 2, column: 19 }],
  },
];

const typedValid: ValidTestCase<[]>[] = [
  // The helper's client calls the provider itself.
  { code: lines(HELPERS('makeRefreshingClient'), 'export const s3 = makeRefreshingClient();') },
  // A client built per call from the helper.
  {
    code: lines(
      HELPERS('makeClient'),
      'export async function region() {',
      '  const s3 = await makeClient();',
      '  return s3.config.region();',
      '}',
    ),
  },
  // Per request: the client dies with the call.
  {
    code: lines(
      S3,
      HELPERS('getCreds'),
      'export async function handler() {',
      '  const s3 = new S3Client({ credentials: await getCreds() });',
      '  return s3.config.region();',
      '}',
    ),
  },
  // The helper returns the provider, which the client calls again.
  { code: lines(S3, HELPERS('getProvider'), 'export const s3 = new S3Client({ credentials: getProvider() });') },
  // The helper returns only the expiry.
  { code: lines(HELPERS('credentialsExpiry'), 'export const expires = await credentialsExpiry();') },
  // The name promises credentials, the body returns a region: the body decides.
  { code: lines(S3, HELPERS('getSessionCredentials'), 'export const region = await getSessionCredentials();') },
];

createTypedRuleTester().run('no-static-snapshot: helpers in another file (types)', rule, {
  valid: typedValid,
  invalid: typedInvalid,
});

const AWS_HELPER = (name: string, from = './aws') => `import { ${name} } from '${from}';`;

createRuleTester().run('no-static-snapshot: helpers in another file (no types)', rule, {
  valid: [
    // A name that does not say the credentials are temporary (long-term keys from a secret store look the same).
    lines(S3, AWS_HELPER('getCredentials'), 'export const s3 = new S3Client({ credentials: await getCredentials() });'),
    // A package's function: what packages return is the knowledge base's business.
    lines(
      S3,
      AWS_HELPER('getTemporaryCredentials', 'temp-creds'),
      'export const s3 = new S3Client({ credentials: await getTemporaryCredentials() });',
    ),
    // Per request.
    lines(
      S3,
      AWS_HELPER('getTemporaryCredentials'),
      'export async function handler() {',
      '  const s3 = new S3Client({ credentials: await getTemporaryCredentials() });',
      '  return s3.config.region();',
      '}',
    ),
  ],
  invalid: [
    {
      code: lines(
        S3,
        AWS_HELPER('getTemporaryCredentials'),
        'export const s3 = new S3Client({ credentials: await getTemporaryCredentials() });',
      ),
      errors: [{ messageId: 'helperResultKept', line: 3, column: 47 }],
    },
    {
      // Keys copied into a connection that its listeners keep open.
      code: lines(
        `import awsIot from 'aws-iot-device-sdk';`,
        AWS_HELPER('assumeRole'),
        'export async function connect(arn: string) {',
        '  const c = await assumeRole(arn);',
        "  const device = awsIot.device({ protocol: 'wss', host: 'h', accessKeyId: c.AccessKeyId, secretKey: c.SecretAccessKey, sessionToken: c.SessionToken });",
        "  device.on('message', (topic: string) => console.log(topic));",
        '}',
      ),
      errors: [{ messageId: 'helperResultKept', line: 4 }],
    },
  ],
});
