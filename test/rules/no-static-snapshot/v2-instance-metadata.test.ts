import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Instance-role keys fetched once at start-up by the v2 SDK and copied into static credentials: through its own
// `AWS.MetadataService#request(path, callback)` (the body is the callback's second parameter), or out of the live
// object once loaded (destructured, or the one `AWS.config.getCredentials` hands its callback). Nothing fetches them
// again, while `AWS.EC2MetadataCredentials` would. Each shape sits next to look-alikes that must stay silent.
const lines = (...text: string[]) => text.join('\n');
const V2 = `const AWS = require('aws-sdk');`;
const ROLE_PATH = `'/latest/meta-data/iam/security-credentials/' + role`;

const GLOBAL_COPY = lines(
  V2,
  'function start(role, done) {',
  '  const metadata = new AWS.MetadataService();',
  `  metadata.request(${ROLE_PATH}, (err, raw) => {`,
  '    const keys = JSON.parse(raw);',
  '    AWS.config.credentials = new AWS.Credentials(keys.AccessKeyId, keys.SecretAccessKey, keys.Token);',
  '    done(new AWS.CloudWatch());',
  '  });',
  '}',
  'module.exports = start;',
);
const TEMPLATE_PATH_WITH_OPTIONS = lines(
  V2,
  'const metadata = new AWS.MetadataService({ httpOptions: { timeout: 1000 } });',
  'let sqs;',
  'metadata.request(`/latest/meta-data/iam/security-credentials/${process.env.ROLE}`, { method: "GET" }, (err, body) => {',
  '  const { AccessKeyId, SecretAccessKey, Token } = JSON.parse(body);',
  '  sqs = new AWS.SQS({ accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: Token });',
  '});',
);

const DESTRUCTURED = lines(
  V2,
  'const provider = new AWS.EC2MetadataCredentials();',
  'let cw;',
  'provider.get(() => {',
  '  const { accessKeyId, secretAccessKey, sessionToken } = provider;',
  '  cw = new AWS.CloudWatch({ credentials: new AWS.Credentials(accessKeyId, secretAccessKey, sessionToken) });',
  '});',
);
const LOADED_GLOBAL = lines(
  V2,
  'AWS.config.credentials = new AWS.EC2MetadataCredentials();',
  'let cw;',
  'AWS.config.getCredentials((err, creds) => {',
  '  cw = new AWS.CloudWatch({ credentials: new AWS.Credentials(creds.accessKeyId, creds.secretAccessKey, creds.sessionToken) });',
  '});',
);
const COPY_TO_LIVE = (code: string, live: string) => code.replace(/new AWS\.Credentials\([^)]*\)/u, live);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: DESTRUCTURED,
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 6,
        suggestions: [{ messageId: 'passLiveObject', output: COPY_TO_LIVE(DESTRUCTURED, 'provider') }],
      },
    ],
  },
  {
    code: LOADED_GLOBAL,
    errors: [
      {
        messageId: 'v2FieldsCopied',
        line: 5,
        suggestions: [{ messageId: 'passLiveObject', output: COPY_TO_LIVE(LOADED_GLOBAL, 'creds') }],
      },
    ],
  },
  {
    code: GLOBAL_COPY,
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 6,
        suggestions: [
          {
            messageId: 'useMetadataCredentials',
            output: GLOBAL_COPY.replace(/new AWS\.Credentials\([^)]*\)/u, 'new AWS.EC2MetadataCredentials()'),
          },
        ],
      },
    ],
  },
  {
    code: TEMPLATE_PATH_WITH_OPTIONS,
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 6,
        suggestions: [
          {
            // The keys of the options give way to the refreshing object.
            messageId: 'useMetadataCredentials',
            output: TEMPLATE_PATH_WITH_OPTIONS.replace(
              'accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: Token',
              'credentials: new AWS.EC2MetadataCredentials()',
            ),
          },
        ],
      },
    ],
  },
];

const valid: string[] = [
  // Destructured from a plain configuration object, not a live credentials object.
  lines(
    V2,
    "const settings = require('./settings');",
    'const { accessKeyId, secretAccessKey, sessionToken } = settings.aws;',
    'module.exports = new AWS.CloudWatch({ credentials: new AWS.Credentials(accessKeyId, secretAccessKey, sessionToken) });',
  ),
  // The loaded global handed over as it is.
  lines(
    V2,
    'let cw;',
    'AWS.config.getCredentials((err, creds) => {',
    '  cw = new AWS.CloudWatch({ credentials: creds });',
    '});',
  ),
  // The refreshing object handed over (the other branch of the same daemon).
  lines(
    V2,
    'function start(done) {',
    '  const provider = new AWS.EC2MetadataCredentials();',
    '  provider.refresh((err) => {',
    '    AWS.config.credentials = provider;',
    '    done(new AWS.CloudWatch());',
    '  });',
    '}',
    'module.exports = start;',
  ),
  // Another path of the metadata service: the region, not keys.
  lines(
    V2,
    'const metadata = new AWS.MetadataService();',
    "metadata.request('/latest/meta-data/placement/region', (err, region) => {",
    '  AWS.config.update({ region });',
    '});',
  ),
  // `request` of some other client given the same path: not the metadata service, whose host the SDK supplies.
  lines(
    V2,
    "const { Api } = require('./api');",
    'const api = new Api();',
    `function load(role) {`,
    `  api.request(${ROLE_PATH}, (err, raw) => {`,
    '    const keys = JSON.parse(raw);',
    '    AWS.config.credentials = new AWS.Credentials(keys.AccessKeyId, keys.SecretAccessKey, keys.Token);',
    '  });',
    '}',
    'module.exports = load;',
  ),
];

createRuleTester().run('no-static-snapshot (v2 instance-metadata keys copied into static credentials)', rule, {
  valid,
  invalid,
});

/** The messages of the rule on a CommonJS file. */
function messagesOf(code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
          plugins: { ce: { rules: { 'no-static-snapshot': rule as unknown as Rule.RuleModule } } },
          rules: { 'ce/no-static-snapshot': 'error' },
        },
      ],
      'file.js',
    )
    .map((m) => m.message);
}

const BY_HAND_INTO_V2 = (url: string) =>
  lines(
    V2,
    "const axios = require('axios');",
    'async function start() {',
    `  const { data } = await axios.get(${url});`,
    '  AWS.config.update({ accessKeyId: data.AccessKeyId, secretAccessKey: data.SecretAccessKey, sessionToken: data.Token });',
    '}',
    'module.exports = start;',
  );
const BY_HAND_INTO_V3 = lines(
  "const { S3Client } = require('@aws-sdk/client-s3');",
  "const axios = require('axios');",
  'let s3;',
  'async function connect(role) {',
  "  const { data } = await axios.get('http://169.254.169.254/latest/meta-data/iam/security-credentials/' + role);",
  '  s3 = new S3Client({',
  '    credentials: { accessKeyId: data.AccessKeyId, secretAccessKey: data.SecretAccessKey, sessionToken: data.Token },',
  '  });',
  '}',
  'module.exports = { connect };',
);

describe('the remedy named for keys fetched by hand from a metadata endpoint', () => {
  it('tells a v2 file the v2 refreshing class, or the default chain, not the v3 provider', () => {
    for (const code of [GLOBAL_COPY, TEMPLATE_PATH_WITH_OPTIONS]) {
      const [message, ...rest] = messagesOf(code);
      expect(rest).toEqual([]);
      expect(message).toContain('`new AWS.EC2MetadataCredentials()`');
      expect(message).toContain('`AWS.config.credentials` unset');
      expect(message).not.toContain('fromInstanceMetadata');
    }
  });

  it('names the class of the endpoint asked: the container endpoint is ECSCredentials', () => {
    const [message] = messagesOf(
      BY_HAND_INTO_V2("'http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
    );
    expect(message).toContain('`new AWS.ECSCredentials()`');
    expect(message).not.toContain('fromContainerMetadata');
    const [instance] = messagesOf(
      BY_HAND_INTO_V2("'http://169.254.169.254/latest/meta-data/iam/security-credentials/app'"),
    );
    expect(instance).toContain('`new AWS.EC2MetadataCredentials()`');
  });

  it('still tells a v3 client the v3 provider', () => {
    const [message] = messagesOf(BY_HAND_INTO_V3);
    expect(message).toContain('fromInstanceMetadata()');
    expect(message).not.toContain('EC2MetadataCredentials');
  });
});
