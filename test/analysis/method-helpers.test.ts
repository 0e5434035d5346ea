import { describe, expect, it } from 'vitest';
import { reportedLines } from '../rules/lint-with-rule.js';
import snapshot from '../../rules/no-static-snapshot/index.js';
import tokenCache from '../../rules/no-module-token-cache/index.js';

// A short-lived value returned by a method that the file calls through the binding holding it: a static method
// (`Auth.obtain()`), an instance method of a const made from a class of the file (`issuer.obtain()`), a method of a
// const object literal (`vault.obtain()`). What the caller keeps is followed back into the method (no-module-token-cache)
// and forward out of it (no-static-snapshot). Each next to a look-alike.
const lines = (...text: string[]) => text.join('\n');
const tokens = (code: string) => reportedLines('no-module-token-cache', tokenCache, code);
const keys = (code: string) => reportedLines('no-static-snapshot', snapshot, code);

const GOOGLE = `import { GoogleAuth } from 'google-auth-library';\nconst auth = new GoogleAuth();`;
const CHAIN = `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`;
const tokenMethod = (owner: string) =>
  lines(`${owner} {`, '  async obtain() {', '    return auth.getAccessToken();', '  }');
const keysMethod = (owner: string, isStatic = '') =>
  lines(`${owner} {`, `  ${isStatic}async obtain() {`, '    return fromNodeProviderChain()();', '  }');

describe('a token returned by a method, kept by the caller in module scope', () => {
  it.each([
    [
      'static method',
      lines(GOOGLE, 'class Tokens {', '  static async obtain() {', '    return auth.getAccessToken();', '  }', '}'),
      'Tokens.obtain()',
    ],
    [
      'instance method of a const made from a class of the file',
      lines(GOOGLE, tokenMethod('class Tokens'), '}', 'const tokens = new Tokens();'),
      'tokens.obtain()',
    ],
    [
      'static method of a class expression bound to a const',
      lines(
        GOOGLE,
        'const Tokens = class {',
        '  static async obtain() {',
        '    return auth.getAccessToken();',
        '  }',
        '};',
      ),
      'Tokens.obtain()',
    ],
    [
      'method of a const object literal',
      lines(GOOGLE, 'const tokens = {', '  async obtain() {', '    return auth.getAccessToken();', '  },', '};'),
      'tokens.obtain()',
    ],
  ])('%s', (_, helper, call) => {
    const code = lines(
      helper,
      'let kept;',
      `export async function token() {`,
      '  if (kept) return kept;',
      `  kept = await ${call};`,
      '  return kept;',
      '}',
    );
    expect(tokens(code)).toHaveLength(1);
  });

  it('stays silent when the caller asks the method on every call', () => {
    const code = lines(
      GOOGLE,
      'class Tokens {',
      '  static async obtain() {',
      '    return auth.getAccessToken();',
      '  }',
      '}',
      `export const call = async () => fetch('https://example.com', { headers: { authorization: \`Bearer \${await Tokens.obtain()}\` } });`,
    );
    expect(tokens(code)).toEqual([]);
  });

  it('does not take an instance method for the static one of the same name', () => {
    const code = lines(
      GOOGLE,
      'class Tokens {',
      '  async obtain() {',
      '    return auth.getAccessToken();',
      '  }',
      '  static async obtain() {',
      "    return 'fixed-label';",
      '  }',
      '}',
      'let kept;',
      'export async function label() {',
      '  if (kept) return kept;',
      '  kept = await Tokens.obtain();',
      '  return kept;',
      '}',
    );
    expect(tokens(code)).toEqual([]);
  });
});

describe('credentials resolved in a method, kept by the caller in module scope', () => {
  it.each([
    ['static method', lines(CHAIN, keysMethod('class Keys', 'static '), '}'), 'Keys.obtain()'],
    [
      'instance method of a const made from a class of the file',
      lines(CHAIN, keysMethod('class Keys'), '}', 'const keys = new Keys();'),
      'keys.obtain()',
    ],
  ])('%s', (_, helper, call) => {
    const code = lines(
      helper,
      'let kept;',
      'export async function refresh() {',
      `  kept = await ${call};`,
      '}',
      'export const current = () => kept;',
    );
    expect(keys(code)).toEqual([4]);
  });

  it('does not take a method of another class of the file for the one called', () => {
    const code = lines(
      CHAIN,
      keysMethod('class Keys'),
      '}',
      'class Labels {',
      "  async obtain() { return { name: 'app' }; }",
      '}',
      'const labels = new Labels();',
      'let kept;',
      'export async function refresh() {',
      '  kept = await labels.obtain();',
      '}',
      'export const current = () => kept;',
      'export const fresh = () => new Keys().obtain();',
    );
    expect(keys(code)).toEqual([]);
  });

  it('stays silent when the caller resolves through the method per request', () => {
    const code = lines(
      CHAIN,
      `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';`,
      keysMethod('class Keys', 'static '),
      '}',
      'export async function list() {',
      "  const s3 = new S3Client({ region: 'eu-west-1', credentials: await Keys.obtain() });",
      '  return s3.send(new ListBucketsCommand({}));',
      '}',
    );
    expect(keys(code)).toEqual([]);
  });
});
