import { Linter } from 'eslint';
import * as jsoncParser from 'jsonc-eslint-parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';
import { fakeKeyId, fakePem, fakeSecretKey, fakeSessionToken } from './embedded-fixtures.js';

const RULE = 'credential-expiry/no-embedded-credentials';

/** JSON files as eslint-plugin-jsonc reads them (jsonc-eslint-parser, `parserServices.isJSON`). */
const viaJsonc: Linter.Config[] = [
  {
    files: ['**/*.json'],
    languageOptions: { parser: jsoncParser },
    plugins: { 'credential-expiry': plugin },
    rules: { [RULE]: 'error' },
  },
];

const findings = (config: Linter.Config[], text: string) =>
  new Linter()
    .verify(text, config, 'config.json')
    .map(({ ruleId, messageId, line, column, endLine, endColumn, fatal }) => ({
      ruleId,
      messageId,
      line,
      column,
      endLine,
      endColumn,
      fatal,
    }));

const SAMPLES: Record<string, string> = {
  'keys in a nested object': JSON.stringify(
    { deploy: { aws: { accessKeyId: fakeKeyId('AKIA'), secretAccessKey: fakeSecretKey() } } },
    null,
    2,
  ),
  'a session token in an array of name/value pairs': JSON.stringify(
    { env: [{ name: 'AWS_SESSION_TOKEN', value: fakeSessionToken() }] },
    null,
    2,
  ),
  'a service-account key file': JSON.stringify(
    { type: 'service_account', private_key: fakePem(), client_email: 'x@p.iam.gserviceaccount.com' },
    null,
    2,
  ),
  'comments and unquoted keys (JSONC/JSON5 read by jsonc)': `{\n  // deploy keys\n  "aws": { "secretAccessKey": "${fakeSecretKey()}", "accessKeyId": "${fakeKeyId('AKIA')}" },\n}\n`,
};

describe('no-embedded-credentials on JSON read by eslint-plugin-jsonc', () => {
  it.each(Object.entries(SAMPLES))('%s: the same findings, at the same places, as with @eslint/json', (_, text) => {
    const expected = findings(plugin.configs.json, text);
    expect(expected.length).toBeGreaterThan(0);
    expect(findings(viaJsonc, text)).toEqual(expected);
  });

  it('stays silent on JSON without credentials', () => {
    expect(findings(viaJsonc, JSON.stringify({ name: 'app', token: { audience: 'api', ttl: 3600 } }))).toEqual([]);
  });
});
