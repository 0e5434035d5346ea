import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// STS output copied into static credentials: the renewing object is migration-safe (renewFromSameSource) only when
// it sends the same request with the same source credentials; otherwise it stays a suggestion for a person.
const lines = (...text: string[]) => text.join('\n');
const v2 = (sts: string, params: string, before = '') =>
  lines(
    `const AWS = require('aws-sdk');`,
    ...(before ? [before] : []),
    `const sts = ${sts};`,
    `export function load() {`,
    `  sts.assumeRole(${params}, (err, data) => {`,
    '    if (err) return;',
    '    AWS.config.update({ accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey, sessionToken: data.Credentials.SessionToken });',
    '  });',
    '}',
  );
const migrated = (code: string, params: string) =>
  code.replace(
    'AWS.config.update({ accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey, sessionToken: data.Credentials.SessionToken });',
    `AWS.config.update({ credentials: new AWS.ChainableTemporaryCredentials({ params: ${params} }) });`,
  );
const ENV_PARAMS = "{ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'reader' }";
const CONST_PARAMS = '{ RoleArn: ROLE, RoleSessionName: `reader-${STAGE}` }';
const case_ = (code: string, params: string, messageId: SnapshotMessageId): InvalidTestCase<SnapshotMessageId, []> => ({
  code,
  errors: [{ messageId: 'stsCopied', suggestions: [{ messageId, output: migrated(code, params) }] }],
});

// The STS client built in the method that assumes the role: the request may name what is fixed for that call.
const KEYS_COPY =
  'AWS.config.update({ accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey, sessionToken: data.Credentials.SessionToken });';
const inMethod = (field: string, params: string, extra = '', between = '') =>
  lines(
    `import AWS from 'aws-sdk';`,
    'export class Reader {',
    `  constructor(${field}) {}`,
    '  async init() {',
    '    const sts = new AWS.STS();',
    ...(between ? [`    ${between}`] : []),
    `    const data = await sts.assumeRole(${params}).promise();`,
    `    ${KEYS_COPY}`,
    '  }',
    ...(extra ? [`  ${extra}`] : []),
    '}',
  );
const inFunction = (params: string) =>
  lines(
    `import AWS from 'aws-sdk';`,
    'export async function actAs(roleArn: string) {',
    '  const sts = new AWS.STS();',
    `  const data = await sts.assumeRole(${params}).promise();`,
    `  ${KEYS_COPY}`,
    '}',
  );
const FIELD_PARAMS = "{ RoleArn: this.access.roleArn, RoleSessionName: 'audit' }";
const PARAMETER_PARAMS = "{ RoleArn: roleArn, RoleSessionName: 'tenant' }";
const READONLY_ACCESS = 'private readonly access: { roleArn: string }';

// v3: the STS client built in the function with the default chain, which `fromTemporaryCredentials` uses too.
const V3_CONNECT = lines(
  `import { S3Client } from '@aws-sdk/client-s3';`,
  `import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';`,
  'let s3;',
  'export async function connect(roleArn) {',
  '  const sts = new STSClient({});',
  "  const { Credentials: k } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'conn' }));",
  '  s3 = new S3Client({ credentials: { accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey, sessionToken: k.SessionToken } });',
  '}',
);

createRuleTester().run('no-static-snapshot (STS renewal)', rule, {
  valid: [],
  invalid: [
    // Environment variables, literals and module constants name the same role at every renewal.
    case_(v2('new AWS.STS()', ENV_PARAMS), ENV_PARAMS, 'renewFromSameSource'),
    case_(
      v2('new AWS.STS({})', CONST_PARAMS, "const ROLE = 'arn:aws:iam::1:role/r';\nconst STAGE = process.env.STAGE;"),
      CONST_PARAMS,
      'renewFromSameSource',
    ),
    // Look-alike: the STS client has credentials of its own, which ChainableTemporaryCredentials would not use.
    case_(
      v2('new AWS.STS({ credentials: base })', ENV_PARAMS, 'const base = new AWS.SharedIniFileCredentials();'),
      ENV_PARAMS,
      'useRefreshingSource',
    ),
    // Look-alike: a module `let` may name another role by the time it renews.
    case_(
      v2(
        'new AWS.STS()',
        '{ RoleArn: role, RoleSessionName: "r" }',
        "let role = 'arn:aws:iam::1:role/a';\nexport const use = (r) => { role = r; };",
      ),
      '{ RoleArn: role, RoleSessionName: "r" }',
      'useRefreshingSource',
    ),
    // A readonly field of the instance and a parameter never reassigned name the same role for the whole call, and
    // the STS client is built there with the global credentials it will chain from.
    case_(inMethod(READONLY_ACCESS, FIELD_PARAMS), FIELD_PARAMS, 'renewFromSameSource'),
    case_(inFunction(PARAMETER_PARAMS), PARAMETER_PARAMS, 'renewFromSameSource'),
    // Look-alikes: a field that is not readonly, a property the file writes, global credentials set after the STS
    // client was built (the renewing object would chain from those instead).
    case_(inMethod('private access: { roleArn: string }', FIELD_PARAMS), FIELD_PARAMS, 'useRefreshingSource'),
    case_(
      inMethod(READONLY_ACCESS, FIELD_PARAMS, 'use(arn: string) { this.access.roleArn = arn; }'),
      FIELD_PARAMS,
      'useRefreshingSource',
    ),
    case_(
      inMethod(READONLY_ACCESS, FIELD_PARAMS, '', "AWS.config.credentials = new AWS.Credentials('a', 'b');"),
      FIELD_PARAMS,
      'useRefreshingSource',
    ),
    {
      code: V3_CONNECT,
      errors: [
        {
          messageId: 'stsCopied',
          suggestions: [
            {
              messageId: 'renewFromSameSource',
              output: V3_CONNECT.replace(
                "from '@aws-sdk/client-sts';",
                "from '@aws-sdk/client-sts';\nimport { fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
              ).replace(
                '{ accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey, sessionToken: k.SessionToken }',
                "fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'conn' } })",
              ),
            },
          ],
        },
      ],
    },
    // Look-alike: a parameter with the STS client of the module (built once, from the credentials at load).
    case_(
      v2('new AWS.STS()', PARAMETER_PARAMS).replace('load()', 'load(roleArn)'),
      PARAMETER_PARAMS,
      'useRefreshingSource',
    ),
  ],
});
