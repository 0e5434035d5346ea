import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from '../../src/analysis/ast.js';
import { holdsTrigger } from '../../src/analysis/text-gate.js';
import {
  AWS_V3_SNAPSHOT_WRAPPERS,
  CHILD_PROCESS_RUNNERS,
  CLI_CREDENTIAL_WORDS,
  GOOGLE_SET_CREDENTIALS,
  moduleMatches,
  NAMED_CREDENTIAL_HELPER_PATTERN,
  SNAPSHOT_RULE_MODULES,
  STATIC_PROVIDER_SINKS,
  TOKEN_TEXT_HINT,
} from '../../src/knowledge/index.js';

const { sources: SOURCE_MODULES, wrappers: WRAPPER_MODULES, sinks: SINK_MODULES } = SNAPSHOT_RULE_MODULES;
/** `memoize`, `fromStatic`, `fromValue`: a file that reaches only the wrappers' modules must name one of them. */
const WRAPPER_NAMES = new RegExp(
  `\\b(?:${[...new Set(AWS_V3_SNAPSHOT_WRAPPERS.map((e) => e.api.path.at(-1)))].join('|')})\\b`,
);

/** `newStatic`, `StaticCredentialProvider`: a static provider of another library (aws-crt) given temporary keys. */
const SINK_NAMES = new RegExp(
  `\\b(?:${[...new Set(STATIC_PROVIDER_SINKS.map((e) => e.api.path.at(-1)))].join('|')})\\b`,
);

/**
 * The cheap gate of no-static-snapshot: the file imports a module that hands out refreshing credentials, or a
 * wrapper module (`@smithy/core/config`, imported all over SDK internals for other things) and names a wrapper, or
 * a module with a static provider (aws-crt) and names it.
 */
export function mayMakeSnapshots(sourceCode: Readonly<TSESLint.SourceCode>, specifiers: ReadonlySet<string>): boolean {
  let wrappers = false;
  let sinks = false;
  for (const specifier of specifiers) {
    if (SOURCE_MODULES.some((m) => moduleMatches(m, specifier))) return true;
    if (WRAPPER_MODULES.includes(specifier)) wrappers = true;
    if (SINK_MODULES.includes(specifier)) sinks = true;
  }
  return (wrappers && WRAPPER_NAMES.test(sourceCode.text)) || (sinks && SINK_NAMES.test(sourceCode.text));
}

/** Modules of the token methods (Azure, MSAL, gcp-metadata, ...), whose values only the outliving keepers follow here. */
const TOKEN_METHOD_MODULES: ReadonlySet<string> = new Set(SNAPSHOT_RULE_MODULES.tokenMethods);

/**
 * The gate of the sources no-static-snapshot follows into outliving keepers only (`keptElsewhereResolution`): the
 * file imports a token method's module, or its text names a token endpoint or a token field (a request by hand).
 */
export function mayFetchTokens(sourceCode: Readonly<TSESLint.SourceCode>, specifiers: ReadonlySet<string>): boolean {
  for (const specifier of specifiers) if (TOKEN_METHOD_MODULES.has(specifier)) return true;
  return TOKEN_TEXT_HINT.test(sourceCode.text);
}

/**
 * A Google client from the app's own module (`import { google } from '@api/clients'`) handed its own token back:
 * the file names both methods of the pair (`getAccessToken`, `setCredentials`).
 */
export function mayReplaceGoogleCredentials(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const { text } = sourceCode;
  return text.includes(`.${GOOGLE_SET_CREDENTIALS.method}(`) && text.includes(`.${GOOGLE_SET_CREDENTIALS.issuedBy}(`);
}

const CLI_WORD = new RegExp(`(?<![\\w-])(?:${CLI_CREDENTIAL_WORDS.join('|')})\\b`, 'u');

/** A file that imports child_process and names a cloud CLI command printing credentials (CLI_CREDENTIAL_COMMANDS). */
export function mayRunCredentialCli(
  sourceCode: Readonly<TSESLint.SourceCode>,
  specifiers: ReadonlySet<string>,
): boolean {
  return CHILD_PROCESS_RUNNERS.runnerModules.some((m) => specifiers.has(m)) && CLI_WORD.test(sourceCode.text);
}

/** Text that names a source module: the prefix of each pattern (`@aws-sdk/client-*` → `@aws-sdk/client-`). */
export function mentionsSourceModule(text: string): boolean {
  return SOURCE_MODULES.some((m) => text.includes(m.endsWith('*') ? m.slice(0, -1) : m));
}

/**
 * A file that imports a function from one of the app's own modules may call a helper there that returns resolved
 * credentials: with type information the engine reads the helper; without, the imported name must promise temporary
 * credentials (NAMED_CREDENTIAL_HELPER_PATTERN).
 */
export function mayCallCredentialHelpers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  specifiers: ReadonlySet<string>,
): boolean {
  if (![...specifiers].some(isRelative) || !holdsTrigger('credential-helpers', sourceCode)) return false;
  return Boolean(sourceCode.parserServices?.program) || importedHelperNames(sourceCode.ast).length > 0;
}

const isRelative = (specifier: string) => specifier.startsWith('.');

/** Names bound at the top of the file to a relative module's export that promise temporary credentials. */
function importedHelperNames(program: TSESTree.Program): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && isRelative(statement.source.value)) {
      for (const specifier of statement.specifiers) names.push(specifier.local.name);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init && unwrap(declarator.init);
        const source = init?.type === AST_NODE_TYPES.CallExpression ? init.arguments[0] : undefined;
        if (
          declarator.id.type !== AST_NODE_TYPES.ObjectPattern ||
          source?.type !== AST_NODE_TYPES.Literal ||
          typeof source.value !== 'string' ||
          !isRelative(source.value)
        )
          continue;
        for (const property of declarator.id.properties)
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier)
            names.push(property.value.name);
      }
    }
  }
  return names.filter((name) => NAMED_CREDENTIAL_HELPER_PATTERN.test(name));
}
