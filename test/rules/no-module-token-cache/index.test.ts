import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import plugin from '../../../src/index.js';
import { createRuleTester, createTypedRuleTester } from '../../rule-tester.js';
import { invalid, valid } from './cases.js';

createRuleTester().run('no-module-token-cache', rule, { valid, invalid });

describe('no-module-token-cache messages and settings', () => {
  const imds = [
    'let creds;',
    "export async function get() { if (!creds) creds = await (await fetch('http://169.254.169.254/latest/meta-data/iam/security-credentials/app')).json(); return creds; }",
  ].join('\n');
  const lint = (code: string, settings: Record<string, unknown> = {}) =>
    new Linter().verify(
      code,
      [
        {
          plugins: { 'credential-expiry': plugin },
          settings,
          rules: { 'credential-expiry/no-module-token-cache': 'error' },
        },
      ],
      'imds.js',
    );

  it('says what is kept, how long it lives and what the user will see', () => {
    const [message] = lint(imds);
    expect(message.message).toContain(
      '`creds` keeps temporary AWS credentials from the EC2 instance metadata credentials endpoint in module scope',
    );
    expect(message.message).toContain('typically within 6 h');
    expect(message.message).toContain('ExpiredToken: The security token included in the request is expired');
    expect(message.message).toContain('fromInstanceMetadata()');
  });

  it('quotes the lifetime of the platform setting for credentials fetched by hand', () => {
    const [message] = lint(imds, { 'credential-expiry': { sessionSeconds: 900 } });
    expect(message.message).toContain('after 900 s (sessionSeconds setting)');
  });

  it('stops with one clear error on a bad setting', () => {
    expect(() => lint(imds, { 'credential-expiry': { platform: 'mainframe' } })).toThrow(/platform must be one of/);
  });

  it('never prints a URL: it may carry secrets', () => {
    const [message] = lint(
      [
        'let t;',
        "export async function get() { t ??= (await (await fetch('https://idp.example.com/oauth2/token?client_secret=s3cr3t-value', { method: 'POST' })).json()); return t; }",
      ].join('\n'),
    );
    expect(message.messageId).toBe('moduleTokenCache');
    expect(message.message).not.toContain('s3cr3t');
    expect(message.message).not.toContain('idp.example.com');
  });
});

// With type information the declared type of the body decides whether `expires_in` may be read.
const typedBody = (type: string) =>
  [
    'let token: string | null = null;',
    '',
    'export async function bearer(): Promise<string> {',
    '  if (!token) {',
    "    const res = await fetch('https://id.example.com/oauth2/token', { method: 'POST' });",
    `    const body: ${type} = await res.json();`,
    '    token = body.access_token;',
    '  }',
    '  return token;',
    '}',
  ].join('\n');
const typedOutput = (type: string, stamp: string) =>
  [
    'let token: string | null = null;',
    'let tokenExpiresAt = 0;',
    '',
    'export async function bearer(): Promise<string> {',
    '  if (!token || Date.now() >= tokenExpiresAt) {',
    "    const res = await fetch('https://id.example.com/oauth2/token', { method: 'POST' });",
    `    const body: ${type} = await res.json();`,
    '    token = body.access_token;',
    `    tokenExpiresAt = Date.now() + ${stamp};`,
    '  }',
    '  return token;',
    '}',
  ].join('\n');
const WITH_EXPIRES_IN = '{ access_token: string; expires_in: number }';
const WITHOUT_EXPIRES_IN = '{ access_token: string }';

createTypedRuleTester().run('no-module-token-cache (type information)', rule, {
  valid: [],
  invalid: [
    {
      code: typedBody(WITH_EXPIRES_IN),
      errors: [
        {
          messageId: 'moduleTokenCache',
          suggestions: [
            {
              messageId: 'expireFromResponse',
              output: typedOutput(WITH_EXPIRES_IN, '(body.expires_in - 300) * 1000'),
            },
          ],
        },
      ],
    },
    // A type literal declared for the body alone gets the field the response carries, and the check reads it.
    {
      code: typedBody(WITHOUT_EXPIRES_IN),
      errors: [
        {
          messageId: 'moduleTokenCache',
          suggestions: [
            { messageId: 'expireFromResponse', output: typedOutput(WITH_EXPIRES_IN, '(body.expires_in - 300) * 1000') },
          ],
        },
      ],
    },
    // A type alias of this file that types nothing but the body gets the field too.
    {
      code: `type Reply = { access_token: string };\n${typedBody('Reply')}`,
      errors: [
        {
          messageId: 'moduleTokenCache',
          suggestions: [
            {
              messageId: 'expireFromResponse',
              output: `type Reply = ${WITH_EXPIRES_IN};\n${typedOutput('Reply', '(body.expires_in - 300) * 1000')}`,
            },
          ],
        },
      ],
    },
    // Look-alike: the alias also types a value the file builds, which would lack the field: it is not edited, and
    // the lifetime stays a guess.
    {
      code: `type Reply = { access_token: string };\nexport const none: Reply = { access_token: '' };\n${typedBody('Reply')}`,
      errors: [
        {
          messageId: 'moduleTokenCache',
          suggestions: [
            {
              messageId: 'addExpiryCheck',
              output: `type Reply = { access_token: string };\nexport const none: Reply = { access_token: '' };\n${typedOutput('Reply', '55 * 60 * 1000')}`,
            },
          ],
        },
      ],
    },
  ],
});
