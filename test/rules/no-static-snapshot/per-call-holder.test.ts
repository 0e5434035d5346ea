import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A client factory that assumes the role and builds a new client on every call, its getCredentials returning the
// keys of that call: each client lives for one request, so the captured copy never outlives its session. Kept by a
// caller at module level or in a module variable, the same client does.
const lines = (...text: string[]) => text.join('\n');
const factory = (...callers: string[]) =>
  lines(
    `import { Client } from '@opensearch-project/opensearch';`,
    `import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';`,
    `import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';`,
    'const sts = new STSClient({});',
    'export async function getClient() {',
    "  const out = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'search' }));",
    '  const credentials = {',
    '    accessKeyId: out.Credentials!.AccessKeyId!,',
    '    secretAccessKey: out.Credentials!.SecretAccessKey!,',
    '    sessionToken: out.Credentials!.SessionToken!,',
    '  };',
    "  return new Client({ node: 'https://search.example.com', ...AwsSigv4Signer({ region: 'eu-west-1', getCredentials: async () => credentials }) });",
    '}',
    ...callers,
  );
const CAPTURED = { messageId: 'capturedProvider', line: 6 } as const;

const valid: (string | ValidTestCase<[]>)[] = [
  // Every caller keeps the client in a const of its own function, or uses it at once.
  factory(
    'export async function search(q: object) {',
    '  const client = await getClient();',
    '  return client.search({ body: q });',
    '}',
    'export const count = async () => (await getClient()).count();',
  ),
];

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  // A client made once at load: its getCredentials hands out the same keys after the session ends.
  { code: factory('export const client = await getClient();'), errors: [CAPTURED] },
  // Memoised in a module variable by a caller.
  {
    code: factory(
      'let cached: Awaited<ReturnType<typeof getClient>> | undefined;',
      'export async function search(q: object) {',
      '  cached ??= await getClient();',
      '  return cached.search({ body: q });',
      '}',
    ),
    errors: [CAPTURED],
  },
  // No caller in the file: importers may keep it.
  { code: factory(), errors: [CAPTURED] },
];

createRuleTester().run('no-static-snapshot (a captured provider held for one call)', rule, { valid, invalid });
