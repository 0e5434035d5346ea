import { createRequire } from 'node:module';

/**
 * typescript-eslint 8 (this plugin's TypeScript parser) supports TypeScript >=4.8.4 <6.1.0 (the `typescript` peer range
 * of @typescript-eslint/parser). TypeScript 7 (the native compiler) has another JavaScript API: with it every lint dies
 * inside ts-api-utils with "Cannot read properties of undefined (reading 'Intrinsic')". Say so once, at load.
 * Imported first by src/index.ts, before anything loads the parser.
 */
export function unsupportedTypeScriptMessage(version: string | undefined): string | undefined {
  if (!version || Number(version.split('.')[0]) < 7) return undefined;
  return (
    `eslint-plugin-credential-expiry: TypeScript ${version} is installed, but typescript-eslint 8 (which this plugin ` +
    `parses TypeScript with) supports TypeScript >=4.8.4 <6.1.0. Install typescript@~6.0 where ESLint runs.`
  );
}

function installedTypeScriptVersion(): string | undefined {
  try {
    return (createRequire(import.meta.url)('typescript/package.json') as { version?: string }).version;
  } catch {
    return undefined; // Not installed: the parser says so itself when a TypeScript file is linted.
  }
}

const message = unsupportedTypeScriptMessage(installedTypeScriptVersion());
if (message) throw new Error(message);
