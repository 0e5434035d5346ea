import { createHash } from 'node:crypto';

/**
 * Secrets of every shape, fake but well-formed (not AWS's documented examples, so scanners treat them as real).
 * Built from pieces so this file holds no secret-shaped literal a scanner would flag in the repository itself.
 */
/** Deterministic random base64 of `length` characters (SHA-512 of the seed and a counter). */
const b64 = (seed: number, length: number): string => {
  let out = '';
  for (let block = 0; out.length < length; block++)
    out += createHash('sha512').update(`${seed}:${block}`).digest('base64').replace(/=+$/u, '');
  return out.slice(0, length);
};
const b64url = (seed: number, length: number) => b64(seed, length).replace(/\+/gu, '-').replace(/\//gu, '_');
const json64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const pemBody = Array.from({ length: 6 }, (_, i) => b64(100 + i, 64));

export const SECRETS = {
  longTermKeyId: `AKIA${'Q7ZR3XPLMW4TVN8K'}`,
  temporaryKeyId: `ASIA${'Z7QX3PLMW4RT8KVN'}`,
  secretKey: b64(7, 40),
  sessionToken: `IQoJ${b64(11, 380)}`,
  jwtWithExp: `${json64({ alg: 'RS256', typ: 'JWT' })}.${json64({ sub: 'svc', exp: 1900000000 })}.${b64url(13, 86)}`,
  jwtWithoutExp: `${json64({ alg: 'HS256', typ: 'JWT' })}.${json64({ sub: 'svc', iss: 'https://accounts.google.com' })}.${b64url(17, 43)}`,
  googleAccessToken: `ya29.${b64url(19, 120)}`,
  googleRefreshToken: `1//0${b64url(23, 98)}`,
  azureAccountKey: `${b64(29, 86)}==`,
  sasSignature: `${b64(31, 43).replace(/[+/]/gu, 'x')}%3D`,
  pemBody: pemBody.join(''),
} as const;

export const PEM = ['-----BEGIN PRIVATE KEY-----', ...pemBody, '-----END PRIVATE KEY-----'].join('\n');
export const PEM_ESCAPED = PEM.replace(/\n/gu, '\\n');
export const SAS_URL = `https://acct.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=${SECRETS.sasSignature}`;

/** Every 12-character slice of every planted secret found in `output` (PEM: of each body line). */
export function leakedSlices(output: string): string[] {
  const leaks: string[] = [];
  const secrets: string[] = [...Object.values(SECRETS).filter((s) => s !== SECRETS.pemBody), ...pemBody];
  for (const secret of secrets) {
    for (let i = 0; i + 12 <= secret.length; i++) {
      const slice = secret.slice(i, i + 12);
      if (output.includes(slice)) {
        leaks.push(`${secret.slice(0, 4)}… (slice at ${i})`);
        break;
      }
    }
  }
  return leaks;
}
