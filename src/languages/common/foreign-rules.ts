/**
 * A config block without `files` (`js.configs.recommended`, typescript-eslint's, eslint-plugin-unicorn's,
 * eslint-plugin-jsonc's rules block, ...) applies its rules to every file some other block matches, our Dockerfile,
 * .env, JSON and YAML files included. ESLint core rules declare no `meta.languages`, so ESLint runs them on any
 * language, and JavaScript rules then call JavaScript SourceCode methods at create time
 * (eslint/lib/rules/no-irregular-whitespace.js calls `getAllComments()`; eslint-plugin-jsonc and eslint-plugin-yml
 * read `parserServices.isJSON` / `isYAML`). Their listeners never fire here (our node types are not ESTree's), so
 * giving them what JavaScript's SourceCode gives an empty program lets them pass over the file silently. A rule
 * that needs type information cannot do its work here: it gets one message that says how to scope its config.
 */

/** The file globs the README's scoping advice uses (JS/TS files only). */
const JS_TS_FILES = "['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}']";

/** `parserServices` as a JavaScript rule finds it on a file it has no business in. */
function parserServicesFor(what: string): Record<string, unknown> {
  const typeInformation = (): never => {
    throw new Error(
      `This rule needs TypeScript type information, which ${what} files do not have: its config block has no \`files\`, ` +
        `so it also runs on the non-JavaScript files eslint-plugin-credential-expiry lints. Scope it to JS/TS files, ` +
        `for example \`...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ${JS_TS_FILES} }))\`.`,
    );
  };
  // typescript-eslint's getParserServices() reads these two maps first (@typescript-eslint/utils,
  // dist/eslint-utils/getParserServices.js); rules that only test for them (`?.program`) get undefined.
  return Object.defineProperties(
    {},
    { esTreeNodeToTSNodeMap: { get: typeInformation }, tsNodeToESTreeNodeMap: { get: typeInformation } },
  );
}

interface ForeignRuleSurface {
  parserServices: Record<string, unknown>;
  getAllComments(): [];
}

/** Adds to `sourceCode` the JavaScript SourceCode members foreign rules call at create time, unless it has them. */
export function tolerateForeignRules<Code extends object>(sourceCode: Code, what: string): Code & ForeignRuleSurface {
  const target = sourceCode as Code & Partial<ForeignRuleSurface>;
  if (!('parserServices' in target) || target.parserServices === undefined) {
    Object.defineProperty(target, 'parserServices', {
      value: parserServicesFor(what),
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
  if (typeof target.getAllComments !== 'function') {
    Object.defineProperty(target, 'getAllComments', {
      value: () => [],
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
  return target as Code & ForeignRuleSurface;
}
