import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A block of the module's own code (`if (stage) { ... }`, `try { ... }`) runs once, when the module loads: what it
// resolves there and hands to a callback that a client calls per request is the same copy on every request.
const lines = (...text: string[]) => text.join('\n');
const OPENSEARCH = lines(
  `import { Client } from '@opensearch-project/opensearch';`,
  `import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';`,
);
const PROVIDERS = `import { fromIni, fromSSO } from '@aws-sdk/credential-providers';`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A promise of keys resolved once in a module-level else branch, returned by the signer's getCredentials.
    code: lines(
      OPENSEARCH,
      PROVIDERS,
      'let client: Client;',
      "if (process.env.LOCAL === '1') {",
      "  client = new Client({ node: 'http://localhost:9200' });",
      '} else {',
      "  const credentials = fromSSO({ profile: 'search' })();",
      '  client = new Client({',
      "    node: 'https://search.example.com',",
      "    ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => Promise.resolve(credentials) }),",
      '  });',
      '}',
      'export const search = (q: object) => client.search({ body: q });',
    ),
    errors: [{ messageId: 'storedCredentials', line: 8, column: 23 }],
  },
  {
    // Resolved through a helper inside a module-level try block, then awaited by every request's getCredentials.
    code: lines(
      OPENSEARCH,
      PROVIDERS,
      'let client: Client | undefined;',
      'try {',
      '  const load = async () => {',
      "    const keys = await fromIni({ profile: 'search' })();",
      '    return keys;',
      '  };',
      '  const pending = load();',
      "  client = new Client({ node: 'https://search.example.com', ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: async () => pending }) });",
      '} catch (error) {',
      '  console.error(error);',
      '}',
      'export { client };',
    ),
    errors: [{ messageId: 'storedCredentials', line: 7, column: 18 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: getCredentials calls the provider each time the signer asks.
  lines(
    OPENSEARCH,
    PROVIDERS,
    'let client: Client;',
    "if (process.env.LOCAL === '1') {",
    "  client = new Client({ node: 'http://localhost:9200' });",
    '} else {',
    "  const provider = fromSSO({ profile: 'search' });",
    "  client = new Client({ node: 'https://search.example.com', ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() }) });",
    '}',
    'export const search = (q: object) => client.search({ body: q });',
  ),
  // Look-alike: the provider itself is the callback.
  lines(
    OPENSEARCH,
    PROVIDERS,
    'let client: Client | undefined;',
    'try {',
    "  client = new Client({ node: 'https://search.example.com', ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: fromIni({ profile: 'search' }) }) });",
    '} catch (error) {',
    '  console.error(error);',
    '}',
    'export { client };',
  ),
];

createRuleTester().run('no-static-snapshot (resolved in a block of module code)', rule, { valid, invalid });
