import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId as MessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A token built into a client that keeps it (TOKEN_KEEPING_CLIENTS: Octokit's `auth`, azure-devops-node-api's
// bearer handler) where the client outlives the call. Each invalid case has a look-alike in `valid`.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // A GitHub App installation token (1 h) frozen into a module-memoised Octokit.
    code: lines(
      "import { Octokit } from '@octokit/rest';",
      "import { createAppAuth } from '@octokit/auth-app';",
      'let client: Octokit | null = null;',
      'export async function github(appId: number, privateKey: string, installationId: number) {',
      '  if (client) return client;',
      '  const auth = createAppAuth({ appId, privateKey });',
      "  const { token } = await auth({ type: 'installation', installationId });",
      '  client = new Octokit({ auth: token });',
      '  return client;',
      '}',
    ),
    errors: [
      {
        messageId: 'tokenKeptByClient',
        line: 7,
        data: {
          what: 'A GitHub App installation token',
          source: "auth({ type: 'installation' })",
          client: 'new Octokit(...)',
          where: 'in module scope (`client`)',
          phrase: 'after 1 h (its expires_at)',
          instead:
            "Build the client with the auth strategy instead (`new Octokit({ authStrategy: createAppAuth, auth: { appId, privateKey, installationId } })`), which renews the installation token before it expires, or build it per use from a fresh `auth({ type: 'installation' })`.",
        },
        suggestions: [
          {
            // The client asks the strategy per request; the token and the auth function, now unread, go.
            messageId: 'useAuthStrategy',
            output: lines(
              "import { Octokit } from '@octokit/rest';",
              "import { createAppAuth } from '@octokit/auth-app';",
              'let client: Octokit | null = null;',
              'export async function github(appId: number, privateKey: string, installationId: number) {',
              '  if (client) return client;',
              '  client = new Octokit({ authStrategy: createAppAuth, auth: { appId, privateKey, installationId } });',
              '  return client;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alikes of the remedy: a token narrowed to some repositories (the call asks more than the strategy
    // takes), and an auth function also used elsewhere (it stays): reported, and only the second is rebuilt.
    code: lines(
      "import { Octokit } from '@octokit/rest';",
      "import { createAppAuth } from '@octokit/auth-app';",
      'const auth = createAppAuth({ appId: 1, privateKey: process.env.KEY! });',
      'let narrow: Octokit | null = null;',
      'let wide: Octokit | null = null;',
      'export async function narrowClient(installationId: number) {',
      '  if (narrow) return narrow;',
      "  const { token } = await auth({ type: 'installation', installationId, repositoryIds: [42] });",
      '  narrow = new Octokit({ auth: token });',
      '  return narrow;',
      '}',
      'export async function wideClient(installationId: number) {',
      '  if (wide) return wide;',
      "  const { token } = await auth({ type: 'installation', installationId });",
      '  wide = new Octokit({ auth: token });',
      '  return wide;',
      '}',
    ),
    errors: [
      { messageId: 'tokenKeptByClient', line: 8, suggestions: [] },
      {
        messageId: 'tokenKeptByClient',
        line: 14,
        suggestions: [
          {
            messageId: 'useAuthStrategy',
            output: lines(
              "import { Octokit } from '@octokit/rest';",
              "import { createAppAuth } from '@octokit/auth-app';",
              'const auth = createAppAuth({ appId: 1, privateKey: process.env.KEY! });',
              'let narrow: Octokit | null = null;',
              'let wide: Octokit | null = null;',
              'export async function narrowClient(installationId: number) {',
              '  if (narrow) return narrow;',
              "  const { token } = await auth({ type: 'installation', installationId, repositoryIds: [42] });",
              '  narrow = new Octokit({ auth: token });',
              '  return narrow;',
              '}',
              'export async function wideClient(installationId: number) {',
              '  if (wide) return wide;',
              '  wide = new Octokit({ authStrategy: createAppAuth, auth: { appId: 1, privateKey: process.env.KEY!, installationId } });',
              '  return wide;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // The same token kept on the field of a service object.
    code: lines(
      "import { Octokit } from 'octokit';",
      "import { createAppAuth } from '@octokit/auth-app';",
      'export class Repos {',
      '  private gh?: Octokit;',
      '  constructor(private readonly appId: number, private readonly key: string, private readonly id: number) {}',
      '  async client() {',
      '    if (!this.gh) {',
      '      const appAuth = createAppAuth({ appId: this.appId, privateKey: this.key });',
      "      const result = await appAuth({ type: 'installation', installationId: this.id });",
      '      this.gh = new Octokit({ auth: result.token });',
      '    }',
      '    return this.gh;',
      '  }',
      '}',
    ),
    errors: [
      {
        messageId: 'tokenKeptByClient',
        line: 9,
        suggestions: [
          {
            messageId: 'useAuthStrategy',
            output: lines(
              "import { Octokit } from 'octokit';",
              "import { createAppAuth } from '@octokit/auth-app';",
              'export class Repos {',
              '  private gh?: Octokit;',
              '  constructor(private readonly appId: number, private readonly key: string, private readonly id: number) {}',
              '  async client() {',
              '    if (!this.gh) {',
              '      this.gh = new Octokit({ authStrategy: createAppAuth, auth: { appId: this.appId, privateKey: this.key, installationId: this.id } });',
              '    }',
              '    return this.gh;',
              '  }',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // An Entra token from the app's own token source frozen in the bearer handler of a memoised WebApi.
    code: lines(
      "import { WebApi, getBearerHandler } from 'azure-devops-node-api';",
      'export class DevOps {',
      '  private connection: WebApi | null = null;',
      '  constructor(private readonly url: string, private readonly tokenSource: () => Promise<string>) {}',
      '  async connect() {',
      '    if (!this.connection) {',
      '      const bearer = await this.tokenSource();',
      '      this.connection = new WebApi(this.url, getBearerHandler(bearer));',
      '    }',
      '    return this.connection;',
      '  }',
      '}',
    ),
    errors: [
      {
        messageId: 'tokenKeptByClient',
        line: 7,
        data: {
          what: 'The Microsoft Entra access token',
          source: 'this.tokenSource()',
          client: 'getBearerHandler(...)',
          where: 'on a long-lived object (`this.connection`)',
          phrase: 'typically within 60 to 90 min',
          instead:
            "Build the `WebApi` per use from a fresh token (a `TokenCredential`'s `getToken()` caches and renews it), or keep the token's `expiresOnTimestamp` with the connection and build it again before then.",
        },
      },
    ],
  },
  {
    // `(await credential.getToken(scope)).token` into a WebApi made when the module loads.
    code: lines(
      "import * as azdev from 'azure-devops-node-api';",
      "import { DefaultAzureCredential } from '@azure/identity';",
      'const credential = new DefaultAzureCredential();',
      "const handler = azdev.getBearerHandler((await credential.getToken('499b84ac-1321-427f-aa17-267ca6975798/.default')).token);",
      "export const connection = new azdev.WebApi('https://dev.azure.com/contoso', handler);",
    ),
    errors: [{ messageId: 'tokenKeptByClient', line: 4 }],
  },
  {
    // A token of the app's own minting helper whose result says it expires (`expiresAt`), frozen into a memoised client.
    code: lines(
      "import { Octokit } from '@octokit/rest';",
      "import { mintInstallationToken } from './github-app';",
      'let gh: Octokit | undefined;',
      'export async function client() {',
      '  if (!gh) {',
      '    const { token, expiresAt } = await mintInstallationToken();',
      "    console.log('valid until', expiresAt);",
      '    gh = new Octokit({ auth: token });',
      '  }',
      '  return gh;',
      '}',
    ),
    errors: [
      {
        messageId: 'tokenKeptByClient',
        line: 6,
        data: {
          what: 'A token whose `expiresAt` says it expires',
          source: 'mintInstallationToken()',
          client: 'new Octokit(...)',
          where: 'in module scope (`gh`)',
          phrase: 'after its expiresAt (typically 1 h)',
          instead:
            "Build the client with the auth strategy instead (`new Octokit({ authStrategy: createAppAuth, auth: { appId, privateKey, installationId } })`), which renews the installation token before it expires, or build it per use from a fresh `auth({ type: 'installation' })`.",
        },
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike of the self-declared lifetime: the memo is rebuilt once that expiry is near.
  lines(
    "import { Octokit } from '@octokit/rest';",
    "import { mintInstallationToken } from './github-app';",
    'let gh: Octokit | undefined;',
    'let until = 0;',
    'export async function client() {',
    '  if (!gh || Date.now() >= until - 60_000) {',
    '    const { token, expiresAt } = await mintInstallationToken();',
    '    until = Date.parse(expiresAt);',
    '    gh = new Octokit({ auth: token });',
    '  }',
    '  return gh;',
    '}',
  ),
  // A token whose shape names no lifetime (a personal access token from a secret store) kept in a memoised client.
  lines(
    "import { Octokit } from '@octokit/rest';",
    "import { secrets } from './secrets';",
    'let gh: Octokit | undefined;',
    'export async function client() {',
    "  if (!gh) gh = new Octokit({ auth: (await secrets.get('github-pat')).value });",
    '  return gh;',
    '}',
  ),
  // Look-alike of the memoised Octokit: the auth strategy renews the installation token itself.
  lines(
    "import { Octokit } from '@octokit/rest';",
    "import { createAppAuth } from '@octokit/auth-app';",
    'let client: Octokit | null = null;',
    'export function github(appId: number, privateKey: string, installationId: number) {',
    '  client ??= new Octokit({ authStrategy: createAppAuth, auth: { appId, privateKey, installationId } });',
    '  return client;',
    '}',
  ),
  // The installation token asked for per use: the client lives for the call, and auth() caches and renews.
  lines(
    "import { Octokit } from '@octokit/rest';",
    "import { createAppAuth } from '@octokit/auth-app';",
    'const auth = createAppAuth({ appId: 1, privateKey: process.env.KEY! });',
    'export async function listIssues(installationId: number) {',
    "  const { token } = await auth({ type: 'installation', installationId });",
    '  const gh = new Octokit({ auth: token });',
    "  return gh.rest.issues.listForRepo({ owner: 'o', repo: 'r' });",
    '}',
  ),
  // The memoised client rebuilt once the token's own expiresAt is near.
  lines(
    "import { Octokit } from '@octokit/rest';",
    "import { createAppAuth } from '@octokit/auth-app';",
    'const auth = createAppAuth({ appId: 1, privateKey: process.env.KEY! });',
    'let client: Octokit | null = null;',
    'let expiresAt = 0;',
    'export async function github(installationId: number) {',
    '  if (client && Date.now() < expiresAt - 60_000) return client;',
    "  const { token, expiresAt: at } = await auth({ type: 'installation', installationId });",
    '  expiresAt = Date.parse(at);',
    '  client = new Octokit({ auth: token });',
    '  return client;',
    '}',
  ),
  // An OAuth app's client credentials (basic auth, no expiry) kept in a memoised client.
  lines(
    "import { Octokit } from '@octokit/rest';",
    "import { createAppAuth } from '@octokit/auth-app';",
    'let client: Octokit | null = null;',
    'export async function github(appId: number, privateKey: string, clientId: string, clientSecret: string) {',
    '  if (client) return client;',
    '  const auth = createAppAuth({ appId, privateKey, clientId, clientSecret });',
    "  const { clientId: id } = await auth({ type: 'oauth-app' });",
    '  client = new Octokit({ auth: id });',
    '  return client;',
    '}',
  ),
  // Look-alike of the bearer handler: a pipeline's token from the environment, not resolved here.
  lines(
    "import { WebApi, getBearerHandler } from 'azure-devops-node-api';",
    'let connection: WebApi | null = null;',
    'export function devops() {',
    "  connection ??= new WebApi('https://dev.azure.com/contoso', getBearerHandler(process.env.SYSTEM_ACCESSTOKEN!));",
    '  return connection;',
    '}',
  ),
  // The WebApi built per use from a fresh token.
  lines(
    "import { WebApi, getBearerHandler } from 'azure-devops-node-api';",
    'export async function workItems(url: string, tokenSource: () => Promise<string>) {',
    '  const bearer = await tokenSource();',
    '  const connection = new WebApi(url, getBearerHandler(bearer));',
    '  return connection.getWorkItemTrackingApi();',
    '}',
  ),
  // A personal access token handler: PATs live for months and are not Entra tokens.
  lines(
    "import { WebApi, getPersonalAccessTokenHandler } from 'azure-devops-node-api';",
    'let connection: WebApi | null = null;',
    'export async function devops(secrets: { get(name: string): Promise<string> }) {',
    "  connection ??= new WebApi('https://dev.azure.com/contoso', getPersonalAccessTokenHandler(await secrets.get('ado-pat')));",
    '  return connection;',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (tokens built into clients that keep them)', rule, { valid, invalid });
