import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// The access token a Google auth client holds (`client.credentials.access_token`), copied and kept beyond the
// request: the client refreshes its own credentials, the copy never changes.
const lines = (...text: string[]) => text.join('\n');
const AUTH = lines(
  `import { GoogleAuth } from 'google-auth-library';`,
  `import axios from 'axios';`,
  "const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });",
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // On a field of the service, read by every later call.
    code: lines(
      AUTH,
      'export class Vertex {',
      '  private token?: string | null;',
      '  async init() {',
      '    const client = await auth.getClient();',
      '    await client.getAccessToken();',
      '    this.token = client.credentials.access_token;',
      '  }',
      '  predict(body: unknown) {',
      "    return axios.post('https://aiplatform.googleapis.com/v1/x:predict', body, { headers: { Authorization: `Bearer ${this.token}` } });",
      '  }',
      '}',
    ),
    errors: [{ messageId: 'googleClientTokenCopied', line: 9 }],
  },
  {
    // Built into an HTTP client kept on the instance.
    code: lines(
      AUTH,
      'export class Sheets {',
      '  private http?: ReturnType<typeof axios.create>;',
      '  async connect() {',
      '    const client = await auth.getClient();',
      '    await client.getAccessToken();',
      "    this.http = axios.create({ baseURL: 'https://sheets.googleapis.com', headers: { Authorization: 'Bearer ' + client.credentials.access_token } });",
      '  }',
      '  read(id: string) {',
      '    return this.http!.get(`/v4/spreadsheets/${id}`);',
      '  }',
      '}',
    ),
    errors: [{ messageId: 'googleClientTokenCopied', line: 9 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Read and used within the request.
  lines(
    AUTH,
    'export async function predict(body: unknown) {',
    '  const client = await auth.getClient();',
    '  await client.getAccessToken();',
    '  const token = client.credentials.access_token;',
    "  return axios.post('https://aiplatform.googleapis.com/v1/x:predict', body, { headers: { Authorization: `Bearer ${token}` } });",
    '}',
  ),
  // Kept in module scope: a cache, no-module-token-cache's.
  lines(
    AUTH,
    'let token: string | null | undefined;',
    'export async function init() {',
    '  const client = await auth.getClient();',
    '  await client.getAccessToken();',
    '  token = client.credentials.access_token;',
    '}',
    'export const headers = () => ({ Authorization: `Bearer ${token}` });',
  ),
  // The refresh token kept with it: the library builds a client that refreshes.
  lines(
    AUTH,
    'export class Store {',
    '  private expiry?: number | null;',
    '  async init() {',
    '    const client = await auth.getClient();',
    '    this.expiry = client.credentials.expiry_date;',
    '  }',
    '  get() { return this.expiry; }',
    '}',
  ),
  // Not a Google client: a file that imports no Google auth module.
  lines(
    `import axios from 'axios';`,
    'export class Api {',
    '  private token?: string;',
    '  constructor(private session: { credentials: { access_token: string } }) {}',
    '  init() { this.token = this.session.credentials.access_token; }',
    "  get() { return axios.get('https://example.test', { headers: { Authorization: `Bearer ${this.token}` } }); }",
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (a Google client token read off its credentials)', rule, { valid, invalid });
