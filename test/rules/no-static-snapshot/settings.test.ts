import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';
import { createRuleTester, createTypedRuleTester } from '../../rule-tester.js';

const CHAIN = `import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const creds = await fromNodeProviderChain()();
export const s3 = new S3Client({ credentials: creds });`;
const FIXED = `import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ credentials: fromNodeProviderChain() });`;

// The session in the message comes from the knowledge base, or from the shared settings when the source
// (the default chain) does not say which session it finds.
createRuleTester().run('no-static-snapshot (settings)', rule, {
  valid: [
    // On Lambda the default chain yields the environment's credentials, constant for the process (§4.12).
    { code: CHAIN, settings: { 'credential-expiry': { platform: 'lambda' } } },
  ],
  invalid: [
    {
      code: CHAIN,
      output: FIXED,
      errors: [
        {
          messageId: 'storedCredentials',
          line: 3,
          column: 15,
          data: {
            session: 'the session of whatever source the default chain found',
            phrase: 'within 1 h for an assumed role, about 6 h for an instance profile or task role',
            source: '`fromNodeProviderChain()`',
            where: 'in module scope (`creds`)',
            provider: 'fromNodeProviderChain()',
          },
        },
      ],
    },
    {
      code: CHAIN,
      output: FIXED,
      settings: { 'credential-expiry': { platform: 'ecs' } },
      errors: [
        {
          messageId: 'storedCredentials',
          line: 3,
          column: 15,
          data: {
            session: 'the ECS/Fargate task-role session',
            phrase: 'typically within 6 h',
            source: '`fromNodeProviderChain()`',
            where: 'in module scope (`creds`)',
            provider: 'fromNodeProviderChain()',
          },
        },
      ],
    },
    {
      code: CHAIN,
      output: FIXED,
      settings: { 'credential-expiry': { sessionSeconds: 900 } },
      errors: [
        {
          messageId: 'storedCredentials',
          line: 3,
          column: 15,
          data: {
            session: 'the session (sessionSeconds setting)',
            phrase: 'after 900 s (sessionSeconds setting)',
            source: '`fromNodeProviderChain()`',
            where: 'in module scope (`creds`)',
            provider: 'fromNodeProviderChain()',
          },
        },
      ],
    },
    // A source that names its session keeps it whatever the platform says.
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ credentials: await fromInstanceMetadata()() });`,
      output: `import { S3Client } from '@aws-sdk/client-s3';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ credentials: fromInstanceMetadata() });`,
      settings: { 'credential-expiry': { platform: 'lambda' } },
      errors: [
        {
          messageId: 'storedCredentials',
          line: 3,
          column: 47,
          data: {
            session: 'the EC2 instance-profile session',
            phrase: 'typically within 6 h',
            source: '`fromInstanceMetadata()`',
            where: 'in module scope (`s3`)',
            provider: 'fromInstanceMetadata()',
          },
        },
      ],
    },
  ],
});

describe('no-static-snapshot settings errors', () => {
  it('reports a bad setting with one clear error', () => {
    const linter = new Linter();
    const config = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { ce: { rules: { 'no-static-snapshot': rule } } },
        rules: { 'ce/no-static-snapshot': 'error' },
        settings: { 'credential-expiry': { platform: 'mars' } },
      },
    ] as unknown as Linter.Config[];
    expect(() => linter.verify(CHAIN, config, 'file.ts')).toThrow(/platform must be one of/);
  });
});

// With type information the rule tells a v3 client from a look-alike whose construction it cannot see.
const VAULT = `import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
interface Vault { config: { credentials(): Promise<{ accessKeyId: string; secretAccessKey: string }> } }
`;
createTypedRuleTester().run('no-static-snapshot (type information)', rule, {
  valid: [
    // `vault` is typed as a project interface, not a v3 client: its `config.credentials()` is not a client's provider.
    {
      code: `${VAULT}export async function sts(vault: Vault) { return new STSClient({ credentials: await vault.config.credentials() }); }`,
    },
  ],
  invalid: [
    // `deps.s3` is an S3Client by type (its construction is elsewhere).
    {
      code: `${VAULT}export async function sts(deps: { s3: S3Client }) { return new STSClient({ credentials: await deps.s3.config.credentials() }); }`,
      output: `${VAULT}export async function sts(deps: { s3: S3Client }) { return new STSClient({ credentials: deps.s3.config.credentials }); }`,
      errors: [{ messageId: 'sharedClientCredentials', line: 4, column: 89 }],
    },
  ],
});

// Without type information the rule cannot tell, and treats `x.config.credentials()` as a client's provider in a
// file that imports a v3 client (documented in docs/rules/no-static-snapshot.md).
createRuleTester().run('no-static-snapshot (no type information)', rule, {
  valid: [],
  invalid: [
    {
      code: `${VAULT}export async function sts(vault: Vault) { return new STSClient({ credentials: await vault.config.credentials() }); }`,
      output: `${VAULT}export async function sts(vault: Vault) { return new STSClient({ credentials: vault.config.credentials }); }`,
      errors: [{ messageId: 'sharedClientCredentials', line: 4, column: 79 }],
    },
  ],
});
