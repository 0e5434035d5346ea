import rule from '../../../rules/no-embedded-credentials/index.js';
import { createRuleTester } from '../../rule-tester.js';
import { coreRule, coreTester } from './embedded-testers.js';
import { GOOGLE_TOKEN, lines, LONG_KEY, SECRET, TEMP_KEY, TOKEN } from './embedded-fixtures.js';

/**
 * Issue 13: one rule for every file type on values cut short with an ellipsis (`IQoJb3JpZ2lu…`: documentation, it
 * cannot authenticate), and one finding per AWS credential set written on one line. Each elided value stands next
 * to the same value in full, which is still reported.
 */
const SHORT = 'IQoJb3JpZ2lu';
const ELIDED = [`${SHORT}…`, `${TOKEN}…`, `${TOKEN}...`, `${SHORT}...`];
const HOW = ['a short prefix and …', 'the full token and …', 'the full token and ...', 'a short prefix and ...'];
const sessionToken = { messageId: 'sessionToken' as const };

createRuleTester().run('no-embedded-credentials: ellipsis and one finding per line (JS)', rule, {
  valid: [
    ...ELIDED.map((value, index) => ({
      name: `session token ${HOW[index]} elided`,
      code: `const c = { sessionToken: '${value}' };`,
    })),
    { name: 'a Google token cut short', code: `const token = '${GOOGLE_TOKEN.slice(0, 40)}…';` },
    { name: 'a Google token cut short in a comment', code: `// e.g. ${GOOGLE_TOKEN.slice(0, 40)}...` },
    {
      name: 'key id and secret elided in a JSDoc example',
      code: `/**\n * accessKeyId: '${TEMP_KEY}…'\n * secretAccessKey: '${SECRET}…'\n */\nexport {};`,
    },
  ],
  invalid: [
    { name: 'the same session token in full', code: `const c = { sessionToken: '${TOKEN}' };`, errors: [sessionToken] },
    {
      name: 'the Google token in full',
      code: `const token = '${GOOGLE_TOKEN}';`,
      errors: [{ messageId: 'googleAccessToken' }],
    },
    {
      name: 'key id, secret and session token on one line: one finding, at the key id',
      code: `const c = { accessKeyId: '${TEMP_KEY}', secretAccessKey: '${SECRET}', sessionToken: '${TOKEN}' };`,
      errors: [{ messageId: 'temporaryKeyId', line: 1, column: 26 }],
    },
    {
      name: 'the same set on three lines: every line that embeds a secret',
      code: `const c = {\n  accessKeyId: '${TEMP_KEY}',\n  secretAccessKey: '${SECRET}',\n  sessionToken: '${TOKEN}',\n};`,
      errors: [
        { messageId: 'temporaryKeyId', line: 2 },
        { messageId: 'temporarySecretKey', line: 3 },
        { messageId: 'sessionToken', line: 4 },
      ],
    },
    {
      name: 'an AWS set and a Google token on one line are two defects',
      code: `const c = { accessKeyId: '${TEMP_KEY}', secretAccessKey: '${SECRET}', google: '${GOOGLE_TOKEN}' };`,
      errors: [{ messageId: 'temporaryKeyId' }, { messageId: 'googleAccessToken' }],
    },
  ],
});

coreTester('dotenv').run('no-embedded-credentials: ellipsis (.env)', coreRule, {
  valid: ELIDED.map((value, index) => ({ name: `elided ${HOW[index]}`, code: `AWS_SESSION_TOKEN=${value}\n` })),
  invalid: [
    {
      name: 'in full',
      code: `AWS_SESSION_TOKEN=${TOKEN}\n`,
      errors: [{ ...sessionToken, suggestions: [{ messageId: 'removeLine', output: '' }] }],
    },
  ],
});

coreTester('dotenv').run('no-embedded-credentials: one finding per line (.env)', coreRule, {
  valid: [],
  invalid: [
    {
      name: 'a key pair under bundler-inlined names: the key finding, not also the bundler one',
      code: lines(`REACT_APP_AWS_ACCESS_KEY_ID=${LONG_KEY}`, `REACT_APP_AWS_SECRET_ACCESS_KEY=${SECRET}`),
      errors: [
        { messageId: 'longLivedKey', line: 1 },
        { messageId: 'secretKey', line: 2 },
      ],
    },
    {
      name: 'a session token under a bundler-inlined name: one finding',
      code: `VITE_AWS_SESSION_TOKEN=${TOKEN}\n`,
      errors: [{ messageId: 'bundledCredential', line: 1 }],
    },
  ],
});

coreTester('yaml').run('no-embedded-credentials: ellipsis (YAML)', coreRule, {
  valid: [
    ...ELIDED.map((value, index) => ({
      name: `Kubernetes env, elided ${HOW[index]}`,
      code: lines('env:', '  - name: AWS_SESSION_TOKEN', `    value: ${value}`),
    })),
    ...ELIDED.map((value, index) => ({
      name: `mapping, elided ${HOW[index]}`,
      code: `AWS_SESSION_TOKEN: "${value}"\n`,
    })),
  ],
  invalid: [
    {
      name: 'Kubernetes env in full',
      code: lines('env:', '  - name: AWS_SESSION_TOKEN', `    value: ${TOKEN}`),
      errors: [{ ...sessionToken, line: 3 }],
    },
    {
      name: 'a flow mapping holding a whole set on one line: one finding',
      code: `creds: { AccessKeyId: ${TEMP_KEY}, SecretAccessKey: ${SECRET}, Token: ${TOKEN} }\n`,
      errors: [{ messageId: 'temporaryKeyId', line: 1 }],
    },
  ],
});

coreTester('json').run('no-embedded-credentials: ellipsis (JSON)', coreRule, {
  valid: ELIDED.map((value, index) => ({ name: `elided ${HOW[index]}`, code: `{ "AWS_SESSION_TOKEN": "${value}" }` })),
  invalid: [
    { name: 'in full', code: `{ "AWS_SESSION_TOKEN": "${TOKEN}" }`, errors: [sessionToken] },
    {
      name: 'STS credentials JSON on one line: one finding',
      code: `{ "AccessKeyId": "${TEMP_KEY}", "SecretAccessKey": "${SECRET}", "Token": "${TOKEN}" }`,
      errors: [{ messageId: 'temporaryKeyId' }],
    },
  ],
});

coreTester('dockerfile').run('no-embedded-credentials: ellipsis and one finding per line (Dockerfile)', coreRule, {
  valid: ELIDED.map((value, index) => ({
    name: `ENV elided ${HOW[index]}`,
    code: lines('FROM node:20', `ENV AWS_SESSION_TOKEN=${value}`),
  })),
  invalid: [
    {
      name: 'ENV in full: one finding (the value, not also the name)',
      code: lines('FROM node:20', `ENV AWS_SESSION_TOKEN=${TOKEN}`),
      errors: [{ ...sessionToken, line: 2 }],
    },
    {
      name: 'ENV of a whole set on one line: one finding',
      code: lines(
        'FROM node:20',
        `ENV AWS_ACCESS_KEY_ID=${TEMP_KEY} AWS_SECRET_ACCESS_KEY=${SECRET} AWS_SESSION_TOKEN=${TOKEN}`,
      ),
      errors: [{ messageId: 'temporaryKeyId', line: 2 }],
    },
    {
      name: 'a RUN that expands credential build arguments AND runs aws configure set: one finding',
      code: lines(
        'FROM node:20',
        'ARG AWS_ACCESS_KEY_ID',
        'ARG AWS_SECRET_ACCESS_KEY',
        'RUN aws configure set aws_access_key_id $AWS_ACCESS_KEY_ID && aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY && aws s3 cp s3://example-bucket/seed.sql /seed.sql',
      ),
      errors: [{ messageId: 'dockerBuildTimeFetch', line: 4 }],
    },
    {
      name: 'a RUN that fetches from the ECS endpoint AND calls STS: one finding',
      code: lines(
        'FROM node:20',
        'RUN curl -s http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI > /c.json && aws sts get-session-token > /t.json',
      ),
      errors: [{ messageId: 'dockerBuildTimeFetch', line: 2 }],
    },
  ],
});
