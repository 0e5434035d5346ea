import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import { reportedLines } from '../lint-with-rule.js';

// MSAL Node's `acquireTokenByClientCredential` / `acquireTokenOnBehalfOf` / `acquireTokenSilent` return
// `{ accessToken, expiresOn }` from the application's own cache, renewed when about to expire; the access token
// copied out of it lives 60-90 min. Kept without a look at `expiresOn`, it is sent after that until a 401.
const lines = (...text: string[]) => text.join('\n');
const linted = (code: string, sourceType: 'module' | 'commonjs' = 'module') =>
  reportedLines('no-module-token-cache', rule, code, sourceType);

describe('MSAL Node access tokens', () => {
  it('reports the access token of a client-credential result kept at module scope', () => {
    const code = lines(
      "import { ConfidentialClientApplication } from '@azure/msal-node';",
      'const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET } });',
      'let graphToken;',
      'export async function graphHeaders() {',
      "  if (!graphToken) graphToken = (await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).accessToken;",
      '  return { Authorization: `Bearer ${graphToken}` };',
      '}',
    );
    expect(linted(code)).toEqual([3]);
  });

  it('reports an on-behalf-of result kept on a singleton (CommonJS namespace)', () => {
    const code = lines(
      "const msal = require('@azure/msal-node');",
      'class GraphAuth {',
      '  constructor() { this.cca = new msal.ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID } }); }',
      '  async exchange(userToken) {',
      "    const result = await this.cca.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: ['User.Read'] });",
      '    this.token = result.accessToken;',
      '  }',
      '  header() { return `Bearer ${this.token}`; }',
      '}',
      'module.exports = new GraphAuth();',
    );
    expect(linted(code, 'commonjs').length).toBe(1);
  });

  it('stays silent when the token is asked for per call (MSAL caches and renews it)', () => {
    const code = lines(
      "import { ConfidentialClientApplication } from '@azure/msal-node';",
      'const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID } });',
      'export async function graphHeaders() {',
      "  const { accessToken } = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });",
      '  return { Authorization: `Bearer ${accessToken}` };',
      '}',
    );
    expect(linted(code)).toEqual([]);
  });

  it('stays silent when the kept result is renewed once `expiresOn` is near', () => {
    const code = lines(
      "import { ConfidentialClientApplication } from '@azure/msal-node';",
      'const cca = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID } });',
      'let cached;',
      'export async function graphToken() {',
      '  if (!cached || cached.expiresOn.getTime() - Date.now() < 5 * 60 * 1000) {',
      "    cached = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });",
      '  }',
      '  return cached.accessToken;',
      '}',
    );
    expect(linted(code)).toEqual([]);
  });

  it('stays silent for a method of the same name on an application of its own', () => {
    const code = lines(
      "import { TokenApp } from './token-app';",
      'const cca = new TokenApp();',
      'let graphToken;',
      'export async function graphHeaders() {',
      "  if (!graphToken) graphToken = await cca.acquireTokenByClientCredential({ scopes: ['x'] });",
      '  return { Authorization: `Bearer ${graphToken}` };',
      '}',
    );
    expect(linted(code)).toEqual([]);
  });
});
