import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Services that a dependency-injection container creates once per application: a token on one of their fields is
// kept as long as a module variable. Shapes from public Angular, NestJS, tsyringe and InversifyJS services that fetch
// a client-credentials token (Spotify, Twitch and similar APIs); each has a look-alike among the valid cases.
const lines = (...text: string[]) => text.join('\n');
const FETCH_TOKEN = lines(
  '  async refresh() {',
  "    const response = await axios.post('https://accounts.spotify.com/api/token', null, { params: { grant_type: 'client_credentials' } });",
  '    this.accessToken = response.data.access_token;',
  '  }',
  '  async get(path: string) {',
  '    if (!this.accessToken) await this.refresh();',
  '    return axios.get(path, { headers: { Authorization: `Bearer ${this.accessToken}` } });',
  '  }',
);
const service = (imports: string, decorator: string, body = FETCH_TOKEN) =>
  lines(
    imports,
    `import axios from 'axios';`,
    decorator,
    'export class MusicService {',
    '  private accessToken?: string;',
    body,
    '}',
  );
/**
 * The suggestion: a deadline field beside the token, from the `expires_in` of the same response (axios types the
 * `data` of a call without a type argument `any`, so the read type-checks).
 */
const withExpiry = (code: string) =>
  code
    .replace('  private accessToken?: string;', '  private accessToken?: string;\n  private accessTokenExpiresAt = 0;')
    .replace(
      '    this.accessToken = response.data.access_token;',
      '    this.accessToken = response.data.access_token;\n    this.accessTokenExpiresAt = Date.now() + (response.data.expires_in - 300) * 1000;',
    )
    .replace('if (!this.accessToken)', 'if (!this.accessToken || Date.now() >= this.accessTokenExpiresAt)');
const reported = (code: string) => ({
  code,
  errors: [
    {
      messageId: 'moduleTokenCache' as const,
      line: 5,
      suggestions: [{ messageId: 'expireFromResponse' as const, output: withExpiry(code) }],
    },
  ],
});
const NEST = `import { Injectable, Scope } from '@nestjs/common';`;
const ANGULAR = `import { Injectable } from '@angular/core';`;

const TYPED_CALL = service(NEST, '@Injectable()').replace('axios.post(', 'axios.post<{ access_token: string }>(');

/** A `getInstance()` singleton whose public token field is read by a function outside the class. */
const outsideReader = (field: string, check: string) =>
  lines(
    "import { type AccessToken, DefaultAzureCredential } from '@azure/identity';",
    'class Manager {',
    '  private static instance?: Manager;',
    '  credential = new DefaultAzureCredential();',
    `  ${field}`,
    '  static async getInstance() {',
    '    if (!Manager.instance) Manager.instance = new Manager();',
    '    const m = Manager.instance;',
    ...(check ? [check] : ['    if (!m.token) await m.init();']),
    '    return Manager.instance;',
    '  }',
    "  async init() { this.token = await this.credential.getToken('https://cognitiveservices.azure.com/.default'); }",
    '}',
    'export async function call(url: string) {',
    '  const m = await Manager.getInstance();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${m.token!.token}` } });',
    '}',
  );

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  // Look-alike: a type argument names the body's fields, and expires_in is not among them: the lifetime is a guess.
  {
    code: TYPED_CALL,
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: withExpiry(TYPED_CALL).replace('(response.data.expires_in - 300) * 1000', '55 * 60 * 1000'),
          },
        ],
      },
    ],
  },
  // NestJS providers are singletons in the default scope.
  reported(service(NEST, '@Injectable()')),
  reported(service(NEST, '@Injectable({ scope: Scope.DEFAULT })')),
  // Angular: one instance in the root (or platform) injector.
  reported(service(ANGULAR, "@Injectable({ providedIn: 'root' })")),
  reported(service(ANGULAR, "@Injectable({ providedIn: 'platform' })")),
  // tsyringe's @singleton() registers one instance in the global container.
  reported(service(`import { singleton } from 'tsyringe';`, '@singleton()')),
  // InversifyJS: bound in singleton scope in the same file.
  reported(
    lines(
      service(`import { injectable, Container } from 'inversify';`, '@injectable()'),
      'export const container = new Container();',
      'container.bind(MusicService).toSelf().inSingletonScope();',
    ),
  ),
  // A hand-written singleton: `static getInstance()` keeps the one instance in a static field.
  reported(
    service(
      '',
      '',
      lines(
        '  private static instance?: MusicService;',
        '  static getInstance() {',
        '    if (!MusicService.instance) MusicService.instance = new MusicService();',
        '    return MusicService.instance;',
        '  }',
        FETCH_TOKEN,
      ),
    ),
  ),
  // The singleton's public field, filled by a method, read through the instance by code outside the class.
  {
    code: outsideReader('public token?: AccessToken;', ''),
    errors: [{ messageId: 'moduleTokenCache', line: 5 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Request-scoped and transient NestJS providers are made per request / per injection.
  service(NEST, '@Injectable({ scope: Scope.REQUEST })'),
  service(NEST, '@Injectable({ scope: Scope.TRANSIENT })'),
  // Angular services without providedIn are provided by a component (one per component instance).
  service(ANGULAR, '@Injectable()'),
  // tsyringe's @injectable() alone is transient.
  service(`import { injectable } from 'tsyringe';`, '@injectable()'),
  // Inversify binding in transient scope.
  lines(
    service(`import { injectable, Container } from 'inversify';`, '@injectable()'),
    'export const container = new Container();',
    'container.bind(MusicService).toSelf().inTransientScope();',
  ),
  // A decorator of the same name from another library.
  service(`import { Injectable } from './di';`, '@Injectable()'),
  // The singleton keeps the token with its expiry and refreshes before it passes.
  service(
    NEST,
    '@Injectable()',
    lines(
      '  private expiresAt = 0;',
      '  async get(path: string) {',
      '    if (!this.accessToken || Date.now() >= this.expiresAt) {',
      "      const response = await axios.post('https://accounts.spotify.com/api/token', null, { params: { grant_type: 'client_credentials' } });",
      '      this.accessToken = response.data.access_token;',
      '      this.expiresAt = Date.now() + (response.data.expires_in - 60) * 1000;',
      '    }',
      '    return axios.get(path, { headers: { Authorization: `Bearer ${this.accessToken}` } });',
      '  }',
    ),
  ),
  // A singleton service that stores a token handed to it by the caller (not fetched here): nothing known to expire.
  lines(
    ANGULAR,
    "@Injectable({ providedIn: 'root' })",
    'export class SpotifyService {',
    '  private accessToken = "";',
    '  saveAccessToken(token: string) { this.accessToken = token; }',
    '  getAccessToken() { return this.accessToken; }',
    '}',
  ),
  // A static factory that makes a new instance per call is no singleton.
  service(
    NEST.replace('Injectable, Scope', 'Scope'),
    '',
    lines('  static create() { return new MusicService(); }', FETCH_TOKEN),
  ),
  // The same reader outside, with the expiry checked through the instance before it is handed out.
  outsideReader(
    'public token?: AccessToken;',
    '    if (!m.token || m.token.expiresOnTimestamp - Date.now() < 120_000) await m.init();',
  ),
  // A new instance per call: its field lives as long as the request.
  lines(
    "import { type AccessToken, DefaultAzureCredential } from '@azure/identity';",
    'class Manager {',
    '  credential = new DefaultAzureCredential();',
    '  public token?: AccessToken;',
    "  async init() { this.token = await this.credential.getToken('https://cognitiveservices.azure.com/.default'); }",
    '}',
    'export async function call(url: string) {',
    '  const m = new Manager();',
    '  await m.init();',
    '  return fetch(url, { headers: { Authorization: `Bearer ${m.token!.token}` } });',
    '}',
  ),
];

createRuleTester().run('no-module-token-cache (DI singletons)', rule, { valid, invalid });
