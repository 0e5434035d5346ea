import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';

// A 401 branch that fetches the token anew guards the token only where it is handled: a singleton whose one method
// retries on 401 while its other methods swallow the error still serves the expired token from those.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const service = (...methods: string[]) =>
  lines(
    `import axios from 'axios';`,
    'class Meetings {',
    "  token = '';",
    '  async renew() {',
    "    const res = await axios.post('https://zoom.us/oauth/token', 'grant_type=account_credentials');",
    '    this.token = res.data.access_token;',
    '    return this.token;',
    '  }',
    '  headers() {',
    '    return { Authorization: `Bearer ${this.token}` };',
    '  }',
    ...methods,
    '}',
    'export const meetings = new Meetings();',
  );
const retrying = (name: string) =>
  lines(
    `  async ${name}() {`,
    '    if (!this.token) await this.renew();',
    '    try {',
    `      return (await axios.get('https://api.zoom.us/v2/${name}', { headers: this.headers() })).data;`,
    '    } catch (error) {',
    '      if (error.response?.status === 401) {',
    '        await this.renew();',
    `        return this.${name}();`,
    '      }',
    '      throw error;',
    '    }',
    '  }',
  );
const swallowing = (name: string) =>
  lines(
    `  async ${name}() {`,
    '    if (!this.token) await this.renew();',
    '    try {',
    `      return (await axios.get('https://api.zoom.us/v2/${name}', { headers: this.headers() })).data;`,
    '    } catch {',
    '      return [];',
    '    }',
    '  }',
  );

describe('no-module-token-cache: renewal on a rejected token covers only the uses that handle it', () => {
  it('reports the token when one method renews on 401 and another swallows the error', () => {
    expect(reported(service(retrying('meetings'), swallowing('live')))).toEqual([3]);
  });

  it('stays silent when every method that uses the token renews it on 401', () => {
    expect(reported(service(retrying('meetings'), retrying('live')))).toEqual([]);
  });

  const dropping = (onMiss: string) =>
    lines(
      `import axios from 'axios';`,
      `import { PublicClientApplication } from '@azure/msal-node';`,
      'const pca = new PublicClientApplication({ auth: { clientId: process.env.CLIENT_ID } });',
      'let token = null;',
      'export async function signIn(account) {',
      "  token = (await pca.acquireTokenSilent({ account, scopes: ['User.Read'] })).accessToken;",
      '}',
      'export async function me() {',
      `  ${onMiss}`,
      '  try {',
      "    return (await axios.get('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${token}` } })).data;",
      '  } catch (error) {',
      '    if (error.response?.status === 401) {',
      '      token = null;',
      "      throw new Error('Session expired: sign in again.');",
      '    }',
      '    throw error;',
      '  }',
      '}',
    );

  it('reports a token dropped on 401 when nothing fills it again but another sign-in', () => {
    expect(reported(dropping("if (!token) throw new Error('Not signed in.');"))).toEqual([4]);
  });

  it('stays silent when the function that drops it fills it again on a miss', () => {
    expect(reported(dropping('if (!token) await signIn(process.env.ACCOUNT);'))).toEqual([]);
  });
});
