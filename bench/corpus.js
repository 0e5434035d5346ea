// The SDK corpus: real, published JavaScript from the installed credential SDKs. Their internals are full of
// look-alikes (providers that resolve credentials, token caches with expiry checks, metadata-endpoint fetches),
// so the benchmark measures the plugin's cost on them and test/sdk-corpus.test.ts checks it stays silent there.
// Files are read in place from node_modules; nothing is copied into the repository.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const JS_FILE = /\.(?:c|m)?js$/;
// Folders that hold ES modules; everything else in these packages is CommonJS.
const ESM_FOLDER = /(?:^|\/)(?:dist-es|esm)\//;

/** Package name → folders (relative to the package) that hold its published JavaScript. */
function corpusPackages() {
  const credentialProviders = readdirSync(join(NODE_MODULES, '@aws-sdk'))
    .filter((name) => name.startsWith('credential-provider-'))
    .map((name) => ({ name: `@aws-sdk/${name}`, folders: ['dist-cjs', 'dist-es'] }));
  return [
    { name: '@aws-sdk/client-s3', folders: ['dist-cjs', 'dist-es'] },
    { name: '@aws-sdk/credential-providers', folders: ['dist-cjs', 'dist-es'] },
    ...credentialProviders,
    { name: '@smithy/credential-provider-imds', folders: ['dist-cjs', 'dist-es'] },
    { name: 'aws-sdk', folders: ['lib'] },
    { name: 'google-auth-library', folders: ['build'] },
    { name: 'gcp-metadata', folders: ['build'] },
    { name: '@google-cloud/storage', folders: ['build'] },
  ];
}

function walk(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() && JS_FILE.test(entry.name) ? [path] : [];
  });
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(NODE_MODULES, name, 'package.json'), 'utf8')).version;
}

/**
 * Every corpus file, sorted for a stable order.
 * @returns {{ absolutePath: string, corpusPath: string, sourceType: 'module' | 'commonjs', bytes: number }[]}
 * `corpusPath` is `<package>/<path inside the package>` with forward slashes (no node_modules segment).
 */
export function listCorpusFiles() {
  const files = [];
  for (const { name, folders } of corpusPackages()) {
    for (const folder of folders) {
      const root = join(NODE_MODULES, name, folder);
      if (!existsSync(root)) continue;
      for (const absolutePath of walk(root)) {
        const corpusPath = `${name}/${relative(join(NODE_MODULES, name), absolutePath).split(sep).join('/')}`;
        files.push({
          absolutePath,
          corpusPath,
          sourceType: sourceTypeOf(corpusPath),
          bytes: statSync(absolutePath).size,
        });
      }
    }
  }
  return files.sort((a, b) => a.corpusPath.localeCompare(b.corpusPath));
}

function sourceTypeOf(corpusPath) {
  if (corpusPath.endsWith('.mjs')) return 'module';
  if (corpusPath.endsWith('.cjs')) return 'commonjs';
  return ESM_FOLDER.test(corpusPath) ? 'module' : 'commonjs';
}

/** `name@version` of every corpus package, for reports. */
export function corpusPackageVersions() {
  return corpusPackages().map(({ name }) => `${name}@${packageVersion(name)}`);
}

/**
 * Flat-config blocks that parse each corpus file the way Node loads it. Put them after the config under test so
 * their `sourceType` wins over any default.
 */
export function corpusLanguageBlocks() {
  return [
    { files: ['**/*.js', '**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
    {
      files: ['**/dist-es/**/*.js', '**/esm/**/*.js', '**/*.mjs'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
  ];
}

/**
 * Copies the corpus to `destination` (git-ignored), so ESLint's `lintFiles` reads it like a project on disk
 * (node_modules is ignored by ESLint by default). Skips the copy when the same package versions are there already.
 * @returns {{ root: string, files: number, bytes: number }}
 */
export function materializeCorpus(destination) {
  const files = listCorpusFiles();
  const stamp = JSON.stringify(corpusPackageVersions());
  // No .json extension: a config with a JSON block must not lint the stamp.
  const stampFile = join(destination, '.corpus-versions');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    rmSync(destination, { recursive: true, force: true });
    for (const file of files) {
      const target = join(destination, file.corpusPath);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file.absolutePath, target);
    }
    writeFileSync(stampFile, stamp);
  }
  return { root: destination, files: files.length, bytes: files.reduce((sum, file) => sum + file.bytes, 0) };
}

/**
 * The user's own lint that the benches add the plugin to: typescript-eslint's parser on TypeScript and one cheap core
 * rule (the SDK corpus: one rule block, then corpusLanguageBlocks(), which go after the config under test).
 */
export async function userLintConfig(kind) {
  if (kind === 'sdk') return [{ rules: { 'no-debugger': 'error' } }, ...corpusLanguageBlocks()];
  const tsParser = (await import('@typescript-eslint/parser')).default;
  return [
    { ignores: ['**/dist/**', '**/build/**', '**/coverage/**'] },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      rules: { 'no-debugger': 'error' },
    },
  ];
}
