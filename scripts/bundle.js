// The package's entry, `dist/plugin.js`: the plugin's modules as tsc built them (dist/src/index.js and what it
// imports, ~150 files) bundled into one ES module. ESLint loads the plugin on every run, and Node's loader pays per
// module (resolve, stat, read, compile, link): one file instead of ~150 roughly halves the plugin's load CPU
// (bench/RESULTS.md, issue 14). Packages stay external: they are dependencies, loaded once and shared with ESLint where
// they are the same copy. The codemod (dist/src/codemod/) keeps the unbundled modules; nothing imports both.
import { build } from 'rolldown';

const isBareSpecifier = (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id);

await build({
  input: 'dist/src/index.js',
  platform: 'node',
  external: isBareSpecifier,
  logLevel: 'warn',
  output: { file: 'dist/plugin.js', format: 'esm' },
});
