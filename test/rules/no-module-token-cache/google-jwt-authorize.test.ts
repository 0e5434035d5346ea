import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import { reportedLines } from '../lint-with-rule.js';

// google-auth-library's `jwt.authorize()` fetches a token and resolves to its `Credentials`
// (`{ access_token, expiry_date }`, about 1 h). Kept without a look at `expiry_date`, the token is sent until a 401.
const lines = (...text: string[]) => text.join('\n');
const linted = (code: string, sourceType: 'module' | 'commonjs' = 'module') =>
  reportedLines('no-module-token-cache', rule, code, sourceType);
const JWT_CLIENT =
  "const jwt = new JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY, scopes: ['https://www.googleapis.com/auth/firebase.messaging'] });";

describe('google JWT authorize()', () => {
  it('reports the credentials of authorize() kept at module scope', () => {
    const code = lines(
      "import { JWT } from 'google-auth-library';",
      JWT_CLIENT,
      'let tokens;',
      'export async function fcmHeaders() {',
      '  if (!tokens) tokens = await jwt.authorize();',
      '  return { Authorization: `Bearer ${tokens.access_token}` };',
      '}',
    );
    expect(linted(code)).toEqual([3]);
  });

  it("reports the access token of googleapis' google.auth.JWT kept at module scope (CommonJS)", () => {
    const code = lines(
      "const { google } = require('googleapis');",
      'const jwtClient = new google.auth.JWT(process.env.SA_EMAIL, null, process.env.SA_KEY, SCOPES);',
      'let accessToken = null;',
      'async function login() {',
      '  accessToken = (await jwtClient.authorize()).access_token;',
      '}',
      'module.exports = { login, token: () => accessToken };',
    );
    expect(linted(code, 'commonjs')).toEqual([5]);
  });

  it('stays silent when the kept credentials are renewed before expiry_date', () => {
    const code = lines(
      "import { JWT } from 'google-auth-library';",
      JWT_CLIENT,
      'let tokens;',
      'export async function fcmHeaders() {',
      '  if (!tokens || tokens.expiry_date - Date.now() < 60_000) tokens = await jwt.authorize();',
      '  return { Authorization: `Bearer ${tokens.access_token}` };',
      '}',
    );
    expect(linted(code)).toEqual([]);
  });

  it('stays silent when authorize() only primes the client that is kept (it refreshes itself)', () => {
    const code = lines(
      "import { google } from 'googleapis';",
      'const jwtClient = new google.auth.JWT({ email: process.env.SA_EMAIL, key: process.env.SA_KEY });',
      'await jwtClient.authorize();',
      "export const sheets = google.sheets({ version: 'v4', auth: jwtClient });",
    );
    expect(linted(code)).toEqual([]);
  });

  it("stays silent for another library's authorize() in a file that imports googleapis", () => {
    const code = lines(
      "import { google } from 'googleapis';",
      "import passport from 'passport';",
      "const connectGoogle = passport.authorize('google', { scope: ['email'] });",
      'export function routes(app) {',
      "  app.get('/connect/google', connectGoogle);",
      "  app.get('/me', (req, res) => res.json(google.people({ version: 'v1' })));",
      '}',
    );
    expect(linted(code)).toEqual([]);
  });
});
