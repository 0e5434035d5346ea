import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cannotReport } from '../../src/codemod/prefilter.js';

describe('the codemod prefilter', () => {
  const plain = 'export const total = (items: number[]) => items.reduce((a, b) => a + b, 0);\n';

  it('passes over JS/TS files whose text holds no trigger of any rule', () => {
    expect(cannotReport('/repo/src/total.ts', plain)).toBe(true);
    expect(cannotReport('/repo/src/total.mjs', plain)).toBe(true);
  });

  it('lints files with a trigger, and every file that is not JS/TS (their checks read other shapes)', () => {
    expect(cannotReport('/repo/src/s3.ts', "import { S3Client } from '@aws-sdk/client-s3';\n")).toBe(false);
    expect(cannotReport('/repo/src/token.ts', 'const { access_token } = await res.json();\n')).toBe(false);
    expect(cannotReport('/repo/src/keys.ts', 'export const keys = { secretAccessKey: process.env.KEY };\n')).toBe(
      false,
    );
    expect(cannotReport('/repo/Dockerfile', 'FROM node:20\n')).toBe(false);
    expect(cannotReport('/repo/config/app.json', '{ "name": "app" }\n')).toBe(false);
  });

  it('lints every file for a plugin with a rule that declares no triggers', () => {
    const plugin = { rules: { marker: { meta: { docs: {} }, create: () => ({}) } } } as unknown as ESLint.Plugin;
    expect(cannotReport('/repo/src/total.ts', plain, plugin)).toBe(false);
  });
});
