import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// An identity-provider token captured once in the logins of a refreshing Cognito source that is kept: each refresh
// re-sends that token, which expires long before the page or process ends.
const lines = (...text: string[]) => text.join('\n');
const V2 = `import AWS from 'aws-sdk';`;
const V3 = lines(
  `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
  `import { S3Client } from '@aws-sdk/client-s3';`,
);
const v2Global = (...body: string[]) =>
  lines(
    V2,
    'export async function signIn(idToken) {',
    '  AWS.config.credentials = new AWS.CognitoIdentityCredentials({',
    "    IdentityPoolId: 'us-east-1:pool',",
    "    Logins: { 'accounts.google.com': idToken },",
    '  });',
    '  await AWS.config.credentials.getPromise();',
    '}',
    ...body,
  );

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // The v2 global, used by every service made later.
    code: v2Global('export const list = () => new AWS.S3().listObjectsV2({ Bucket: "b" }).promise();'),
    errors: [{ messageId: 'loginTokenCaptured', line: 5, column: 38 }],
  },
  {
    // v3: the provider, with the token as a value, kept in an app-wide store.
    code: lines(
      V3,
      'export function onSignedIn(store, idToken) {',
      "  const credentials = fromCognitoIdentityPool({ identityPoolId: 'us-east-1:pool', logins: { 'cognito-idp.us-east-1.amazonaws.com/pool': idToken } });",
      "  store.commit('setCredentials', credentials);",
      '}',
    ),
    errors: [{ messageId: 'loginTokenCaptured', line: 4, column: 137 }],
  },
  {
    // v3: the map in a const, the provider given to a client kept in module scope.
    code: lines(
      V3,
      'let s3;',
      'export async function connect(session) {',
      "  const logins = { 'cognito-idp.us-east-1.amazonaws.com/pool': session.idToken };",
      "  s3 = new S3Client({ credentials: fromCognitoIdentityPool({ identityPoolId: 'us-east-1:pool', logins }) });",
      '}',
    ),
    errors: [{ messageId: 'loginTokenCaptured', line: 5, column: 64 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike of the v3 cases: the login value is a function, called at each refresh.
  lines(
    V3,
    `import { fetchAuthSession } from 'aws-amplify/auth';`,
    "export const s3 = new S3Client({ credentials: fromCognitoIdentityPool({ identityPoolId: 'us-east-1:pool', logins: { 'cognito-idp.us-east-1.amazonaws.com/pool': async () => (await fetchAuthSession()).tokens.idToken.toString() } }) });",
  ),
  // Look-alike of the v2 global: the app puts the renewed token in the live object's Logins.
  v2Global(
    'export function onTokenRenewed(idToken) {',
    "  AWS.config.credentials.params.Logins['accounts.google.com'] = idToken;",
    '  AWS.config.credentials.expired = true;',
    '}',
  ),
  // The credentials are built again from the caller's current token once they have expired.
  lines(
    V2,
    'export function ensureCredentials(userToken) {',
    '  if (AWS.config.credentials && new Date() <= AWS.config.credentials.expireTime) return Promise.resolve();',
    "  AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'us-east-1:pool', Logins: { 'cognito-idp': userToken } });",
    '  return AWS.config.credentials.getPromise();',
    '}',
  ),
  // Built inside the client's credentials function: each resolution gets a freshly ensured token.
  lines(
    V3,
    'export function client(auth) {',
    '  return new S3Client({',
    '    credentials: async () => {',
    '      const session = await auth.ensureValidSession();',
    "      return fromCognitoIdentityPool({ identityPoolId: 'us-east-1:pool', logins: { 'cognito-idp': session.idToken } })();",
    '    },',
    '  });',
    '}',
  ),
  // Built again whenever Firebase renews the ID token.
  lines(
    V3,
    `import { onIdTokenChanged } from 'firebase/auth';`,
    'let s3;',
    'export function watch(auth) {',
    '  onIdTokenChanged(auth, async (user) => {',
    "    s3 = new S3Client({ credentials: fromCognitoIdentityPool({ identityPoolId: 'us-east-1:pool', logins: { 'securetoken.google.com/app': await user.getIdToken() } }) });",
    '  });',
    '}',
  ),
  // The provider is resolved at once and not kept; its credentials are kept under an expiry check.
  lines(
    V3,
    'let current;',
    'export async function credentials(idToken) {',
    '  if (current && current.expiration > new Date(Date.now() + 60_000)) return current;',
    "  const provider = fromCognitoIdentityPool({ identityPoolId: 'us-east-1:pool', logins: { 'cognito-idp': idToken } });",
    '  current = await provider();',
    '  return current;',
    '}',
  ),
  // Unauthenticated identities: no logins.
  lines(V2, "AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'us-east-1:pool' });"),
];

createRuleTester().run('no-static-snapshot (login tokens captured by Cognito sources)', rule, { valid, invalid });
