import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The bench scripts import the built package's internals by name (`../dist/src/...`); the type checker does not see
 * those imports, so an export removed from src/ breaks a script only when someone runs it. This reads each named
 * import from dist/ in bench/*.js and checks the built module (`npm test` builds first) still exports it.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH = path.join(ROOT, 'bench');
const NAMED_DIST_IMPORT = /import\s*\{([^}]*)\}\s*from\s*'(\.\.\/dist\/[^']+)'/g;

const imports = readdirSync(BENCH)
  .filter((file) => file.endsWith('.js'))
  .flatMap((file) =>
    [...readFileSync(path.join(BENCH, file), 'utf8').matchAll(NAMED_DIST_IMPORT)].flatMap(([, names, specifier]) =>
      names
        .split(',')
        .map((name) => name.trim().split(/\s+as\s+/)[0])
        .filter(Boolean)
        .map((name) => ({ file, name, module: path.resolve(BENCH, specifier) })),
    ),
  );

describe('bench scripts import only what the built package exports', () => {
  it('finds the named imports (the check has something to check)', () => {
    expect(imports.length).toBeGreaterThan(0);
  });

  it.each(imports.map((entry) => [`${entry.file}: ${entry.name}`, entry] as const))('%s', async (_, entry) => {
    const built: Record<string, unknown> = await import(pathToFileURL(entry.module).href);
    expect(built[entry.name], `${path.relative(ROOT, entry.module)} exports ${entry.name}`).toBeDefined();
  });
});
