import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Module-level Maps of presigned or signed URLs from the app's own wrapper around a presigner (search results with
// playback links, product image components, attachment viewers in public Next.js and Express apps). Without type
// information the wrapper's body is in another file; its name is the signal. Each has a look-alike among the valid.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    // A Map of promises of presigned URLs: the first promise is handed out forever.
    code: lines(
      `import { getPresignedObjectUrl } from './storage';`,
      'const playbackUrls = new Map<string, Promise<string>>();',
      'export const playbackUrl = (bucket: string, key: string) => {',
      '  const existing = playbackUrls.get(key);',
      '  if (existing) return existing;',
      '  const pending = getPresignedObjectUrl({ bucket, key });',
      '  playbackUrls.set(key, pending);',
      '  return pending;',
      '};',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 2 }],
  },
  {
    // A React component's module cache, filled in a `.then` callback.
    code: lines(
      `import { getSignedImageUrl } from './image-upload';`,
      'const signedUrlCache = new Map<string, string>();',
      'export function prefetch(imageUrl: string) {',
      '  if (signedUrlCache.has(imageUrl)) return;',
      '  getSignedImageUrl(imageUrl).then((url) => signedUrlCache.set(imageUrl, url));',
      '}',
      'export const cachedImage = (imageUrl: string) => signedUrlCache.get(imageUrl);',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 2 }],
  },
  {
    code: lines(
      `const { generatePresignedUrl } = require('../lib/s3');`,
      'const urls = {};',
      'module.exports = async function avatarUrl(userId) {',
      '  if (!urls[userId]) urls[userId] = await generatePresignedUrl(`avatars/${userId}.png`);',
      '  return urls[userId];',
      '};',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 2 }],
  },
  {
    // A gallery helper's Map of download links from `signDownloadUrl`, never dropped.
    code: lines(
      `const { signDownloadUrl } = require('../helpers/sign');`,
      'const links = new Map();',
      'module.exports = async function linkFor(key) {',
      '  if (links.has(key)) return links.get(key);',
      '  const url = await signDownloadUrl(key);',
      '  links.set(key, url);',
      '  return url;',
      '};',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 2 }],
  },
];

const TTL_CACHE = (options: string) =>
  lines(
    `import { LRUCache } from 'lru-cache';`,
    `import { S3Service } from '@/lib/s3';`,
    `const presignedUrlCache = new LRUCache<string, string>(${options});`,
    'export async function GET(key: string) {',
    '  let url = presignedUrlCache.get(key);',
    '  if (!url) {',
    '    url = await S3Service.generatePresignedDownloadUrl(process.env.BUCKET!, key, 24 * 3600);',
    '    presignedUrlCache.set(key, url);',
    '  }',
    '  return url;',
    '}',
  );
invalid.push(
  // An LRU cache bounded by size only (or with a zero TTL, lru-cache's "none") keeps a hot entry forever.
  { code: TTL_CACHE('{ max: 500 }'), errors: [{ messageId: 'moduleTokenCache', line: 3 }] },
  { code: TTL_CACHE('{ max: 500, ttl: 0 }'), errors: [{ messageId: 'moduleTokenCache', line: 3 }] },
);

const valid: (string | ValidTestCase<[]>)[] = [
  // A TTL cache drops each URL itself (lru-cache `ttl`, node-cache `stdTTL`).
  TTL_CACHE('{ max: 500, ttl: 23 * 60 * 60 * 1000 }'),
  TTL_CACHE('{ stdTTL: 600 }').replace(`import { LRUCache } from 'lru-cache';`, `import LRUCache from 'node-cache';`),
  // Signed per request.
  lines(
    `import { getPresignedObjectUrl } from './storage';`,
    'export const playbackUrl = (bucket: string, key: string) => getPresignedObjectUrl({ bucket, key });',
  ),
  // Names that only look like presigners: an upload through a presigned URL, a check, signed cookies.
  lines(
    `import { uploadToPresignedUrl, isPresigned, getSignedCookies } from './storage';`,
    'const results = new Map<string, unknown>();',
    'export async function upload(key: string, body: Blob) {',
    '  if (results.has(key)) return results.get(key);',
    '  results.set(key, await uploadToPresignedUrl(key, body));',
    '  results.set(`${key}:check`, isPresigned(key));',
    '  results.set(`${key}:cookies`, await getSignedCookies(key));',
    '  return results.get(key);',
    '}',
  ),
  // Sign-in and sign-up pages are URLs that do not expire.
  lines(
    `import { signInUrl, signupUrl, signOutURL } from './auth-links';`,
    'const pages = new Map<string, string>();',
    'export function page(tenant: string) {',
    '  if (!pages.has(tenant)) pages.set(tenant, signInUrl(tenant) + signupUrl(tenant) + signOutURL(tenant));',
    '  return pages.get(tenant);',
    '}',
  ),
  // The URL kept with its expiry and signed again before it passes.
  lines(
    `import { getSignedImageUrl } from './image-upload';`,
    'const cache = new Map<string, { url: string; expiresAt: number }>();',
    'export async function imageUrl(key: string) {',
    '  const hit = cache.get(key);',
    '  if (hit && hit.expiresAt > Date.now()) return hit.url;',
    '  const url = await getSignedImageUrl(key);',
    '  cache.set(key, { url, expiresAt: Date.now() + 10 * 60 * 1000 });',
    '  return url;',
    '}',
  ),
  // A local function of the same name that returns a plain public URL.
  lines(
    'function getSignedUrl(key: string) { return `https://cdn.example.test/${key}`; }',
    'const urls = new Map<string, string>();',
    'export function url(key: string) {',
    '  if (!urls.has(key)) urls.set(key, getSignedUrl(key));',
    '  return urls.get(key);',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (named presigner wrappers)', rule, { valid, invalid });

// `{ presignedUrl }` / `{ signedUrl }` fields of a response the rule cannot follow (an Angular service's HTTP call, a
// fetched JSON body), kept on a root-provided service or in module scope.
const ANGULAR_LINKS = (store: string) =>
  lines(
    `import { Injectable } from '@angular/core';`,
    `import { FileUploadService } from './file-upload.service';`,
    "@Injectable({ providedIn: 'root' })",
    'export class AttachmentLinks {',
    '  private presignedUrlCache = new Map<string, string>();',
    '  constructor(private readonly uploads: FileUploadService) {}',
    '  viewUrl(s3Url: string): string | null {',
    '    if (this.presignedUrlCache.has(s3Url)) return this.presignedUrlCache.get(s3Url) ?? null;',
    '    this.uploads.getDownloadUrl(s3Url).subscribe((response: { presignedUrl?: string; name?: string }) => {',
    `      if (response?.presignedUrl) this.presignedUrlCache.set(s3Url, ${store});`,
    '    });',
    '    return null;',
    '  }',
    '}',
  );
const FETCHED_LINK = (field: string) =>
  lines(
    'const links: Record<string, string> = {};',
    'export async function link(id: string) {',
    '  if (links[id]) return links[id];',
    '  const res = await fetch(`/api/files/${id}/download`);',
    `  links[id] = (await res.json()).${field};`,
    '  return links[id];',
    '}',
  );

createRuleTester().run('no-module-token-cache (presigned URL fields)', rule, {
  valid: [
    // The same service keeping another field of the response.
    ANGULAR_LINKS('response.name!'),
    FETCHED_LINK('publicUrl'),
  ],
  invalid: [
    { code: ANGULAR_LINKS('response.presignedUrl'), errors: [{ messageId: 'moduleTokenCache', line: 5 }] },
    { code: FETCHED_LINK('signedUrl'), errors: [{ messageId: 'moduleTokenCache', line: 1 }] },
  ],
});
