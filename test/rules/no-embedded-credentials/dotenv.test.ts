import { coreRule, coreTester } from './embedded-testers.js';
import {
  AWS_DOC_KEY_ID,
  AWS_DOC_SECRET,
  EXPIRED_JWT,
  fakeJwt,
  GOOGLE_TOKEN,
  lines,
  LONG_KEY,
  preview,
  SECRET,
  TEMP_KEY,
  TOKEN,
} from './embedded-fixtures.js';

const FUTURE_JWT = fakeJwt(new Date('2099-01-31T12:00:00Z'));

coreTester('dotenv').run('no-embedded-credentials', coreRule, {
  valid: [
    {
      name: 'ordinary settings and app secrets (.env files exist for those)',
      code: lines(
        'NODE_ENV=production',
        'DATABASE_URL=postgres://localhost/app',
        'JWT_SECRET=local-dev-only',
        'AWS_REGION=eu-west-1',
      ),
    },
    {
      name: 'an AKIA key id alone is an identifier, not a secret',
      code: lines(`AWS_ACCESS_KEY_ID=${LONG_KEY}`, 'AWS_PROFILE=dev'),
    },
    {
      name: "AWS's documented example keys",
      code: lines(`AWS_ACCESS_KEY_ID=${AWS_DOC_KEY_ID}`, `AWS_SECRET_ACCESS_KEY=${AWS_DOC_SECRET}`),
    },
    {
      name: 'placeholders and references',
      code: lines(
        'AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}',
        'AWS_SECRET_ACCESS_KEY=<paste-your-secret-here>',
        'AWS_SESSION_TOKEN_2=',
        'GOOGLE_OAUTH_ACCESS_TOKEN="your-token-goes-here-xxxx"',
      ),
    },
    {
      name: 'public browser keys under bundler prefixes',
      code: lines(
        'NEXT_PUBLIC_MAPBOX_TOKEN=pk.eyJ1IjoiYWNtZSIsImEiOiJja2V5In0.abcdefghijklmnopqrstuv',
        'VITE_GOOGLE_MAPS_API_KEY=AIzaSyA-1234abcd5678efgh9012ijkl3456mnop',
      ),
    },
    {
      name: 'a disabled line',
      code: lines(
        '# eslint-disable-next-line rule-to-test/no-embedded-credentials -- fixture for the credential parser tests',
        `AWS_SESSION_TOKEN=${TOKEN}`,
      ),
    },
  ],
  invalid: [
    {
      name: 'a temporary credential set: the ASIA key, its secret and the session token, each with a remove-line suggestion',
      code: lines(
        '# copied from `aws sts assume-role`',
        `AWS_ACCESS_KEY_ID=${TEMP_KEY}`,
        `AWS_SECRET_ACCESS_KEY="${SECRET}"`,
        `export AWS_SESSION_TOKEN=${TOKEN} # expires!`,
        'AWS_REGION=us-east-1',
      ),
      errors: [
        {
          messageId: 'temporaryKeyId',
          line: 2,
          column: 1,
          data: { preview: preview(TEMP_KEY) },
          suggestions: [
            {
              messageId: 'removeLine',
              output: lines(
                '# copied from `aws sts assume-role`',
                `AWS_SECRET_ACCESS_KEY="${SECRET}"`,
                `export AWS_SESSION_TOKEN=${TOKEN} # expires!`,
                'AWS_REGION=us-east-1',
              ),
            },
          ],
        },
        {
          messageId: 'temporarySecretKey',
          line: 3,
          column: 1,
          data: { preview: preview(SECRET) },
          suggestions: [
            {
              messageId: 'removeLine',
              output: lines(
                '# copied from `aws sts assume-role`',
                `AWS_ACCESS_KEY_ID=${TEMP_KEY}`,
                `export AWS_SESSION_TOKEN=${TOKEN} # expires!`,
                'AWS_REGION=us-east-1',
              ),
            },
          ],
        },
        {
          messageId: 'sessionToken',
          line: 4,
          column: 1,
          data: { preview: 'IQoJ****' },
          suggestions: [
            {
              messageId: 'removeLine',
              output: lines(
                '# copied from `aws sts assume-role`',
                `AWS_ACCESS_KEY_ID=${TEMP_KEY}`,
                `AWS_SECRET_ACCESS_KEY="${SECRET}"`,
                'AWS_REGION=us-east-1',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a long-lived key pair: the key id as long-lived and the secret on its own line, without a remove suggestion',
      code: lines(`AWS_ACCESS_KEY_ID=${LONG_KEY}`, `AWS_SECRET_ACCESS_KEY=${SECRET}`),
      errors: [
        { messageId: 'longLivedKey', line: 1, column: 1, data: { preview: preview(LONG_KEY) } },
        { messageId: 'secretKey', line: 2, column: 1, data: { preview: preview(SECRET) } },
      ],
    },
    {
      name: 'a secret access key alone under its name',
      code: lines(`AWS_SECRET_ACCESS_KEY='${SECRET}'`),
      errors: [{ messageId: 'secretKey', line: 1, data: { preview: preview(SECRET) } }],
    },
    {
      name: 'an ASIA key alone is already a dead snapshot',
      code: `S3_KEY=${TEMP_KEY}`,
      errors: [{ messageId: 'temporaryKeyId', line: 1, suggestions: [{ messageId: 'removeLine', output: '' }] }],
    },
    {
      name: 'Google tokens and JWTs say when they die',
      code: lines(
        `GOOGLE_OAUTH_ACCESS_TOKEN=${GOOGLE_TOKEN}`,
        `ID_TOKEN=${EXPIRED_JWT}`,
        `SERVICE_JWT="${FUTURE_JWT}"`,
      ),
      errors: [
        {
          messageId: 'googleAccessToken',
          line: 1,
          data: { preview: 'ya29****' },
          suggestions: [
            { messageId: 'removeLine', output: lines(`ID_TOKEN=${EXPIRED_JWT}`, `SERVICE_JWT="${FUTURE_JWT}"`) },
          ],
        },
        {
          messageId: 'jwtExpired',
          line: 2,
          data: { preview: 'eyJh****', date: '2026-05-01' },
          suggestions: [
            {
              messageId: 'removeLine',
              output: lines(`GOOGLE_OAUTH_ACCESS_TOKEN=${GOOGLE_TOKEN}`, `SERVICE_JWT="${FUTURE_JWT}"`),
            },
          ],
        },
        {
          messageId: 'jwtExpires',
          line: 3,
          data: { preview: 'eyJh****', date: '2099-01-31' },
          suggestions: [
            {
              messageId: 'removeLine',
              output: lines(`GOOGLE_OAUTH_ACCESS_TOKEN=${GOOGLE_TOKEN}`, `ID_TOKEN=${EXPIRED_JWT}`),
            },
          ],
        },
      ],
    },
    {
      name: 'credentials under bundler-inlined names',
      code: lines(`REACT_APP_AWS_SECRET_ACCESS_KEY=${SECRET}`, `VITE_AWS_SESSION_TOKEN=${TOKEN}`),
      errors: [
        {
          messageId: 'bundledCredential',
          line: 1,
          data: { name: 'REACT_APP_AWS_SECRET_ACCESS_KEY', bundler: 'Create React App' },
        },
        { messageId: 'bundledCredential', line: 2, data: { name: 'VITE_AWS_SESSION_TOKEN', bundler: 'Vite' } },
      ],
    },
    {
      name: 'a multi-line quoted private key, CRLF',
      code: `APP=1\r\nSIGNING_KEY="-----BEGIN RSA PRIVATE KEY-----\r\n${SECRET}${SECRET}\r\n${SECRET}${SECRET}\r\n-----END RSA PRIVATE KEY-----"\r\n`,
      errors: [{ messageId: 'privateKey', line: 2, column: 1, endLine: 5 }],
    },
  ],
});
