import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { staticNumberSource, staticObjectSource, staticTime } from '../../src/analysis/static-value.js';
import { inspectNodes } from './helpers.js';

const PROBE = 'CallExpression[callee.name="probe"]';
const argument = (node: TSESTree.Node) => (node as TSESTree.CallExpression).arguments[0];

function sources(code: string) {
  return inspectNodes(code, PROBE, (node, context) => {
    const found = staticNumberSource(argument(node), context);
    return found && { value: found.value, text: context.sourceCode.getText(found.node), defaulted: found.defaulted };
  });
}

describe('staticNumberSource', () => {
  it('returns the expression that writes the number, through consts and const-object properties', () => {
    expect(
      sources(
        `const TTL = 7 * 24 * 3600; const cfg = { link: { ttl: 60 * 15 } }; probe(TTL); probe(cfg.link.ttl); probe(900);`,
      ),
    ).toEqual([
      { value: 604800, text: '7 * 24 * 3600', defaulted: false },
      { value: 900, text: '60 * 15', defaulted: false },
      { value: 900, text: '900', defaulted: false },
    ]);
  });

  it('follows `??` and `||` to their default when the left side is unknown, and parameter and destructuring defaults', () => {
    expect(
      sources(`
      function f(a?: number, b = 3600, { c = 120 }: { c?: number } = {}) {
        const ttl = a ?? 60 * 60 * 24;
        probe(ttl); probe(a || 300); probe(b); probe(c); probe(0 || 45); probe(5 ?? 6);
      }`),
    ).toEqual([
      { value: 86400, text: '60 * 60 * 24', defaulted: true },
      { value: 300, text: '300', defaulted: true },
      { value: 3600, text: '3600', defaulted: true },
      { value: 120, text: '120', defaulted: true },
      { value: 45, text: '45', defaulted: true },
      { value: 5, text: '5', defaulted: false },
    ]);
  });

  it('reads through Number(), parseInt(), parseFloat() and unary plus', () => {
    expect(
      sources(`probe(Number(process.env.T ?? '7200')); probe(parseInt('60', 10)); probe(+'15');`).map((s) => s?.value),
    ).toEqual([7200, 60, 15]);
  });

  it('gives null for values only known at run time, reassigned variables and shadowed conversions', () => {
    expect(
      sources(`
      let x = 5; x = 6;
      function f(p: number, Number: (v: string) => number) { probe(p); probe(x); probe(Number('5')); probe(p > 1 ? 900 : 604800); }
      function g(q = 10) { q = 20; probe(q); }`),
    ).toEqual([null, null, null, null, null]);
  });
});

describe('staticObjectSource', () => {
  it('finds the object literal behind consts and fallbacks', () => {
    const found = inspectNodes(
      `const base = { a: 1 }; function f(o?: object) { probe(base); probe(o ?? { b: 2 }); probe(o); }`,
      PROBE,
      (node, context) => {
        const object = staticObjectSource(argument(node), context);
        return object && context.sourceCode.getText(object);
      },
    );
    expect(found).toEqual(['{ a: 1 }', '{ b: 2 }', null]);
  });
});

describe('staticTime', () => {
  function times(code: string) {
    return inspectNodes(code, PROBE, (node, context) => {
      const time = staticTime(argument(node), context);
      if (!time) return null;
      return time.kind === 'from-now'
        ? { fromNow: time.offsetMs, text: time.source && context.sourceCode.getText(time.source.node) }
        : { epoch: time.source.value };
    });
  }

  it('reads times relative to now in its usual spellings', () => {
    expect(
      times(`
      const WEEK = 7 * 864e5; const at = new Date(Date.now() + WEEK);
      probe(Date.now() + 15 * 60 * 1000); probe(new Date(Date.now() + 1000)); probe(new Date().getTime() + 60_000);
      probe(new Date(new Date().valueOf() + 86400 * 1000)); probe(+new Date() + 5); probe(3600000 + Date.now()); probe(at); probe(new Date());`),
    ).toEqual([
      { fromNow: 900000, text: '15 * 60 * 1000' },
      { fromNow: 1000, text: '1000' },
      { fromNow: 60000, text: '60_000' },
      { fromNow: 86400000, text: '86400 * 1000' },
      { fromNow: 5, text: '5' },
      { fromNow: 3600000, text: '3600000' },
      { fromNow: 604800000, text: '7 * 864e5' },
      { fromNow: 0, text: null },
    ]);
  });

  it('reads plain numbers as epoch times, and leaves fixed dates, numeric strings (years), shadowed Date and unknowns alone', () => {
    expect(
      times(`
      function f(t: number, Date: { now(): number }) { probe(3600); probe(new Date(0)); probe(t); probe(Date.now() + 5); }
      probe(new Date('2030-01-01')); probe(Date.now() - 5); probe('3600'); probe(Number('3600'));`),
    ).toEqual([{ epoch: 3600 }, null, null, null, null, null, null, { epoch: 3600 }]);
  });
});
