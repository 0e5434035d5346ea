import tsParser from '@typescript-eslint/parser';
import type { ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import { createRuleTester } from '../../rule-tester.js';

// Slack's `oauth.v2.access` (and the classic `oauth.access`) return a token that lives until revoked; only with
// token rotation on does the response add `expires_in` and `refresh_token`. A bot token kept for good is no defect,
// unless the file shows the expiring shape: then it is as short-lived as any other bearer token.
const lines = (...text: string[]) => text.join('\n');
const SLACK = "import { WebClient } from '@slack/web-api';\nconst slack = new WebClient();";
const POST = [
  'export async function post(text: string) {',
  "  return fetch('https://slack.com/api/chat.postMessage', { method: 'POST', headers: { Authorization: `Bearer ${botToken}` }, body: text });",
  '}',
];
const sdkExchange = (...after: string[]) =>
  lines(
    SLACK,
    'let botToken: string | undefined;',
    'let refresh: string | undefined;',
    'export async function install(code: string) {',
    '  const result = await slack.oauth.v2.access({ client_id: process.env.ID!, client_secret: process.env.SECRET!, code });',
    '  botToken = result.access_token;',
    ...after,
    '}',
    ...POST,
  );
const fetchExchange = (url: string, ...after: string[]) =>
  lines(
    'let botToken: string | undefined;',
    'let refresh: string | undefined;',
    'export async function install(code: string) {',
    `  const res = await fetch('${url}', { method: 'POST', body: new URLSearchParams({ code }) });`,
    '  const data = await res.json();',
    '  botToken = data.access_token;',
    ...after,
    '}',
    ...POST,
  );

const valid: ValidTestCase<[]>[] = [
  { name: 'bot token of the SDK exchange', filename: 'app.ts', code: sdkExchange() },
  {
    name: 'bot token fetched by hand',
    filename: 'app.ts',
    code: fetchExchange('https://slack.com/api/oauth.v2.access'),
  },
  { name: 'classic exchange', filename: 'app.ts', code: sdkExchange().replace('oauth.v2.access', 'oauth.access') },
];

createRuleTester().run('no-module-token-cache (tokens that last until revoked)', rule, { valid, invalid: [] });

function findings(code: string): { line: number; message: string }[] {
  return new Linter({ configType: 'flat' })
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as never },
          plugins: { ce: { rules: { rule: rule as unknown as Rule.RuleModule } } },
          rules: { 'ce/rule': 'error' },
        },
      ],
      'app.ts',
    )
    .map((m) => ({ line: m.line, message: m.message }));
}

describe('no-module-token-cache: a lasting issuer whose response shows it expiring', () => {
  it('reports the SDK exchange when the refresh token is kept too (token rotation on)', () => {
    const [finding, ...rest] = findings(sdkExchange('  refresh = result.refresh_token;'));
    expect(rest).toEqual([]);
    expect(finding.line).toBe(7);
    expect(finding.message).toContain('`access_token` of `await slack.oauth.v2.access()`');
  });

  it('reports the hand-made exchange when `expires_in` is read', () => {
    const [finding, ...rest] = findings(
      fetchExchange('https://slack.com/api/oauth.v2.access', "  console.log('rotates in', data.expires_in);"),
    );
    expect(rest).toEqual([]);
    expect(finding.line).toBe(6);
  });

  it('still reports the same shape from another issuer, which says nothing of lasting', () => {
    expect(findings(fetchExchange('https://auth.example.com/api/oauth.v2.access')).map((f) => f.line)).toEqual([6]);
    expect(findings(sdkExchange().replace('oauth.v2.access', 'oauth.v2.exchange')).map((f) => f.line)).toEqual([7]);
  });
});
