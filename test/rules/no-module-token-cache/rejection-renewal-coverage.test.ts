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
});
