// The package's entry, `dist/plugin.js`: the plugin's modules as tsc built them (dist/src/index.js and what it
// imports, ~150 files) bundled into one ES module. ESLint loads the plugin on every run, and Node's loader pays per
// module (resolve, stat, read, compile, link): one file instead of ~150 roughly halves the plugin's load CPU
// (bench/RESULTS.md, issue 14). Packages stay external: they are dependencies, loaded once and shared with ESLint where
// they are the same copy. The codemod (dist/src/codemod/) keeps the unbundled modules; nothing imports both.
//
// Two more things make the load cheaper (bench/RESULTS.md, "perf4"):
// - no JSDoc and only ASCII: V8 keeps a module's source for its whole life, as a two-byte string if one character is
//   outside Latin-1 (an `…` or `→` in a comment did it: 1.6 MB instead of 0.8), and scans it again for every function
//   compiled lazily;
// - CommonJS-only packages are `require`d, not imported: an `import` of CommonJS makes Node lex the package's source
//   (and every file it re-exports) for its export names, ~15-20 ms of CPU for typescript-eslint's `types` and
//   `ast-utils`, `debug` and `eslint`. Only packages whose `import` and `require` resolve to the same file are
//   rewritten, so both give the same instance of the module.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const OUTPUT = 'dist/plugin.js';
const isBareSpecifier = (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id);

await build({
  input: 'dist/src/index.js',
  platform: 'node',
  external: isBareSpecifier,
  logLevel: 'warn',
  output: {
    file: OUTPUT,
    format: 'esm',
    charset: 'ascii',
    comments: { legal: true, annotation: false, jsdoc: false },
  },
});

const requireFromOutput = createRequire(pathToFileURL(join(process.cwd(), OUTPUT)));

/** Whether `specifier` is CommonJS that `import` and `require` both resolve to, from the bundle's folder. */
function isCommonJsOnly(specifier) {
  if (specifier.startsWith('node:')) return false;
  let file;
  try {
    file = requireFromOutput.resolve(specifier);
  } catch {
    return false;
  }
  const imported = fileURLToPath(import.meta.resolve(specifier, pathToFileURL(join(process.cwd(), OUTPUT)).href));
  if (imported !== file || file.endsWith('.mjs')) return false;
  if (file.endsWith('.cjs')) return true;
  for (let folder = dirname(file); folder !== dirname(folder); folder = dirname(folder)) {
    try {
      return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).type !== 'module';
    } catch {
      // no package.json here: look further up
    }
  }
  return true;
}

/** `{ a, b as c }` → `{ a, b: c }` */
const destructuring = (named) => named.replace(/\b([\w$]+)\s+as\s+([\w$]+)/gu, '$1: $2');

/** The import statement as `require`s of the same module (same bindings; a CommonJS module's default is its exports). */
function asRequire(clause, specifier) {
  const call = `__requireCommonJs(${JSON.stringify(specifier)})`;
  const namespace = /^\*\s+as\s+([\w$]+)$/u.exec(clause);
  if (namespace) return `const ${namespace[1]} = ${call};`;
  const [, defaultName, named] = /^([\w$]+)?\s*,?\s*(\{[^}]*\})?$/u.exec(clause) ?? [];
  if (!defaultName && !named) throw new Error(`scripts/bundle.js: cannot rewrite \`import ${clause}\``);
  if (defaultName && named) return `const ${defaultName} = ${call};\nconst ${destructuring(named)} = ${defaultName};`;
  return defaultName ? `const ${defaultName} = ${call};` : `const ${destructuring(named)} = ${call};`;
}

const bundle = readFileSync(OUTPUT, 'utf8');
let rewritten = 0;
const output = bundle.replace(/^import (.+?) from "([^"]+)";$/gmu, (statement, clause, specifier) => {
  if (!isCommonJsOnly(specifier)) return statement;
  rewritten++;
  return asRequire(clause.trim(), specifier);
});
if (rewritten > 0) {
  // Import declarations are hoisted: the modules still imported are evaluated before any of these lines runs.
  const loader =
    'import { createRequire as __createRequire } from "node:module";\nconst __requireCommonJs = __createRequire(import.meta.url);\n';
  writeFileSync(OUTPUT, loader + output);
}
if (/[^\x00-\x7f]/u.test(readFileSync(OUTPUT, 'utf8'))) throw new Error(`${OUTPUT} is not ASCII`);
