import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A singleton's token field that its constructor starts empty (`this.token = null`, no class field): the expiry
// check from the token response's `expires_in` is added as for a declared field, and clearing writes get no stamp.
const lines = (...text: string[]) => text.join('\n');
const CLASS_START = lines(
  `import axios from 'axios';`,
  'class Music {',
  '  static one = null;',
  '  static get() { return (Music.one ??= new Music()); }',
  '  constructor() {',
  '    this.token = null;',
  '  }',
);

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    name: 'a static instance, its constructor-started token, a logout that clears it',
    filename: 'music.js',
    code: lines(
      CLASS_START,
      '  async bearer() {',
      '    if (this.token) return this.token;',
      "    const res = await axios.post('https://accounts.example.com/api/token', 'grant_type=client_credentials');",
      '    this.token = res.data.access_token;',
      '    return this.token;',
      '  }',
      '  logout() { this.token = null; }',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 6,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output: lines(
              `import axios from 'axios';`,
              'class Music {',
              '  static one = null;',
              '  static get() { return (Music.one ??= new Music()); }',
              '  constructor() {',
              '    this.token = null;',
              '    this.tokenExpiresAt = 0;',
              '  }',
              '  async bearer() {',
              '    if (this.token && Date.now() < this.tokenExpiresAt) return this.token;',
              "    const res = await axios.post('https://accounts.example.com/api/token', 'grant_type=client_credentials');",
              '    this.token = res.data.access_token;',
              '    this.tokenExpiresAt = Date.now() + (res.data.expires_in - 300) * 1000;',
              '    return this.token;',
              '  }',
              '  logout() { this.token = null; }',
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: a strict `!== null` test tells the logout's `undefined` from `null`, so the clearing write is kept
    // among the writes, and it states no lifetime: only the guessed check is offered.
    name: 'a strict null test and an undefined clear: no expireFromResponse',
    filename: 'music.js',
    code: lines(
      CLASS_START,
      '  async bearer() {',
      '    if (this.token !== null) return this.token;',
      "    const res = await axios.post('https://accounts.example.com/api/token', 'grant_type=client_credentials');",
      '    this.token = res.data.access_token;',
      '    return this.token;',
      '  }',
      '  logout() { this.token = undefined; }',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 6,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              CLASS_START.replace('this.token = null;', 'this.token = null;\n    this.tokenExpiresAt = 0;'),
              '  async bearer() {',
              '    if (this.token !== null && Date.now() < this.tokenExpiresAt) return this.token;',
              "    const res = await axios.post('https://accounts.example.com/api/token', 'grant_type=client_credentials');",
              '    this.token = res.data.access_token;',
              '    this.tokenExpiresAt = Date.now() + 55 * 60 * 1000;',
              '    return this.token;',
              '  }',
              '  logout() { this.token = undefined;',
              '  this.tokenExpiresAt = Date.now() + 55 * 60 * 1000; }',
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  {
    filename: 'music.js',
    code: lines(
      `import axios from 'axios';`,
      'class Music {',
      '  static one = null;',
      '  static get() { return (Music.one ??= new Music()); }',
      '  constructor() {',
      '    this.token = null;',
      '    this.tokenExpiresAt = 0;',
      '  }',
      '  async bearer() {',
      '    if (this.token && Date.now() < this.tokenExpiresAt) return this.token;',
      "    const res = await axios.post('https://accounts.example.com/api/token', 'grant_type=client_credentials');",
      '    this.token = res.data.access_token;',
      '    this.tokenExpiresAt = Date.now() + (res.data.expires_in - 300) * 1000;',
      '    return this.token;',
      '  }',
      '}',
    ),
  },
  {
    // Not a singleton: each request builds its own client, whose token dies with it.
    filename: 'music.js',
    code: lines(
      `import axios from 'axios';`,
      'class Music {',
      '  constructor() { this.token = null; }',
      '  async bearer() {',
      '    if (this.token) return this.token;',
      "    const res = await axios.post('https://accounts.example.com/api/token', 'grant_type=client_credentials');",
      '    this.token = res.data.access_token;',
      '    return this.token;',
      '  }',
      '}',
      'export async function handler() { return new Music().bearer(); }',
    ),
  },
];

createRuleTester().run('no-module-token-cache (constructor-started token fields)', rule, { valid, invalid });
