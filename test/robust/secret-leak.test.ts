import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempRepo } from '../codemod/helpers.js';
import { lintAll } from './lint-all.js';
import { leakedSlices, PEM, PEM_ESCAPED, SAS_URL, SECRETS as S } from './planted-secrets.js';

/** Secrets of every shape planted in every file type the plugin reads, under telling and meaningless names. */
const FILES: Record<string, string> = {
  'src/clients.ts': [
    "import { S3Client } from '@aws-sdk/client-s3';",
    "import { fromInstanceMetadata, fromHttp } from '@aws-sdk/credential-providers';",
    `// pasted from the console: ${S.temporaryKeyId} ${S.secretKey}`,
    `const fallback = { accessKeyId: '${S.longTermKeyId}', secretAccessKey: '${S.secretKey}', sessionToken: '${S.sessionToken}' };`,
    `const stsTok = '${S.sessionToken}';`,
    `const bearer = '${S.jwtWithExp}'; const idt = '${S.jwtWithoutExp}';`,
    `const gtok = '${S.googleAccessToken}'; const grefresh = '${S.googleRefreshToken}';`,
    `const conn = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${S.azureAccountKey};EndpointSuffix=core.windows.net';`,
    `const sas = '${SAS_URL}';`,
    `const pem = "${PEM_ESCAPED}";`,
    `export const viaHttp = fromHttp({ awsContainerCredentialsFullUri: 'http://169.254.170.23/v1/credentials', awsContainerAuthorizationToken: '${S.sessionToken}' });`,
    'const creds = await fromInstanceMetadata()();',
    'export const s3 = new S3Client({ credentials: creds });',
    'export const backup = new S3Client({ credentials: fallback });',
    `export const inline = new S3Client({ credentials: { accessKeyId: '${S.temporaryKeyId}', secretAccessKey: '${S.secretKey}', sessionToken: '${S.sessionToken}' } });`,
    'export const all = [stsTok, bearer, idt, gtok, grefresh, conn, sas, pem];',
    '',
  ].join('\n'),
  Dockerfile: [
    'FROM node:20',
    `ENV AWS_ACCESS_KEY_ID=${S.temporaryKeyId} AWS_SECRET_ACCESS_KEY=${S.secretKey}`,
    `ARG AWS_SESSION_TOKEN=${S.sessionToken}`,
    `ARG GOOGLE_TOKEN=${S.googleAccessToken}`,
    `RUN echo ${S.jwtWithoutExp} > /tmp/t && echo "${S.googleRefreshToken}" > /tmp/r`,
    '',
  ].join('\n'),
  'broken.Dockerfile': ['FROM node:20', `${S.temporaryKeyId}`, `${S.secretKey} ${S.sessionToken}`, ''].join('\n'),
  '.env': [
    `AWS_ACCESS_KEY_ID=${S.longTermKeyId}`,
    `AWS_SECRET_ACCESS_KEY=${S.secretKey}`,
    `AWS_SESSION_TOKEN=${S.sessionToken}`,
    `STS_TOK=${S.sessionToken}`,
    `ID_TOKEN=${S.jwtWithoutExp}`,
    `PRIVATE_KEY="${PEM_ESCAPED}"`,
    '',
  ].join('\n'),
  // The key id makes the .env language parse it (a file without any trigger is not parsed, so has no parse error).
  'broken.env': [`${S.secretKey} ${S.sessionToken} ${S.temporaryKeyId}`, ''].join('\n'),
  'service-account.json': JSON.stringify(
    {
      type: 'service_account',
      project_id: 'p',
      private_key_id: 'k1',
      private_key: PEM,
      client_email: 'sa@p.iam.gserviceaccount.com',
      refresh_token: S.googleRefreshToken,
    },
    null,
    2,
  ),
  'creds.json': JSON.stringify(
    {
      AccessKeyId: S.temporaryKeyId,
      SecretAccessKey: S.secretKey,
      Token: S.sessionToken,
      Expiration: '2030-01-01T00:00:00Z',
      jwt: S.jwtWithExp,
    },
    null,
    2,
  ),
  'broken.json': `{ "AccessKeyId": "${S.temporaryKeyId}", "SecretAccessKey": "${S.secretKey}" "Token": "${S.sessionToken}" `,
  'config.yaml': [
    'aws:',
    `  aws_access_key_id: ${S.longTermKeyId}`,
    `  aws_secret_access_key: ${S.secretKey}`,
    `  aws_session_token: ${S.sessionToken}`,
    `google_token: ${S.googleAccessToken}`,
    `account_key: "${S.azureAccountKey}"`,
    'private_key: |',
    ...PEM.split('\n').map((line) => `  ${line}`),
    '',
  ].join('\n'),
  'broken.yaml': [`key: ${S.secretKey}`, `  - ${S.sessionToken}: [`, `token: {${S.jwtWithExp}`, ''].join('\n'),
};

describe('no channel prints any 12-character slice of a planted secret', () => {
  it.each(Object.keys(FILES))('ESLint messages, suggestion descriptions and parse errors of %s', (file) => {
    const messages = lintAll(FILES[file], file);
    const printed = messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]).join('\n');
    if (file.startsWith('broken')) expect(messages.some((m) => m.fatal)).toBe(true);
    else expect(messages.length).toBeGreaterThan(0);
    expect(leakedSlices(printed)).toEqual([]);
  });

  it("the codemod's --dry diff and summary, --json and --report", async () => {
    const repo = tempRepo(FILES);
    const dry = await cli(repo, ['migrate', '--dry', '--report', 'report.json']);
    expect(dry.code).toBe(0);
    // The fix is in the diff, so the planted lines around it are printed as context: masked.
    expect(dry.stdout).toContain('+export const s3 = new S3Client({ credentials: fromInstanceMetadata() });');
    const json = await cli(repo, ['migrate', '--dry', '--json']);
    const report = readFileSync(join(repo, 'report.json'), 'utf8');
    for (const [channel, output] of Object.entries({
      dryStdout: dry.stdout,
      dryStderr: dry.stderr,
      json: json.stdout,
      jsonStderr: json.stderr,
      report,
    })) {
      expect({ channel, leaks: leakedSlices(output) }).toEqual({ channel, leaks: [] });
    }
  });
});
