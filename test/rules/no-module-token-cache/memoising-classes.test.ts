import { describe, expect, it } from 'vitest';
import { Linter, type Rule } from 'eslint';
import rule from '../../../rules/no-module-token-cache/index.js';

// An exported class that the file never instantiates, whose methods memoise a token on an instance field (a
// code-interpreter tool, an API client): the memo only pays off when one instance serves many calls, so its
// importers keep it. Look-alikes: the class made per request in the file, a field only read right after its refill,
// the memo with an expiry check, and classes whose lifetime a decorator or a base class decides.
const lines = (...text: string[]) => text.join('\n');

function reported(code: string): { line: number; message: string }[] {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
          plugins: { ce: { rules: { r: rule as unknown as Rule.RuleModule } } },
          rules: { 'ce/r': 'error' },
        },
      ],
      'file.js',
    )
    .map((m) => ({ line: m.line, message: m.message }));
}

const AZURE = lines(
  `import { DefaultAzureCredential } from '@azure/identity';`,
  "const SCOPE = 'https://acasessions.io/.default';",
);
const memoising = (head: string, check = '!this.accessToken', tail = '') =>
  lines(
    AZURE,
    `${head} {`,
    '  accessToken;',
    '  async run(code) {',
    `    if (${check}) this.accessToken = await new DefaultAzureCredential().getToken(SCOPE);`,
    "    return fetch('https://pool.example.net/execute', { method: 'POST', body: code, headers: { Authorization: `Bearer ${this.accessToken.token}` } });",
    '  }',
    '}',
    tail,
  );

describe('no-module-token-cache: an exported class that memoises a token on its instance', () => {
  it('reports the field, saying the class memoises it', () => {
    const findings = reported(memoising('export class SessionPoolTool'));
    expect(findings.map((f) => f.line)).toEqual([4]);
    expect(findings[0]!.message).toContain('a field of an exported class that memoises it');
  });
  it('reports a CommonJS export too', () => {
    expect(
      reported(memoising('class SessionPoolTool', undefined, 'module.exports = { SessionPoolTool };')).map(
        (f) => f.line,
      ),
    ).toEqual([4]);
  });
  it('stays silent when the file makes one per request', () => {
    expect(
      reported(
        memoising(
          'export class SessionPoolTool',
          undefined,
          'export const handler = (req) => new SessionPoolTool().run(req.body);',
        ),
      ),
    ).toEqual([]);
  });
  it('stays silent when the memo checks the expiry', () => {
    expect(
      reported(
        memoising(
          'export class SessionPoolTool',
          '!this.accessToken || this.accessToken.expiresOnTimestamp - 60_000 < Date.now()',
        ),
      ),
    ).toEqual([]);
  });
  it('stays silent when a base class or a decorator decides the lifetime', () => {
    expect(reported(memoising('export class SessionPoolTool extends Tool'))).toEqual([]);
  });
  it("stays silent when the constructor takes the caller's token or request (one instance per caller)", () => {
    const perCaller = (params: string) =>
      lines(
        `import { ConfidentialClientApplication } from '@azure/msal-node';`,
        'const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID } });',
        'export class GraphForUser {',
        `  constructor(${params}) { this.assertion = ${params.split(',')[0]}; }`,
        '  graphToken;',
        '  async me() {',
        "    if (!this.graphToken) this.graphToken = (await cca.acquireTokenOnBehalfOf({ oboAssertion: this.assertion, scopes: ['User.Read'] })).accessToken;",
        "    return fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${this.graphToken}` } });",
        '  }',
        '}',
      );
    expect(reported(perCaller('ssoToken'))).toEqual([]);
    expect(reported(perCaller('req'))).toEqual([]);
    // The same class configured once (a client id) is kept by its importers: reported.
    expect(reported(perCaller('clientId')).map((f) => f.line)).toEqual([5]);
  });
  it('stays silent for a class that is not exported', () => {
    expect(reported(memoising('class SessionPoolTool'))).toEqual([]);
  });
  it('stays silent when the field is only read right after its refill (no memo)', () => {
    const code = lines(
      AZURE,
      'export class SessionPoolTool {',
      '  accessToken;',
      '  async run(code) {',
      '    this.accessToken = await new DefaultAzureCredential().getToken(SCOPE);',
      "    return fetch('https://pool.example.net/execute', { method: 'POST', body: code, headers: { Authorization: `Bearer ${this.accessToken.token}` } });",
      '  }',
      '}',
    );
    expect(reported(code)).toEqual([]);
  });
});

describe('no-module-token-cache: a lazy singleton made in a function and kept in module scope', () => {
  const lazy = (kept: string) =>
    lines(
      AZURE,
      'class TokenClient {',
      '  token;',
      '  async get() {',
      '    if (!this.token) this.token = await new DefaultAzureCredential().getToken(SCOPE);',
      '    return this.token.token;',
      '  }',
      '}',
      'let instance;',
      `export function tokenClient() { ${kept} }`,
    );
  it('reports the field of the instance kept in module scope', () => {
    expect(reported(lazy('if (!instance) instance = new TokenClient(); return instance;')).map((f) => f.line)).toEqual([
      4,
    ]);
  });
  it('stays silent when each call makes a new instance', () => {
    expect(reported(lazy('return new TokenClient();'))).toEqual([]);
  });
});
