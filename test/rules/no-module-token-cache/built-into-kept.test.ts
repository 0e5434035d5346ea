import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import tokenCache from '../../../rules/no-module-token-cache/index.js';
import snapshot from '../../../rules/no-static-snapshot/index.js';

// STS output kept in a module variable and read only right after it is written, to build an SDK client that is kept
// in another module variable and used later: the keys live on in that client, one defect (no-module-token-cache's, at
// the variable), reported once. A client built from them and used at once, or never read again, is no reuse.
const lines = (...text: string[]) => text.join('\n');

function findings(code: string): [string, number][] {
  return new Linter({ configType: 'flat' })
    .verify(
      code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
          plugins: {
            ce: {
              rules: { a: snapshot as unknown as Rule.RuleModule, b: tokenCache as unknown as Rule.RuleModule },
            },
          },
          rules: { 'ce/a': 'error', 'ce/b': 'error' },
        },
      ],
      'src/db.js',
    )
    .map((m) => [m.ruleId ?? 'fatal', m.line]);
}

const assumed = (after: string[], tail: string[]) =>
  lines(
    "const AWS = require('aws-sdk');",
    'const sts = new AWS.STS();',
    'let roleCreds;',
    'let docClient;',
    "sts.assumeRole({ RoleArn: 'arn:aws:iam::1:role/db', RoleSessionName: 'app', DurationSeconds: 900 }, (err, data) => {",
    '  if (err) return;',
    '  roleCreds = {',
    '    accessKeyId: data.Credentials.AccessKeyId,',
    '    secretAccessKey: data.Credentials.SecretAccessKey,',
    '    sessionToken: data.Credentials.SessionToken,',
    '  };',
    ...after,
    '});',
    ...tail,
  );
const BUILD_CLIENT = [
  '  docClient = new AWS.DynamoDB.DocumentClient({',
  '    accessKeyId: roleCreds.accessKeyId,',
  '    secretAccessKey: roleCreds.secretAccessKey,',
  '    sessionToken: roleCreds.sessionToken,',
  '  });',
];
const USE_CLIENT = [
  "const getUser = (id) => docClient.get({ TableName: 'users', Key: { id } }).promise();",
  'module.exports = { getUser };',
];

describe('STS keys built into an SDK client kept beside them', () => {
  it('reports the kept keys once, at their write, when the client built from it is kept and used later', () => {
    expect(findings(assumed(BUILD_CLIENT, USE_CLIENT))).toEqual([['ce/b', 7]]);
  });

  it('stays silent when the client is built and used at once', () => {
    const code = assumed(
      [
        '  const client = new AWS.DynamoDB.DocumentClient({',
        '    accessKeyId: roleCreds.accessKeyId,',
        '    secretAccessKey: roleCreds.secretAccessKey,',
        '    sessionToken: roleCreds.sessionToken,',
        '  });',
        "  client.put({ TableName: 'audit', Item: { at: Date.now() } });",
      ],
      ['module.exports = {};'],
    );
    expect(findings(code)).toEqual([]);
  });

  it('stays silent when the kept client is never read again', () => {
    expect(findings(assumed(BUILD_CLIENT, ['module.exports = {};']))).toEqual([]);
  });
});
