import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import tokenCache from '../../../rules/no-module-token-cache/index.js';
import snapshot from '../../../rules/no-static-snapshot/index.js';

// A v3 STS command bound to a const before `send` is the same request as the command written inside the call:
// `const cmd = new AssumeRoleCommand(input); const out = await sts.send(cmd)`. Any other command stays what it is.
const lines = (...text: string[]) => text.join('\n');
const STS = lines(
  "import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';",
  "import { S3Client } from '@aws-sdk/client-s3';",
  'const sts = new STSClient({});',
);

function findings(code: string): { rule: string; line: number; message: string }[] {
  return new Linter({ configType: 'flat' })
    .verify(
      code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
          plugins: {
            ce: {
              rules: { b: tokenCache as unknown as Rule.RuleModule, a: snapshot as unknown as Rule.RuleModule },
            },
          },
          rules: { 'ce/a': 'error', 'ce/b': 'error' },
        },
      ],
      'src/roles.js',
    )
    .map((m) => ({ rule: m.ruleId ?? 'fatal', line: m.line, message: m.message }));
}

describe('v3 STS: a command bound to a const before send', () => {
  it('reports its Credentials kept at module scope, as the inline command', () => {
    const inline = lines(
      STS,
      'let creds;',
      'export async function roleCreds() {',
      "  if (!creds) creds = (await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }))).Credentials;",
      '  return creds;',
      '}',
    );
    const bound = lines(
      STS,
      'let creds;',
      'export async function roleCreds() {',
      '  if (creds) return creds;',
      "  const command = new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' });",
      '  const out = await sts.send(command);',
      '  creds = out.Credentials;',
      '  return creds;',
      '}',
    );
    expect(findings(inline).map((f) => [f.rule, f.line])).toEqual([['ce/b', 4]]);
    expect(findings(bound).map((f) => [f.rule, f.line])).toEqual([['ce/b', 4]]);
  });

  it('reads DurationSeconds through the const input the command was built from', () => {
    const code = lines(
      STS,
      "const input = { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', DurationSeconds: 7200 };",
      'let creds;',
      'export async function roleCreds() {',
      '  if (creds) return creds;',
      '  const command = new AssumeRoleCommand(input);',
      '  creds = (await sts.send(command)).Credentials;',
      '  return creds;',
      '}',
    );
    const found = findings(code);
    expect(found.map((f) => [f.rule, f.line])).toEqual([['ce/b', 5]]);
    expect(found[0].message).toContain('2 h');
  });

  it('reports keys copied into a module-scope client, as the inline command (no-static-snapshot)', () => {
    const code = lines(
      STS,
      'let s3;',
      'export async function init() {',
      "  const command = new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' });",
      '  const { Credentials: k } = await sts.send(command);',
      '  s3 = new S3Client({ credentials: { accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey, sessionToken: k.SessionToken } });',
      '}',
    );
    expect(findings(code).map((f) => [f.rule, f.line])).toEqual([['ce/a', 7]]);
  });

  it('stays silent when the const is a command that hands out nothing expiring', () => {
    const code = lines(
      STS,
      'let identity;',
      'export async function whoAmI() {',
      '  if (identity) return identity;',
      '  const command = new GetCallerIdentityCommand({});',
      '  identity = await sts.send(command);',
      '  return identity;',
      '}',
    );
    expect(findings(code)).toEqual([]);
  });

  it('stays silent when the sent name is reassigned (not the command it was first bound to)', () => {
    const code = lines(
      STS,
      'let out;',
      'export async function whoAmI() {',
      '  if (out) return out;',
      "  let command = new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' });",
      '  command = new GetCallerIdentityCommand({});',
      '  out = await sts.send(command);',
      '  return out;',
      '}',
    );
    expect(findings(code)).toEqual([]);
  });

  it('stays silent on a command const whose output is used per call', () => {
    const code = lines(
      STS,
      'export async function roleCreds() {',
      "  const command = new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' });",
      '  const out = await sts.send(command);',
      '  return out.Credentials;',
      '}',
    );
    expect(findings(code)).toEqual([]);
  });
});
