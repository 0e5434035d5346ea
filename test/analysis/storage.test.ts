import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { ModuleRefs } from '../../src/analysis/module-refs.js';
import { isLongLived, storageOf } from '../../src/analysis/storage.js';
import { inspectNodes } from './helpers.js';

function storages(code: string, sourceType: 'module' | 'commonjs' = 'module') {
  return inspectNodes(
    code,
    'AssignmentExpression',
    (node, context) => storageOf((node as TSESTree.AssignmentExpression).left, new ModuleRefs(context.sourceCode)),
    { sourceType },
  );
}

describe('storageOf', () => {
  it('classifies module variables, locals, fields, statics and globals', () => {
    expect(
      storages(`
      let token; const cache = {};
      class Sink { static frozen; run() { const self = this; let local;
        token = 1; cache.value = 2; this.conn = 3; self.conn = 4; Sink.frozen = 5; local = 6;
        globalThis.tok = 7; window.tok = 8; this.a.b = 9; } static load() { this.shared = 10; } }
    `),
    ).toEqual([
      'module',
      'module',
      'instance-field',
      'instance-field',
      'static-field',
      'local',
      'global',
      'global',
      'instance-field',
      'static-field',
    ]);
  });

  it('treats CommonJS top-level variables and module.exports as module storage', () => {
    expect(
      storages(`var cached; function f(){ cached = 1; module.exports.token = 2; exports.t = 3; }`, 'commonjs'),
    ).toEqual(['module', 'module', 'module']);
  });

  it('treats variables of blocks the module runs once at load as module storage, loop bodies and functions not', () => {
    expect(
      storages(`
      if (stage) { let a; a = 1; } else { let b; b = 2; }
      try { let c; c = 3; } catch (e) { let d; d = 4; }
      switch (mode) { case 1: { let e; e = 5; } }
      for (const x of xs) { let f; f = 6; }
      while (more) { let g; g = 7; }
      function run() { if (stage) { let h; h = 8; } }
    `),
    ).toEqual(['module', 'module', 'module', 'module', 'module', 'local', 'local', 'local']);
  });

  it('only local storage dies with the call', () => {
    expect(isLongLived('local')).toBe(false);
    for (const kind of ['module', 'static-field', 'instance-field', 'global'] as const)
      expect(isLongLived(kind)).toBe(true);
  });
});
