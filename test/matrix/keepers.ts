import type { Source } from './sources.js';

/**
 * Where a resolved value ends up. `wrap` places the flow's statements (`body`) in the keeper's code; `store` is the
 * statement that keeps the value. Lines ending in `// keeper` are where no-module-token-cache may report (the
 * storage's declaration); no-static-snapshot reports where the source is resolved.
 * `owner`: the rule that must report (docs/rules/*.md "one owner per defect"), `source` for the source's own owner;
 * `silent` (look-alikes): why nothing may be reported.
 */
export interface Keeper {
  readonly id: string;
  readonly accepts: 'credentials' | 'token' | 'any';
  readonly imports?: readonly string[];
  /** The store is a declaration, so it must run at module level and not inside a callback. */
  readonly declares?: boolean;
  readonly store: (value: string, source: Source) => string;
  readonly wrap: (body: readonly string[], source: Source) => readonly string[];
  readonly owner?: 'A' | 'B' | 'source' | 'field';
  /** Keeps the value in an object's field, a global or a client's headers, not a module variable (a renewing token there is A's). */
  readonly keepsOutsideVariable?: true;
  /** Text of another line where the storage is declared (the import of the module whose object keeps it). */
  readonly declaredBy?: string;
  /**
   * A variable declared empty that `refresh()` fills without testing it: B may report its one write (`kept = ...`)
   * rather than its declaration (rules/no-module-token-cache/report-location.ts).
   */
  readonly filledAt?: string;
  /** Resolved and used within one request (or one run of a callback): silent, except for sources reported even there. */
  readonly perRequest?: boolean;
  readonly silent?: string;
}

const indent = (body: readonly string[], depth = 1) => body.map((line) => `${'  '.repeat(depth)}${line}`);
const inFunction = (name: string, body: readonly string[]) => [
  `export async function ${name}() {`,
  ...indent(body),
  '}',
];
const API = `'https://api.example.com/v1/items'`;
const SQS = `import { SQSClient, ListQueuesCommand } from '@aws-sdk/client-sqs';`;
const bearer = (token: string) => `{ headers: { Authorization: \`Bearer \${${token}}\` } }`;
/** What a long-lived callback does with the kept value. */
const useKept = (s: Source) =>
  s.yields === 'credentials'
    ? `new SQSClient({ region: 'eu-west-1', credentials: kept }).send(new ListQueuesCommand({}))`
    : `fetch(${API}, ${bearer('kept')})`;
/** The source resolved again where the value is used (the statements it needs first, then the value). */
const again = (s: Source) => {
  const call = s.awaited ? `await ${s.call}` : s.call;
  return [...(s.prepare ?? []), `const kept = ${s.use ? s.use(`(${call})`) : call};`].join(' ');
};
const SERVER = [`import http from 'node:http';`];
const LISTEN = 'http.createServer((req, res) => res.end()).listen(8080);';

export const KEEPERS: readonly Keeper[] = [
  {
    id: 'module let',
    accepts: 'any',
    owner: 'source',
    store: (v) => `kept = ${v};`,
    filledAt: 'kept = ',
    wrap: (body) => ['let kept; // keeper', ...inFunction('refresh', body), 'export const current = () => kept;'],
  },
  {
    id: 'module const',
    accepts: 'any',
    owner: 'source',
    declares: true,
    store: (v) => `export const kept = ${v}; // keeper`,
    wrap: (body) => body,
  },
  {
    id: 'module Map',
    accepts: 'any',
    owner: 'source',
    store: (v) => `cache.set('value', ${v});`,
    wrap: (body) => [
      'const cache = new Map(); // keeper',
      ...inFunction('refresh', body),
      `export const current = () => cache.get('value');`,
    ],
  },
  {
    id: 'singleton field',
    keepsOutsideVariable: true,
    accepts: 'any',
    owner: 'field',
    store: (v) => `this.kept = ${v}; // keeper`,
    wrap: (body) => [
      'class Store {',
      '  async load() {',
      ...indent(body, 2),
      '  }',
      '  current() {',
      '    return this.kept;',
      '  }',
      '}',
      'export const store = new Store();',
    ],
  },
  {
    id: 'static field',
    keepsOutsideVariable: true,
    accepts: 'any',
    owner: 'source',
    store: (v) => `Store.kept = ${v};`,
    wrap: (body) => [
      'export class Store {',
      '  static kept; // keeper',
      '  static async load() {',
      ...indent(body, 2),
      '  }',
      '  static current() {',
      '    return Store.kept;',
      '  }',
      '}',
    ],
  },
  {
    id: 'exported let',
    accepts: 'any',
    owner: 'source',
    store: (v) => `kept = ${v};`,
    filledAt: 'kept = ',
    wrap: (body) => ['export let kept; // keeper', ...inFunction('refresh', body)],
  },
  {
    id: 'module object property',
    accepts: 'any',
    owner: 'source',
    store: (v) => `state.kept = ${v};`,
    wrap: (body) => [
      'const state = { kept: null }; // keeper',
      ...inFunction('refresh', body),
      'export const current = () => state.kept;',
    ],
  },
  {
    id: 'globalThis property',
    keepsOutsideVariable: true,
    accepts: 'any',
    owner: 'source',
    declaredBy: 'globalThis.kept = ',
    store: (v) => `globalThis.kept = ${v};`,
    wrap: (body) => [...inFunction('refresh', body), 'export const current = () => globalThis.kept;'],
  },
  {
    id: 'getInstance singleton field',
    keepsOutsideVariable: true,
    accepts: 'any',
    owner: 'field',
    store: (v) => `this.kept = ${v}; // keeper`,
    wrap: (body) => [
      'export class Store {',
      '  static instance;',
      '  static getInstance() {',
      '    if (!Store.instance) Store.instance = new Store();',
      '    return Store.instance;',
      '  }',
      '  async load() {',
      ...indent(body, 2),
      '  }',
      '  current() {',
      '    return this.kept;',
      '  }',
      '}',
    ],
  },
  {
    id: 'SDK client built once',
    accepts: 'credentials',
    imports: [SQS],
    owner: 'A',
    store: (v) => `queue = new SQSClient({ region: 'eu-west-1', credentials: ${v} });`,
    wrap: (body) => ['let queue; // keeper', ...inFunction('connect', body), 'export const client = () => queue;'],
  },
  {
    id: 'pg Pool password',
    accepts: 'token',
    imports: [`import pg from 'pg';`],
    owner: 'B',
    store: (v) => `pool = new pg.Pool({ host: 'db', user: 'app', password: ${v} });`,
    wrap: (body) => ['let pool; // keeper', ...inFunction('connect', body), 'export const db = () => pool;'],
  },
  {
    id: 'axios defaults header',
    keepsOutsideVariable: true,
    accepts: 'token',
    imports: [`import axios from 'axios';`],
    owner: 'B',
    declaredBy: 'import axios ',
    store: (v) => `axios.defaults.headers.common.Authorization = \`Bearer \${${v}}\`; // keeper`,
    wrap: (body) => [...inFunction('login', body), `export const items = () => axios.get(${API});`],
  },
  {
    id: 'setInterval callback',
    accepts: 'any',
    imports: [SQS],
    owner: 'A',
    store: (v, s) => `const kept = ${v}; setInterval(() => ${useKept(s)}, 60_000); // keeper`,
    wrap: (body) => inFunction('start', body),
  },
  {
    id: 'event listener',
    accepts: 'any',
    imports: [SQS],
    owner: 'A',
    store: (v, s) => `const kept = ${v}; process.on('message', () => ${useKept(s)}); // keeper`,
    wrap: (body) => inFunction('start', body),
  },
  {
    id: 'file write',
    accepts: 'any',
    imports: [`import { writeFile } from 'node:fs/promises';`],
    owner: 'A',
    store: (v) => `await writeFile('/tmp/session.json', JSON.stringify(${v})); // keeper`,
    wrap: (body) => inFunction('save', body),
  },
  {
    id: 'process.env (server)',
    accepts: 'any',
    imports: SERVER,
    owner: 'A',
    store: (v, s) =>
      s.yields === 'credentials'
        ? `const kept = ${v}; process.env.AWS_SESSION_TOKEN = kept.sessionToken; // keeper`
        : `process.env.API_TOKEN = ${v}; // keeper`,
    wrap: (body) => [...inFunction('boot', body), LISTEN],
  },
  {
    id: 'vite define',
    accepts: 'any',
    imports: [`import { defineConfig } from 'vite';`],
    owner: 'A',
    declares: true,
    store: (v) => `export default defineConfig({ define: { __SESSION__: JSON.stringify(${v}) } }); // keeper`,
    wrap: (body) => body,
  },
];

/** Keepers that must stay silent: the value lives no longer than it is valid, or the SDK asks for it again. */
export const LOOK_ALIKE_KEEPERS: readonly Keeper[] = [
  {
    id: 'request handler',
    accepts: 'any',
    imports: [SQS, `import express from 'express';`],
    perRequest: true,
    silent: 'resolved per request, kept by nothing',
    store: (v, s) => `const kept = ${v}; res.json(await ${useKept(s)});`,
    wrap: (body) => [
      'const app = express();',
      `app.get('/items', async (req, res) => {`,
      ...indent(body),
      '});',
      'app.listen(8080);',
    ],
  },
  {
    id: 'per call',
    accepts: 'any',
    imports: [SQS],
    perRequest: true,
    silent: 'resolved on every call, returned to the caller',
    store: (v, s) => `const kept = ${v}; return ${useKept(s)};`,
    wrap: (body) => inFunction('call', body),
  },
  {
    id: 'callback that resolves again',
    accepts: 'any',
    imports: [SQS],
    perRequest: true,
    silent: 'the long-lived callback asks the source on every run; the value resolved before is dropped',
    store: (v, s) => `void ${v}; setInterval(async () => { ${again(s)} await ${useKept(s)}; }, 60_000);`,
    wrap: (body) => inFunction('start', body),
  },
  {
    id: 'timer that refreshes',
    accepts: 'any',
    imports: [SQS],
    perRequest: true,
    silent: 'a timer writes a fresh value into the variable the listener reads, well before the old one expires',
    store: (v, s) =>
      [
        `let current = ${v};`,
        `setInterval(async () => { ${again(s)} current = kept; }, 10 * 60_000);`,
        `process.on('message', () => { const kept = current; return ${useKept(s)}; });`,
      ].join(' '),
    wrap: (body) => inFunction('start', body),
  },
  {
    id: 'expiry-checked cache',
    accepts: 'any',
    silent: 'refilled once its deadline passes',
    store: (v) => `kept = ${v}; keptExpiresAt = Date.now() + 10 * 60 * 1000;`,
    wrap: (body) => [
      'let kept;',
      'let keptExpiresAt = 0;',
      'export async function current() {',
      '  if (kept && Date.now() < keptExpiresAt) return kept;',
      ...indent(body),
      '  return kept;',
      '}',
    ],
  },
  {
    id: 'timer that drops it',
    accepts: 'any',
    silent: 'a timer forgets the value before it expires, and the reader refills it',
    store: (v) => `kept = ${v}; setTimeout(() => { kept = undefined; }, 10 * 60 * 1000);`,
    wrap: (body) => [
      'let kept;',
      'export async function current() {',
      '  if (kept) return kept;',
      ...indent(body),
      '  return kept;',
      '}',
    ],
  },
  {
    // Tokens only: a module variable written with credentials or a client may still be what keeps a live connection.
    id: 'written on each call, used at once',
    accepts: 'token',
    imports: [SQS],
    perRequest: true,
    silent: 'the variable is overwritten by every call before it is read; nothing reads it later',
    store: (v, s) => `latest = ${v}; const kept = latest; return ${useKept(s)};`,
    wrap: (body) => ['let latest;', ...inFunction('call', body)],
  },
  {
    id: 'provider the SDK calls again',
    accepts: 'any',
    imports: [SQS, `import pg from 'pg';`],
    silent: 'the library calls the function for every connection or before expiry',
    store: (v, s) =>
      s.yields === 'credentials'
        ? `return ${s.expiration ? `{ ...${v}, expiration: ${s.expiration('resolved')} }` : v};`
        : `return ${v};`,
    wrap: (body, s) => [
      s.yields === 'credentials'
        ? `export const queue = new SQSClient({ region: 'eu-west-1', credentials: async () => {`
        : `export const pool = new pg.Pool({ host: 'db', user: 'app', password: async () => {`,
      ...indent(body),
      '} });',
    ],
  },
];
