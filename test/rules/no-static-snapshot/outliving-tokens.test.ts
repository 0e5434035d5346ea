import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// AWS tokens (a SigV4-signed request, a registry token) written where they outlive the process: a file, a bundle
// constant. No-module-token-cache keeps the cached ones; these have no variable to cache them. Each has a look-alike.
const lines = (...text: string[]) => text.join('\n');
const SIGNER = [
  `import { SignatureV4 } from '@smithy/signature-v4';`,
  `import { Sha256 } from '@aws-crypto/sha256-js';`,
  `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';`,
  "const signer = new SignatureV4({ service: 'es', region: 'eu-west-1', credentials: fromNodeProviderChain(), sha256: Sha256 });",
];
const REQUEST = "{ method: 'GET', protocol: 'https:', hostname: 'search', path: '/', headers: { host: 'search' } }";
const ECR = [
  `import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';`,
  'const ecr = new ECRClient({});',
];
const CODEARTIFACT = [
  `import { CodeartifactClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-codeartifact';`,
  'const codeartifact = new CodeartifactClient({});',
];

const MSAL = [
  `import { PublicClientApplication } from '@azure/msal-node';`,
  `import { writeFileSync } from 'node:fs';`,
  "const msal = new PublicClientApplication({ auth: { clientId: 'app' } });",
];

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A signed Authorization header saved to a file: AWS refuses the signature 15 minutes after signing.
    code: lines(
      ...SIGNER,
      `import { writeFile } from 'node:fs/promises';`,
      'export async function save(path) {',
      `  const signed = await signer.sign(${REQUEST});`,
      '  await writeFile(path, signed.headers.authorization);',
      '}',
    ),
    errors: [
      {
        messageId: 'writtenToOutlivingSink',
        line: 7,
        data: {
          what: 'A token from `signer.sign()` is',
          sink: 'a file',
          session: 'the SigV4 signature of a signed request',
          phrase: 'within 15 min of when it was signed',
          them: 'it',
          error: 'an authentication error from the service it is for',
          instead:
            'Hand the reader a way to get its own token where it uses it instead (a credential helper, or the client that issued the token): use a new `signer.sign(request)` for each request or connection instead.',
        },
      },
    ],
  },
  {
    // The whole signed request serialised into a bundle constant carries the header.
    code: lines(
      ...SIGNER,
      `import { defineConfig } from 'vite';`,
      `export default defineConfig(async () => ({ define: { __SIGNED__: JSON.stringify(await signer.sign(${REQUEST})) } }));`,
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 6 }],
  },
  {
    // An ECR registry password (12 hours) baked into a Vite bundle.
    code: lines(
      ...ECR,
      `import { defineConfig } from 'vite';`,
      'const out = await ecr.send(new GetAuthorizationTokenCommand({}));',
      'export default defineConfig({ define: { __REGISTRY__: JSON.stringify(out.authorizationData[0].authorizationToken) } });',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 4 }],
  },
  {
    // A CodeArtifact token written to a file by a long-running service.
    code: lines(
      ...CODEARTIFACT,
      `import fs from 'node:fs';`,
      'export async function writeNpmrc() {',
      "  const { authorizationToken } = await codeartifact.send(new GetAuthorizationTokenCommand({ domain: 'd' }));",
      '  fs.writeFileSync(".npmrc", `//npm.example/:_authToken=${authorizationToken}`);',
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 5 }],
  },
  {
    // The handler that stores the token in a module variable writes that variable to a file itself: two keepers.
    code: lines(
      ...MSAL,
      'let accessToken = null;',
      'export async function signIn(account) {',
      "  const result = await msal.acquireTokenSilent({ scopes: ['User.Read'], account });",
      '  accessToken = result.accessToken;',
      "  writeFileSync('.token', JSON.stringify({ token: accessToken }));",
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 6 }],
  },
  {
    // A Firebase ID token (1 h) written to a file another process reads.
    code: lines(
      "import { getAuth } from 'firebase/auth';",
      "import { writeFile } from 'node:fs/promises';",
      'export async function saveSession() {',
      "  await writeFile('/tmp/session.json', JSON.stringify({ token: await getAuth().currentUser!.getIdToken() }));",
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 4 }],
  },
  {
    // A Cognito user-pool token read by a listener registered for the life of the process.
    code: lines(
      "import { Auth } from 'aws-amplify';",
      'export async function start() {',
      '  const session = await Auth.currentSession();',
      '  const jwt = session.getIdToken().getJwtToken();',
      "  process.on('message', () => fetch('https://api.example.com/items', { headers: { Authorization: jwt } }));",
      '}',
    ),
    errors: [{ messageId: 'capturedByLongLivedCallback', line: 4 }],
  },
  {
    // simple-oauth2: the access token inside the AccessToken's raw response, written to a file.
    code: lines(
      "import { ClientCredentials } from 'simple-oauth2';",
      "import { writeFileSync } from 'node:fs';",
      "const oauth = new ClientCredentials({ client: { id: 'app', secret: process.env.SECRET! }, auth: { tokenHost: 'https://id.example.com' } });",
      'export async function save() {',
      "  const accessToken = await oauth.getToken({ scope: 'read' });",
      "  writeFileSync('/tmp/token', accessToken.token.access_token as string);",
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 5 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike of the Firebase case: only the user's id, which does not expire, is written.
  lines(
    "import { getAuth } from 'firebase/auth';",
    "import { writeFile } from 'node:fs/promises';",
    'export async function saveSession() {',
    '  const user = getAuth().currentUser!;',
    '  await user.getIdToken();',
    "  await writeFile('/tmp/session.json', JSON.stringify({ uid: user.uid }));",
    '}',
  ),
  // Look-alike of the Cognito case: the listener asks for the session each time (Amplify renews it).
  lines(
    "import { Auth } from 'aws-amplify';",
    'export function start() {',
    "  process.on('message', async () => {",
    '    const jwt = (await Auth.currentSession()).getIdToken().getJwtToken();',
    "    await fetch('https://api.example.com/items', { headers: { Authorization: jwt } });",
    '  });',
    '}',
  ),
  // Look-alike of the simple-oauth2 case: only the token's expiry is written, which carries no secret.
  lines(
    "import { ClientCredentials } from 'simple-oauth2';",
    "import { writeFileSync } from 'node:fs';",
    "const oauth = new ClientCredentials({ client: { id: 'app', secret: process.env.SECRET! }, auth: { tokenHost: 'https://id.example.com' } });",
    'export async function save() {',
    "  const accessToken = await oauth.getToken({ scope: 'read' });",
    "  writeFileSync('/tmp/expiry', String(accessToken.token.expires_at));",
    '}',
  ),
  // A field of the signed request that is not the signature.
  lines(
    ...SIGNER,
    `import { writeFile } from 'node:fs/promises';`,
    'export async function save(path) {',
    `  const signed = await signer.sign(${REQUEST});`,
    '  await writeFile(path, signed.hostname);',
    '}',
  ),
  // The registry's address, not its password, in a bundle constant.
  lines(
    ...ECR,
    `import { defineConfig } from 'vite';`,
    'const out = await ecr.send(new GetAuthorizationTokenCommand({}));',
    'export default defineConfig({ define: { __REGISTRY__: JSON.stringify(out.authorizationData[0].proxyEndpoint) } });',
  ),
  // Only the token's expiry written to a file.
  lines(
    ...CODEARTIFACT,
    `import fs from 'node:fs';`,
    'export async function note() {',
    "  const out = await codeartifact.send(new GetAuthorizationTokenCommand({ domain: 'd' }));",
    "  fs.writeFileSync('expiry.txt', String(out.expiration));",
    '}',
  ),
  // A public constant defined beside a token fetched and used at once.
  lines(
    ...ECR,
    `import { defineConfig } from 'vite';`,
    'export default defineConfig(async () => {',
    '  const out = await ecr.send(new GetAuthorizationTokenCommand({}));',
    "  if (!out.authorizationData?.length) throw new Error('no registry access');",
    "  return { define: { __REGION__: JSON.stringify('eu-west-1') } };",
    '});',
  ),
  // A token kept in a module variable by one handler and written to a file by another: the sink gets whatever the
  // variable holds then, and the variable is the finding (no-module-token-cache's), not the resolution.
  lines(
    ...MSAL,
    'let accessToken = null;',
    'export async function refresh(account) {',
    "  const result = await msal.acquireTokenSilent({ scopes: ['User.Read'], account });",
    '  accessToken = result.accessToken;',
    '}',
    'export function save() {',
    "  writeFileSync('.token', JSON.stringify({ token: accessToken }));",
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (tokens written to outliving sinks)', rule, { valid, invalid });
