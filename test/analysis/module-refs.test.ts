import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { ModuleRefs, moduleSpecifiers, reachesKnowledge } from '../../src/analysis/module-refs.js';
import { inspectNodes } from './helpers.js';

/** Resolves the callee of every call (or `new`) in `code`. */
function callees(code: string, sourceType: 'module' | 'commonjs' = 'module') {
  return inspectNodes(
    code,
    'CallExpression, NewExpression',
    (node, context) => {
      const call = node as TSESTree.CallExpression | TSESTree.NewExpression;
      return new ModuleRefs(context.sourceCode).resolve(call.callee);
    },
    { sourceType },
  ).filter((ref) => ref && ref.module !== 'x');
}

describe('ModuleRefs.resolve', () => {
  it('follows named, renamed, namespace and default imports', () => {
    expect(
      callees(`
      import { fromIni, fromSSO as sso } from '@aws-sdk/credential-providers';
      import * as providers from '@aws-sdk/credential-providers';
      import AWS from 'aws-sdk';
      fromIni(); sso(); providers.fromInstanceMetadata(); new AWS.EC2MetadataCredentials();
    `),
    ).toEqual([
      { module: '@aws-sdk/credential-providers', path: ['fromIni'] },
      { module: '@aws-sdk/credential-providers', path: ['fromSSO'] },
      { module: '@aws-sdk/credential-providers', path: ['fromInstanceMetadata'] },
      { module: 'aws-sdk', path: ['EC2MetadataCredentials'] },
    ]);
  });

  it('follows CommonJS require with destructuring, member access and nested patterns', () => {
    expect(
      callees(
        `
      const AWS = require('aws-sdk');
      const { fromContainerMetadata: container } = require('@aws-sdk/credential-providers');
      const fromHttp = require('@aws-sdk/credential-providers').fromHttp;
      const { config: { update } } = require('aws-sdk');
      new AWS.Credentials('a', 'b'); container(); fromHttp(); update({});
    `,
        'commonjs',
      ),
    ).toEqual([
      { module: 'aws-sdk', path: ['Credentials'] },
      { module: '@aws-sdk/credential-providers', path: ['fromContainerMetadata'] },
      { module: '@aws-sdk/credential-providers', path: ['fromHttp'] },
      { module: 'aws-sdk', path: ['config', 'update'] },
    ]);
  });

  it('follows import-equals, dynamic import and const aliases, but not reassigned lets or shadowed require', () => {
    expect(
      callees(`
      import AWS = require('aws-sdk');
      const { fromIni } = await import('@aws-sdk/credential-providers');
      const alias = AWS.config;
      let changing = fromIni; changing = () => null;
      function local(require: (m: string) => unknown) { return require('aws-sdk'); }
      alias.update({}); fromIni(); changing();
    `),
    ).toEqual([
      { module: 'aws-sdk', path: ['config', 'update'] },
      { module: '@aws-sdk/credential-providers', path: ['fromIni'] },
    ]);
  });

  it('returns null for locals and parameters that reach no module', () => {
    expect(callees(`function f(p: () => void) { const q = () => 1; p(); q(); }`)).toEqual([]);
  });
});

describe('ModuleRefs.instanceOf', () => {
  it('finds the class of new-expressions, consts, class fields, constructor assignments and annotated parameters', () => {
    const code = `
      import { S3Client } from '@aws-sdk/client-s3';
      import { Storage } from '@google-cloud/storage';
      const s3 = new S3Client({});
      class Exporter {
        private readonly field = new S3Client({});
        private assigned;
        constructor(private injected: Storage) { this.assigned = new Storage(); }
        run(param: S3Client) { use(s3); use(this.field); use(this.assigned); use(this.injected); use(param); }
      }
    `;
    const refs = inspectNodes(code, 'CallExpression[callee.name="use"]', (node, context) =>
      new ModuleRefs(context.sourceCode).instanceOf((node as TSESTree.CallExpression).arguments[0]),
    );
    expect(refs).toEqual([
      { module: '@aws-sdk/client-s3', path: ['S3Client'] },
      { module: '@aws-sdk/client-s3', path: ['S3Client'] },
      { module: '@google-cloud/storage', path: ['Storage'] },
      { module: '@google-cloud/storage', path: ['Storage'] },
      { module: '@aws-sdk/client-s3', path: ['S3Client'] },
    ]);
  });
});

describe('moduleSpecifiers / reachesKnowledge', () => {
  it('lists static, re-exported, required and dynamically imported modules', () => {
    const [found] = inspectNodes(
      `
      import a from 'a'; export * from 'b'; export { c } from 'c';
      const d = require('d'); async function f() { return import('e'); }
    `,
      'Program',
      (_node, context) => [...moduleSpecifiers(context.sourceCode)].sort(),
    );
    expect(found).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('is false for files that reach no credential API and true for those that do', () => {
    const gate = (code: string) =>
      inspectNodes(code, 'Program', (_n, context) => reachesKnowledge(context.sourceCode))[0];
    expect(gate(`import express from 'express'; const x = require('lodash');`)).toBe(false);
    expect(gate(`import { S3Client } from '@aws-sdk/client-s3';`)).toBe(true);
    expect(gate(`const AWS = require('aws-sdk');`)).toBe(true);
    expect(gate(`import { GoogleAuth } from 'google-auth-library';`)).toBe(true);
  });
});
