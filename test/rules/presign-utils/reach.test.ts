import rule from '../../../rules/presign-max-lifetime/index.js';
import { createRuleTester } from '../../rule-tester.js';

/**
 * Issue 13: presigners reached through other packages (firebase-admin's GCS buckets, Amplify Storage's getUrl),
 * lifetimes given as parameter defaults or passed by a caller in the same file, and messages that name the
 * constant to change. Each shape next to a look-alike that must stay silent.
 */
const V3 = `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({});
`;
const CMD = `new GetObjectCommand({ Bucket: 'b', Key: key })`;
const FIREBASE = `import { getStorage } from 'firebase-admin/storage';\n`;
const AMPLIFY = `import { getUrl } from 'aws-amplify/storage';\n`;
const SIGV4_FAILURE =
  "the SDK rejects the call with 'Signature version 4 presigned URLs must have an expiration date less than one week in the future'";
const GCS_MAX_FAILURE = "the client throws 'Max allowed expiration is seven days (604800 seconds).'";
const AMPLIFY_CLAMP =
  'Amplify silently clamps the URL to the expiration of the Cognito identity-pool credentials that sign it (1 h), so the link dies within the hour';

/** The clamp suggestion's output: `code` with the lifetime text `from` rewritten as `to`. */
const clamp = (code: string, from: string, to: string) => [
  { messageId: 'clampToMaximum' as const, output: code.replace(from, to) },
];

const FIREBASE_TEN_YEARS = `${FIREBASE}const TEN_YEARS_MS = 10 * 365 * 24 * 60 * 60 * 1000;
export async function share(b: string, n: string) {
  const [url] = await getStorage().bucket(b).file(n).getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + TEN_YEARS_MS });
  return url;
}`;
const FIREBASE_ADMIN = `import admin from 'firebase-admin';\nexport const link = (n: string) => admin.storage().bucket().file(n).getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 30 * 864e5 });`;
const AMPLIFY_YEAR = `${AMPLIFY}export async function permanentLink(path: string) {\n  const { url } = await getUrl({ path, options: { expiresIn: 365 * 24 * 3600 } });\n  return url;\n}`;
const AMPLIFY_SERVER = `import { getUrl } from 'aws-amplify/storage/server';\nexport const link = (contextSpec: never, path: string) => getUrl(contextSpec, { path, options: { expiresIn: 86400 } });`;
const DEFAULT_YEAR = `${V3}export async function link(key: string, expiresIn = 31536000) { return getSignedUrl(s3, ${CMD}, { expiresIn }); }`;
const D02 = `${V3}async function signAttachment(key: string, expiresIn: number) {
  return getSignedUrl(s3, ${CMD}, { expiresIn });
}
export async function exportAll(keys: string[]) {
  const exportRequest = {
    linkLifetime: 3600 * 24 * 30,
  };
  return Promise.all(keys.map((k) => signAttachment(k, exportRequest.linkLifetime)));
}
export const quick = (k: string) => signAttachment(k, 600);`;

createRuleTester().run('presign-max-lifetime (issue 13 reach)', rule, {
  valid: [
    // firebase-admin: V4 within a week, and V2 (the default version), which has no client-side maximum.
    `${FIREBASE}export const link = (n: string) => getStorage().bucket().file(n).getSignedUrl({ version: 'v4', action: 'read', expires: Date.now() + 6 * 864e5 });`,
    `${FIREBASE}export const link = (n: string) => getStorage().bucket().file(n).getSignedUrl({ action: 'read', expires: Date.now() + 3650 * 864e5 });`,
    // A getSignedUrl method in a file that reaches no GCS module is someone else's.
    `import { cdn } from './cdn';\nexport const link = (n: string) => cdn.file(n).getSignedUrl({ version: 'v4', expires: Date.now() + 3650 * 864e5 });`,
    // Amplify within the credentials' hour, its default, and an unrelated getUrl.
    `${AMPLIFY}export const link = (path: string) => getUrl({ path, options: { expiresIn: 900 } });`,
    `${AMPLIFY}export const link = (path: string) => getUrl({ path });`,
    `import { getUrl } from './routes';\nexport const link = (path: string) => getUrl({ path, options: { expiresIn: 31536000 } });`,
    // A lifetime parameter: defaults within a week, and callers that pass short or unknown values.
    `${V3}export async function link(key: string, expiresIn = 3600) { return getSignedUrl(s3, ${CMD}, { expiresIn }); }`,
    `${V3}async function sign(key: string, expiresIn: number) { return getSignedUrl(s3, ${CMD}, { expiresIn }); }
export const a = (k: string) => sign(k, 900);
export const b = (k: string, ttl: number) => sign(k, ttl);`,
    // A parameter that is reassigned before use says nothing about what callers pass.
    `${V3}async function sign(key: string, expiresIn: number) { expiresIn = Math.min(expiresIn, 3600); return getSignedUrl(s3, ${CMD}, { expiresIn }); }
export const a = (k: string) => sign(k, 30 * 86400);`,
  ],
  invalid: [
    {
      name: 'firebase-admin: a ten-year V4 URL, named by its constant',
      code: FIREBASE_TEN_YEARS,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 4,
          data: { lifetime: '3650 d (TEN_YEARS_MS)', maximum: '7 d', failure: GCS_MAX_FAILURE },
          suggestions: clamp(FIREBASE_TEN_YEARS, '10 * 365 * 24 * 60 * 60 * 1000', '604800000'),
        },
      ],
    },
    {
      name: 'firebase-admin through the namespace import',
      code: FIREBASE_ADMIN,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 2,
          data: { lifetime: '30 d', maximum: '7 d', failure: GCS_MAX_FAILURE },
          suggestions: clamp(FIREBASE_ADMIN, '30 * 864e5', '7 * 864e5'),
        },
      ],
    },
    {
      name: "Amplify getUrl: a year clamped to the Cognito credentials' hour",
      code: AMPLIFY_YEAR,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 3,
          data: { lifetime: '365 d', maximum: '1 h', failure: AMPLIFY_CLAMP },
          suggestions: clamp(AMPLIFY_YEAR, '365 * 24 * 3600', '3600'),
        },
      ],
    },
    {
      name: 'Amplify getUrl on the server takes the context first',
      code: AMPLIFY_SERVER,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 2,
          data: { lifetime: '1 d', maximum: '1 h', failure: AMPLIFY_CLAMP },
          suggestions: clamp(AMPLIFY_SERVER, '86400', '3600'),
        },
      ],
    },
    {
      name: 'a parameter default of a year',
      code: DEFAULT_YEAR,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 4,
          data: { lifetime: '365 d (expiresIn)', maximum: '7 d', failure: SIGV4_FAILURE },
          suggestions: clamp(DEFAULT_YEAR, '31536000', '604800'),
        },
      ],
    },
    {
      name: 'D02: a 30-day lifetime passed through an object property and a parameter, reported at the constant',
      code: D02,
      errors: [
        {
          messageId: 'aboveMaximum',
          line: 9,
          data: { lifetime: '30 d (linkLifetime)', maximum: '7 d', failure: SIGV4_FAILURE },
          suggestions: clamp(D02, '3600 * 24 * 30', '3600 * 24 * 7'),
        },
      ],
    },
  ],
});
