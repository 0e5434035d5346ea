import snapshotRule from '../../rules/no-static-snapshot/index.js';
import tokenCacheRule from '../../rules/no-module-token-cache/index.js';
import { createRuleTester } from '../rule-tester.js';

// Both lifetime rules follow the shared test-code policy (`settings['credential-expiry'].testCode`): test files are
// skipped by default and reported under `report`; a file that mocks the modules stays silent either way.
const lines = (...text: string[]) => text.join('\n');
const report = { 'credential-expiry': { testCode: 'report' } };

const SNAPSHOT = lines(
  `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
  `import { S3Client } from '@aws-sdk/client-s3';`,
  'export const s3 = new S3Client({ credentials: await fromNodeProviderChain()() });',
);
const SNAPSHOT_FIXED = lines(
  `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
  `import { S3Client } from '@aws-sdk/client-s3';`,
  'export const s3 = new S3Client({ credentials: fromNodeProviderChain() });',
);
const TOKEN_CACHE = lines(
  `import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';`,
  'let msk;',
  "export async function kafkaToken() { msk ??= (await generateAuthToken({ region: 'us-east-1' })).token; return msk; }",
);

createRuleTester().run('no-static-snapshot (test code)', snapshotRule, {
  valid: [
    { code: SNAPSHOT, filename: 'src/clients.test.ts' },
    { code: SNAPSHOT, filename: 'src/__tests__/clients.ts' },
    { code: lines(`vi.mock('@aws-sdk/credential-providers');`, SNAPSHOT), filename: 'clients.ts', settings: report },
  ],
  invalid: [
    {
      code: SNAPSHOT,
      filename: 'src/clients.test.ts',
      settings: report,
      output: SNAPSHOT_FIXED,
      errors: [{ messageId: 'storedCredentials', line: 3 }],
    },
  ],
});

createRuleTester().run('no-module-token-cache (test code)', tokenCacheRule, {
  valid: [
    { code: TOKEN_CACHE, filename: 'kafka.spec.ts' },
    { code: lines(`jest.mock('aws-msk-iam-sasl-signer-js');`, TOKEN_CACHE), filename: 'kafka.ts', settings: report },
  ],
  invalid: [
    {
      code: TOKEN_CACHE,
      filename: 'kafka.spec.ts',
      settings: report,
      errors: [{ messageId: 'moduleTokenCache', line: 2, suggestions: [] }],
    },
  ],
});
