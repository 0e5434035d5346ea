import { readFileSync } from 'node:fs';
import { coreRule, coreTester } from './embedded-testers.js';
import { AWS_DOC_KEY_ID, AWS_DOC_SECRET, GOOGLE_TOKEN, lines, SECRET, TEMP_KEY, TOKEN } from './embedded-fixtures.js';

const realworld = (name: string): string =>
  readFileSync(new URL(`../../fixtures/realworld/${name}`, import.meta.url), 'utf8');

const ECS_FETCH = 'curl -s http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI';
const INSTANCE = { session: 'the EC2 instance-profile session', phrase: 'typically within 6 h' };
const GOOGLE = { session: 'the Google access token', phrase: 'after about 1 h' };
const ASSUMED = { session: 'the assumed-role session', phrase: 'after DurationSeconds (1 h by default, 12 h at most)' };
const UNKNOWN = { session: 'the temporary session', phrase: 'possibly within 1 h' };
const TASK = { session: 'the ECS/Fargate task-role session', phrase: 'typically within 6 h' };

/** Build steps that fetch credentials, one a line, after a FROM. */
const OTHER_FETCHES = [
  'FROM ubuntu',
  'RUN apt-get update && curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/app > /tmp/c',
  'RUN TOKEN=$(gcloud auth application-default print-access-token) && echo "$TOKEN" > /token',
  'RUN aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name build > /creds.json',
  'RUN aws configure set aws_session_token "$SESSION"',
  'RUN printf \'[default]\\naws_access_key_id=%s\\n\' "$ID" >> ~/.aws/credentials',
  'RUN curl -s -H "Metadata-Flavor: Google" http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token > /t',
  `ONBUILD RUN ${ECS_FETCH} > /creds`,
];

/** The remove-step suggestion for the step on `line` (1-based): the same file without that line. */
const removedStep = (file: readonly string[], line: number) => ({
  messageId: 'removeBuildStep' as const,
  output: lines(...file.filter((_, index) => index !== line - 1)),
});

coreTester('dockerfile').run('no-embedded-credentials', coreRule, {
  valid: [
    {
      name: 'NC01: bare ARGs in the final stage that nothing consumes store nothing in the image',
      code: realworld('NC01.Dockerfile'),
    },
    {
      name: 'NC03: credentials in a builder stage that only COPY --from reads are discarded',
      code: realworld('NC03.Dockerfile'),
    },
    {
      name: 'secrets mounted for the RUN step that needs them',
      code: lines(
        'FROM node:20',
        'ARG NPM_TOKEN',
        'RUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci',
        'RUN --mount=type=secret,id=gh GITHUB_TOKEN=$(cat /run/secrets/gh) && echo "$NPM_TOKEN" | wc -c',
        'RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws sts assume-role --role-arn arn:aws:iam::1:role/r --role-session-name b > /tmp/c',
      ),
    },
    {
      name: 'a web-identity token file and other pointers are not secrets',
      code: lines(
        'FROM node:20',
        'ENV AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json',
        'ENV TOKEN_TTL=3600 SECRET_NAME=prod/db AWS_REGION=us-west-2 GITHUB_TOKEN="" FEATURE_TOKEN_ENABLED=true',
      ),
    },
    {
      name: "AWS's documented example keys",
      code: lines(
        'FROM alpine',
        `ENV AWS_ACCESS_KEY_ID=${AWS_DOC_KEY_ID} AWS_SECRET_ACCESS_KEY=${AWS_DOC_SECRET}`,
        'RUN echo',
      ),
    },
    {
      name: 'placeholders',
      code: lines('FROM alpine', 'ENV AWS_SESSION_TOKEN=<your-session-token> API_TOKEN=changeme'),
    },
    {
      name: 'a runtime fetch in ENTRYPOINT is not a build-time fetch',
      code: lines('FROM node:20', `ENTRYPOINT ["sh", "-c", "${ECS_FETCH} > /dev/null && exec node server.js"]`),
    },
    {
      name: 'a build-time fetch in a discarded builder stage',
      code: lines(
        'FROM alpine AS fetch',
        `RUN ${ECS_FETCH} > /creds.json`,
        'FROM alpine',
        'COPY --from=fetch /etc/hostname /x',
      ),
    },
    {
      name: 'ordinary copies',
      code: lines(
        'FROM node:20',
        'WORKDIR /app',
        'COPY package.json package-lock.json ./',
        'COPY . .',
        'COPY --from=build /src/target/app.jar service.jar',
        'COPY sample.json keys.json monkey.json /data/',
      ),
    },
    {
      name: 'hadolint#1245: AWS_WEB_IDENTITY_TOKEN_FILE is a path the CLI reads, not a secret',
      code: lines('FROM amazon/aws-cli', 'ARG AWS_WEB_IDENTITY_TOKEN_FILE', 'ARG AWS_ROLE_ARN', 'RUN aws s3 ls'),
    },
    {
      name: 'credential arguments next to steps that read no credentials',
      code: lines(
        'FROM node:20',
        'ARG AWS_ACCESS_KEY_ID',
        'ARG AWS_SECRET_ACCESS_KEY',
        'RUN npm ci',
        'RUN echo "aws s3 sync runs in CI, not here"',
      ),
    },
    {
      name: 'placeholders are placeholders whatever their shape',
      code: lines(
        'FROM alpine',
        'ENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz',
        'ENV AWS_SECRET_ACCESS_KEY=foo',
        'ENV AWS_SESSION_TOKEN=test',
        'ENV API_TOKEN=mock-token',
      ),
    },
    {
      name: 'a builder stage fetches credentials for its own use; only its build output is copied',
      code: lines(
        'FROM google/cloud-sdk:slim AS fetch',
        'RUN gcloud auth print-access-token > /tmp/token && curl -H "Authorization: Bearer $(cat /tmp/token)" -o /data/model.bin https://example.com/m',
        'FROM python:3.12-slim',
        'COPY --from=fetch /data/model.bin /srv/model.bin',
      ),
    },
    {
      name: 'an eslint-disable-next-line comment silences one finding',
      code: lines(
        'FROM node:20',
        '# eslint-disable-next-line rule-to-test/no-embedded-credentials -- CI-only image, never pushed',
        'ENV AWS_SESSION_TOKEN=$AWS_SESSION_TOKEN',
      ),
    },
  ],
  invalid: [
    {
      name: 'C01: credential ENV lines in the final stage, with the secret-mount suggestion',
      code: realworld('C01.Dockerfile'),
      errors: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].map((name, index) => {
        const id = name.toLowerCase().replace(/_/g, '-');
        const others = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].filter(
          (other) => other !== name,
        );
        return {
          messageId: 'dockerEnvCredential' as const,
          line: 8 + index,
          column: 5,
          data: { name, id, stage: 'the final stage' },
          suggestions: [
            {
              messageId: 'useSecretMount' as const,
              data: { name, id },
              output: lines(
                '# C01',
                'FROM node:18',
                'RUN apt-get update && apt-get install -y awscli',
                'WORKDIR /srv',
                ...['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
                  .filter((arg) => arg !== name)
                  .map((arg) => `ARG ${arg}`),
                ...['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
                  .filter((env) => others.includes(env))
                  .map((env) => `ENV ${env}=$${env}`),
                `RUN --mount=type=secret,id=${id},env=${name} aws s3 cp s3://example-private-bucket/seed.txt ./`,
                'COPY . ./',
              ),
            },
          ],
        };
      }),
    },
    {
      name: 'C03: a service-account key copied into the image',
      code: realworld('C03.Dockerfile'),
      errors: [
        {
          messageId: 'dockerKeyFileCopy',
          line: 4,
          column: 1,
          data: { keyword: 'COPY', path: '/workspace/sa.json', what: 'a service-account key file' },
        },
      ],
    },
    {
      name: 'literal temporary credentials: the key id, its secret and the session token, each on its line (any stage)',
      code: lines(
        'FROM alpine AS build',
        `ENV AWS_ACCESS_KEY_ID=${TEMP_KEY} \\`,
        `    AWS_SECRET_ACCESS_KEY=${SECRET} \\`,
        `    AWS_SESSION_TOKEN=${TOKEN}`,
        'FROM alpine',
        `ARG GOOGLE_TOKEN=${GOOGLE_TOKEN}`,
      ),
      errors: [
        { messageId: 'temporaryKeyId', line: 2, column: 5 },
        { messageId: 'temporarySecretKey', line: 3, column: 5 },
        { messageId: 'sessionToken', line: 4, column: 5 },
        { messageId: 'googleAccessToken', line: 6, column: 5 },
      ],
    },
    {
      name: 'ENV in a builder stage that the final stage builds FROM ships with it',
      code: lines('FROM node:20 AS base', 'ENV AWS_SESSION_TOKEN=$AWS_SESSION_TOKEN', 'FROM base', 'RUN npm ci'),
      errors: [
        {
          messageId: 'dockerEnvCredential',
          line: 2,
          column: 5,
          data: {
            name: 'AWS_SESSION_TOKEN',
            id: 'aws-session-token',
            stage: 'stage "base", which the final stage builds on',
          },
          suggestions: [
            { messageId: 'useSecretMount', output: lines('FROM node:20 AS base', 'FROM base', 'RUN npm ci') },
          ],
        },
      ],
    },
    {
      name: 'the ECS credentials endpoint fetched at build time, with the remove-step suggestion',
      code: lines('FROM node:20', 'WORKDIR /app', `RUN ${ECS_FETCH} > /app/creds.json`, 'CMD ["node", "server.js"]'),
      errors: [
        {
          messageId: 'dockerBuildTimeFetch',
          line: 3,
          column: 1,
          data: { what: 'fetches task-role credentials from the ECS credentials endpoint', ...TASK },
          suggestions: [
            {
              messageId: 'removeBuildStep',
              output: lines('FROM node:20', 'WORKDIR /app', 'CMD ["node", "server.js"]'),
            },
          ],
        },
      ],
    },
    {
      name: 'other build-time fetches (chained steps get no suggestion)',
      code: lines(...OTHER_FETCHES),
      errors: [
        {
          messageId: 'dockerBuildTimeFetch',
          line: 2,
          column: 1,
          data: { what: 'fetches instance-profile credentials from EC2 instance metadata', ...INSTANCE },
        },
        {
          messageId: 'dockerBuildTimeFetch',
          line: 3,
          column: 1,
          data: { what: 'prints a Google access token with gcloud', ...GOOGLE },
        },
        {
          messageId: 'dockerBuildTimeFetch',
          line: 4,
          column: 1,
          data: { what: 'asks STS for temporary credentials', ...ASSUMED },
          suggestions: [removedStep(OTHER_FETCHES, 4)],
        },
        {
          messageId: 'dockerBuildTimeFetch',
          line: 5,
          column: 1,
          data: { what: 'writes credentials into the AWS config with `aws configure set`', ...UNKNOWN },
          suggestions: [removedStep(OTHER_FETCHES, 5)],
        },
        {
          messageId: 'dockerBuildTimeFetch',
          line: 6,
          column: 1,
          data: { what: 'writes ~/.aws/credentials', ...UNKNOWN },
          suggestions: [removedStep(OTHER_FETCHES, 6)],
        },
        {
          messageId: 'dockerBuildTimeFetch',
          line: 7,
          column: 1,
          data: { what: 'fetches a Google access token from the metadata server', ...GOOGLE },
          suggestions: [removedStep(OTHER_FETCHES, 7)],
        },
        {
          messageId: 'dockerBuildTimeFetch',
          line: 8,
          column: 1,
          data: { what: 'fetches task-role credentials from the ECS credentials endpoint', ...TASK },
        },
      ],
    },
    {
      name: 'key files copied by name',
      code: lines(
        'FROM node:20',
        'WORKDIR /app',
        'COPY service-account.json config/',
        'COPY .aws /root/.aws',
        'ADD gcp/key.p12 /keys/',
        'COPY ["prod-sa.json", "/secrets/"]',
      ),
      errors: [
        {
          messageId: 'dockerKeyFileCopy',
          line: 3,
          data: { keyword: 'COPY', path: 'service-account.json', what: 'a service-account key file' },
        },
        {
          messageId: 'dockerKeyFileCopy',
          line: 4,
          data: { keyword: 'COPY', path: '.aws', what: 'an AWS shared credentials file' },
        },
        {
          messageId: 'dockerKeyFileCopy',
          line: 5,
          data: { keyword: 'ADD', path: 'gcp/key.p12', what: 'a PKCS#12 service-account key' },
        },
        {
          messageId: 'dockerKeyFileCopy',
          line: 6,
          data: { keyword: 'COPY', path: 'prod-sa.json', what: 'a service-account key file' },
        },
      ],
    },
    {
      name: 'a copied file used as GOOGLE_APPLICATION_CREDENTIALS, and a key inside a copied directory',
      code: lines(
        'FROM node:20',
        'COPY deploy/runtime.json /etc/gcp/runtime.json',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=/etc/gcp/runtime.json',
        'FROM node:20',
        'WORKDIR /app',
        'COPY . .',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=/app/config/gcp.json',
      ),
      errors: [
        {
          messageId: 'dockerCredentialPath',
          line: 7,
          column: 1,
          data: { name: 'GOOGLE_APPLICATION_CREDENTIALS', path: '/app/config/gcp.json', keyword: 'COPY', line: '6' },
        },
      ],
    },
    {
      name: 'a copied file used as GOOGLE_APPLICATION_CREDENTIALS in the final stage',
      code: lines(
        'FROM node:20',
        'COPY deploy/runtime.json /etc/gcp/runtime.json',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=/etc/gcp/runtime.json',
      ),
      errors: [
        {
          messageId: 'dockerKeyFileCopy',
          line: 2,
          data: {
            keyword: 'COPY',
            path: '/etc/gcp/runtime.json',
            what: 'used as a credential file by GOOGLE_APPLICATION_CREDENTIALS on line 3',
          },
        },
      ],
    },
    {
      name: 'a RUN step that expands a secret build argument (recorded in the image history)',
      code: lines(
        'FROM node:20',
        'ARG NPM_TOKEN',
        'RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc',
      ),
      errors: [
        {
          messageId: 'dockerRunUsesBuildArg',
          line: 3,
          column: 1,
          data: {
            how: 'uses',
            names: 'NPM_TOKEN',
            mounts: '--mount=type=secret,id=npm-token,env=NPM_TOKEN',
            secrets: '--secret id=npm-token,env=NPM_TOKEN',
          },
        },
      ],
    },
    {
      name: 'ARG credentials read from the environment by the AWS CLI: one finding for the step, naming both',
      code: lines(
        'FROM amazon/aws-cli',
        'ARG AWS_ACCESS_KEY_ID',
        'ARG AWS_SECRET_ACCESS_KEY',
        'ARG AWS_REGION',
        'RUN aws s3 cp s3://example-bucket/seed.sql /seed.sql',
      ),
      errors: [
        {
          messageId: 'dockerRunUsesBuildArg',
          line: 5,
          data: {
            how: 'runs the AWS CLI, which reads',
            names: 'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY',
            mounts:
              '--mount=type=secret,id=aws-access-key-id,env=AWS_ACCESS_KEY_ID --mount=type=secret,id=aws-secret-access-key,env=AWS_SECRET_ACCESS_KEY',
            secrets:
              '--secret id=aws-access-key-id,env=AWS_ACCESS_KEY_ID --secret id=aws-secret-access-key,env=AWS_SECRET_ACCESS_KEY',
          },
        },
      ],
    },
    {
      name: 'gcloud reads CLOUDSDK_AUTH_ACCESS_TOKEN, Terraform and SDK scripts the AWS variables',
      code: lines(
        'FROM google/cloud-sdk:slim',
        'ARG CLOUDSDK_AUTH_ACCESS_TOKEN',
        'RUN gcloud storage cp gs://example-bucket/model.bin /models/',
        'FROM hashicorp/terraform',
        'ARG AWS_SESSION_TOKEN',
        'RUN terraform init && node scripts/seed.js',
      ),
      errors: [
        {
          messageId: 'dockerRunUsesBuildArg',
          line: 6,
          data: {
            how: 'runs Terraform, which reads',
            names: 'AWS_SESSION_TOKEN',
            mounts: '--mount=type=secret,id=aws-session-token,env=AWS_SESSION_TOKEN',
            secrets: '--secret id=aws-session-token,env=AWS_SESSION_TOKEN',
          },
        },
      ],
    },
    {
      name: 'gcloud in the final stage reads its token argument',
      code: lines(
        'FROM google/cloud-sdk:slim',
        'ARG CLOUDSDK_AUTH_ACCESS_TOKEN',
        'RUN gcloud storage cp gs://example-bucket/model.bin /models/',
      ),
      errors: [
        {
          messageId: 'dockerRunUsesBuildArg',
          line: 3,
          data: {
            how: 'runs gcloud, which reads',
            names: 'CLOUDSDK_AUTH_ACCESS_TOKEN',
            mounts: '--mount=type=secret,id=cloudsdk-auth-access-token,env=CLOUDSDK_AUTH_ACCESS_TOKEN',
            secrets: '--secret id=cloudsdk-auth-access-token,env=CLOUDSDK_AUTH_ACCESS_TOKEN',
          },
        },
      ],
    },
    {
      name: 'a build argument expanded into `aws configure set` on one line: one finding for the one defect',
      code: lines(
        'FROM amazon/aws-cli',
        'ARG AWS_SECRET_ACCESS_KEY',
        'RUN aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"',
      ),
      errors: [
        {
          messageId: 'dockerBuildTimeFetch',
          line: 3,
          data: { what: 'writes credentials into the AWS config with `aws configure set`', ...UNKNOWN },
          suggestions: [
            { messageId: 'removeBuildStep', output: lines('FROM amazon/aws-cli', 'ARG AWS_SECRET_ACCESS_KEY') },
          ],
        },
      ],
    },
    {
      name: 'XC02: a token printed in a builder stage and copied into the shipped stage',
      code: realworld('XC02.Dockerfile'),
      errors: [
        {
          messageId: 'dockerBuildTimeFetch',
          line: 3,
          data: { what: 'prints a Google access token with gcloud', ...GOOGLE },
        },
        {
          messageId: 'dockerCopiedBuildCredential',
          line: 6,
          data: { stage: 'token', path: '/tmp/token', line: '3', what: 'printed by gcloud', ...GOOGLE },
        },
      ],
    },
    {
      name: 'a credentials directory copied from the stage that wrote into it (by stage index)',
      code: lines(
        'FROM amazon/aws-cli',
        'WORKDIR /out',
        'RUN aws sts get-session-token --duration-seconds 129600 > creds/session.json',
        'FROM node:20',
        'COPY --from=0 /out/creds /app/creds',
      ),
      errors: [
        {
          messageId: 'dockerBuildTimeFetch',
          line: 3,
          data: { what: 'asks STS for temporary credentials', ...ASSUMED },
        },
        {
          messageId: 'dockerCopiedBuildCredential',
          line: 5,
          data: { stage: '0', path: '/out/creds/session.json', line: '3', what: 'issued by STS', ...ASSUMED },
        },
      ],
    },
    {
      name: 'XC03: the copied key file and the ENV that points the runtime at it',
      code: realworld('XC03.Dockerfile'),
      errors: [
        {
          messageId: 'dockerKeyFileCopy',
          line: 5,
          data: { keyword: 'COPY', path: 'sa-key.json', what: 'a service-account key file' },
        },
        {
          messageId: 'dockerCredentialPath',
          line: 6,
          data: {
            name: 'GOOGLE_APPLICATION_CREDENTIALS',
            path: '/srv/secrets/sa-key.json',
            keyword: 'COPY',
            line: '5',
          },
        },
      ],
    },
    {
      name: 'an entrypoint that exports fetched credentials for the main process (§4 item 16)',
      code: lines(
        'FROM node:20',
        `ENTRYPOINT ["sh", "-c", "export AWS_SESSION_TOKEN=$(${ECS_FETCH} | jq -r .Token) && exec node app.js"]`,
      ),
      errors: [
        {
          messageId: 'dockerRuntimeExport',
          line: 2,
          column: 1,
          data: { keyword: 'ENTRYPOINT', phrase: 'typically within 6 h' },
        },
      ],
    },
    {
      name: 'CRLF line ends: positions and the suggestion keep them',
      code: 'FROM node:20\r\nENV A=1 AWS_SECRET_ACCESS_KEY=$KEY\r\nRUN npm ci\r\n',
      errors: [
        {
          messageId: 'dockerEnvCredential',
          line: 2,
          column: 9,
          suggestions: [
            {
              messageId: 'useSecretMount',
              output:
                'FROM node:20\r\nENV A=1\r\nRUN --mount=type=secret,id=aws-secret-access-key,env=AWS_SECRET_ACCESS_KEY npm ci\r\n',
            },
          ],
        },
      ],
    },
  ],
});
