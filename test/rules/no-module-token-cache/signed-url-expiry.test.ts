import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Presigned URLs kept per key in a Map or a record: when the lifetime they are signed for is in reach of the write,
// the suggestion keeps a deadline per key next to them (migration-safe); otherwise the finding stays for a person.
const lines = (...text: string[]) => text.join('\n');
const SUPABASE = lines(
  `import { createClient } from '@supabase/supabase-js';`,
  'const supabase = createClient(process.env.URL, process.env.KEY);',
);
const S3 = lines(
  `import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';`,
  `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';`,
  'const s3 = new S3Client({});',
);

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    name: 'Supabase: a Map tested with has(), the lifetime a parameter with a default',
    filename: 'urls.js',
    code: lines(
      SUPABASE,
      'const urls = new Map();',
      'export async function url(path, ttl = 300) {',
      '  if (urls.has(path)) return urls.get(path);',
      "  const { data } = await supabase.storage.from('media').createSignedUrl(path, ttl);",
      '  urls.set(path, data.signedUrl);',
      '  return data.signedUrl;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'expireWithSignedUrl',
            output: lines(
              SUPABASE,
              'const urls = new Map();',
              'const urlsExpiresAt = new Map();',
              'export async function url(path, ttl = 300) {',
              '  if (urls.has(path) && Date.now() < (urlsExpiresAt.get(path) ?? 0)) return urls.get(path);',
              "  const { data } = await supabase.storage.from('media').createSignedUrl(path, ttl);",
              '  urls.set(path, data.signedUrl);',
              '  urlsExpiresAt.set(path, Date.now() + (ttl - 60) * 1000);',
              '  return data.signedUrl;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'S3 getSignedUrl: a typed Map read through a const local, expiresIn a module constant',
    filename: 'links.ts',
    code: lines(
      S3,
      'const LINK_SECONDS = 10 * 60;',
      'const links = new Map<string, string>();',
      'export async function link(key: string): Promise<string> {',
      '  const hit = links.get(key);',
      '  if (hit) return hit;',
      "  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: LINK_SECONDS });",
      '  links.set(key, url);',
      '  return url;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
        suggestions: [
          {
            messageId: 'expireWithSignedUrl',
            output: lines(
              S3,
              'const LINK_SECONDS = 10 * 60;',
              'const links = new Map<string, string>();',
              'const linksExpiresAt = new Map<string, number>();',
              'export async function link(key: string): Promise<string> {',
              '  const hit = links.get(key);',
              '  if (hit && Date.now() < (linksExpiresAt.get(key) ?? 0)) return hit;',
              "  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: LINK_SECONDS });",
              '  links.set(key, url);',
              '  linksExpiresAt.set(key, Date.now() + (LINK_SECONDS - 60) * 1000);',
              '  return url;',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'Supabase: a typed record, a refill test with `!`, failures remembered as null',
    filename: 'audio.ts',
    code: lines(
      SUPABASE,
      'const audio: Record<string, string | null> = {};',
      'export async function clip(id: string) {',
      '  if (!audio[id]) {',
      "    const { data } = await supabase.storage.from('a').createSignedUrl(id, 60 * 60);",
      '    if (!data) { audio[id] = null; return null; }',
      '    audio[id] = data.signedUrl;',
      '  }',
      '  return audio[id];',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'expireWithSignedUrl',
            output: lines(
              SUPABASE,
              'const audio: Record<string, string | null> = {};',
              'const audioExpiresAt: Record<string, number> = {};',
              'export async function clip(id: string) {',
              '  if (!audio[id] || Date.now() >= (audioExpiresAt[id] ?? 0)) {',
              "    const { data } = await supabase.storage.from('a').createSignedUrl(id, 60 * 60);",
              '    if (!data) { audio[id] = null; return null; }',
              '    audio[id] = data.signedUrl;',
              '    audioExpiresAt[id] = Date.now() + (60 * 60 - 60) * 1000;',
              '  }',
              '  return audio[id];',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike of the first case: the URL comes from a helper of another file, so its lifetime is not in reach.
    name: 'a signing helper of another file: no suggestion',
    code: lines(
      `import { presignDownload } from './signer.js';`,
      'const urls = new Map();',
      'export async function url(key) {',
      '  if (urls.has(key)) return urls.get(key);',
      '  const signed = await presignDownload(key);',
      '  urls.set(key, signed);',
      '  return signed;',
      '}',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 2, suggestions: [] }],
  },
  {
    // Look-alike: the lifetime is computed per call from something that may change before the write.
    name: 'a lifetime read from a mutable variable: no suggestion',
    code: lines(
      SUPABASE,
      'let ttl = 600;',
      'const urls = new Map();',
      'export function setTtl(seconds) { ttl = seconds; }',
      'export async function url(path) {',
      '  if (urls.has(path)) return urls.get(path);',
      "  const { data } = await supabase.storage.from('m').createSignedUrl(path, ttl);",
      '  urls.set(path, data.signedUrl);',
      '  return data.signedUrl;',
      '}',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 4, suggestions: [] }],
  },
  {
    // Look-alike: every URL is also handed out without a test, which a deadline per key would not cover.
    name: 'the cached URLs also listed without a test: no suggestion',
    code: lines(
      SUPABASE,
      'const urls = new Map();',
      'export async function url(path) {',
      '  if (urls.has(path)) return urls.get(path);',
      "  const { data } = await supabase.storage.from('m').createSignedUrl(path, 600);",
      '  urls.set(path, data.signedUrl);',
      '  return data.signedUrl;',
      '}',
      'export const everyUrl = () => [...urls.values()];',
    ),
    errors: [{ messageId: 'moduleTokenCache', line: 3, suggestions: [] }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The output of the first case: each reuse checks the key's deadline.
  {
    filename: 'urls.js',
    code: lines(
      SUPABASE,
      'const urls = new Map();',
      'const urlsExpiresAt = new Map();',
      'export async function url(path, ttl = 300) {',
      '  if (urls.has(path) && Date.now() < (urlsExpiresAt.get(path) ?? 0)) return urls.get(path);',
      "  const { data } = await supabase.storage.from('media').createSignedUrl(path, ttl);",
      '  urls.set(path, data.signedUrl);',
      '  urlsExpiresAt.set(path, Date.now() + (ttl - 60) * 1000);',
      '  return data.signedUrl;',
      '}',
    ),
  },
  // A record of deadlines, tested before reuse.
  {
    filename: 'audio.ts',
    code: lines(
      SUPABASE,
      'const audio: Record<string, string> = {};',
      'const audioExpiresAt: Record<string, number> = {};',
      'export async function clip(id: string) {',
      '  if (audio[id] && Date.now() < (audioExpiresAt[id] ?? 0)) return audio[id];',
      "  const { data } = await supabase.storage.from('a').createSignedUrl(id, 3600);",
      '  audio[id] = data!.signedUrl;',
      '  audioExpiresAt[id] = Date.now() + 3_540_000;',
      '  return audio[id];',
      '}',
    ),
  },
  // Signed per request, nothing kept.
  lines(
    SUPABASE,
    'export async function url(path) {',
    "  const { data } = await supabase.storage.from('m').createSignedUrl(path, 600);",
    '  return data.signedUrl;',
    '}',
  ),
  // The entry keeps its own expiry and is tested on it.
  lines(
    S3,
    'const links = new Map();',
    'export async function link(key) {',
    '  const hit = links.get(key);',
    '  if (hit && hit.expiresAt > Date.now()) return hit.url;',
    "  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 900 });",
    '  links.set(key, { url, expiresAt: Date.now() + 840_000 });',
    '  return url;',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (signed URLs kept per key)', rule, { valid, invalid });
