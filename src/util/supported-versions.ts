import { createRequire } from 'node:module';

/**
 * Versions this plugin cannot run with, said once at load instead of as a crash on every file. Imported first by
 * src/index.ts, before anything loads the TypeScript parser.
 *
 * - ESLint before 9.6 has no language API for non-JavaScript files (9.0 rejects `language` in a config, 9.5 fails
 *   with "sourceCode.applyLanguageOptions is not a function").
 * - typescript-eslint 8 (this plugin's TypeScript parser) supports TypeScript >=4.8.4 <6.1.0 (the `typescript` peer
 *   range of @typescript-eslint/parser). TypeScript 7 (the native compiler) has another JavaScript API: with it every
 *   lint dies inside ts-api-utils with "Cannot read properties of undefined (reading 'Intrinsic')".
 */
export function unsupportedEslintMessage(version: string | undefined): string | undefined {
  const [major, minor] = (version ?? '').split('.').map(Number);
  if (!version || major > 9 || (major === 9 && minor >= 6)) return undefined;
  return `eslint-plugin-credential-expiry: ESLint ${version} is installed; this plugin needs ESLint ^9.6.0 || ^10.0.0 (the language API its Dockerfile, .env, JSON and YAML support uses).`;
}

export function unsupportedTypeScriptMessage(version: string | undefined): string | undefined {
  if (!version || Number(version.split('.')[0]) < 7) return undefined;
  return (
    `eslint-plugin-credential-expiry: TypeScript ${version} is installed, but typescript-eslint 8 (which this plugin ` +
    `parses TypeScript with) supports TypeScript >=4.8.4 <6.1.0. Install typescript@~6.0 where ESLint runs.`
  );
}

function installedVersion(name: string): string | undefined {
  try {
    return (createRequire(import.meta.url)(`${name}/package.json`) as { version?: string }).version;
  } catch {
    return undefined; // Not installed: ESLint is loading us, and the parser says so itself when a TypeScript file is linted.
  }
}

const message =
  unsupportedEslintMessage(installedVersion('eslint')) ?? unsupportedTypeScriptMessage(installedVersion('typescript'));
if (message) throw new Error(message);
