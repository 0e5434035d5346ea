import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// The fields of a token response that neither are a secret nor expire (`instance_url`, `token_type`, `scope`, `id`,
// `issued_at`, `signature`): kept beside the token in a module variable, only the token's keeper is a token cache.
const lines = (...text: string[]) => text.join('\n');

const SALESFORCE_LOGIN = [
  '  const response = await fetch(`${process.env.SF_LOGIN_URL}/services/oauth2/token`, {',
  "    method: 'POST',",
  "    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: process.env.SF_ID }),",
  '  });',
  '  const data = await response.json();',
];

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // The token and the instance URL in two module variables: the token's is reported, the URL's is not.
    code: lines(
      'let sfToken = null;',
      'let sfInstance = null;',
      'let sfTokenType = null;',
      'export async function salesforce() {',
      '  if (sfToken) return { sfToken, sfInstance };',
      ...SALESFORCE_LOGIN,
      '  sfToken = data.access_token;',
      '  sfInstance = data.instance_url;',
      '  sfTokenType = data.token_type;',
      '  return { sfToken, sfInstance };',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output: lines(
              'let sfToken = null;',
              'let sfTokenExpiresAt = 0;',
              'let sfInstance = null;',
              'let sfTokenType = null;',
              'export async function salesforce() {',
              '  if (sfToken && Date.now() < sfTokenExpiresAt) return { sfToken, sfInstance };',
              ...SALESFORCE_LOGIN,
              '  sfToken = data.access_token;',
              '  sfTokenExpiresAt = Date.now() + (data.expires_in - 300) * 1000;',
              '  sfInstance = data.instance_url;',
              '  sfTokenType = data.token_type;',
              '  return { sfToken, sfInstance };',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // The reuse test asks for the token and the URL together: the deadline joins that chain.
    code: lines(
      'let sfToken = null;',
      'let sfInstance = null;',
      'export async function salesforce() {',
      '  if (sfToken && sfInstance) return { sfToken, sfInstance };',
      ...SALESFORCE_LOGIN,
      '  sfToken = data.access_token;',
      '  sfInstance = data.instance_url;',
      '  return { sfToken, sfInstance };',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output: lines(
              'let sfToken = null;',
              'let sfTokenExpiresAt = 0;',
              'let sfInstance = null;',
              'export async function salesforce() {',
              '  if (sfToken && sfInstance && Date.now() < sfTokenExpiresAt) return { sfToken, sfInstance };',
              ...SALESFORCE_LOGIN,
              '  sfToken = data.access_token;',
              '  sfTokenExpiresAt = Date.now() + (data.expires_in - 300) * 1000;',
              '  sfInstance = data.instance_url;',
              '  return { sfToken, sfInstance };',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // A refill test that fails over on either (`||`): the deadline is one more reason to refill.
    code: lines(
      'let sfToken = null;',
      'let sfInstance = null;',
      'export async function salesforce() {',
      '  if (!sfInstance || !sfToken) {',
      ...SALESFORCE_LOGIN.map((line) => `  ${line}`),
      '    sfToken = data.access_token;',
      '    sfInstance = data.instance_url;',
      '  }',
      '  return { sfToken, sfInstance };',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output: lines(
              'let sfToken = null;',
              'let sfTokenExpiresAt = 0;',
              'let sfInstance = null;',
              'export async function salesforce() {',
              '  if (!sfInstance || !sfToken || Date.now() >= sfTokenExpiresAt) {',
              ...SALESFORCE_LOGIN.map((line) => `  ${line}`),
              '    sfToken = data.access_token;',
              '    sfTokenExpiresAt = Date.now() + (data.expires_in - 300) * 1000;',
              '    sfInstance = data.instance_url;',
              '  }',
              '  return { sfToken, sfInstance };',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: a test that reuses on either (`sfToken || sfFallback`) is no reuse test of the token: no edit.
    code: lines(
      'let sfToken = null;',
      'let sfFallback = null;',
      'export async function salesforce() {',
      '  if (sfToken || sfFallback) return sfToken ?? sfFallback;',
      ...SALESFORCE_LOGIN,
      '  sfToken = data.access_token;',
      '  return sfToken;',
      '}',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 1, suggestions: [] }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Only the non-secret fields are kept at module level; the token is used per call.
  lines(
    'let sfInstance = null;',
    'let sfUserId = null;',
    'let sfScope = null;',
    'let sfIssuedAt = null;',
    'let sfSignature = null;',
    'export async function querySalesforce(soql) {',
    ...SALESFORCE_LOGIN,
    '  sfInstance = data.instance_url;',
    '  sfUserId = data.id;',
    '  sfScope = data.scope;',
    '  sfIssuedAt = data.issued_at;',
    '  sfSignature = data.signature;',
    '  return fetch(`${sfInstance}/query?q=${soql}`, { headers: { Authorization: `Bearer ${data.access_token}` } });',
    '}',
  ),
  // The same through destructuring.
  lines(
    'let instanceUrl;',
    'export async function querySalesforce(soql) {',
    ...SALESFORCE_LOGIN,
    '  const { access_token, instance_url } = data;',
    '  instanceUrl = instance_url;',
    '  return fetch(`${instanceUrl}/query?q=${soql}`, { headers: { Authorization: `Bearer ${access_token}` } });',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (plain fields of a token response)', rule, { valid, invalid });
