// The plugin's .env and YAML languages skip the parse of a file whose text holds none of the triggers of the rules
// that check it (src/language-gates.ts). Exact: the same messages (findings, directives, parse errors) with the gate
// forced off, on files that hold credentials in every way these languages can spell them, and on look-alikes. The
// one difference by design: a file without a trigger reports no parse error (nothing in it could be a credential).
import type { File } from '@eslint/core';
import { type Linter, Linter as ESLintLinter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { setTextGate } from '../../src/analysis/text-gate.js';
import plugin from '../../src/index.js';
import { dotenv } from '../../src/languages/dotenv/index.js';
import { yaml, YamlLanguage } from '../../src/languages/yaml/index.js';
import {
  fakeSessionToken,
  GOOGLE_TOKEN,
  lines,
  SECRET,
  TEMP_KEY,
} from '../rules/no-embedded-credentials/embedded-fixtures.js';

afterEach(() => setTextGate(true));

const base64 = (text: string): string => Buffer.from(text).toString('base64');
const codePoints = (text: string, escape: (code: string) => string): string =>
  [...text].map((character) => escape(character.codePointAt(0)!.toString(16).padStart(8, '0'))).join('');

const file = (body: string, path: string): File => ({ body, path, physicalPath: path, bom: false });

const YAML_CASES: Record<string, string> = {
  'a secret under its name': lines('env:', `  AWS_SECRET_ACCESS_KEY: "${SECRET}"`),
  'a temporary key id alone': lines(`key: ${TEMP_KEY}`),
  'a Secret whose base64 data holds a token the text does not show': lines(
    'apiVersion: v1',
    'kind: Secret',
    'data:',
    `  token: ${base64(GOOGLE_TOKEN)}`,
  ),
  'a key id spelled with \\U escapes': lines(
    `key: "${codePoints(TEMP_KEY.slice(0, 4), (hex) => `\\U${hex}`)}${TEMP_KEY.slice(4)}"`,
  ),
  'a key id spelled with \\x escapes': lines(`key: "\\x41${TEMP_KEY.slice(1)}"`),
  'a key id split by an escaped line break': lines(`key: "${TEMP_KEY.slice(0, 2)}\\`, `  ${TEMP_KEY.slice(2)}"`),
  'a compose environment list': lines(
    'services:',
    '  app:',
    '    environment:',
    `      - AWS_SESSION_TOKEN=${fakeSessionToken()}`,
  ),
  'invalid YAML holding a key id': lines(`key: [${TEMP_KEY}`),
  'a directive comment that is never used': lines(
    '# eslint-disable-next-line credential-expiry/no-embedded-credentials',
    'a: 1',
  ),
  'a workflow without credentials': lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest'),
  'a base64 value outside a Secret': lines(
    'kind: ConfigMap',
    'data:',
    `  token: ${base64('hello world, nothing secret')}`,
  ),
};

const INVALID_WITHOUT_TRIGGER = { yaml: lines('a: [1, 2', 'b: 3'), dotenv: lines('PORT="8080') };

const DOTENV_CASES: Record<string, string> = {
  'a secret under its name': lines(`AWS_SECRET_ACCESS_KEY=${SECRET}`),
  'a temporary key id alone': lines(`KEY="${TEMP_KEY}"`),
  'a bundled credential name': lines(`VITE_AWS_SECRET_ACCESS_KEY=${SECRET}`),
  'a Google token': lines(`TOKEN='${GOOGLE_TOKEN}'`),
  'invalid .env holding a key id': lines(`KEY="${TEMP_KEY}`),
  'a directive comment that is never used': lines(
    '# eslint-disable-next-line credential-expiry/no-embedded-credentials',
    'PORT=8080',
  ),
  'settings without credentials': lines('PORT=8080', 'DATABASE_URL=postgres://localhost/app', 'BUCKET='),
};

function lintBothWays(text: string, config: Linter.Config[], filename: string) {
  const lint = () =>
    new ESLintLinter()
      .verify(text, config, filename)
      .map(({ ruleId, line, column, message, fatal }) => ({ ruleId, line, column, message, fatal }));
  setTextGate(true);
  const on = lint();
  setTextGate(false);
  const off = lint();
  setTextGate(true);
  return { on, off };
}

describe('the parse gate is exact: the same messages with the gate forced off', () => {
  it.each(Object.entries(YAML_CASES))('YAML: %s', (_, text) => {
    const { on, off } = lintBothWays(text, plugin.configs.yaml as Linter.Config[], 'deploy.yaml');
    expect(on).toEqual(off);
  });

  it.each(Object.entries(DOTENV_CASES))('.env: %s', (_, text) => {
    const { on, off } = lintBothWays(text, plugin.configs.dotenv as Linter.Config[], '.env');
    expect(on).toEqual(off);
  });

  it('the cases above hold findings in every spelling, so equal results are not empty ones', () => {
    const count = (cases: Record<string, string>, config: unknown, filename: string) =>
      Object.values(cases).filter((text) =>
        new ESLintLinter()
          .verify(text, config as Linter.Config[], filename)
          .some((m) => m.ruleId === 'credential-expiry/no-embedded-credentials'),
      ).length;
    expect(count(YAML_CASES, plugin.configs.yaml, 'deploy.yaml')).toBe(7);
    expect(count(DOTENV_CASES, plugin.configs.dotenv, '.env')).toBe(4);
  });
});

describe('what the gate skips', () => {
  it('gives a file without a trigger an empty root, and parses every other', () => {
    const root = (language: typeof yaml | typeof dotenv, text: string, path: string) => {
      const result = language.parse(file(text, path));
      if (!result.ok) throw new Error('parse failed');
      return result.ast as unknown as { type: string; body: unknown[]; range: [number, number] };
    };
    const workflow = YAML_CASES['a workflow without credentials'];
    expect(root(yaml, workflow, 'ci.yml')).toMatchObject({
      type: 'YAMLProgram',
      body: [],
      range: [0, workflow.length],
    });
    expect(root(yaml, YAML_CASES['a secret under its name'], 'ci.yml').body).toHaveLength(1);
    expect(root(yaml, YAML_CASES['a directive comment that is never used'], 'ci.yml').body).toHaveLength(1);
    expect(root(new YamlLanguage(), workflow, 'ci.yml').body).toHaveLength(1); // a language no rule set up
    const settings = DOTENV_CASES['settings without credentials'];
    expect(root(dotenv, settings, '.env')).toMatchObject({ type: 'Dotenv', body: [], range: [0, settings.length] });
    expect(root(dotenv, DOTENV_CASES['a secret under its name'], '.env').body).toHaveLength(1);
  });

  it('drops the parse error of a file without a trigger: nothing in it could be a credential', () => {
    const messages = (text: string, config: unknown, filename: string) =>
      new ESLintLinter().verify(text, config as Linter.Config[], filename).map((m) => m.fatal ?? false);
    expect(messages(INVALID_WITHOUT_TRIGGER.yaml, plugin.configs.yaml, 'a.yaml')).toEqual([]);
    setTextGate(false);
    expect(messages(INVALID_WITHOUT_TRIGGER.yaml, plugin.configs.yaml, 'a.yaml')).toEqual([true]);
    setTextGate(true);
    expect(messages(YAML_CASES['invalid YAML holding a key id'], plugin.configs.yaml, 'a.yaml')).toEqual([true]);
    expect(messages(INVALID_WITHOUT_TRIGGER.dotenv, plugin.configs.dotenv, '.env')).toEqual([]);
    expect(messages(DOTENV_CASES['invalid .env holding a key id'], plugin.configs.dotenv, '.env')).toEqual([true]);
  });

  it('keeps the binary, size and nesting guards on files without a trigger', () => {
    const error = (language: typeof yaml | typeof dotenv, text: string) => {
      const result = language.parse(file(text, 'x'));
      return result.ok ? undefined : result.errors[0].message;
    };
    expect(error(yaml, 'a: 1\n\0')).toContain('looks binary');
    expect(error(yaml, `a: "${'x'.repeat(2 * 1024 * 1024)}"\n`)).toContain('larger than 2 MiB');
    expect(error(yaml, `a: ${'['.repeat(600)}${']'.repeat(600)}\n`)).toContain('nested more than');
    expect(error(dotenv, 'PORT=1\0')).toContain('looks binary');
  });
});
