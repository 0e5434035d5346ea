import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on first use instead of when the plugin loads: parsers of file types a repository may not have
 * (or whose files the text gate never opens) cost nothing then. Synchronous, because ESLint's `parse` and rules are;
 * ES-module-only packages load through require(esm), which every Node version this package supports has
 * (`engines`: ^20.19.0 || ^22.13.0 || >=24; https://nodejs.org/api/modules.html#loading-ecmascript-modules-using-require).
 */
export function lazyModule<Module>(specifier: string): () => Module {
  let loaded: Module | undefined;
  return () => (loaded ??= require(specifier) as Module);
}
