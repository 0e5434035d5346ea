import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { Program } from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { TYPED_FIXTURE_DIR } from '../rule-tester.js';
import { TypeCheck } from './type-check.js';

/**
 * passLiveObject on AWS SDK v2 (issue 10): the keys of `AWS.config.credentials` copied into `new AWS.Credentials(...)`.
 * The global is typed `Credentials | CredentialsOptions | null`, so putting it where a `Credentials` is expected
 * does not compile (TS2769 for `masterCredentials`). Every suggestion output below is compiled against the installed
 * aws-sdk types, with and without type information for the rule.
 */
// aws-sdk/global declares the credentials classes without every service client, which keeps the compile short.
const HEADER = `import AWS = require('aws-sdk/global');\n`;
const CASES = {
  master: `${HEADER}AWS.config.getCredentials(() => undefined);
export const chained = new AWS.ChainableTemporaryCredentials({
  masterCredentials: new AWS.Credentials({
    accessKeyId: AWS.config.credentials!.accessKeyId,
    secretAccessKey: AWS.config.credentials!.secretAccessKey,
    sessionToken: AWS.config.credentials!.sessionToken,
  }),
});
`,
  typedSlot: `${HEADER}export const holder: { credentials: typeof AWS.config.credentials } = {
  credentials: new AWS.Credentials(AWS.config.credentials!.accessKeyId, AWS.config.credentials!.secretAccessKey, AWS.config.credentials!.sessionToken),
};
`,
  credentialsOnly: `${HEADER}export function master(): AWS.Credentials {
  return new AWS.Credentials(AWS.config.credentials!.accessKeyId, AWS.config.credentials!.secretAccessKey, AWS.config.credentials!.sessionToken);
}
`,
  untypedConst: `${HEADER}const copy = new AWS.Credentials(AWS.config.credentials!.accessKeyId, AWS.config.credentials!.secretAccessKey, AWS.config.credentials!.sessionToken);
export const refreshed = copy.getPromise();
`,
} as const;

const MIGRATION_SAFE = new Set(
  (plugin.rules['no-static-snapshot'].meta!.docs as { migrationSafeSuggestions: string[] }).migrationSafeSuggestions,
);

function suggestions(code: string, file: string, program: Program | undefined): { id: string; output: string }[] {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, parserOptions: program ? { programs: [program] } : {} },
      plugins: { 'credential-expiry': plugin },
      rules: { 'credential-expiry/no-static-snapshot': 'error' },
    },
  ];
  return new Linter({ cwd: TYPED_FIXTURE_DIR })
    .verify(code, config, file)
    .flatMap((m) => m.suggestions ?? [])
    .map((s) => ({
      id: s.messageId!,
      output: code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]),
    }));
}

describe('v2 live-object suggestions type-check', () => {
  it('the inputs compile, the old rewrite does not (TS2769), and every suggestion output compiles', () => {
    const check = new TypeCheck();
    const inputs = new Map(Object.entries(CASES).map(([name, code]) => [TypeCheck.fileName(`v2-live-${name}`), code]));
    const naive = CASES.master.replace(/new AWS\.Credentials\(\{[^]*?\}\)/u, 'AWS.config.credentials!');
    expect(check.errors(new Map([...inputs, [TypeCheck.fileName('v2-live-naive'), naive]]))).toEqual([
      expect.stringMatching(/^v2-live-naive\.ts\(\d+\): TS2769 /u),
    ]);

    // With type information (the program just built) and without.
    const outputs = new Map<string, string>();
    const ids: Record<string, string[]> = {};
    for (const [typed, program] of [
      ['typed', check.program],
      ['untyped', undefined],
    ] as const) {
      for (const [name, code] of Object.entries(CASES)) {
        const offered = suggestions(code, TypeCheck.fileName(`v2-live-${name}`), program);
        ids[`${name} ${typed}`] = offered.map((s) => s.id);
        offered.forEach((s, i) => outputs.set(TypeCheck.fileName(`v2-live-${name}-${typed}-${i}`), s.output));
      }
    }
    expect(ids).toEqual({
      'master typed': ['leaveOutMasterCredentials'],
      'master untyped': ['leaveOutMasterCredentials'],
      // Only the checker can tell that this slot takes the global's type.
      'typedSlot typed': ['passLiveObject'],
      'typedSlot untyped': ['passGlobalCredentials'],
      'credentialsOnly typed': ['passGlobalCredentials'],
      'credentialsOnly untyped': ['passGlobalCredentials'],
      'untypedConst typed': ['passGlobalCredentials'],
      'untypedConst untyped': ['passGlobalCredentials'],
    });
    expect(check.errors(outputs)).toEqual([]);
    expect(MIGRATION_SAFE.has('leaveOutMasterCredentials')).toBe(true);
    expect(MIGRATION_SAFE.has('passGlobalCredentials')).toBe(false);
  }, 600_000);
});
