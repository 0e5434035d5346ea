import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import tokenCache from '../../../rules/no-module-token-cache/index.js';

// Literal tables (arrays and objects of literals, functions and module-level names, like the SDKs' schema files) hold
// no expiring value and are answered by one walk; a literal with an entry that can hold one is followed as before.
const lines = (...text: string[]) => text.join('\n');
const STS = [
  "import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';",
  'const sts = new STSClient({});',
  "const input = { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' };",
];

function findings(code: string): { line: number; message: string }[] {
  return new Linter({ configType: 'flat' })
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as never },
          plugins: { ce: { rules: { b: tokenCache as unknown as Rule.RuleModule } } },
          rules: { 'ce/b': 'error' },
        },
      ],
      'src/keys.ts',
    )
    .map((m) => ({ line: m.line, message: m.message }));
}

describe('no-module-token-cache: literal tables', () => {
  it('stays silent on module-level tables of literals, functions and module-level names', () => {
    const code = lines(
      ...STS,
      'const _A = "Account";',
      'const n0 = "com.amazonaws.sts";',
      'export var Account$ = [3, n0, _A, 0, [_A], [0], 1];',
      'export var Nested$ = [3, n0, _A, { schema: [_A, [_A, [0, 1]]], make: () => new STSClient({}) }, -1, null, , ...[_A]];',
      'export const table = { a: [1, 2], b: { c: "d", e: undefined }, f: `x`, g: !0 } as const;',
    );
    expect(findings(code)).toEqual([]);
  });

  it('still reports a module-level literal whose entry is the STS output', () => {
    const code = lines(
      ...STS,
      'export const held = { keys: [(await sts.send(new AssumeRoleCommand(input))).Credentials] };',
    );
    expect(findings(code).map((f) => f.line)).toEqual([4]);
  });

  it('still follows a name inside a literal written in a function: a local, or a module-level name written there', () => {
    const keeper = (...body: string[]) =>
      lines(
        ...STS,
        'let out: any;',
        'let cache: any;',
        'export async function keys() {',
        '  if (cache) return cache;',
        ...body,
        '  return cache;',
        '}',
      );
    const local = '  const creds = (await sts.send(new AssumeRoleCommand(input))).Credentials;';
    const moduleLevel = '  out = (await sts.send(new AssumeRoleCommand(input))).Credentials;';
    for (const code of [
      keeper(local, '  cache = { creds };'),
      keeper(local, '  cache = [creds];'),
      keeper(moduleLevel, '  cache = [out];'),
      keeper(moduleLevel, '  cache = { entries: [1, { out }] };'),
    ])
      expect(findings(code).map((f) => f.line)).toEqual([5]);
  });
});
