// Loading the plugin loads no parser of a file type it has not met: yaml-eslint-parser, `yaml`, dockerfile-ast and
// typescript-eslint's parser (with TypeScript itself) load on the first file that needs them (src/util/lazy-module.ts),
// and typescript-eslint's scope manager not at all for JavaScript. Checked on the built package, in a fresh process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PARSERS =
  /node_modules\/(dockerfile-ast|yaml|yaml-eslint-parser|typescript|@typescript-eslint\/(?:parser|scope-manager))\//u;

/** The parser packages in Node's module cache after running `script` (an ES module) in a fresh process. */
function loadedParsers(script: string): string[] {
  const probe = `${script}
const { createRequire } = await import('node:module');
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => !file.endsWith('package.json')).flatMap((file) => file.match(${String(PARSERS)})?.[1] ?? []);
console.log(JSON.stringify([...new Set(loaded)].sort()));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1)!) as string[];
}

describe('plugin load', () => {
  // What `import 'eslint-plugin-credential-expiry'` loads: the bundle scripts/bundle.js makes of dist/src/index.js.
  const entry = JSON.stringify(path.join(ROOT, 'dist/plugin.js'));

  it('is one module of its own: the package entry is the bundle, which imports only packages', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      exports: { '.': { default: string } };
    };
    expect([manifest.main, manifest.exports['.'].default]).toEqual(['./dist/plugin.js', './dist/plugin.js']);
    const bundle = readFileSync(path.join(ROOT, 'dist/plugin.js'), 'utf8');
    const specifiers = [...bundle.matchAll(/^(?:import|export)\b[^'"\n]*?from\s*['"]([^'"]+)['"]/gmu)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => specifier.startsWith('.'))).toEqual([]);
    expect(bundle).toContain('no-embedded-credentials');
  });

  it('is ASCII, and requires the CommonJS-only packages instead of importing them (scripts/bundle.js)', () => {
    const bundle = readFileSync(path.join(ROOT, 'dist/plugin.js'), 'utf8');
    // One character beyond Latin-1 and V8 keeps the whole source as a two-byte string.
    expect(/[^\x00-\x7f]/u.test(bundle)).toBe(false);
    // An `import` of CommonJS makes Node lex the package's source for its export names on every load.
    const imported = [...bundle.matchAll(/^import\b[^'"\n]*?from\s*"([^"]+)"/gmu)].map((m) => m[1]);
    const required = [...bundle.matchAll(/__requireCommonJs\("([^"]+)"\)/gu)].map((m) => m[1]);
    for (const cjs of ['@typescript-eslint/types', '@typescript-eslint/utils/ast-utils', 'debug', 'eslint']) {
      expect(required).toContain(cjs);
      expect(imported).not.toContain(cjs);
    }
  });

  it('loads none of the Dockerfile, YAML and TypeScript parsers', () => {
    expect(loadedParsers(`await import(${entry});`)).toEqual([]);
  });

  it('loads each on the first file that needs it', () => {
    const lint = `const { Linter } = await import('eslint');
const plugin = (await import(${entry})).default;
new Linter().verify('FROM node:20\\n', plugin.configs.dockerfile, 'Dockerfile');
new Linter().verify('env:\\n  AWS_SESSION_TOKEN: x\\n', plugin.configs.yaml, 'ci.yml');`;
    expect(loadedParsers(lint)).toEqual(['dockerfile-ast', 'yaml', 'yaml-eslint-parser']); // yaml-eslint-parser reads YAML with `yaml`;
  });

  it('lints JavaScript without typescript-eslint, and loads its parser on the first TypeScript file', () => {
    const lint = (file: string) => `const { Linter } = await import('eslint');
const plugin = (await import(${entry})).default;
const messages = new Linter().verify('const token = process.env.AWS_SESSION_TOKEN;\\n', plugin.configs.recommended, ${JSON.stringify(file)});
if (messages.some((message) => message.fatal)) throw new Error(JSON.stringify(messages));`;
    expect(loadedParsers(lint('app.js'))).toEqual([]);
    expect(loadedParsers(lint('app.ts'))).toEqual([
      '@typescript-eslint/parser',
      '@typescript-eslint/scope-manager',
      'typescript',
    ]);
  });
});
