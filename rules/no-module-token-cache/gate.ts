import type { TSESLint } from '@typescript-eslint/utils';
import {
  type ApiRef,
  AWS_TOKEN_COMMANDS,
  AWS_V2_STS_CLIENT_MODULES,
  AWS_V2_STS_OPERATIONS,
  AWS_V3_PROVIDER_FACTORIES,
  AWS_V3_STS_OPERATIONS,
  AWS_V3_CREDENTIAL_FIELDS,
  BROWSER_STORAGES,
  CREDENTIAL_METHODS,
  HTTP_CLIENTS,
  INSTANCE_TOKEN_FIELDS,
  JWT_SIGNERS,
  LOGIN_CALLBACKS,
  moduleMatches,
  NODE_HTTP_MODULES,
  PROJECTED_TOKEN_FILES,
  PRESIGNERS,
  STRATEGY_VERIFY_CALLBACKS,
  TOKEN_PROVIDER_OPTIONS,
  TOKEN_TEXT_HINT,
} from '../../src/knowledge/index.js';

/** Modules that hand out the values this rule follows: token methods, STS, presigners, HTTP clients. */
const SOURCE_MODULES: readonly string[] = [
  ...new Set(
    [
      ...CREDENTIAL_METHODS.flatMap((m) => m.receivers),
      ...AWS_V3_STS_OPERATIONS.map((op) => op.api),
      ...AWS_TOKEN_COMMANDS.map((op) => op.api),
      // Resolved credentials are followed into signers of the file's own, whose tokens may be cached.
      ...AWS_V3_PROVIDER_FACTORIES.map((factory) => factory.api),
      ...AWS_V2_STS_OPERATIONS.map((op) => op.api),
      ...AWS_V2_STS_CLIENT_MODULES,
      ...PRESIGNERS.flatMap((p): ApiRef[] => [...(p.api ? [p.api] : []), ...(p.receivers ?? [])]),
      // Node's own http(s) is imported by every server: a file fetching a token with it names the token in its text.
      ...HTTP_CLIENTS.filter((api) => !api.modules.some((m) => NODE_HTTP_MODULES.includes(m))),
      ...LOGIN_CALLBACKS.map((entry) => entry.api),
      ...STRATEGY_VERIFY_CALLBACKS.flatMap((entry) => entry.apis),
      ...INSTANCE_TOKEN_FIELDS.flatMap((entry) => entry.receivers),
      ...JWT_SIGNERS.map((signer) => signer.api),
    ]
      .flatMap((api) => api.modules)
      .concat(
        CREDENTIAL_METHODS.flatMap((m) => m.gateModules),
        PRESIGNERS.flatMap((p) => p.gateModules ?? []),
        // Clients whose token-only provider option may replay the token they were built with.
        TOKEN_PROVIDER_OPTIONS.flatMap((o) => ('session' in o && 'modules' in o ? o.modules : [])),
      ),
  ),
];

/**
 * The cheap gate: a file can keep an expiring value only if it imports a module that hands one out, or (for
 * hand-written requests with the global `fetch`) mentions a token endpoint or token field in its text.
 */
const EXACT: ReadonlySet<string> = new Set(SOURCE_MODULES.filter((m) => !m.endsWith('*')));
const PATTERNS: readonly string[] = SOURCE_MODULES.filter((m) => m.endsWith('*'));

export function mayHoldTokens(sourceCode: Readonly<TSESLint.SourceCode>, specifiers: ReadonlySet<string>): boolean {
  for (const specifier of specifiers)
    if (EXACT.has(specifier) || PATTERNS.some((m) => moduleMatches(m, specifier))) return true;
  const { text } = sourceCode;
  return (
    TOKEN_TEXT_HINT.test(text) ||
    (STORED_SESSION_KEYS_HINT.test(text) && BROWSER_STORAGE_HINT.test(text)) ||
    PLATFORM_TOKEN_FILES.some((path) => text.includes(path))
  );
}

/** A platform's token file is named by its path, whatever module reads it. */
const PLATFORM_TOKEN_FILES: readonly string[] = PROJECTED_TOKEN_FILES.platformFiles.map((file) => file.path);

/** Keys of unknown origin kept in browser storage are known by the session token the page signs with. */
const STORED_SESSION_KEYS_HINT = new RegExp(`\\b${AWS_V3_CREDENTIAL_FIELDS[2]}\\b`);
const BROWSER_STORAGE_HINT = new RegExp(`\\b(?:${BROWSER_STORAGES.objects.join('|')})\\b`);
