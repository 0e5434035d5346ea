import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId as MessageId } from '../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../rule-tester.js';

// Wrapper libraries that return credentials they resolved once (CREDENTIAL_RESOLVERS), unless the library's own
// renewal is used, and DI factories that run once (SINGLETON_FACTORIES), which keep what they return.
// Each invalid case has a look-alike in `valid`.
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
  {
    // Keeper: a NestJS factory provider runs once; the client it returns holds credentials resolved then.
    code: lines(
      "import { Module } from '@nestjs/common';",
      "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      '@Module({',
      "  providers: [{ provide: 'S3', useFactory: async () => new S3Client({ credentials: await fromNodeProviderChain()() }) }],",
      "  exports: ['S3'],",
      '})',
      'export class StorageModule {}',
    ),
    output:
      "import { Module } from '@nestjs/common';\nimport { fromNodeProviderChain } from '@aws-sdk/credential-providers';\nimport { S3Client } from '@aws-sdk/client-s3';\n@Module({\n  providers: [{ provide: 'S3', useFactory: async () => new S3Client({ credentials: fromNodeProviderChain() }) }],\n  exports: ['S3'],\n})\nexport class StorageModule {}",
    errors: [
      {
        messageId: 'storedCredentials',
        line: 5,
        column: 84,
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
  {
    // The factory hands over the provider; a request-scoped factory runs per request; an object that is no provider.
    code: lines(
      "import { Module, Scope } from '@nestjs/common';",
      "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      '@Module({',
      '  providers: [',
      "    { provide: 'S3', useFactory: () => new S3Client({ credentials: fromNodeProviderChain() }) },",
      "    { provide: 'S3_REQUEST', scope: Scope.REQUEST, useFactory: async () => new S3Client({ credentials: await fromNodeProviderChain()() }) },",
      '  ],',
      '})',
      'export class StorageModule {}',
      'export const helpers = { useFactory: async () => new S3Client({ credentials: await fromNodeProviderChain()() }) };',
    ),
  },
];

createRuleTester().run('no-static-snapshot (credential resolvers and singleton factories)', rule, { valid, invalid });
