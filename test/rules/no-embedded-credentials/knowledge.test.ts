import json from '@eslint/json';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import * as yamlParser from 'yaml-eslint-parser';
import plugin from '../../../src/index.js';
import {
  AWS_KEY_ID_PREFIXES,
  BUILD_TIME_CREDENTIAL_FETCHES,
  BUNDLER_ENV_PREFIXES,
  CREDENTIAL_FILE_POINTERS,
  CREDENTIAL_NAMES,
  ENV_READING_TOOLS,
  EXTERNAL_ACCOUNT_EC2_METADATA,
  GOOGLE_CREDENTIAL_FILE_TYPES,
  KEY_FILE_NAMES,
  PLACEHOLDER_STUBS,
  PLACEHOLDER_VALUES,
  PUBLIC_TEST_CREDENTIALS,
  SECRET_SHAPES,
  type CredentialValueKind,
} from '../../../src/knowledge/secrets.js';
import {
  fakeGoogleToken,
  fakeJwt,
  fakeKeyId,
  fakePem,
  fakeRefreshToken,
  fakeSecretKey,
  fakeSessionToken,
} from './embedded-fixtures.js';

/**
 * Every entry of src/knowledge/secrets.ts is used: the canonical wrong file built from the entry's own data is
 * reported by no-embedded-credentials with the entry's message. A new entry no check reads fails here.
 */
const RULE = 'credential-expiry/no-embedded-credentials';
const config: Linter.Config[] = [
  {
    files: ['**/Dockerfile'],
    plugins: { 'credential-expiry': plugin },
    language: 'credential-expiry/dockerfile',
    rules: { [RULE]: 'error' },
  },
  {
    files: ['**/.env'],
    plugins: { 'credential-expiry': plugin },
    language: 'credential-expiry/dotenv',
    rules: { [RULE]: 'error' },
  },
  {
    files: ['**/*.json'],
    plugins: { 'credential-expiry': plugin, json },
    language: 'json/json',
    rules: { [RULE]: 'error' },
  },
  {
    files: ['**/*.yaml'],
    plugins: { 'credential-expiry': plugin },
    languageOptions: { parser: yamlParser },
    rules: { [RULE]: 'error' },
  },
  { files: ['**/*.js'], plugins: { 'credential-expiry': plugin }, rules: { [RULE]: 'error' } },
];

function report(
  text: string,
  filename: string,
  settings?: Record<string, unknown>,
): { messageId?: string; message: string; line: number }[] {
  const messages = new Linter().verify(text, settings ? [...config, { settings }] : config, filename);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${fatal.message}\n${text}`);
  return messages.map(({ messageId, message, line }) => ({ messageId, message, line }));
}

const VALUES: Record<CredentialValueKind, () => string> = {
  'aws-key-id': () => fakeKeyId('ASIA'),
  'aws-secret-key': fakeSecretKey,
  'aws-session-token': fakeSessionToken,
  'google-access-token': fakeGoogleToken,
  'refresh-token': fakeRefreshToken,
};
const MESSAGE_OF: Record<CredentialValueKind, string> = {
  'aws-key-id': 'temporaryKeyId',
  'aws-secret-key': 'secretKey',
  'aws-session-token': 'sessionToken',
  'google-access-token': 'googleAccessToken',
  'refresh-token': 'refreshToken',
};

describe('src/knowledge/secrets.ts: every entry is used by no-embedded-credentials', () => {
  it.each(AWS_KEY_ID_PREFIXES.map((entry) => [entry.prefix, entry] as const))('key id prefix %s', (prefix, entry) => {
    const found = report(`KEY_ID=${fakeKeyId(prefix as 'AKIA' | 'ASIA')}\nKEY_SECRET=${fakeSecretKey()}\n`, '.env');
    expect(found[0]?.messageId).toBe(entry.lifetime === 'temporary' ? 'temporaryKeyId' : 'longLivedKey');
  });

  const shapeExamples: Record<keyof typeof SECRET_SHAPES, [text: string, messageId: string]> = {
    awsKeyId: [`ID=${fakeKeyId('ASIA')}`, 'temporaryKeyId'],
    awsSecretKey: [`AWS_SECRET_ACCESS_KEY=${fakeSecretKey()}`, 'secretKey'],
    googleAccessToken: [`T=${fakeGoogleToken()}`, 'googleAccessToken'],
    privateKey: [`K="${fakePem()}"`, 'privateKey'],
    jwt: [`J=${fakeJwt(new Date('2026-05-01T00:00:00Z'))}`, 'jwtExpired'],
    azureAccountKey: [
      `C=DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${fakeSecretKey()}${fakeSecretKey()}==;EndpointSuffix=core.windows.net`,
      'azureAccountKey',
    ],
    azureSas: [
      `SAS=sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-05-01T00%3A00%3A00Z&st=2026-04-01T00%3A00%3A00Z&spr=https&sig=${encodeURIComponent(fakeSecretKey())}`,
      'azureSasExpired',
    ],
  };
  it.each(Object.entries(shapeExamples))('secret shape %s', (id, [text, messageId]) => {
    expect(SECRET_SHAPES).toHaveProperty(id);
    expect(report(`${text}\n`, '.env').map((m) => m.messageId)).toEqual([messageId]);
  });

  it.each(CREDENTIAL_NAMES.map((entry) => [entry.name, entry] as const))('credential name %s', (name, entry) => {
    const value = VALUES[entry.holds]();
    const object = 'onlyWithSibling' in entry ? { [entry.onlyWithSibling]: 'x', [name]: value } : { [name]: value };
    expect(report(JSON.stringify(object), 'creds.json').map((m) => m.messageId)).toEqual([MESSAGE_OF[entry.holds]]);
  });

  it.each(BUNDLER_ENV_PREFIXES.map((entry) => [entry.prefix, entry] as const))('bundler prefix %s', (prefix, entry) => {
    const [found] = report(`export const token = process.env.${prefix}AWS_SESSION_TOKEN;\n`, 'app.js');
    expect(found?.messageId).toBe('bundledCredential');
    expect(found?.message).toContain(entry.bundler);
  });

  it.each(GOOGLE_CREDENTIAL_FILE_TYPES.map((entry) => [entry.type, entry] as const))(
    'Google credential file type %s',
    (type, entry) => {
      if (entry.secretField === null) {
        for (const host of EXTERNAL_ACCOUNT_EC2_METADATA.hosts) {
          for (const platform of EXTERNAL_ACCOUNT_EC2_METADATA.platforms) {
            const file = JSON.stringify({
              type,
              credential_source: {
                environment_id: 'aws1',
                url: `http://${host}/latest/meta-data/iam/security-credentials`,
              },
            });
            expect(report(file, 'wif.json', { 'credential-expiry': { platform } }).map((m) => m.messageId)).toEqual([
              'externalAccountOnContainers',
            ]);
          }
        }
        return;
      }
      const secret =
        entry.secretField === 'private_key'
          ? fakePem()
          : entry.secretField === 'refresh_token'
            ? fakeRefreshToken()
            : { type: 'authorized_user', refresh_token: fakeRefreshToken() };
      const found = report(JSON.stringify({ type, [entry.secretField]: secret }), 'key.json');
      expect(found.map((m) => m.messageId)).toEqual(['googleKeyFile']);
      expect(found[0].message).toContain(entry.what);
    },
  );

  it.each(BUILD_TIME_CREDENTIAL_FETCHES.map((entry) => [entry.id, entry] as const))(
    'build-time fetch %s',
    (_id, entry) => {
      const found = report(`FROM alpine\nRUN ${entry.example}\n`, 'Dockerfile');
      expect(found.map((m) => m.messageId)).toEqual(['dockerBuildTimeFetch']);
      expect(found[0].message).toContain(entry.what);
    },
  );

  it.each(KEY_FILE_NAMES.map((entry) => [entry.id, entry] as const))('key file name %s', (_id, entry) => {
    const found = report(`FROM alpine\nCOPY ${entry.example} /etc/app/\n`, 'Dockerfile');
    expect(found.map((m) => m.messageId)).toEqual(['dockerKeyFileCopy']);
    expect(found[0].message).toContain(entry.what);
  });

  it.each(CREDENTIAL_FILE_POINTERS.envNames.map((name) => [name]))('credential file pointer %s', (name) => {
    const found = report(`FROM alpine\nCOPY . /app\nENV ${name}=/app/secrets/x.json\n`, 'Dockerfile');
    expect(found.map((m) => [m.messageId, m.line])).toEqual([['dockerCredentialPath', 3]]);
  });

  it.each(ENV_READING_TOOLS.map((entry) => [entry.id, entry] as const))(
    'tool that reads credentials from the environment: %s',
    (_id, entry) => {
      for (const name of entry.reads) {
        const found = report(`FROM alpine\nARG ${name}\nRUN ${entry.example}\n`, 'Dockerfile');
        expect(
          found.map((m) => [m.messageId, m.line]),
          name,
        ).toEqual([['dockerRunUsesBuildArg', 3]]);
        expect(found[0].message).toContain(entry.tool);
      }
    },
  );

  it.each(PUBLIC_TEST_CREDENTIALS.map((entry) => [entry.id, entry] as const))(
    'published emulator or documentation credential: %s',
    (_id, entry) => {
      for (const value of entry.values)
        expect(report(`AWS_SECRET_ACCESS_KEY=${value}\nAZURE_STORAGE_KEY=${value}\n`, '.env'), value).toEqual([]);
      for (const marker of entry.markers) {
        const connection = `DefaultEndpointsProtocol=https;${marker};AccountKey=${fakeSecretKey()}${fakeSecretKey()}==;`;
        expect(report(`AZURE_STORAGE_CONNECTION_STRING="${connection}"\n`, '.env'), marker).toEqual([]);
      }
    },
  );

  it('placeholder stubs: each word, alone or joined, and alphabet runs stay silent in a Dockerfile ENV', () => {
    const values = [
      ...PLACEHOLDER_STUBS.words,
      ...PLACEHOLDER_STUBS.words.map((word) => `${word}-session-token`),
      ...PLACEHOLDER_STUBS.alphabetRuns,
    ];
    for (const value of values)
      expect(report(`FROM alpine\nENV AWS_SESSION_TOKEN=${value}\n`, 'Dockerfile'), value).toEqual([]);
    expect(report('FROM alpine\nENV AWS_SESSION_TOKEN=s3cr3t-from-ci\n', 'Dockerfile').map((m) => m.messageId)).toEqual(
      ['dockerEnvCredential'],
    );
  });

  it('placeholders: the AWS documentation keys and Google placeholder tokens', () => {
    const [id, secret] = PLACEHOLDER_VALUES.awsExampleKeys;
    expect(report(`AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${secret}\n`, '.env')).toEqual([]);
    for (const token of PLACEHOLDER_VALUES.googlePlaceholderTokens)
      expect(report(JSON.stringify({ type: 'authorized_user', refresh_token: token }), 'a.json')).toEqual([]);
  });
});
