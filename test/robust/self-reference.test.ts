import { describe, expect, it } from 'vitest';
import { lintAll } from './lint-all.js';

const PRESIGN = `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\n`;
const EIGHT_DAYS = 8 * 86400;

/** Messages of one rule, fatal parse errors and internal errors included (a crash would throw instead). */
function lifetimeFindings(code: string, filename = 'file.ts'): string[] {
  return lintAll(code, filename)
    .filter(
      (m) => m.fatal || m.ruleId === 'credential-expiry/presign-max-lifetime' || m.message.includes('internal error'),
    )
    .map((m) => m.message);
}

describe('self-referencing constants end the evaluation instead of overflowing the stack', () => {
  it.each([
    ['a constant read off itself', `const ttl = ttl.region; getSignedUrl(s3, cmd, { expiresIn: ttl });`],
    [
      'two constants read off each other',
      `const a = b.x, b = a.y; getSignedUrl(s3, cmd, { expiresIn: a }); getSignedUrl(s3, cmd, b);`,
    ],
    ['a parameter defaulting to itself', `function f(o = o.x) { return getSignedUrl(s3, cmd, { expiresIn: o }); }`],
    [
      'two parameters defaulting to each other',
      `function g(a = b, b = a) { return getSignedUrl(s3, cmd, { expiresIn: a ?? b }); }`,
    ],
    ['an object whose members read itself', `const o = { expiresIn: o.expiresIn }; getSignedUrl(s3, cmd, o);`],
    [
      'destructuring defaults',
      `const { x = x } = {}; const [y = y] = []; getSignedUrl(s3, cmd, { expiresIn: x ?? y });`,
    ],
    ['a time built from itself', `const t = Date.now() + t; getSignedUrl(s3, cmd, { expiresIn: t });`],
  ])('%s: no finding, no crash', (_name, body) => {
    expect(lifetimeFindings(PRESIGN + body)).toEqual([]);
    expect(lifetimeFindings(PRESIGN + body, 'file.js')).toEqual([]);
  });

  it('still follows a well-founded chain of the same shapes to an 8-day lifetime', () => {
    const body = `const days = { eight: ${EIGHT_DAYS} }; const options = { expiresIn: days.eight }; const ttl = options; getSignedUrl(s3, cmd, ttl);
function f(o = days.eight) { return getSignedUrl(s3, cmd, { expiresIn: o }); }`;
    expect(lifetimeFindings(PRESIGN + body)).toHaveLength(2);
  });

  it('a chain longer than the budget is given up, not followed into the stack', () => {
    const links = Array.from({ length: 2000 }, (_, i) => `const v${i + 1} = { x: v${i} };`).join('\n');
    const body = `const v0 = ${EIGHT_DAYS};\n${links}\ngetSignedUrl(s3, cmd, { expiresIn: v2000.x.x });`;
    expect(lifetimeFindings(PRESIGN + body)).toEqual([]);
  });
});

describe('Dockerfile ARG names are compared as text, never compiled as a RegExp', () => {
  const findings = (dockerfile: string) => lintAll(dockerfile, 'Dockerfile').map((m) => m.message);

  it('an ARG name with regex syntax is found where RUN uses it', () => {
    expect(findings('FROM node\nARG MY_TOKEN_(\nRUN echo $MY_TOKEN_(\n')).toEqual([
      expect.stringContaining('MY_TOKEN_('),
    ]);
    expect(findings('FROM node\nARG MY_TOKEN_(a+)+b\nRUN echo ${MY_TOKEN_(a+)+b}\n')).toHaveLength(1);
  });

  it('the same name is not found in look-alikes', () => {
    expect(findings('FROM node\nARG MY_TOKEN_(\nRUN echo $MY_TOKEN_\n')).toEqual([]);
    expect(findings(`FROM node\nARG MY_TOKEN_(a+)+b\nRUN echo $MY_TOKEN_${'a'.repeat(40)}c\n`)).toEqual([]);
    expect(findings('FROM node\nARG MY_TOKEN\nRUN echo $MY_TOKEN_SUFFIX ${MY_TOKENS}\n')).toEqual([]);
  });
});
