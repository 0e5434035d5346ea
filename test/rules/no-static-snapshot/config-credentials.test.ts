import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Credentials resolved once into an object the file types as a v3 client's config (`S3ClientConfig`, from the
// client module): the type takes a provider there, so `passProvider` hands the provider instead, and the client
// built from the object elsewhere memoises it. An object typed by the app's own interface, or not typed, is left.
const lines = (...text: string[]) => text.join('\n');
const configFrom = (
  returnType: string,
  body: string[],
  imports = "import type { S3ClientConfig } from '@aws-sdk/client-s3';",
) =>
  lines(
    imports,
    "import { S3Client } from '@aws-sdk/client-s3';",
    "import { fromSSO } from '@aws-sdk/credential-providers';",
    `async function configFor(profile: string)${returnType} {`,
    ...body,
    '}',
    'let client: S3Client | undefined;',
    'export async function s3() {',
    "  client ??= new S3Client(await configFor('dev'));",
    '  return client;',
    '}',
  );
const resolvedLocal = [
  '  const credentials = await fromSSO({ profile })();',
  "  return { credentials, region: 'eu-west-1' };",
];
const providerReturned = ["  return { credentials: fromSSO({ profile }), region: 'eu-west-1' };"];

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: configFrom(': Promise<S3ClientConfig>', resolvedLocal),
    errors: [
      {
        messageId: 'storedCredentials',
        line: 5,
        suggestions: [{ messageId: 'passProvider', output: configFrom(': Promise<S3ClientConfig>', providerReturned) }],
      },
    ],
  },
  {
    // Inline, in a variable annotated with the config type.
    code: lines(
      "import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';",
      "import { fromIni } from '@aws-sdk/credential-providers';",
      "const config: S3ClientConfig = { region: 'us-east-1', credentials: await fromIni({ profile: 'ops' })() };",
      'export const s3 = new S3Client(config);',
    ),
    errors: [
      {
        messageId: 'storedCredentials',
        line: 3,
        suggestions: [
          {
            messageId: 'passProvider',
            output: lines(
              "import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';",
              "import { fromIni } from '@aws-sdk/credential-providers';",
              "const config: S3ClientConfig = { region: 'us-east-1', credentials: fromIni({ profile: 'ops' }) };",
              'export const s3 = new S3Client(config);',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: the app's own config interface says nothing about providers: left for a person.
    code: configFrom(
      ': Promise<StorageSettings>',
      resolvedLocal,
      'interface StorageSettings { credentials: { accessKeyId: string; secretAccessKey: string }; region: string }',
    ),
    errors: [{ messageId: 'storedCredentials', line: 5, suggestions: [] }],
  },
  {
    // Look-alike: no declared type at all.
    code: configFrom('', resolvedLocal),
    errors: [{ messageId: 'storedCredentials', line: 5, suggestions: [] }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [configFrom(': Promise<S3ClientConfig>', providerReturned)];

createRuleTester().run('no-static-snapshot (credentials in an object typed as a client config)', rule, {
  valid,
  invalid,
});
