import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Instance-role keys fetched once through the v2 SDK's own `AWS.MetadataService#request(path, callback)` (the body
// is the callback's second parameter) and copied into static credentials: nothing fetches them again, while
// `AWS.EC2MetadataCredentials` would. Each shape sits next to look-alikes that must stay silent.
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

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
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

createRuleTester().run('no-static-snapshot (keys fetched through v2 AWS.MetadataService#request)', rule, {
  valid,
  invalid,
});
