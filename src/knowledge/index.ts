/**
 * The knowledge base: the one place that knows API names, lifetimes and limits. Rules and the codemod read it
 * through the lookups below and never hard-code an API name.
 */
import {
  AWS_V3_CLIENT,
  AWS_V3_PRESIGNERS,
  AWS_V3_PROVIDER_FACTORIES,
  AWS_V3_SNAPSHOT_WRAPPERS,
  AWS_V3_STS_OPERATIONS,
} from './aws-v3.js';
import {
  AWS_V2_MODULES,
  AWS_V2_PRESIGNERS,
  AWS_V2_PROVIDER_CHAIN,
  AWS_V2_REFRESHING_CLASSES,
  AWS_V2_STS_CLIENT_MODULES,
  AWS_V2_STS_OPERATIONS,
} from './aws-v2.js';
import { AWS_TOKEN_COMMANDS, AWS_TOKEN_METHODS, CREDENTIAL_RESOLVERS } from './aws-tokens.js';
import { AWS_V3_CREDENTIAL_FIELDS } from './aws-v3.js';
import { BROWSER_STORAGES, TOKEN_PROVIDER_OPTIONS } from './keepers.js';
import { HTTP_CLIENTS, NODE_HTTP_MODULES } from './token-endpoints.js';
import { LOGIN_CALLBACKS, RENEWING_IDENTITY_TOKEN_METHODS } from './identity-platforms.js';
import { INSTANCE_TOKEN_FIELDS, STRATEGY_VERIFY_CALLBACKS } from './oauth-clients.js';
import { JWT_SIGNERS } from './signed-jwts.js';
import { PROJECTED_TOKEN_FILES } from './projected-tokens.js';
import {
  AZURE_BEARER_TOKEN_PROVIDER,
  AZURE_CREDENTIAL_CLASSES,
  AZURE_LEGACY_TOKEN_METHODS,
  AZURE_PRESIGNERS,
  AZURE_TOKEN_METHODS,
  MSAL_TOKEN_METHODS,
} from './azure.js';
import {
  GCS_STORAGE_CLASS,
  GOOGLE_AUTH_MODULES,
  GOOGLE_PRESIGNERS,
  GOOGLE_REFRESHING_CLASSES,
  GOOGLE_TOKEN_METHODS,
} from './google.js';
import { AUTH_FUNCTION_FACTORIES, TOKEN_KEEPING_CLIENTS } from './client-tokens.js';
import type { ApiRef, CredentialMethod, Presigner, RefreshingClass } from './types.js';
import { entriesOf } from './entries-of.js';
import { STATIC_PROVIDER_SINKS } from './aws-crt.js';
import { OAUTH_CLIENT_TOKEN_METHODS } from './oauth-clients.js';
import { VAULT_TOKEN_METHODS } from './vault.js';
import { APPWRITE_TOKEN_METHODS } from './appwrite.js';

export * from './types.js';
export * from './sessions.js';
export * from './aws-v3.js';
export * from './aws-v2.js';
export * from './google.js';
export * from './azure.js';
export * from './expiry.js';
export * from './token-endpoints.js';
export * from './lasting-tokens.js';
export * from './typed-shapes.js';
export * from './token-cache.js';
export * from './snapshot.js';
export * from './keepers.js';
export * from './connection-tokens.js';
export * from './aws-tokens.js';
export * from './secrets.js';
export * from './test-code.js';
export * from './file-names.js';
export * from './identity-platforms.js';
export * from './oauth-clients.js';
export * from './named-helpers.js';
export * from './cli-credentials.js';
export * from './handshake.js';
export * from './self-caching.js';
export * from './projected-tokens.js';
export * from './aws-crt.js';
export * from './client-tokens.js';
export * from './called-again-options.js';
export * from './credential-use.js';

/** What a resolved expression refers to: an export path inside a module (see src/analysis/module-refs.ts). */
export interface ModuleRef {
  readonly module: string;
  readonly path: readonly string[];
}

export const REFRESHING_CLASSES = entriesOf<RefreshingClass>()([
  ...AWS_V2_REFRESHING_CLASSES,
  AWS_V2_PROVIDER_CHAIN,
  ...GOOGLE_REFRESHING_CLASSES,
  ...AZURE_CREDENTIAL_CLASSES,
]);
export const CREDENTIAL_METHODS = entriesOf<CredentialMethod>()([
  ...GOOGLE_TOKEN_METHODS,
  ...AZURE_TOKEN_METHODS,
  ...MSAL_TOKEN_METHODS,
  ...AZURE_LEGACY_TOKEN_METHODS,
  ...AWS_TOKEN_METHODS,
  ...OAUTH_CLIENT_TOKEN_METHODS,
  ...VAULT_TOKEN_METHODS,
  ...APPWRITE_TOKEN_METHODS,
]);
/**
 * The names of every call whose SDK keeps the token and renews it when asked again: the identity platforms' and the
 * credential methods' marked `renewsWhenAskedAgain` (MSAL's silent calls). A cheap text gate for their keepers.
 */
export const RENEWING_TOKEN_METHODS: readonly string[] = [
  ...new Set([
    ...RENEWING_IDENTITY_TOKEN_METHODS,
    ...CREDENTIAL_METHODS.flatMap((m): string[] => ('renewsWhenAskedAgain' in m ? [m.method] : [])),
  ]),
];
export const PRESIGNERS = entriesOf<Presigner>()([
  ...AWS_V3_PRESIGNERS,
  ...AWS_V2_PRESIGNERS,
  ...GOOGLE_PRESIGNERS,
  ...AZURE_PRESIGNERS,
]);

/**
 * Every module a presigner is reached through (its API, the classes its receivers are made from, the modules that
 * open it on an untraced receiver): presign-max-lifetime and presign-within-session check nothing in a file that
 * mentions none of them, and the text gate opens them only on these (`presign-modules`, src/analysis/text-gate.ts).
 */
export const PRESIGN_MODULES: readonly string[] = [
  ...new Set(
    PRESIGNERS.flatMap((p) => [
      ...(p.api?.modules ?? []),
      ...(p.receivers ?? []).flatMap((r) => r.modules),
      ...(p.gateModules ?? []),
    ]),
  ),
];

/** The assume-role requests whose session length can be read from their options (session-duration-within-role). */
export const ASSUME_ROLE_REQUESTS = {
  factories: AWS_V3_PROVIDER_FACTORIES.filter((f) => f.session === 'assume-role' && f.durationOption),
  classes: AWS_V2_REFRESHING_CLASSES.filter((c) => c.session === 'assume-role' && c.durationOption),
  commands: AWS_V3_STS_OPERATIONS.filter((o) => o.session === 'assume-role' && o.api),
};

/**
 * Every module those requests are made through: session-duration-within-role checks nothing in a file that mentions
 * none of them, and the text gate opens it only on these (`assume-role-modules`).
 */
export const ASSUME_ROLE_MODULES: readonly string[] = [
  ...new Set(
    [...ASSUME_ROLE_REQUESTS.factories, ...ASSUME_ROLE_REQUESTS.classes, ...ASSUME_ROLE_REQUESTS.commands].flatMap(
      (e) => e.api?.modules ?? [],
    ),
  ),
];

/**
 * Every module that hands out the values no-module-token-cache follows (token methods, STS, presigners, HTTP clients,
 * login callbacks, JWT signers): the rule checks a file only if it imports one of them, or its text names a token
 * (TOKEN_TEXT_HINT), stored session keys (STORED_SESSION_KEYS_HINTS) or a platform's token file. The text gate opens
 * the rule on these alone (`token-sources`).
 */
export const TOKEN_SOURCE_MODULES: readonly string[] = [
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
 * The modules no-static-snapshot's checks start from: a file that imports none of them is checked only for what its
 * text names (a token endpoint, a credential helper, a CLI command, `setCredentials`). The text gate opens the rule on
 * these alone (`snapshot-sources`).
 */
export const SNAPSHOT_RULE_MODULES = {
  /** Exports that make snapshots: providers, v3 clients, STS, AWS token methods and commands, AWS v2, Google auth. */
  sources: [
    ...new Set([
      ...AWS_V3_PROVIDER_FACTORIES.flatMap((e) => e.api.modules),
      ...AWS_V3_STS_OPERATIONS.flatMap((e) => e.api.modules),
      ...AWS_TOKEN_METHODS.flatMap((e) => e.gateModules),
      ...AWS_TOKEN_COMMANDS.flatMap((e) => e.api.modules),
      ...AWS_V3_CLIENT.modules,
      ...AWS_V2_MODULES,
      ...AWS_V2_STS_CLIENT_MODULES.flatMap((e) => e.modules),
      ...GOOGLE_AUTH_MODULES,
      ...CREDENTIAL_RESOLVERS.flatMap((e) => e.api.modules),
      ...AUTH_FUNCTION_FACTORIES.flatMap((e) => e.factory.modules),
      ...TOKEN_KEEPING_CLIENTS.flatMap((e) => (e.impliedSession ? e.api.modules : [])),
    ]),
  ] as readonly string[],
  /** The snapshot wrappers' modules (`@smithy/core/config`: imported all over SDK internals for other things). */
  wrappers: [...new Set(AWS_V3_SNAPSHOT_WRAPPERS.flatMap((e) => e.api.modules))] as readonly string[],
  /** Modules with a static provider of another library (aws-crt) that may be given temporary keys. */
  sinks: [...new Set(STATIC_PROVIDER_SINKS.flatMap((e) => e.api.modules))] as readonly string[],
  /** The token methods' modules (Azure, MSAL, gcp-metadata, ...). */
  tokenMethods: [
    ...new Set(CREDENTIAL_METHODS.flatMap((m) => [...m.gateModules, ...m.receivers.flatMap((r) => r.modules)])),
  ] as readonly string[],
  /** Clients that take a token-only provider option (kafkajs). */
  tokenOnly: [
    ...new Set(TOKEN_PROVIDER_OPTIONS.flatMap((o) => ('modules' in o ? o.modules : []))),
  ] as readonly string[],
};

/**
 * Keys of unknown origin kept in browser storage are known by the session token the page signs with: a file whose
 * text matches both may keep them (the session token's field, and a browser storage).
 */
export const STORED_SESSION_KEYS_HINTS: readonly RegExp[] = [
  new RegExp(`\\b${AWS_V3_CREDENTIAL_FIELDS[2]}\\b`, 'u'),
  new RegExp(`\\b(?:${BROWSER_STORAGES.objects.join('|')})\\b`, 'u'),
];

/** A platform's token file is named by its path, whatever module reads it. */
export const PLATFORM_TOKEN_FILE_PATHS: readonly string[] = PROJECTED_TOKEN_FILES.platformFiles.map(
  (file) => file.path,
);

export function moduleMatches(pattern: string, specifier: string): boolean {
  return pattern.endsWith('*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern;
}

/** A path segment `*` matches any name, `*Client` any name ending in `Client`. */
function segmentMatches(pattern: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  if (pattern.startsWith('*')) return name.endsWith(pattern.slice(1));
  return pattern === name;
}

export function refMatches(ref: ModuleRef, api: ApiRef): boolean {
  return (
    ref.path.length === api.path.length &&
    api.modules.some((m) => moduleMatches(m, ref.module)) &&
    api.path.every((segment, i) => segmentMatches(segment, ref.path[i]))
  );
}

export function findByApi<T extends { readonly api?: ApiRef }>(
  entries: readonly T[],
  ref: ModuleRef | null,
): T | undefined {
  if (!ref) return undefined;
  return entries.find((e) => e.api !== undefined && refMatches(ref, e.api));
}

/** Every module the knowledge base knows (exact names and `prefix*` patterns). */
export const KNOWLEDGE_MODULES: readonly string[] = [
  ...new Set(
    [
      ...AWS_V3_PROVIDER_FACTORIES.map((e) => e.api),
      ...AWS_V3_SNAPSHOT_WRAPPERS.map((e) => e.api),
      ...AWS_V3_STS_OPERATIONS.map((e) => e.api),
      ...AWS_TOKEN_COMMANDS.map((e) => e.api),
      ...CREDENTIAL_RESOLVERS.map((e) => e.api),
      ...AWS_V2_STS_OPERATIONS.map((e) => e.api),
      ...AWS_V2_STS_CLIENT_MODULES,
      ...REFRESHING_CLASSES.map((e) => e.api),
      ...CREDENTIAL_METHODS.flatMap((e) => e.receivers),
      ...PRESIGNERS.flatMap((e) => [...(e.api ? [e.api] : []), ...(e.receivers ?? [])]),
      ...STATIC_PROVIDER_SINKS.map((e) => e.api),
      AWS_V3_CLIENT,
      AZURE_BEARER_TOKEN_PROVIDER,
      GCS_STORAGE_CLASS,
    ]
      .flatMap((api) => api.modules)
      .concat(AWS_V2_MODULES, 'aws-sdk/clients/*')
      .concat(CREDENTIAL_METHODS.flatMap((e) => e.gateModules))
      .concat(PRESIGNERS.flatMap((e) => e.gateModules ?? [])),
  ),
];

export function isKnowledgeModule(specifier: string): boolean {
  return KNOWLEDGE_MODULES.some((pattern) => moduleMatches(pattern, specifier));
}
export * from './process-environment.js';
export * from './signed-jwts.js';
export * from './sign-in-sessions.js';
