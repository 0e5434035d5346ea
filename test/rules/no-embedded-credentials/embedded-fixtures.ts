/**
 * Fake credentials for the no-embedded-credentials tests, generated at load time from a fixed seed so that no
 * credential-shaped literal sits in the repository (secret scanners would flag them) while every run sees the same values.
 */
let seed = 0x5eed;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x80000000;
}

function draw(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

const UPPER_DIGITS = 'ABCDEFGHJKLMNPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const fakeKeyId = (prefix: 'AKIA' | 'ASIA'): string => prefix + draw(UPPER_DIGITS, 16);
export const fakeSecretKey = (): string => `${draw(BASE64, 19)}/${draw(BASE64, 20)}`;
export const fakeSessionToken = (): string => `IQoJb3JpZ2luX2Vj${draw(BASE64, 300)}`;
export const fakeGoogleToken = (): string => `ya29.${draw(BASE64URL, 120)}`;
export const fakeRefreshToken = (): string => `1//0${draw(BASE64URL, 96)}`;

/**
 * A Google ID token by default (issuer accounts.google.com, an RS256 signature of a 2048-bit key: 342 characters);
 * `extra` overrides claims, `header` the header, `signatureLength` the signature.
 */
export function fakeJwt(
  exp: Date,
  extra: Record<string, unknown> = {},
  header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' },
  signatureLength = 342,
): string {
  const payload = {
    iss: 'https://accounts.google.com',
    sub: 'svc',
    iat: Math.floor(exp.getTime() / 1000) - 3600,
    exp: Math.floor(exp.getTime() / 1000),
    ...extra,
  };
  return `${encodeJson(header)}.${encodeJson(payload)}.${draw(BASE64URL, signatureLength)}`;
}

const encodeJson = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function fakePem(): string {
  const lines = Array.from({ length: 8 }, () => draw(BASE64, 64));
  return ['-----BEGIN PRIVATE KEY-----', ...lines, '-----END PRIVATE KEY-----', ''].join('\n');
}

/** AWS's own documentation example keys: must stay silent. */
export const AWS_DOC_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const AWS_DOC_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Lines of a file, each ended by `\n`. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/**
 * A PEM block whose DER header declares a 1214-byte key (`MIIEvg...`, an RSA-2048 PKCS#8 key) but holds about 96
 * bytes: what a test or an example keeps of a key after cutting it short.
 */
export function fakeTruncatedPem(): string {
  const der = Buffer.concat([Buffer.from([0x30, 0x82, 0x04, 0xbe]), Buffer.from(draw(BASE64, 92))]);
  const body = der.toString('base64');
  return ['-----BEGIN PRIVATE KEY-----', body.slice(0, 64), body.slice(64), '-----END PRIVATE KEY-----'].join('\n');
}

/** One fake of each kind, shared by the tests (drawn once, in this order, so every run sees the same values). */
export const TEMP_KEY = fakeKeyId('ASIA');
export const LONG_KEY = fakeKeyId('AKIA');
export const SECRET = fakeSecretKey();
export const TOKEN = fakeSessionToken();
export const GOOGLE_TOKEN = fakeGoogleToken();
export const REFRESH = fakeRefreshToken();
export const PEM = fakePem();
export const EXPIRED_JWT = fakeJwt(new Date('2026-05-01T00:00:00Z'));

/** How a message shows a secret: its first 4 characters. */
export const preview = (secret: string): string => `${secret.slice(0, 4)}****`;
