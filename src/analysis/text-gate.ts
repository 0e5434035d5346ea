import * as knowledge from '../knowledge/index.js';
import {
  ASSUME_ROLE_MODULES,
  BROWSER_SDK_GLOBALS,
  BUNDLER_ENV_PREFIXES,
  CLI_CREDENTIAL_WORDS,
  CREDENTIAL_NAMES,
  GOOGLE_CREDENTIAL_FILE_TYPES,
  GOOGLE_SET_CREDENTIALS,
  moduleMatches,
  NAMED_CREDENTIAL_HELPER_PATTERN,
  PLATFORM_TOKEN_FILE_PATHS,
  PRESIGN_MODULES,
  SNAPSHOT_RULE_MODULES,
  STORED_SESSION_KEYS_HINTS,
  TOKEN_SOURCE_MODULES,
  TOKEN_TEXT_HINT,
} from '../knowledge/index.js';
import { ANY_SHAPE_MARKER } from './secret-scan.js';

/**
 * The per-file text gate: a rule reports on a JS/TS file only if the file's text holds one of the triggers of the
 * families the rule declares (`meta.docs.triggers`), so a file without any costs one scan of its text, then nothing.
 *
 * - `modules`: a module specifier the knowledge base knows, quoted as it must be in an import or require
 *   (`'@aws-sdk/client-s3'`, `"@aws-sdk/client-` for `@aws-sdk/client-*`, `'axios'`), or a browser bundle's global
 *   in use (`AWS.config`, `window.AWSIoTData`: BROWSER_SDK_GLOBALS);
 * - `presign-modules`, `assume-role-modules`: the same, for the modules one rule's checks start from (the knowledge
 *   base's PRESIGN_MODULES and ASSUME_ROLE_MODULES) and the browser globals standing for one of them: a rule that
 *   needs no other module is not opened by the rest (a React component's `'react'` opens `modules`);
 * - `token-sources`: no-module-token-cache's own: a module of TOKEN_SOURCE_MODULES (quoted, spelled with escapes, or a
 *   browser global standing for one), stored session keys (STORED_SESSION_KEYS_HINTS) or a platform's token file;
 * - `snapshot-sources`: no-static-snapshot's own: a module of SNAPSHOT_RULE_MODULES (the same three ways);
 * - `token-text`: the text every hand-written token fetch contains (TOKEN_TEXT_HINT: token endpoints and fields);
 * - `secrets`: the markers of every secret shape, the credential names values are stored under (for a name that
 *   counts only beside a sibling, such as a bare `Token` beside `AccessKeyId`, the sibling), and the bundler
 *   prefixes of env names inlined into browser code;
 * - `credential-files`: the `type` of every Google credential file (`service_account`, `external_account`, ...);
 * - `credential-helpers`: the name of a helper that promises temporary credentials (NAMED_CREDENTIAL_HELPER_PATTERN),
 *   or, in a file linted with type information, an import of a relative module (whose helpers the engine reads);
 * - `google-set-credentials`: a call of `.setCredentials(` (GOOGLE_SET_CREDENTIALS), on a client the file may have made
 *   itself or imported from the app (the rule asks for the same receiver's `getAccessToken` too);
 * - `cli-credentials`: the last word of a cloud CLI command that prints credentials or a token
 *   (CLI_CREDENTIAL_COMMANDS: `export-credentials`, `assume-role`, `print-access-token`, ...).
 *
 * The module families, `secrets` and `credential-files` also open on escape sequences (`\u0041`, `\x41`, octal, line
 * continuations): a string value or an identifier may spell a trigger that its source text does not contain.
 * The gate reads JS/TS files and JSON documents (src/util/text-gated-rule.ts).
 */
export type TriggerFamily =
  | 'modules'
  | 'presign-modules'
  | 'assume-role-modules'
  | 'token-sources'
  | 'snapshot-sources'
  | 'token-text'
  | 'secrets'
  | 'credential-files'
  | 'credential-helpers'
  | 'google-set-credentials'
  | 'cli-credentials';

const ESCAPES = String.raw`\\(?:[ux1-7]|0[0-7]|\r|\n|\u2028|\u2029)`;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/gu, String.raw`\$&`);

/**
 * Every module specifier in the knowledge base: the `modules` and `gateModules` of every entry, and the exported
 * `*_MODULES` lists, collected by walking the knowledge base so that new entries are covered without a list here.
 */
export function knowledgeModules(): Set<string> {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const addAll = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') found.add(item);
  };
  // Runs once per process, when the plugin loads, mostly in V8's interpreter, where the cost is the work per value (a
  // call, or `Object.entries`' array of pairs per object): each object is read through its keys and the test for an
  // unseen object is inline, ~3 ms of CPU in a fresh process against ~9 with `Object.entries` and a call per value.
  const walk = (value: Record<string, unknown>, depth: number): void => {
    seen.add(value);
    const keys = Object.keys(value);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index];
      const child = value[key];
      if (key === 'modules' || key === 'gateModules') addAll(child);
      if (depth < 6 && child !== null && typeof child === 'object' && !seen.has(child) && !(child instanceof RegExp))
        walk(child as Record<string, unknown>, depth + 1);
    }
  };
  const namespace = knowledge as Record<string, unknown>;
  for (const name of Object.keys(namespace)) {
    const value = namespace[name];
    if (name.endsWith('_MODULES')) addAll(value);
    if (value !== null && typeof value === 'object' && !seen.has(value) && !(value instanceof RegExp))
      walk(value as Record<string, unknown>, 0);
  }
  return found;
}

/** A module family's alternatives: exact specifiers, and the prefixes of wildcard ones (`@aws-sdk/client-*`). */
function moduleAlternatives(modules: Iterable<string>): { exact: string; prefixes: string } {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const module of modules) {
    if (module.endsWith('*')) prefixes.push(module.slice(0, -1));
    else exact.push(module);
  }
  const alternatives = (list: string[]) => [...new Set(list)].sort().map(escapeRegExp).join('|');
  return { exact: alternatives(exact), prefixes: alternatives(prefixes) };
}

const SECRET_WORDS = [
  ...new Set([
    ...CREDENTIAL_NAMES.map((entry) => ('onlyWithSibling' in entry ? entry.onlyWithSibling : entry.name)),
    ...BUNDLER_ENV_PREFIXES.map((entry) => entry.prefix),
  ]),
]
  .sort()
  .map(escapeRegExp)
  .join('|');

type ModuleFamily = 'modules' | 'presign-modules' | 'assume-role-modules' | 'token-sources' | 'snapshot-sources';

/**
 * A module family's pattern source (a quoted specifier, exact or by prefix), and the names of the browser globals that
 * stand for one of its modules (`window.AWS`): text only, so that every RegExp below is built at module level.
 */
function moduleFamilySources(modules: Iterable<string>): { pattern: string; globalNames: string | null } {
  const list = [...modules];
  const { exact, prefixes } = moduleAlternatives(list);
  const alternatives = [...(exact ? [`(['"\`])(?:${exact})\\1`] : []), ...(prefixes ? [`['"\`](?:${prefixes})`] : [])];
  const globals = BROWSER_SDK_GLOBALS.filter((g) => list.some((pattern) => moduleMatches(pattern, g.module)));
  return { pattern: alternatives.join('|') || '(?!)', globalNames: globals.map((g) => g.name).join('|') || null };
}

/** Each family's modules, and the text that opens it without a module (null: none). */
const FAMILY_MODULES: readonly [ModuleFamily, Iterable<string>, ((text: string) => boolean) | null][] = [
  ['modules', knowledgeModules(), null],
  ['presign-modules', PRESIGN_MODULES, null],
  ['assume-role-modules', ASSUME_ROLE_MODULES, null],
  [
    'token-sources',
    TOKEN_SOURCE_MODULES,
    (text) =>
      STORED_SESSION_KEYS_HINTS.every((hint) => hint.test(text)) ||
      PLATFORM_TOKEN_FILE_PATHS.some((path) => text.includes(path)),
  ],
  ['snapshot-sources', Object.values(SNAPSHOT_RULE_MODULES).flat(), null],
];

/** The families that one rule's checks start from: every one but `modules`, which all the others are within. */
const NARROW_MODULE_FAMILIES = FAMILY_MODULES.filter(([family]) => family !== 'modules');
const narrowModules = NARROW_MODULE_FAMILIES.flatMap(([, modules]) => [...modules]);
const narrowAlternatives = moduleAlternatives(narrowModules);
const narrowGlobalNames = BROWSER_SDK_GLOBALS.filter((g) =>
  narrowModules.some((pattern) => moduleMatches(pattern, g.module)),
).map((g) => escapeRegExp(g.name));
/**
 * What each narrow family's pattern and browser-global test need, for all of them at once: a quote before one of
 * their modules (exact or by prefix; the closing quote is left to the family's own pattern), and the name of one of
 * their globals. Two scans, each starting at a rare character or a short list of names, instead of three per family.
 */
const ANY_NARROW_MODULE_QUOTED = new RegExp(
  `['"\`](?:${[narrowAlternatives.exact, narrowAlternatives.prefixes].filter(Boolean).join('|') || '(?!)'})`,
  'u',
);
const ANY_NARROW_GLOBAL_NAME = new RegExp(narrowGlobalNames.join('|') || '(?!)', 'u');

/** The last text asked about and what it holds of ANY_NARROW_MODULE_QUOTED and ANY_NARROW_GLOBAL_NAME. */
let narrowHintsOf: { text: string; quoted: boolean; globalName: boolean } | undefined;

function narrowModuleHints(text: string): { quoted: boolean; globalName: boolean } {
  if (narrowHintsOf?.text !== text)
    narrowHintsOf = {
      text,
      quoted: ANY_NARROW_MODULE_QUOTED.test(text),
      globalName: ANY_NARROW_GLOBAL_NAME.test(text),
    };
  return narrowHintsOf;
}

interface ModuleFamilyTest {
  pattern: RegExp;
  /** The browser-global test (see below); null where no global stands for one of the family's modules. */
  browserGlobal: ((text: string) => boolean) | null;
  /** The family's text that opens it without a module; null: none. */
  opensByText: ((text: string) => boolean) | null;
  /** One of NARROW_MODULE_FAMILIES: its pattern and global test run only where `narrowModuleHints` finds a hint. */
  narrow: boolean;
}

const MODULE_FAMILIES = {} as Record<ModuleFamily, ModuleFamilyTest>;
for (const [family, modules, alsoText] of FAMILY_MODULES) {
  const { pattern, globalNames: names } = moduleFamilySources(modules);
  /*
   * Whether a browser bundle's global is in use (`window.AWS`, or `AWS.config` in a file that declares no `AWS` of its
   * own): the page loaded the SDK from a script tag. The SDK's own sources, which bind `var AWS = require('./core')`,
   * stay closed.
   */
  const offWindow = names ? new RegExp(`\\b(?:window|self|globalThis)\\.(?:${names})\\b`, 'u') : null;
  const use = names ? new RegExp(`\\b(?:${names})\\.[A-Za-z]`, 'u') : null;
  const declared = names
    ? new RegExp(`\\b(?:var|let|const|function|class|as)\\s+(?:${names})\\b|\\b(?:${names})\\s*=[^=]`, 'u')
    : null;
  const browserGlobal =
    offWindow && use && declared
      ? (text: string) => offWindow.test(text) || (use.test(text) && !declared.test(text))
      : null;
  MODULE_FAMILIES[family] = {
    pattern: new RegExp(pattern, 'u'),
    browserGlobal,
    opensByText: alsoText,
    narrow: family !== 'modules',
  };
}

/** Whether the file holds a trigger of a module family: its pattern, an escape sequence, its text, a global in use. */
function holdsModuleTrigger(family: ModuleFamily, text: string): boolean {
  const { pattern, browserGlobal, opensByText, narrow } = MODULE_FAMILIES[family];
  const hints = narrow ? narrowModuleHints(text) : { quoted: true, globalName: true };
  if (hints.quoted && pattern.test(text)) return true;
  if ((OPEN_ON_ESCAPES.has(family) && holdsEscape(text)) || (opensByText?.(text) ?? false)) return true;
  return hints.globalName && (browserGlobal?.(text) ?? false);
}

// Built once when the module loads, from knowledge-base data only (never from a file's text).
const PATTERNS: Record<TriggerFamily, RegExp> = {
  modules: MODULE_FAMILIES.modules.pattern,
  'presign-modules': MODULE_FAMILIES['presign-modules'].pattern,
  'assume-role-modules': MODULE_FAMILIES['assume-role-modules'].pattern,
  'token-sources': MODULE_FAMILIES['token-sources'].pattern,
  'snapshot-sources': MODULE_FAMILIES['snapshot-sources'].pattern,
  'token-text': TOKEN_TEXT_HINT,
  secrets: new RegExp(`${ANY_SHAPE_MARKER.source}|${SECRET_WORDS}`, 'u'),
  'credential-files': new RegExp(GOOGLE_CREDENTIAL_FILE_TYPES.map((entry) => escapeRegExp(entry.type)).join('|'), 'u'),
  'credential-helpers': new RegExp(`\\b(?:${NAMED_CREDENTIAL_HELPER_PATTERN.source.slice(1, -1)})\\b`, 'u'),
  'cli-credentials': new RegExp(`(?<![\\w-])(?:${CLI_CREDENTIAL_WORDS.map(escapeRegExp).join('|')})\\b`, 'u'),
  'google-set-credentials': new RegExp(`\\.${GOOGLE_SET_CREDENTIALS.method}\\(`, 'u'),
};
/** The families that also open on an escape sequence (see above). */
const OPEN_ON_ESCAPES: ReadonlySet<TriggerFamily> = new Set([
  'modules',
  'presign-modules',
  'assume-role-modules',
  'token-sources',
  'snapshot-sources',
  'secrets',
  'credential-files',
]);
const ESCAPE_SEQUENCE = new RegExp(ESCAPES, 'u');
/**
 * The last text asked about and whether it holds an escape sequence: five gates ask it of the same file one after
 * the other, and apart from the alternatives of a family the test is a scan for a backslash, much cheaper on its own.
 */
let escapesOf: { text: string; found: boolean } | undefined;

function holdsEscape(text: string): boolean {
  if (escapesOf?.text !== text) escapesOf = { text, found: ESCAPE_SEQUENCE.test(text) };
  return escapesOf.found;
}

/** `from './x'`, `require('../x')`, `import('./x')`: a module of the app itself. */
const RELATIVE_IMPORT = /(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*['"`]\.\.?\//u;

/** Whether the file holds a trigger of `family` (whatever `setTextGate` says). */
export function holdsTrigger(
  family: TriggerFamily,
  sourceCode: { readonly text: string; readonly parserServices?: unknown },
): boolean {
  if (family in MODULE_FAMILIES) return holdsModuleTrigger(family as ModuleFamily, sourceCode.text);
  if (PATTERNS[family].test(sourceCode.text)) return true;
  if (OPEN_ON_ESCAPES.has(family) && holdsEscape(sourceCode.text)) return true;
  const services = sourceCode.parserServices as { program?: unknown } | undefined;
  return family === 'credential-helpers' && Boolean(services?.program) && RELATIVE_IMPORT.test(sourceCode.text);
}

/** Per file (keyed by its SourceCode, shared by every rule): which families its text holds, tested on demand. */
const FOUND = new WeakMap<object, Map<TriggerFamily, boolean>>();
let enabled = true;

/** Whether a file whose text is `sourceCode.text` may hold something a rule with these trigger families reports. */
export function mayTrigger(sourceCode: { readonly text: string }, families: readonly TriggerFamily[]): boolean {
  if (!enabled) return true;
  let found = FOUND.get(sourceCode);
  if (!found) FOUND.set(sourceCode, (found = new Map<TriggerFamily, boolean>()));
  for (const family of families) {
    let open = found.get(family);
    if (open === undefined) found.set(family, (open = holdsTrigger(family, sourceCode)));
    if (open) return true;
  }
  return false;
}

const BUNDLED_ENV_TEXT = new RegExp(BUNDLER_ENV_PREFIXES.map((entry) => escapeRegExp(entry.prefix)).join('|'), 'u');

/**
 * Whether `text` may read an env name that a bundler inlines into browser code (`process.env.REACT_APP_…`): a
 * prefix of BUNDLER_ENV_PREFIXES, or an escape sequence, which can spell one. A narrower gate than `secrets` (which
 * opens on any credential name), for the checks that only such a name can make report. Off with the gate
 * (`setTextGate(false)`), so the exactness tests cover it.
 */
export function mayNameBundledEnv(text: string): boolean {
  return !enabled || BUNDLED_ENV_TEXT.test(text) || holdsEscape(text);
}

/**
 * Numeric and named character references, which JSX decodes in attribute strings and text (`&#65;KIA` is `AKIA` in
 * the value): like an escape sequence, they can spell a marker that the source text does not contain.
 */
const CHARACTER_REFERENCE = /&#?\w+;/u;
const SECRET_SHAPE_TEXT = new RegExp(`${ANY_SHAPE_MARKER.source}|${CHARACTER_REFERENCE.source}`, 'u');

/**
 * Whether a string value or comment of the file may hold a secret's shape (a key id, `ya29.`, a private key, a JWT,
 * an Azure key or SAS): the text holds one of ANY_SHAPE_MARKER's markers, or an escape sequence or a JSX character
 * reference that can spell one. Without, the only values that can be reported are those stored under a credential
 * name (a key id is what an unnamed secret pairs with). Off with the gate (`setTextGate(false)`).
 */
export function mayHoldSecretShape(text: string): boolean {
  return !enabled || SECRET_SHAPE_TEXT.test(text) || holdsEscape(text);
}

/** Whether `text` holds a trigger of any family: a file without one is a file no rule reports on (the codemod's prefilter). */
export function mayTriggerAny(text: string): boolean {
  return !enabled || (Object.keys(PATTERNS) as TriggerFamily[]).some((family) => holdsTrigger(family, { text }));
}

/** Turns the gate off (every file opens every rule), to prove it exact: findings must not change. Tests only. */
export function setTextGate(on: boolean): void {
  enabled = on;
}
