import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { expiryGuardOf, isExpiryGuarded } from '../../src/analysis/expiry-guard.js';
import { inspectNodes } from './helpers.js';

/** The guard kind of the storage declared as `cached` (a variable, or a class property named `cached`). */
function guardOfCached(code: string): string {
  const kinds = [
    ...inspectNodes(
      code,
      'VariableDeclarator[id.name="cached"]',
      (node, context) => expiryGuardOf((node as TSESTree.VariableDeclarator).id, context).kind,
    ),
    ...inspectNodes(
      code,
      'PropertyDefinition[key.name="cached"]',
      (node, context) => expiryGuardOf(node, context).kind,
    ),
  ];
  expect(kinds).toHaveLength(1);
  return kinds[0];
}

const LOAD = 'declare function load(): Promise<any>;\n';

describe('expiryGuardOf', () => {
  it('finds no guard on a plain memo', () => {
    expect(
      guardOfCached(
        `${LOAD}let cached; export async function get() { if (cached) return cached; cached = await load(); return cached; }`,
      ),
    ).toBe('unguarded');
  });

  it.each([
    [
      'refresh when little time is left',
      'if (!cached || cached.expiration.getTime() - Date.now() < 300_000) cached = await load(); return cached;',
    ],
    [
      'the same, clock on the left',
      'if (!cached || Date.now() > cached.expiration.getTime() - 300_000) cached = await load(); return cached;',
    ],
    [
      'reuse while valid',
      'if (cached && cached.expiresAt > Date.now()) return cached; cached = await load(); return cached;',
    ],
    [
      'reuse while valid, clock on the left',
      'if (cached && Date.now() < cached.expiresAt) return cached; cached = await load(); return cached;',
    ],
    [
      'negated expired test',
      'if (cached && !(cached.Expiration <= new Date())) { return cached; } cached = await load(); return cached;',
    ],
    ['a ternary', 'return cached && cached.expiresAt > Date.now() ? cached : (cached = await load());'],
    [
      'a JWT exp claim',
      'if (cached) { const { exp } = decode(cached); if (exp * 1000 > Date.now()) return cached; } cached = await load(); return cached;',
    ],
    ['a named predicate method', 'if (!cached || cached.needsRefresh()) cached = await load(); return cached;'],
    [
      'a local predicate function',
      'if (cached && isFresh(cached)) return cached; cached = await load(); return cached;',
    ],
    [
      'an expiry compared with an unknown clock (undecidable, trusted)',
      'if (cached && cached.expiresAt > now) return cached; cached = await load(); return cached;',
    ],
    ['a v2 expired flag', 'if (!cached || cached.expired) cached = await load(); return cached;'],
  ])('accepts %s', (_name, body) => {
    const code =
      `${LOAD}declare function decode(t: any): { exp: number };\ndeclare const now: number;\n` +
      `function isFresh(t: any) { return t.expiresAt > Date.now(); }\nlet cached: any;\nexport async function get() { ${body} }`;
    expect(guardOfCached(code)).toBe('guarded');
  });

  it.each([
    [
      'reuse only after expiry',
      'if (cached && cached.expiresAt < Date.now()) return cached; cached = await load(); return cached;',
    ],
    [
      'refresh only while valid',
      'if (!cached || cached.expiresAt > Date.now()) { cached = await load(); } return cached;',
    ],
    [
      'the same, clock on the left',
      'if (!cached || Date.now() < cached.expiration.getTime()) { cached = await load(); } return cached;',
    ],
    [
      'a negated local predicate',
      'if (cached && !isFresh(cached)) return cached; cached = await load(); return cached;',
    ],
    ['an inverted ternary', 'return cached && cached.expiresAt < Date.now() ? cached : (cached = await load());'],
  ])('reports an inverted check: %s', (_name, body) => {
    const code = `${LOAD}function isFresh(t: any) { return t.expiresAt > Date.now(); }\nlet cached: any;\nexport async function get() { ${body} }`;
    expect(guardOfCached(code)).toBe('inverted');
  });

  it('does not count a comparison on another value', () => {
    expect(
      guardOfCached(`${LOAD}declare const other: any; let cached: any;
      export async function get() { if (cached && other.expiresAt > Date.now()) return cached; cached = await load(); return cached; }`),
    ).toBe('unguarded');
  });

  it('follows a deadline written next to the value from expires_in (NB01)', () => {
    expect(
      guardOfCached(`${LOAD}let cached: any = null; let cachedDeadline = 0;
      export async function get() {
        if (cached && Date.now() < cachedDeadline) return cached;
        const data = await load();
        cached = data;
        cachedDeadline = Date.now() + data.expires_in * 1000;
        return data;
      }`),
    ).toBe('guarded');
  });

  it('follows a fetch-time stamp compared with a TTL', () => {
    expect(
      guardOfCached(`${LOAD}let cached: any; let fetchedAt = 0;
      export async function get() { if (cached && Date.now() - fetchedAt < 50 * 60_000) return cached; cached = await load(); fetchedAt = Date.now(); return cached; }`),
    ).toBe('guarded');
  });

  it('does not pair a deadline written in another function', () => {
    expect(
      guardOfCached(`${LOAD}let cached: any; let fetchedAt = 0;
      export function stamp() { fetchedAt = Date.now(); }
      export async function get() { if (cached && Date.now() - fetchedAt < 60_000) return cached; cached = await load(); return cached; }`),
    ).toBe('unguarded');
  });

  it('reads class fields and a deadline from Expiration (NB03)', () => {
    expect(
      guardOfCached(`${LOAD}class Host {
      private cached?: { Expiration: string } = undefined;
      private deadline = 0;
      async get() {
        if (Date.now() + 10 >= this.deadline || !this.cached) {
          this.cached = await load();
          this.deadline = this.cached?.Expiration ? new Date(this.cached.Expiration).getTime() : -1;
        }
        return this.cached;
      }
    }
    export const host = new Host();`),
    ).toBe('guarded');
  });

  it('reads Map caches through get/set', () => {
    expect(
      guardOfCached(`${LOAD}const cached = new Map<string, any>();
      export async function get(k: string) { const hit = cached.get(k); if (hit && hit.Expiration > new Date()) return hit; const v = await load(); cached.set(k, v); return v; }`),
    ).toBe('guarded');
    expect(
      guardOfCached(`${LOAD}const cached = new Map<string, any>();
      export async function get(k: string) { const hit = cached.get(k); if (hit) return hit; const v = await load(); cached.set(k, v); return v; }`),
    ).toBe('unguarded');
  });

  it('accepts a timer that drops or refreshes the value', () => {
    expect(
      guardOfCached(`${LOAD}let cached: any;
      export async function get() { if (cached) return cached; cached = await load(); setTimeout(() => { cached = undefined; }, cached.expires_in * 1000); return cached; }`),
    ).toBe('guarded');
  });

  it('exposes a boolean for other rules', () => {
    const code = `${LOAD}let cached: any; export async function get() { if (cached && cached.expiresAt > Date.now()) return cached; cached = await load(); return cached; }`;
    expect(
      inspectNodes(code, 'VariableDeclarator[id.name="cached"]', (node, context) =>
        isExpiryGuarded((node as TSESTree.VariableDeclarator).id, context),
      ),
    ).toEqual([true]);
  });

  it('names a static field through the class (A01 shape) and finds no guard', () => {
    expect(
      inspectNodes(
        `${LOAD}export class Sink { private static frozen?: any;
      static async identity() { if (!Sink.frozen) { Sink.frozen = await load(); } return Sink.frozen; } }`,
        'AssignmentExpression',
        (node, context) => expiryGuardOf((node as TSESTree.AssignmentExpression).left, context).kind,
      ),
    ).toEqual(['unguarded']);
  });
});
