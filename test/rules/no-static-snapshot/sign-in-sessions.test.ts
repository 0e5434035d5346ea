import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Credentials resolved once at sign-in and stored with the user's session by the sign-in library (Auth.js `profile()`,
// the sign-in branch of the `jwt` callback): every later request of a session that lasts days reads the same keys.
// Look-alikes: the provider handed over, keys resolved on every run of the `jwt` callback, the expiry checked there.
const lines = (...text: string[]) => text.join('\n');
const HEAD = lines(
  "import NextAuth from 'next-auth';",
  "import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';",
  'const keysFor = (idToken) => fromCognitoIdentityPool({ identityPoolId: process.env.POOL_ID, logins: { [process.env.ISSUER]: idToken } });',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // Returned from a provider's profile() callback, through a helper of the file.
    code: lines(
      HEAD,
      'async function identityKeys(token) {',
      '  const keys = await fromCognitoIdentityPool({ ...POOL, logins: { [process.env.ISSUER]: token } })();',
      '  return { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken };',
      '}',
      'const provider = {',
      "  id: 'sso', type: 'oidc',",
      '  profile: async (profile, tokens) => {',
      '    const awsKeys = await identityKeys(tokens.id_token);',
      '    return { id: profile.sub, email: profile.email, awsKeys };',
      '  },',
      '};',
      'export default NextAuth({ providers: [provider] });',
    ),
    errors: [
      {
        messageId: 'keptInSignInSession',
        line: 5,
        data: {
          source: '`fromCognitoIdentityPool()`',
          where: 'in the `profile` callback',
          keeper: "the user's Auth.js session (30 days by default)",
          again: 'in the `jwt` callback once it has passed',
          session: 'the Cognito identity-pool session',
          phrase: 'within 1 h',
        },
      },
    ],
  },
  {
    // Written into the token on the jwt callback's sign-in branch.
    code: lines(
      HEAD,
      'export default NextAuth({',
      '  callbacks: {',
      '    async jwt({ token, account }) {',
      '      if (account) {',
      '        token.aws = await fromCognitoIdentityPool({ ...POOL, logins: { [process.env.ISSUER]: account.id_token } })();',
      '      }',
      '      return token;',
      '    },',
      '  },',
      '});',
    ),
    errors: [{ messageId: 'keptInSignInSession', line: 8 }],
  },
  {
    // Written into the request's session by a login route (express-session).
    code: lines(
      "import express from 'express';",
      "import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';",
      'const app = express();',
      "app.post('/login', async (req, res) => {",
      "  req.session.aws = await fromCognitoIdentityPool({ identityPoolId: 'p', logins: { x: req.body.idToken } })();",
      '  res.end();',
      '});',
    ),
    errors: [{ messageId: 'keptInSignInSession', line: 5 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Resolved on every run of the jwt callback (each session read): not kept from sign-in.
  lines(
    HEAD,
    'export default NextAuth({',
    '  callbacks: {',
    '    async jwt({ token }) {',
    '      token.aws = await fromCognitoIdentityPool({ ...POOL, logins: { [process.env.ISSUER]: token.idToken } })();',
    '      return token;',
    '    },',
    '  },',
    '});',
  ),
  // The refresh-token rotation shape: the expiry checked first, keys resolved again once it has passed.
  lines(
    HEAD,
    'export default NextAuth({',
    '  callbacks: {',
    '    async jwt({ token }) {',
    '      if (token.aws && Date.now() < token.aws.expiration.getTime()) return token;',
    '      return { ...token, aws: await fromCognitoIdentityPool({ ...POOL, logins: { [process.env.ISSUER]: token.idToken } })() };',
    '    },',
    '  },',
    '});',
  ),
  // Only the identity (not the keys) stored at sign-in.
  lines(
    HEAD,
    'const provider = {',
    "  id: 'sso', type: 'oidc',",
    '  profile: async (profile, tokens) => {',
    '    const keys = await fromCognitoIdentityPool({ ...POOL, logins: { [process.env.ISSUER]: tokens.id_token } })();',
    '    return { id: profile.sub, expires: keys.expiration };',
    '  },',
    '};',
    'export default NextAuth({ providers: [provider] });',
  ),
  // The request's session keeps only the identity id; the keys are resolved per request.
  lines(
    "import express from 'express';",
    "import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';",
    'const app = express();',
    "app.post('/login', async (req, res) => {",
    "  const keys = await fromCognitoIdentityPool({ identityPoolId: 'p', logins: { x: req.body.idToken } })();",
    '  req.session.identityId = keys.identityId;',
    '  res.json(await listObjects(keys));',
    '});',
  ),
];

createRuleTester().run('no-static-snapshot (credentials kept in a sign-in session)', rule, { valid, invalid });
