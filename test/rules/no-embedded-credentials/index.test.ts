import rule from '../../../rules/no-embedded-credentials/index.js';
import { createRuleTester } from '../../rule-tester.js';
import {
  AWS_DOC_KEY_ID,
  AWS_DOC_SECRET,
  EXPIRED_JWT,
  fakeJwt,
  GOOGLE_TOKEN,
  LONG_KEY,
  PEM,
  preview,
  REFRESH,
  SECRET,
  TEMP_KEY,
  TOKEN,
} from './embedded-fixtures.js';

createRuleTester().run('no-embedded-credentials', rule, {
  valid: [
    {
      name: 'a client without inline credentials',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ region: 'us-east-1' });",
    },
    {
      name: "AWS's documented example keys",
      code: `new S3Client({ credentials: { accessKeyId: '${AWS_DOC_KEY_ID}', secretAccessKey: '${AWS_DOC_SECRET}' } });`,
    },
    {
      name: 'a secret-like string under a longer name, or after a credential name in a comment',
      code: `const hints = { secretAccessKeyHint: '${SECRET}' }; // sessionToken: '${TOKEN}'`,
    },
    {
      name: 'key ids without a secret nearby are identifiers',
      code: `export const ALLOWED = ['${LONG_KEY}', '${TEMP_KEY}'];`,
    },
    {
      name: 'a hex digest is not a secret key',
      code: `const id = '${LONG_KEY}';\nconst sha = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';`,
    },
    {
      name: 'credentials read from the environment at runtime',
      code: 'new S3Client({ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, sessionToken: process.env.AWS_SESSION_TOKEN } });',
    },
    {
      name: 'short test stubs',
      code: "const creds = { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'token' };",
    },
    {
      name: "google-auth-library's placeholder refresh tokens",
      code: "client.setCredentials({ refresh_token: 'compute-placeholder', expiry_date: 1 });",
    },
    {
      name: 'public browser keys under bundler prefixes',
      code: 'const map = new Map({ token: process.env.NEXT_PUBLIC_MAPBOX_TOKEN, key: import.meta.env.VITE_GOOGLE_MAPS_API_KEY });',
    },
    {
      name: 'escaped env names that spell no bundler prefix',
      code: "const a = process.env['\\u0041WS_SESSION_TOKEN'];\nconst { \\u0041WS_SECRET_ACCESS_KEY: b } = process.env;",
    },
    {
      name: 'a character reference that spells no key id',
      filename: 'file.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `const el = <Credentials accessKeyId="&#66;${TEMP_KEY.slice(1)}" secretAccessKey="${SECRET}" />;`,
    },
    {
      name: 'a JWT without exp says nothing about when it dies',
      code: `const t = '${fakeJwt(new Date(0)).split('.')[0]}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln';`,
    },
  ],
  invalid: [
    {
      name: 'temporary credentials in a client config',
      code: `const s3 = new S3Client({\n  credentials: {\n    accessKeyId: '${TEMP_KEY}',\n    secretAccessKey: '${SECRET}',\n    sessionToken: '${TOKEN}',\n  },\n});`,
      errors: [
        { messageId: 'temporaryKeyId', line: 3, column: 18, data: { preview: preview(TEMP_KEY) } },
        { messageId: 'temporarySecretKey', line: 4, column: 22, data: { preview: preview(SECRET) } },
        { messageId: 'sessionToken', line: 5, column: 19, data: { preview: 'IQoJ****' } },
      ],
    },
    {
      name: 'a long-term key pair passed positionally',
      code: `AWS.config.credentials = new AWS.Credentials('${LONG_KEY}', '${SECRET}');`,
      errors: [{ messageId: 'longLivedKey', line: 1, column: 46, data: { preview: preview(LONG_KEY) } }],
    },
    {
      name: 'a secret under its name as a computed key, a key spelled with an identity escape, an element write',
      code: [
        `const a = { ['secretAccessKey']: '${SECRET}' };`,
        String.raw`const b = { 'secret\AccessKey': '${SECRET}' };`,
        `config[\`secretAccessKey\`] = '${SECRET}';`,
      ].join('\n'),
      errors: [
        { messageId: 'secretKey', line: 1 },
        { messageId: 'secretKey', line: 2 },
        { messageId: 'secretKey', line: 3 },
      ],
    },
    {
      name: 'a secret key or session token under its name, alone',
      code: `process.env.AWS_SESSION_TOKEN = '${TOKEN}';\nconst config = { secretAccessKey: \`${SECRET}\` };`,
      errors: [
        { messageId: 'sessionToken', line: 1, column: 33 },
        { messageId: 'temporarySecretKey', line: 2, column: 35 },
      ],
    },
    {
      name: 'Google tokens, JWTs, refresh tokens and private keys',
      code: [
        `const headers = { Authorization: 'Bearer ${GOOGLE_TOKEN}' };`,
        `const idToken = '${EXPIRED_JWT}';`,
        `oauth2.setCredentials({ refresh_token: '${REFRESH}' });`,
        `const key = \`${PEM}\`;`,
      ].join('\n'),
      errors: [
        { messageId: 'googleAccessToken', line: 1, column: 42, data: { preview: 'ya29****' } },
        { messageId: 'jwtExpired', line: 2, column: 17, data: { preview: 'eyJh****', date: '2026-05-01' } },
        { messageId: 'refreshToken', line: 3, column: 40, data: { preview: '1//0****' } },
        { messageId: 'privateKey', line: 4, column: 13 },
      ],
    },
    {
      name: 'a token pasted into a comment',
      code: `// debug token: ${GOOGLE_TOKEN}\nexport {};`,
      errors: [{ messageId: 'googleAccessToken', line: 1, column: 17 }],
    },
    {
      name: 'env names a bundler inlines into browser code',
      code: 'const a = process.env.REACT_APP_AWS_SESSION_TOKEN;\nconst b = import.meta.env.VITE_AWS_SECRET_ACCESS_KEY;\nconst { NEXT_PUBLIC_AWS_ACCESS_KEY_ID } = process.env;',
      errors: [
        {
          messageId: 'bundledCredential',
          line: 1,
          column: 11,
          data: { name: 'REACT_APP_AWS_SESSION_TOKEN', bundler: 'Create React App' },
        },
        {
          messageId: 'bundledCredential',
          line: 2,
          column: 11,
          data: { name: 'VITE_AWS_SECRET_ACCESS_KEY', bundler: 'Vite' },
        },
        {
          messageId: 'bundledCredential',
          line: 3,
          column: 9,
          data: { name: 'NEXT_PUBLIC_AWS_ACCESS_KEY_ID', bundler: 'Next.js' },
        },
      ],
    },
    {
      // The text holds no secret's marker (`ASIA`): JSX decodes `&#65;` to `A` in the attribute's value.
      name: 'a temporary key pair in JSX attributes, the key id spelled with a character reference',
      filename: 'file.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `const el = <Credentials accessKeyId="&#65;${TEMP_KEY.slice(1)}" secretAccessKey="${SECRET}" />;`,
      errors: [{ messageId: 'temporaryKeyId', line: 1 }],
    },
    {
      // The source text holds no bundler prefix: only the escape sequences spell one.
      name: 'env names a bundler inlines, spelled with escape sequences',
      code: "const a = process.env['\\u0052EACT_APP_AWS_SESSION_TOKEN'];\nconst { \\u0056ITE_AWS_SECRET_ACCESS_KEY: b } = import.meta.env;\nconst c = process.env[`NEXT_\\x50UBLIC_AWS_ACCESS_KEY_ID`];",
      errors: [
        {
          messageId: 'bundledCredential',
          line: 1,
          data: { name: 'REACT_APP_AWS_SESSION_TOKEN', bundler: 'Create React App' },
        },
        { messageId: 'bundledCredential', line: 2, data: { name: 'VITE_AWS_SECRET_ACCESS_KEY', bundler: 'Vite' } },
        {
          messageId: 'bundledCredential',
          line: 3,
          data: { name: 'NEXT_PUBLIC_AWS_ACCESS_KEY_ID', bundler: 'Next.js' },
        },
      ],
    },
  ],
});
