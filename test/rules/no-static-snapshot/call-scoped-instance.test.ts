import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId as MessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// An instance field of a class that the file makes per call (not exported, each `new` a const of a function used
// only to call its methods) dies with that call: what it holds is not kept. Each valid case has its reported twin.
const lines = (...text: string[]) => text.join('\n');

const OCTOKIT = lines(
  "import express from 'express';",
  "import { Octokit } from '@octokit/rest';",
  "import { createAppAuth } from '@octokit/auth-app';",
  'const auth = createAppAuth({ appId: 1, privateKey: process.env.KEY! });',
);

/**
 * The rule's `useAuthStrategy` suggestion: the client gets the auth strategy with the app's options, and the auth
 * function it no longer needs goes.
 */
const withAuthStrategy = (code: string) =>
  code
    .replace('const auth = createAppAuth({ appId: 1, privateKey: process.env.KEY! });\n', '')
    .replace(
      "    const { token } = await auth({ type: 'installation', installationId: this.installationId });\n    this.gh = new Octokit({ auth: token });",
      '    this.gh = new Octokit({ authStrategy: createAppAuth, auth: { appId: 1, privateKey: process.env.KEY!, installationId: this.installationId } });',
    );
const strategyError = (code: string) => ({
  messageId: 'tokenKeptByClient' as const,
  line: 9,
  suggestions: [{ messageId: 'useAuthStrategy' as const, output: withAuthStrategy(code) }],
});

/** A service whose `init()` builds an Octokit from an installation token; `extra` adds members to the class. */
const repoService = (...extra: string[]) =>
  lines(
    'class RepoService {',
    '  private gh?: Octokit;',
    '  constructor(private readonly installationId: number) {}',
    '  async init() {',
    "    const { token } = await auth({ type: 'installation', installationId: this.installationId });",
    '    this.gh = new Octokit({ auth: token });',
    '  }',
    '  list() { return this.gh!.rest.repos.listForAuthenticatedUser(); }',
    ...extra,
    '}',
  );

const PER_REQUEST = lines(
  'const app = express();',
  "app.get('/repos/:id', async (req, res) => {",
  '  const svc = new RepoService(Number(req.params.id));',
  '  await svc.init();',
  '  res.json(await svc.list());',
  '});',
  'app.listen(3000);',
);

const AWS = lines(
  "import express from 'express';",
  "import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';",
  "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
  'class BucketService {',
  '  private s3?: S3Client;',
  '  async init() {',
  '    const credentials = await fromNodeProviderChain()();',
  "    this.s3 = new S3Client({ region: 'eu-west-1', credentials });",
  '  }',
  "  list() { return this.s3!.send(new ListObjectsV2Command({ Bucket: 'b' })); }",
  '}',
);

const valid: ValidTestCase<[]>[] = [
  // A GitHub App installation token in a service made for each request.
  { code: lines(OCTOKIT, repoService(), PER_REQUEST) },
  // Resolved credentials in a client of a service made for each request, its field tested before use.
  {
    code: lines(
      AWS,
      'export async function handler() {',
      '  const service = new BucketService();',
      '  await service.init();',
      '  return service.list();',
      '}',
    ),
  },
];

const MADE_AT_LOAD = lines(
  OCTOKIT,
  repoService(),
  'const svc = new RepoService(7);',
  'await svc.init();',
  'const app = express();',
  "app.get('/repos', async (req, res) => res.json(await svc.list()));",
  'app.listen(3000);',
);

/** Reported, with the suggestion to hand the client the auth strategy instead. */
const octokitKept: InvalidTestCase<MessageId, []>[] = [
  // The same service made once, when the module loads: every request shares its token.
  MADE_AT_LOAD,
  // A method hands the client out: whoever calls it may keep the client beyond the request.
  lines(OCTOKIT, repoService('  client() { return this.gh; }'), PER_REQUEST),
  // The instance is kept in a Map beyond the request that made it.
  lines(
    OCTOKIT,
    repoService(),
    'const services = new Map<number, RepoService>();',
    'export async function service(id: number) {',
    '  const svc = new RepoService(id);',
    '  await svc.init();',
    '  services.set(id, svc);',
    '  return svc;',
    '}',
  ),
].map((code) => ({ code, errors: [strategyError(code)] }));

const invalid: InvalidTestCase<MessageId, []>[] = [
  ...octokitKept,
  {
    // The class is exported: its instances may live anywhere.
    code: lines(
      AWS.replace('class BucketService', 'export class BucketService'),
      'export async function handler() {',
      '  const service = new BucketService();',
      '  await service.init();',
      '  return service.list();',
      '}',
    ),
    errors: [{ messageId: 'storedCredentials', line: 7 }],
    output: lines(
      AWS.replace('class BucketService', 'export class BucketService').replace(
        "    const credentials = await fromNodeProviderChain()();\n    this.s3 = new S3Client({ region: 'eu-west-1', credentials });",
        "    this.s3 = new S3Client({ region: 'eu-west-1', credentials: fromNodeProviderChain() });",
      ),
      'export async function handler() {',
      '  const service = new BucketService();',
      '  await service.init();',
      '  return service.list();',
      '}',
    ),
  },
];

createRuleTester().run('no-static-snapshot (instances made per call)', rule, { valid, invalid });
