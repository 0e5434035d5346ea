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

export function fakeJwt(exp: Date, extra: Record<string, unknown> = {}): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { sub: 'svc', iat: Math.floor(exp.getTime() / 1000) - 3600, exp: Math.floor(exp.getTime() / 1000), ...extra };
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(payload)}.${draw(BASE64URL, 86)}`;
}

export function fakePem(): string {
  const lines = Array.from({ length: 8 }, () => draw(BASE64, 64));
  return ['-----BEGIN PRIVATE KEY-----', ...lines, '-----END PRIVATE KEY-----', ''].join('\n');
}

/** AWS's own documentation example keys: must stay silent. */
export const AWS_DOC_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const AWS_DOC_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Lines of a file, each ended by `\n`. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;
