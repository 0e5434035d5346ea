import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { ModuleRefs } from '../../src/analysis/module-refs.js';
import { type FlowNode, flowPath, traceValue } from '../../src/analysis/value-flow.js';
import { inspectNodes } from './helpers.js';

/** Traces the value of every call to `source()` in `code` and describes each step as `kind:detail`. */
function trace(code: string): string[][] {
  return inspectNodes(code, 'CallExpression', (node, context) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'source') return null;
    return traceValue(call, new ModuleRefs(context.sourceCode), context.sourceCode).map((n) =>
      describeStep(n, context.sourceCode.getText.bind(context.sourceCode)),
    );
  }).filter((steps): steps is string[] => steps !== null);
}

function describeStep(node: FlowNode, text: (n: TSESTree.Node) => string): string {
  const { step } = node;
  switch (step.kind) {
    case 'store':
      return `store:${text(step.target).split('\n')[0]}:${step.storage}`;
    case 'field':
    case 'method':
      return `${step.kind}:${step.name}`;
    case 'property':
      return `property:${step.name}`;
    case 'argument':
      return `argument:${text(step.node.callee)}#${step.index}`;
    case 'return':
      return 'return';
    case 'capture':
      return `capture:${step.reference.name}`;
    case 'discard':
      return 'discard';
  }
}

describe('traceValue', () => {
  it('follows bindings, field reads, object literals and constructor arguments to long-lived storage', () => {
    const [steps] = trace(`
      class Sink { async open() { const c = await source(); this.client = new Client({ key: c.accessKeyId }); } }`);
    expect(steps).toEqual([
      'store:c:local',
      'field:accessKeyId',
      'property:key',
      'argument:Client#0',
      'store:this.client:instance-field',
      'discard',
    ]);
  });

  it('follows returns to the call sites of local functions and same-class methods', () => {
    const [fromFunction, fromMethod] = trace(`
      async function make() { return source(); }
      export const kept = await make();
      class A { get() { return source(); } async init() { this.v = await this.get(); } }`);
    expect(fromFunction).toEqual(['return', 'store:kept:module']);
    expect(fromMethod).toEqual(['return', 'store:this.v:instance-field', 'discard']);
  });

  it('follows a value into the parameter of a local function', () => {
    const [steps] = trace(`
      function keep(v) { globalThis.kept = v; }
      export async function run() { keep(await source()); }`);
    expect(steps).toEqual(['argument:keep#0', 'discard', 'store:globalThis.kept:global', 'discard']);
  });

  it('follows closures that capture the value', () => {
    const [steps] = trace(`
      export async function make() { const token = await source(); return () => fetch('u', { headers: { a: token } }); }
      export const fetcher = await make();`);
    expect(steps).toContain('capture:token');
    expect(steps).toContain('store:fetcher:module');
  });

  it('records Map-like cache writes as stores of the container', () => {
    const [steps] = trace(`const cache = new Map(); export async function f(k) { cache.set(k, await source()); }`);
    expect(steps).toEqual(['argument:cache.set#1', 'store:cache:module', 'discard']);
  });

  it('does not follow method results or other properties of a local container', () => {
    const [methodResult, otherProperty] = trace(`
      export async function a() { const c = await source(); globalThis.n = c.accessKeyId.slice(0, 4); }
      export async function b() { const o = { region: 'x' }; o.creds = await source(); globalThis.r = o.region; }`);
    expect(methodResult).toEqual(['store:c:local', 'field:accessKeyId', 'method:slice']);
    expect(otherProperty).toEqual(['store:o.creds:local', 'discard']);
  });

  it('follows the value through a `.then` callback and links every step to the one before it', () => {
    const [steps] = inspectNodes(
      `export function f() { source().then((c) => { globalThis.kept = { key: c.key }; }); }`,
      'CallExpression',
      (node, context) => {
        const call = node as TSESTree.CallExpression;
        if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'source') return null;
        const flow = traceValue(call, new ModuleRefs(context.sourceCode), context.sourceCode);
        return flowPath(flow.at(-1)!).map((n) => n.step.kind);
      },
    ).filter((s) => s !== null);
    expect(steps).toEqual(['method', 'field', 'property', 'store', 'discard']);
  });
});
