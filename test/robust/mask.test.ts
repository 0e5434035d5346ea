import { describe, expect, it } from 'vitest';
import { maskSecretsInText } from '../../src/analysis/secret-scan.js';
import { leakedSlices, PEM, PEM_ESCAPED, SAS_URL, SECRETS } from './planted-secrets.js';

describe('maskSecretsInText masks every secret shape, whatever it is called', () => {
  it.each(Object.entries(SECRETS).filter(([name]) => name !== 'pemBody'))(
    '%s under a name that says nothing',
    (_name, secret) => {
      for (const text of [`const stsTok = '${secret}';`, `// pasted: ${secret}`, `x=${secret}`, `"v": "${secret}"`]) {
        const masked = maskSecretsInText(text);
        expect(leakedSlices(masked)).toEqual([]);
        // At most 4 characters of it remain, followed by the mask.
        expect(masked).toContain(`${secret.slice(0, 4)}****`);
      }
    },
  );

  it('all of a PEM body, as lines, as an escaped JSON string and cut off before its END line', () => {
    for (const text of [
      PEM,
      `{ "private_key": "${PEM_ESCAPED}" }`,
      PEM.split('\n').slice(0, 4).join('\n'),
      `+${PEM.split('\n').join('\n+')}`,
    ]) {
      expect(leakedSlices(maskSecretsInText(text))).toEqual([]);
    }
    expect(maskSecretsInText(PEM)).toMatch(/^-----BEGIN PRIVATE KEY-----.{0,5}\*\*\*\*-----END PRIVATE KEY-----$/su);
  });

  it('a SAS signature in a URL, the rest of the URL kept', () => {
    const masked = maskSecretsInText(SAS_URL);
    expect(leakedSlices(masked)).toEqual([]);
    expect(masked).toContain(
      'https://acct.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=',
    );
  });

  it('a generated value right after a credential-like name', () => {
    const masked = maskSecretsInText("const apiToken = 'tk_9f8e7d6c5b4a39281706';");
    expect(masked).not.toContain('9f8e7d6c5b4a');
  });
});

describe('maskSecretsInText leaves ordinary code exactly as it is', () => {
  it.each([
    'export const client = new S3Client({ credentials: s3.config.credentials });',
    'const token = await auth.getAccessToken(); const secretAccessKey = creds.secretAccessKey;',
    'sessionToken: process.env.AWS_SESSION_TOKEN_FOR_THE_BACKGROUND_WORKER2,',
    'const credentialProviderChainForTheBackgroundWorker2 = fromNodeProviderChain();',
    "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers/dist-cjs/fromTemporaryCredentials';",
    'const commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";',
    'AbstractSingletonProxyFactoryBean2Config.getCredentialsFromEnvironmentVariables42();',
    'ARG NPM_TOKEN\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci',
    '-----BEGIN PRIVATE KEY-----\n<paste your key here>\n-----END PRIVATE KEY-----',
  ])('%s', (code) => {
    expect(maskSecretsInText(code)).toBe(code);
  });

  it('runs in linear time on hostile text (a megabyte of separators and repeated names)', () => {
    for (const text of [
      'a='.repeat(500_000),
      'token'.repeat(200_000),
      `${'x:/'.repeat(300_000)}`,
      'A'.repeat(1_000_000),
      'eyJ.'.repeat(250_000),
    ]) {
      expect(maskSecretsInText(text).length).toBeGreaterThan(0);
    }
  });
});
