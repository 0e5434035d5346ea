import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-static-snapshot/index.js';

// opensearch-js's AwsSigv4Signer never reads a `credentials` option: it signs with `getCredentials`, or else with the
// SDK's default chain, which it calls again before expiry. Resolved credentials passed as `credentials` reach nothing
// that keeps them; the same credentials handed back by a `getCredentials` closure are a snapshot.
const lines = (...text: string[]) => text.join('\n');

const reported = (code: string) => reportedLines('no-static-snapshot', rule, code, 'commonjs');

const client = (signerOptions: string) =>
  lines(
    "const { Client } = require('@opensearch-project/opensearch');",
    "const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');",
    "const { defaultProvider } = require('@aws-sdk/credential-provider-node');",
    'let client = null;',
    'async function init() {',
    '  if (!client) {',
    '    const credentials = await defaultProvider()();',
    `    client = new Client({ ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', ${signerOptions} }), node: 'https://search' });`,
    '  }',
    '  return client;',
    '}',
    'module.exports = { init };',
  );

describe('no-static-snapshot: options a library never reads', () => {
  it('silent: resolved credentials passed as AwsSigv4Signer `credentials`, which it ignores', () => {
    expect(reported(client('credentials'))).toEqual([]);
  });
  it('reported: the same credentials handed back by a `getCredentials` closure', () => {
    expect(reported(client('getCredentials: () => Promise.resolve(credentials)'))).toEqual([7]);
  });
});
