import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';

/**
 * Generated programs declare module-scope values from expiring sources (tokens, STS output, token-endpoint
 * responses, presigned URLs) and from look-alikes that refresh by themselves, read them back or not, and guard
 * reuse with an expiry comparison that is correct, inverted or absent, in either order of comparison.
 * The rule must report exactly the expiring values that are read back without a correct guard, with the right
 * message, and never throw.
 */

const IMPORTS = [
  `import { GoogleAuth } from 'google-auth-library';`,
  `import { DefaultAzureCredential } from '@azure/identity';`,
  `import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';`,
  `import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';`,
  `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';`,
  `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
  'const auth = new GoogleAuth();',
  'const credential = new DefaultAzureCredential();',
  'const sts = new STSClient({});',
  'const s3 = new S3Client({});',
];

const SOURCES = [
  { code: 'await auth.getAccessToken()', expiring: true },
  { code: 'await auth.getRequestHeaders()', expiring: true },
  { code: "await credential.getToken('https://vault.azure.net/.default')", expiring: true },
  {
    code: "(await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }))).Credentials",
    expiring: true,
  },
  { code: "await (await fetch('https://oauth2.googleapis.com/token', { method: 'POST' })).json()", expiring: true },
  { code: "(await (await fetch('/api/token', { method: 'POST' })).json()).access_token", expiring: true },
  {
    code: "await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 900 })",
    expiring: true,
  },
  { code: 'await auth.getClient()', expiring: false },
  { code: 'fromNodeProviderChain()', expiring: false },
  { code: 'await fromNodeProviderChain()()', expiring: false },
  { code: "new S3Client({ region: 'eu-west-1' })", expiring: false },
  { code: "{ region: 'us-east-1', retries: 3 }", expiring: false },
] as const;

type GuardKind = 'none' | 'correct' | 'inverted';

/** Reuse tests: `v` stands for the value, `d` for its deadline. Reuse happens when the test is true. */
const REUSE_TESTS: Record<GuardKind, readonly string[]> = {
  none: ['v', 'v !== undefined'],
  correct: [
    'v && Date.now() < d',
    'v && d > Date.now()',
    'v && d - Date.now() > 60_000',
    'v && !(Date.now() >= d)',
    'v && Date.now() + 60_000 <= d',
  ],
  inverted: ['v && Date.now() > d', 'v && d < Date.now()', 'v && d - Date.now() < 60_000', 'v && !(Date.now() <= d)'],
};
/** Refill tests: the value is fetched again when the test is true. */
const REFILL_TESTS: Record<GuardKind, readonly string[]> = {
  none: ['!v', 'v === undefined'],
  correct: [
    '!v || Date.now() >= d',
    '!v || d <= Date.now()',
    '!v || d - Date.now() < 60_000',
    '!(v && Date.now() < d)',
  ],
  inverted: ['!v || Date.now() < d', '!v || d > Date.now()', '!v || d - Date.now() > 60_000'],
};

interface SlotSpec {
  source: (typeof SOURCES)[number];
  shape: 'reuse' | 'refill' | 'startup';
  read: boolean;
  guard: GuardKind;
  variant: number;
}

const slotSpec: fc.Arbitrary<SlotSpec> = fc.record({
  source: fc.constantFrom(...SOURCES),
  shape: fc.constantFrom('reuse' as const, 'refill' as const, 'startup' as const),
  read: fc.boolean(),
  guard: fc.constantFrom('none' as const, 'correct' as const, 'inverted' as const),
  variant: fc.nat(10),
});

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length];
}

/** The lines declaring and using one slot, and the 1-based offset of its declaration within them. */
function slotCode(spec: SlotSpec, i: number): string[] {
  const v = `value${i}`;
  const d = `value${i}ExpiresAt`;
  const test = (template: string) => template.replace(/\bv\b/g, v).replace(/\bd\b/g, d);
  const stamp = `${d} = Date.now() + 50 * 60 * 1000;`;
  if (spec.shape === 'startup') {
    return [
      `const ${v} = ${spec.source.code};`,
      spec.read ? `export const read${i} = () => ${v};` : `// ${v} is never read`,
    ];
  }
  const declaration = [`let ${v}: any;`, `let ${d} = 0;`];
  if (!spec.read) return [...declaration, `export async function fill${i}() { ${v} = ${spec.source.code}; ${stamp} }`];
  if (spec.shape === 'reuse') {
    return [
      ...declaration,
      `export async function get${i}() { if (${test(pick(REUSE_TESTS[spec.guard], spec.variant))}) return ${v}; ${v} = ${spec.source.code}; ${stamp} return ${v}; }`,
    ];
  }
  return [
    ...declaration,
    `export async function get${i}() { if (${test(pick(REFILL_TESTS[spec.guard], spec.variant))}) { ${v} = ${spec.source.code}; ${stamp} } return ${v}; }`,
  ];
}

function expected(spec: SlotSpec, line: number): { line: number; messageId: string } | null {
  if (!spec.source.expiring || !spec.read) return null;
  const guard = spec.shape === 'startup' ? 'none' : spec.guard;
  if (guard === 'correct') return null;
  return { line, messageId: guard === 'inverted' ? 'invertedExpiryCheck' : 'moduleTokenCache' };
}

const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'credential-expiry': plugin },
    rules: { 'credential-expiry/no-module-token-cache': 'error' },
  },
];

describe('no-module-token-cache on generated programs', () => {
  it('reports exactly the unguarded (or wrongly guarded) expiring values that are read back', () => {
    const linter = new Linter();
    fc.assert(
      fc.property(fc.array(slotSpec, { minLength: 1, maxLength: 4 }), (specs) => {
        const lines = [...IMPORTS];
        const want: { line: number; messageId: string }[] = [];
        specs.forEach((spec, i) => {
          const declarationLine = lines.length + 1;
          lines.push(...slotCode(spec, i));
          const report = expected(spec, declarationLine);
          if (report) want.push(report);
        });
        const messages = linter.verify(lines.join('\n'), config, 'generated.ts');
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        const got = messages.map((m) => ({ line: m.line, messageId: m.messageId }));
        expect(got, lines.join('\n')).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});
