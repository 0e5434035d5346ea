/**
 * The file names Docker and Podman read as a Dockerfile (`docker build -f` takes any name; these are the conventions:
 * https://docs.docker.com/build/concepts/dockerfile/#filename, https://github.com/containers/common/blob/main/docs/Containerfile.5.md).
 * The configs give these files the Dockerfile language; the repository scan reads them for the images they build.
 */
/** Dockerfiles by name (`Dockerfile.dev`, `api.Dockerfile`, `Containerfile.arm64`, ...). */
export const DOCKERFILE_FILES = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/Containerfile.*',
];
/**
 * Files those globs take that are not Dockerfiles: BuildKit's per-Dockerfile ignore files (`Dockerfile.dockerignore`),
 * editor grammars and snippets (`Dockerfile.tmLanguage`, `Dockerfile.sublime-syntax`), and files of other types named
 * after the Dockerfile they go with (`Dockerfile.md`, `Dockerfile.json`, `Dockerfile.sh`, ...).
 */
export const DOCKERFILE_IGNORES = [
  '**/*.dockerignore',
  '**/{Dockerfile,Containerfile}.{tmLanguage,tmlanguage,tmPreferences,tmSnippet,sublime-syntax,sublime-snippet,plist,xml,cson}',
  '**/{Dockerfile,Containerfile}.{md,markdown,txt,rst,adoc,html,json,jsonc,yml,yaml,toml,ini,sh,bash,zsh,ps1,bat,cmd,py,rb,go,js,cjs,mjs,jsx,ts,cts,mts,tsx,map,snap,orig,rej,bak,swp,patch,diff,lock,log,png,svg}',
];

/**
 * Folders of translation catalogs (i18next, vue-i18n, react-intl, Angular, Rails, Chrome extensions' `_locales`): UI text
 * keyed by message id, often hundreds of JSON or YAML files in one application, and not a place where credentials
 * are kept. The JSON and YAML blocks skip them: ESLint's own per-file work on them (reading, config, source code,
 * result) was most of what the JSON block cost an application (bench/RESULTS.md, issue 14).
 */
export const TRANSLATION_CATALOG_IGNORES = ['**/{locales,_locales,locale,i18n,l10n,translations}/**'];
