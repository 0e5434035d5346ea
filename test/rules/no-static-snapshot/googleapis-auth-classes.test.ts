import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';
import { reportedLines } from '../lint-with-rule.js';

// googleapis' `google.auth` exposes google-auth-library's `JWT` and `Compute` besides `GoogleAuth` and `OAuth2`
// (googleapis/nodejs-googleapis-common: src/authplus.ts). A token of theirs kept on an object's field is a snapshot
// of a client that refreshes itself.
const lines = (...text: string[]) => text.join('\n');
const linted = (code: string) => reportedLines('no-static-snapshot', rule, code);

describe('googleapis google.auth.JWT and google.auth.Compute', () => {
  it('reports a JWT access token kept on a field', () => {
    const code = lines(
      "import { google } from 'googleapis';",
      'export class SheetsGateway {',
      '  constructor() {',
      '    this.jwt = new google.auth.JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY });',
      '  }',
      '  async connect() {',
      '    this.token = (await this.jwt.getAccessToken()).token;',
      '  }',
      '}',
    );
    expect(linted(code)).toEqual([7]);
  });

  it('reports a Compute access token kept on a singleton field', () => {
    const code = lines(
      "import { google } from 'googleapis';",
      'const compute = new google.auth.Compute();',
      'class Tokens {',
      '  async load() {',
      '    const { token } = await compute.getAccessToken();',
      '    this.current = token;',
      '  }',
      '}',
      'export default new Tokens();',
    );
    expect(linted(code)).toEqual([5]);
  });

  it('stays silent when the token is asked for per request', () => {
    const code = lines(
      "import { google } from 'googleapis';",
      'export class SheetsGateway {',
      '  constructor() {',
      '    this.jwt = new google.auth.JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY });',
      '  }',
      '  async headers() {',
      '    const { token } = await this.jwt.getAccessToken();',
      '    return { Authorization: `Bearer ${token}` };',
      '  }',
      '}',
    );
    expect(linted(code)).toEqual([]);
  });

  it('stays silent when the client itself is kept and handed to the API', () => {
    const code = lines(
      "import { google } from 'googleapis';",
      'export class SheetsGateway {',
      '  constructor() {',
      '    this.jwt = new google.auth.JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY });',
      "    this.sheets = google.sheets({ version: 'v4', auth: this.jwt });",
      '  }',
      '}',
    );
    expect(linted(code)).toEqual([]);
  });
});
