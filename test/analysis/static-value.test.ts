import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { staticNumber, staticString } from '../../src/analysis/static-value.js';
import { inspectNodes } from './helpers.js';

function numbers(code: string) {
  return inspectNodes(code, 'CallExpression[callee.name="probe"]', (node, context) =>
    staticNumber((node as TSESTree.CallExpression).arguments[0], context),
  );
}

describe('staticNumber', () => {
  it('folds literals, arithmetic, consts, const-object properties and numeric strings', () => {
    expect(
      numbers(`
      const DAY = 24 * 60 * 60; const cfg = { ttl: 7 * DAY }; const s = '3600';
      probe(900); probe(7 * 24 * 60 * 60); probe(DAY * 30); probe(cfg.ttl); probe(s); probe(-1 + 1);
    `),
    ).toEqual([900, 604800, 2592000, 604800, 3600, 0]);
  });

  it('gives undefined for values only known at run time', () => {
    expect(
      numbers(`let x = 1; x++; function f(p: number) { probe(p); probe(x); probe(Number(process.env.TTL)); }`),
    ).toEqual([undefined, undefined, undefined]);
  });

  it('reads strings', () => {
    expect(
      inspectNodes(`const v = 'v' + 4; probe(v);`, 'CallExpression[callee.name="probe"]', (node, context) =>
        staticString((node as TSESTree.CallExpression).arguments[0], context),
      ),
    ).toEqual(['v4']);
  });
});
