import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId as MessageId } from '../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../rule-tester.js';

// Wrapper libraries that return credentials they resolved once (CREDENTIAL_RESOLVERS): what they return is a
// snapshot once kept, unless the library's own renewal is used. Each invalid case has a look-alike in `valid`.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // Source: a wrapper library's resolved credentials (`awsGetCredentials`), signed with by a client kept at module scope.
    code: lines(
      "const { Client } = require('@elastic/elasticsearch');",
      "const { createAWSConnection, awsGetCredentials } = require('@acuris/aws-es-connection');",
      'let client;',
      'async function search() {',
      '  if (!client) {',
      '    const awsCredentials = await awsGetCredentials();',
      '    client = new Client({ ...createAWSConnection(awsCredentials), node: process.env.ES_ENDPOINT });',
      '  }',
      '  return client;',
      '}',
      'module.exports = { search };',
    ),
    errors: [
      {
        messageId: 'storedCredentials',
        line: 6,
        column: 28,
        suggestions: [],
      },
    ],
  },
  {
    // Source: keys copied out of `awsGetCredentials()` into a module-level signer config.
    code: lines(
      "import { awsGetCredentials } from '@acuris/aws-es-connection';",
      "import aws4 from 'aws4';",
      'let keys: { accessKeyId: string; secretAccessKey: string } | undefined;',
      'export async function sign(request: aws4.Request) {',
      '  if (!keys) {',
      '    const c = await awsGetCredentials();',
      '    keys = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };',
      '  }',
      '  return aws4.sign(request, keys);',
      '}',
    ),
    errors: [
      {
        messageId: 'copiedCredentials',
        line: 6,
        column: 15,
        suggestions: [],
      },
    ],
  },
];

const valid: ValidTestCase<[]>[] = [
  {
    // The client is wrapped by `awsCredsifyAll`, which renews the credentials before each call.
    code: lines(
      "const { Client } = require('@elastic/elasticsearch');",
      "const { createAWSConnection, awsGetCredentials, awsCredsifyAll } = require('@acuris/aws-es-connection');",
      'let client;',
      'async function search() {',
      '  if (!client) {',
      '    const awsCredentials = await awsGetCredentials();',
      '    client = awsCredsifyAll(new Client({ ...createAWSConnection(awsCredentials), node: process.env.ES_ENDPOINT }));',
      '  }',
      '  return client;',
      '}',
      'module.exports = { search };',
    ),
  },
  {
    // Resolved per request, kept in a local only.
    code: lines(
      "import { awsGetCredentials } from '@acuris/aws-es-connection';",
      "import aws4 from 'aws4';",
      'export async function sign(request: aws4.Request) {',
      '  const c = await awsGetCredentials();',
      '  return aws4.sign(request, { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey });',
      '}',
    ),
  },
];

createRuleTester().run('no-static-snapshot (credential resolvers)', rule, { valid, invalid });
