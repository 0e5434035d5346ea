import { describe, expect, it } from 'vitest';
import { assessValues } from '../../../src/analysis/credential-sites.js';
import {
  bundledCredential,
  credentialNameKind,
  findSecretShapes,
  isPlaceholder,
  isSecretKey,
  jwtExpiry,
} from '../../../src/analysis/secret-scan.js';
import { AWS_DOC_KEY_ID, AWS_DOC_SECRET, fakeJwt, fakeKeyId, fakePem, fakeSecretKey } from './embedded-fixtures.js';

describe('secret-scan', () => {
  it('knows placeholders and documentation examples', () => {
    for (const value of [
      AWS_DOC_KEY_ID,
      AWS_DOC_SECRET,
      '<your-secret>',
      '${AWS_SESSION_TOKEN}',
      '$(cat /run/secrets/x)',
      '{{ .Values.token }}',
      'changeme',
      'AKIAXXXXXXXXXXXXXXXX',
      '****************',
      'compute-placeholder',
      'AKIA1234567890ABCDEF',
    ]) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    for (const value of [fakeKeyId('AKIA'), fakeSecretKey()]) expect(isPlaceholder(value), value).toBe(false);
  });

  it('tells an AWS secret key from a hex digest or a word', () => {
    expect(isSecretKey(fakeSecretKey())).toBe(true);
    expect(isSecretKey('a94a8fe5ccb19ba61c4c0873d391e987982fbbd3')).toBe(false);
    expect(isSecretKey('abcdefghijklmnopqrstuvwxyzabcdefghijklmn')).toBe(false);
    expect(isSecretKey(`${fakeSecretKey()}x`)).toBe(false);
  });

  it('reads a JWT exp, and nothing from malformed tokens', () => {
    expect(jwtExpiry(fakeJwt(new Date('2026-05-01T00:00:00Z')))?.toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(jwtExpiry('eyJhbGciOi.eyJzdWIiOi.x')).toBeUndefined();
    const noExp = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.sig`;
    expect(jwtExpiry(noExp)).toBeUndefined();
  });

  it('wants a real body after a PEM header', () => {
    expect(findSecretShapes(fakePem()).map((match) => match.shape)).toEqual(['privateKey']);
    expect(findSecretShapes('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----')).toEqual([]);
  });

  it('finds key ids only at their boundaries', () => {
    const id = fakeKeyId('ASIA');
    expect(findSecretShapes(`id=${id};`).map((match) => [match.shape, match.lifetime])).toEqual([
      ['awsKeyId', 'temporary'],
    ]);
    expect(findSecretShapes(`X${id}`)).toEqual([]);
  });

  it('names bundler-inlined cloud credentials, not public browser keys', () => {
    expect(bundledCredential('REACT_APP_AWS_SESSION_TOKEN')).toEqual({ bundler: 'Create React App' });
    expect(bundledCredential('VITE_S3_SECRET_ACCESS_KEY')).toEqual({ bundler: 'Vite' });
    expect(bundledCredential('NEXT_PUBLIC_MAPBOX_TOKEN')).toBeUndefined();
    expect(bundledCredential('AWS_SESSION_TOKEN')).toBeUndefined();
  });

  it('reads a bare Token as a session token only beside AccessKeyId', () => {
    expect(credentialNameKind('Token')).toBeUndefined();
    expect(credentialNameKind('Token', new Set(['AccessKeyId', 'Token']))).toBe('aws-session-token');
    expect(credentialNameKind('sessionToken')).toBe('aws-session-token');
  });
});

describe('credential-sites pairing', () => {
  const site = (name: string | null, value: string, line: number) => ({ node: { line }, name, value, line });

  it('pairs a key id with a secret within 5 lines, reported at the key id and at the secret on its own line', () => {
    const findings = assessValues([site('id', fakeKeyId('AKIA'), 1), site(null, fakeSecretKey(), 6)], {
      loneTemporaryKeyIds: false,
      bundledNames: false,
    });
    expect(findings.map((finding) => [finding.kind, finding.node.line])).toEqual([
      ['longLivedKey', 1],
      ['secretKey', 6],
    ]);
  });

  it('reports a pair on one line once', () => {
    const line = { node: { line: 1 }, name: null, value: `${fakeKeyId('AKIA')}:${fakeSecretKey()}`, line: 1 };
    expect(
      assessValues([line], { loneTemporaryKeyIds: false, bundledNames: false }).map((finding) => finding.kind),
    ).toEqual(['longLivedKey']);
  });

  it('does not pair across more than 5 lines', () => {
    expect(
      assessValues([site('id', fakeKeyId('AKIA'), 1), site(null, fakeSecretKey(), 7)], {
        loneTemporaryKeyIds: false,
        bundledNames: false,
      }),
    ).toEqual([]);
  });

  it('reports a lone ASIA key only where asked (config files)', () => {
    const sites = [site('id', fakeKeyId('ASIA'), 1)];
    expect(assessValues(sites, { loneTemporaryKeyIds: false, bundledNames: false })).toEqual([]);
    expect(
      assessValues(sites, { loneTemporaryKeyIds: true, bundledNames: false }).map((finding) => finding.kind),
    ).toEqual(['temporaryKeyId']);
  });
});

describe('maskSecretsInText', () => {
  it('masks shapes, secret keys and values under credential names, and leaves the rest', async () => {
    const { maskSecretsInText } = await import('../../../src/analysis/secret-scan.js');
    const text = [
      "const id = 'ASIAZ7QX3PLMW4RT8KVN';",
      "const key = 'h7Gk2pQ9xR4mT8vW1zB6nL3cY5dF0sJ2aE9uK4oP';",
      'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJGMEQCIQm7Rt2Vx9Lp6Jb4Gh1',
      "const placeholder = { sessionToken: 'your-session-token-goes-here' };",
      "const url = 'https://example.com/a/very/long/path/that/is/not/a/secret';",
    ].join('\n');
    expect(maskSecretsInText(text)).toBe(
      [
        "const id = 'ASIA****';",
        "const key = 'h7Gk****';",
        'AWS_SESSION_TOKEN=IQoJ****',
        "const placeholder = { sessionToken: 'your-session-token-goes-here' };",
        "const url = 'https://example.com/a/very/long/path/that/is/not/a/secret';",
      ].join('\n'),
    );
  });
});
