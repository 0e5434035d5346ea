import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// `sessionStorage` as an outliving keeper, as `localStorage` is: it keeps what is written for as long as the tab is
// open, reloads included, so keys copied there at sign-in are read back after their session has ended. Look-alikes:
// what is written is not a credential (the identity ID, a flag), or the provider is asked again where it is used.
const lines = (...text: string[]) => text.join('\n');

const V2_COPY = lines(
  `import { CognitoIdentityCredentials, config } from 'aws-sdk';`,
  'export function signIn(identityPoolId, provider, idToken) {',
  '  config.credentials = new CognitoIdentityCredentials({ IdentityPoolId: identityPoolId, Logins: { [provider]: idToken } });',
  '  config.credentials.get((err) => {',
  '    if (err) return;',
  '    const keys = {',
  '      accessKeyId: config.credentials.accessKeyId,',
  '      secretAccessKey: config.credentials.secretAccessKey,',
  '      sessionToken: config.credentials.sessionToken,',
  '    };',
  "    sessionStorage.setItem('aws', JSON.stringify(keys));",
  '  });',
  '}',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  // aws-sdk v2: keys copied off the loaded global credentials (set 15 A04's family).
  { code: V2_COPY, errors: [{ messageId: 'writtenToOutlivingSink', line: 7 }] },
  {
    // v3: what the identity-pool provider resolved, written whole.
    code: lines(
      `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
      'export async function signIn(identityPoolId) {',
      '  const c = await fromCognitoIdentityPool({ identityPoolId })();',
      "  sessionStorage.setItem('aws', JSON.stringify(c));",
      '}',
    ),
    errors: [{ messageId: 'writtenToOutlivingSink', line: 3 }],
  },
];

const valid: ValidTestCase<[]>[] = [
  // Only the identity ID, which does not expire.
  {
    code: lines(
      `import { CognitoIdentityCredentials, config } from 'aws-sdk';`,
      'export function signIn(identityPoolId) {',
      '  config.credentials = new CognitoIdentityCredentials({ IdentityPoolId: identityPoolId });',
      "  config.credentials.get((err) => { if (!err) sessionStorage.setItem('identityId', config.credentials.identityId); });",
      '}',
    ),
  },
  // A flag, not the keys.
  {
    code: lines(
      `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`,
      'export async function signIn(identityPoolId) {',
      '  const c = await fromCognitoIdentityPool({ identityPoolId })();',
      "  sessionStorage.setItem('signedIn', String(Boolean(c)));",
      '}',
    ),
  },
  // A test file (testCode: 'skip' by default).
  { code: V2_COPY, filename: 'src/sign-in.test.js' },
];

createRuleTester().run('no-static-snapshot (sessionStorage as a keeper)', rule, { valid, invalid });
