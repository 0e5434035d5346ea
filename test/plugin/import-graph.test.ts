import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of the plugin's source (src/, rules/): the layers of docs/architecture.md, each importing only
 * from layers before it, and no cycle between files. TypeScript's own `preProcessFile` reads the imports (type-only
 * ones included: a type import across layers is a wrong arrow too).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** In order: a file may import from its own layer and the layers above it in this list. */
const LAYERS: readonly { name: string; files: RegExp }[] = [
  { name: 'knowledge', files: /^src\/knowledge\// },
  { name: 'settings', files: /^src\/settings\.ts$/ },
  { name: 'analysis', files: /^src\/analysis\// },
  { name: 'support (util, languages, repository)', files: /^src\/(?:util|languages|repository)\// },
  { name: 'rules', files: /^rules\// },
  { name: 'plugin', files: /^src\/(?:index|configs|rules|language-gates)\.ts$/ },
  { name: 'codemod', files: /^src\/codemod\// },
];

function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) => layer.files.test(file));
  if (index < 0) throw new Error(`${file} is in no layer: add it to LAYERS and to docs/architecture.md`);
  return index;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `${dir}/${file.split(path.sep).join('/')}`);
}

/** The repository-relative files `file` imports by a relative specifier (`./x.js` is `./x.ts`, a folder its index). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .filter((imported) => imported.fileName.startsWith('.'))
    .map((imported) => {
      const target = path.posix.join(path.posix.dirname(file), imported.fileName).replace(/\.js$/, '.ts');
      if (existsSync(path.join(ROOT, target))) return target;
      return `${target.replace(/\.ts$/, '')}/index.ts`;
    });
}

const FILES = [...sourceFiles('src'), ...sourceFiles('rules')];
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

/** Strongly connected components of more than one file (Tarjan), each a cycle. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component);
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('import graph', () => {
  it('resolves every relative import to a file', () => {
    const missing = [...GRAPH].flatMap(([file, targets]) =>
      targets.filter((target) => !existsSync(path.join(ROOT, target))).map((target) => `${file} -> ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('reads knowledge → analysis → rules → plugin → codemod: no file imports from a later layer', () => {
    const backwards = [...GRAPH].flatMap(([file, targets]) =>
      targets
        .filter((target) => layerOf(target) > layerOf(file))
        .map((target) => `${file} (${LAYERS[layerOf(file)].name}) -> ${target} (${LAYERS[layerOf(target)].name})`),
    );
    expect(backwards).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(GRAPH)).toEqual([]);
  });

  it('finds a cycle and a backward arrow where there is one (the checks above can fail)', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['c', 'b', 'a']]);
    expect(layerOf('src/analysis/ast.ts')).toBeGreaterThan(layerOf('src/knowledge/index.ts'));
    expect(layerOf('src/codemod/cli.ts')).toBeGreaterThan(layerOf('rules/no-static-snapshot/index.ts'));
  });
});
