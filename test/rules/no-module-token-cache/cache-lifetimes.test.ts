import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Caches that keep a token with no lifetime of their own: node-cache with stdTTL 0 (its default), a Redis SET without
// EX, an LRU bounded only by size, a singleton's field filled once at start-up. Given a TTL or refilled by a timer,
// they are fine.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // node-cache with stdTTL: 0 keeps entries for good: no lifetime.
    code: lines(
      "import NodeCache from 'node-cache';",
      "import axios from 'axios';",
      'const cache = new NodeCache({ stdTTL: 0 });',
      'export async function token() {',
      "  const hit = cache.get('token');",
      '  if (hit) return hit;',
      "  const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials' }));",
      "  cache.set('token', data.access_token);",
      '  return data.access_token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
  {
    // node-cache without options: stdTTL defaults to 0 (unlimited).
    code: lines(
      "import NodeCache from 'node-cache';",
      "import axios from 'axios';",
      'const cache = new NodeCache();',
      'export async function token() {',
      "  const hit = cache.get('token');",
      '  if (hit) return hit;',
      "  const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials' }));",
      "  cache.set('token', data.access_token);",
      '  return data.access_token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
  {
    // Redis SET without an expiry keeps the token after it dies, for every process that reads it.
    code: lines(
      "import { createClient } from 'redis';",
      "import axios from 'axios';",
      'const redis = createClient();',
      'export async function token() {',
      "  const hit = await redis.get('partner-token');",
      '  if (hit) return hit;',
      "  const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials' }));",
      "  await redis.set('partner-token', data.access_token);",
      '  return data.access_token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
  {
    // An LRU bounded by size only: entries leave when crowded out, not when they expire.
    code: lines(
      "import { LRUCache } from 'lru-cache';",
      "import axios from 'axios';",
      'const cache = new LRUCache({ max: 100 });',
      'export async function token(tenant) {',
      '  const hit = cache.get(tenant);',
      '  if (hit) return hit;',
      "  const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials', tenant }));",
      '  cache.set(tenant, data.access_token);',
      '  return data.access_token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
  {
    // A field of a module-level singleton filled once at start-up.
    code: lines(
      "import axios from 'axios';",
      'class PartnerClient {',
      '  token = null;',
      '  async start() {',
      "    const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials' }));",
      '    this.token = data.access_token;',
      '  }',
      '  list() {',
      "    return axios.get('/items', { headers: { Authorization: `Bearer ${this.token}` } });",
      '  }',
      '}',
      'export const partner = new PartnerClient();',
      'await partner.start();',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // node-cache with a TTL below the token lifetime.
  lines(
    "import NodeCache from 'node-cache';",
    "import axios from 'axios';",
    'const cache = new NodeCache({ stdTTL: 3000 });',
    'export async function token() {',
    "  const hit = cache.get('token');",
    '  if (hit) return hit;',
    "  const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials' }));",
    "  cache.set('token', data.access_token);",
    '  return data.access_token;',
    '}',
  ),
  // Redis SET with EX derived from expires_in.
  lines(
    "import { createClient } from 'redis';",
    "import axios from 'axios';",
    'const redis = createClient();',
    'export async function token() {',
    "  const hit = await redis.get('partner-token');",
    '  if (hit) return hit;',
    "  const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials' }));",
    "  await redis.set('partner-token', data.access_token, { EX: data.expires_in - 60 });",
    '  return data.access_token;',
    '}',
  ),
  // An LRU with a ttl.
  lines(
    "import { LRUCache } from 'lru-cache';",
    "import axios from 'axios';",
    'const cache = new LRUCache({ max: 100, ttl: 50 * 60 * 1000 });',
    'export async function token(tenant) {',
    '  const hit = cache.get(tenant);',
    '  if (hit) return hit;',
    "  const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials', tenant }));",
    '  cache.set(tenant, data.access_token);',
    '  return data.access_token;',
    '}',
  ),
  // The singleton's field refilled by a timer before the token expires.
  lines(
    "import axios from 'axios';",
    'class PartnerClient {',
    '  token = null;',
    '  async start() {',
    '    await this.refresh();',
    '    setInterval(() => this.refresh(), 50 * 60 * 1000);',
    '  }',
    '  async refresh() {',
    "    const { data } = await axios.post(process.env.TOKEN_URL, new URLSearchParams({ grant_type: 'client_credentials' }));",
    '    this.token = data.access_token;',
    '  }',
    '  list() {',
    "    return axios.get('/items', { headers: { Authorization: `Bearer ${this.token}` } });",
    '  }',
    '}',
    'export const partner = new PartnerClient();',
    'await partner.start();',
  ),
];

createRuleTester().run('no-module-token-cache (caches without a lifetime)', rule, { valid, invalid });
