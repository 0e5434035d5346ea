import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';
import { fakeKeyId, TOKEN } from './embedded-fixtures.js';

const RULE = 'credential-expiry/no-embedded-credentials';

/** One `npx eslint .` with configs.recommended: every file type reached, look-alike file names left to their own language. */
const FILES: Record<string, string> = {
  Dockerfile: 'FROM alpine\nENV AWS_SESSION_TOKEN=$AWS_SESSION_TOKEN\n',
  'api.Dockerfile': 'FROM alpine\nENV AWS_SESSION_TOKEN=$AWS_SESSION_TOKEN\n',
  'docker/Dockerfile.prod': 'FROM alpine\nENV AWS_SESSION_TOKEN=$AWS_SESSION_TOKEN\n',
  Containerfile: 'FROM alpine\nENV AWS_SESSION_TOKEN=$AWS_SESSION_TOKEN\n',
  'Dockerfile.dockerignore': 'node_modules\n*.log\n',
  '.env': `AWS_SESSION_TOKEN=${TOKEN}\n`,
  '.env.production': `AWS_SESSION_TOKEN=${TOKEN}\n`,
  'config/staging.env': `AWS_SESSION_TOKEN=${TOKEN}\n`,
  '.env.ts': 'export const env = { region: process.env.AWS_REGION };\n',
  'tsconfig.json':
    '{\n  // comments and trailing commas, as tsc allows\n  "compilerOptions": { "strict": true, },\n}\n',
  'creds.json': `{ "AccessKeyId": "${fakeKeyId('ASIA')}" }\n`,
  'k8s/deploy.yaml': `env:\n  - name: AWS_SESSION_TOKEN\n    value: ${TOKEN}\n`,
  'src/app.ts': `export const c = { sessionToken: '${TOKEN}' };\n`,
};

describe('configs.recommended reaches every file type of no-embedded-credentials', () => {
  let dir: string;
  let byFile: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'credential-expiry-config-'));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const results = await eslint.lintFiles(['.']);
    byFile = new Map(results.map((result) => [path.relative(dir, result.filePath).split(path.sep).join('/'), result]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses every file without errors', () => {
    const fatal = [...byFile].flatMap(([name, result]) =>
      result.messages.filter((m) => m.fatal).map((m) => `${name}: ${m.message}`),
    );
    expect(fatal).toEqual([]);
  });

  it.each([
    'Dockerfile',
    'api.Dockerfile',
    'docker/Dockerfile.prod',
    'Containerfile',
    '.env',
    '.env.production',
    'config/staging.env',
    'creds.json',
    'k8s/deploy.yaml',
    'src/app.ts',
  ])('reports in %s', (name) => {
    expect(byFile.get(name)?.messages.filter((m) => m.ruleId === RULE)).toHaveLength(1);
  });

  it('leaves .dockerignore files and .env.ts to others (not parsed as Dockerfile / .env)', () => {
    expect(byFile.has('Dockerfile.dockerignore')).toBe(false);
    expect(byFile.get('.env.ts')?.messages).toEqual([]);
  });
});
