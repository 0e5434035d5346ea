import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';
import { reportedLines } from '../lint-with-rule.js';

// A subclass of v2 `AWS.Credentials` that resets its keys in its own `refresh()` and sets `expireTime` there: the SDK's
// `get()` calls that `refresh` again once the keys are due (aws/aws-sdk-js: lib/credentials.js), so they are renewed.
const lines = (...text: string[]) => text.join('\n');
const linted = (code: string) => reportedLines('no-static-snapshot', rule, code);

const chainedKeys = (method: string, base: string, extra: string[] = []) =>
  lines(
    "import AWS from 'aws-sdk';",
    `export default class FederatedCredentials extends ${base} {`,
    '  constructor(roleArn) {',
    '    super();',
    '    this.roleArn = roleArn;',
    '  }',
    `  async ${method}(callback) {`,
    "    const chained = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: this.roleArn, RoleSessionName: 'app' } });",
    '    await chained.getPromise();',
    '    this.accessKeyId = chained.accessKeyId;',
    '    this.secretAccessKey = chained.secretAccessKey;',
    '    this.sessionToken = chained.sessionToken;',
    ...extra,
    '    callback();',
    '  }',
    '}',
  );

describe('keys reset in refresh() of an AWS.Credentials subclass', () => {
  it('stays silent when refresh() also sets expireTime (the SDK calls it again when due)', () => {
    expect(linted(chainedKeys('refresh', 'AWS.Credentials', ['    this.expireTime = chained.expireTime;']))).toEqual(
      [],
    );
  });

  it('stays silent when the class decides needsRefresh() itself', () => {
    const code = chainedKeys('refresh', 'AWS.Credentials').replace(
      /\}\n$|\}$/,
      '  needsRefresh() {\n    return true;\n  }\n}',
    );
    expect(code).toContain('needsRefresh()');
    expect(linted(code)).toEqual([]);
  });

  it('reports when refresh() never sets an expiry (the SDK never asks again once keys are loaded)', () => {
    expect(linted(chainedKeys('refresh', 'AWS.Credentials'))).toEqual([12]);
  });

  it('reports the same keys copied in another method of the subclass', () => {
    expect(linted(chainedKeys('load', 'AWS.Credentials', ['    this.expireTime = chained.expireTime;']))).toEqual([12]);
  });

  it('reports a class of the app that does not extend AWS.Credentials', () => {
    const code = chainedKeys('refresh', 'Base', ['    this.expireTime = chained.expireTime;']).replace(
      "import AWS from 'aws-sdk';",
      "import AWS from 'aws-sdk';\nclass Base {}",
    );
    expect(linted(code)).toEqual([13]);
  });
});
