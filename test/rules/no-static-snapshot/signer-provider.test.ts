import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A SignatureV4 built once with resolved credentials: its `credentials` option takes a provider too and calls it for
// each signature, so passing the provider is the remedy (a suggestion: no client memoizes it).
const lines = (...text: string[]) => text.join('\n');
const signerWith = (module: string, credentials: string) =>
  lines(
    `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
    `import { SignatureV4 } from '${module}';`,
    'export class Forwarder {',
    '  signer;',
    '  async init(sha256) {',
    `    this.signer = new SignatureV4({ service: 'lambda', region: 'us-east-1', credentials: ${credentials}, sha256 });`,
    '  }',
    '}',
  );

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  ...['@smithy/signature-v4', '@aws-sdk/signature-v4'].map((module) => ({
    code: signerWith(module, 'await fromNodeProviderChain()()'),
    errors: [
      {
        messageId: 'storedCredentials' as const,
        line: 6,
        suggestions: [
          {
            messageId: 'passProvider' as const,
            data: { provider: 'fromNodeProviderChain()' },
            output: signerWith(module, 'fromNodeProviderChain()'),
          },
        ],
      },
    ],
  })),
  // Look-alike: a SignatureV4 of the project's own, which may not take a provider: the finding has no remedy.
  {
    code: signerWith('./signing', 'await fromNodeProviderChain()()'),
    errors: [{ messageId: 'storedCredentials', line: 6, suggestions: [] }],
  },
];

createRuleTester().run('no-static-snapshot (signer takes a provider)', rule, {
  valid: [signerWith('@smithy/signature-v4', 'fromNodeProviderChain()')],
  invalid,
});
