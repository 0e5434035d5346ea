import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ModuleRefs, moduleSpecifiers } from '../../src/analysis/module-refs.js';
import type { Finding, SnapshotContext } from './context.js';
import {
  mayCallCredentialHelpers,
  mayFetchTokens,
  mayMakeSnapshots,
  mayReplaceGoogleCredentials,
  mayRunCredentialCli,
} from './gate.js';
import { GoogleCredentialCalls } from './google-set-credentials.js';
import { checkCapturedLogins } from './captured-logins.js';
import { checkTokenFileReadOnce } from './token-file-read-once.js';
import { checkStaticProviderSink } from './static-provider-sink.js';
import { checkGoogleClientTokenRead } from './google-client-token.js';
import { checkKeysHandedOnce } from './key-update.js';
import { checkFetchedKeysIntoClient } from './fetched-keys.js';
import { checkMemoizeForever } from './memoize-forever.js';
import { MANUAL_REASONS, MIGRATION_SAFE_SUGGESTIONS, SNAPSHOT_MESSAGES, type SnapshotMessageId } from './messages.js';
import { checkKeepingClient, checkKeptElsewhere, checkResolution } from './resolutions.js';
import { checkTokenProviderOption, mayBeTokenProviderOption, mayHandTokenProviders } from './token-provider.js';
import { checkV2StaticCopy } from './v2-sinks.js';
import { identityTokenListeners, mayKeepIdentityTokens } from './identity-token-kept.js';
import { mergeListeners } from '../../src/util/merge-listeners.js';
import { checkV2GlobalDestructure, checkV2GlobalRead } from './v2-global-read.js';
import { mocksModules } from '../../src/analysis/test-doubles.js';
import { skipsTestCode } from '../../src/analysis/test-code.js';
import { isKnowledgeModule } from '../../src/knowledge/index.js';
import { settingsWithInfrastructure } from '../../src/repository/settings.js';
import { JS_ONLY } from '../../src/languages/ids.js';
import { createRule } from '../../src/util/create-rule.js';

export default createRule<[], SnapshotMessageId>({
  name: 'no-static-snapshot',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow resolving a refreshing credential source once and keeping or passing on the value, which expires with its session',
      triggers: ['snapshot-sources', 'token-text', 'credential-helpers', 'google-set-credentials', 'cli-credentials'],
      recommended: 'error',
      usesTypeInformation: true,
      migrationSafeSuggestions: MIGRATION_SAFE_SUGGESTIONS,
      // Resolved credentials exported from module scope become a provider their readers call. (A Google token kept
      // in module scope is no-module-token-cache's `moduleTokenCache`, so `googleTokenStored` never reaches it.)
      codemodTriggers: { 'exported-snapshot': ['storedCredentials'] },
      manualReasons: MANUAL_REASONS,
    },
    fixable: 'code',
    languages: JS_ONLY,
    hasSuggestions: true,
    messages: SNAPSHOT_MESSAGES,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const imports = moduleSpecifiers(sourceCode);
    const snapshots =
      mayMakeSnapshots(sourceCode, imports) ||
      mayCallCredentialHelpers(sourceCode, imports) ||
      mayReplaceGoogleCredentials(sourceCode) ||
      mayRunCredentialCli(sourceCode, imports);
    const tokens = !snapshots && mayFetchTokens(sourceCode, imports);
    const identityTokens = mayKeepIdentityTokens(sourceCode);
    if (
      skipsTestCode(context) ||
      (!snapshots && !tokens && !identityTokens && !mayHandTokenProviders(imports)) ||
      mocksModules(sourceCode, imports, isKnowledgeModule)
    )
      return {};
    // Read after the cheap checks (skipsTestCode has validated the settings by then): most files stop before.
    const settings = settingsWithInfrastructure(context);
    const ctx: SnapshotContext = {
      rule: context,
      sourceCode,
      refs: ModuleRefs.for(sourceCode),
      settings,
      imports,
    };
    const google = new GoogleCredentialCalls();
    const reported = new Set<unknown>();
    const properties: TSESTree.Property[] = [];
    const report = (finding: Finding | null) => {
      if (!finding || ('node' in finding && reported.has(finding.node))) return;
      if ('node' in finding) reported.add(finding.node);
      const { suggest, ...problem } = finding;
      context.report({ ...problem, suggest });
    };
    // Every property of the file passes here: only those named like a provider option are kept for the check.
    const collectProperty = (node: TSESTree.Property) => {
      if (mayBeTokenProviderOption(node)) properties.push(node);
    };
    // After every other check: a source the engine knows is reported at its resolution already.
    const checkProviderOptions = () => {
      for (const property of properties) report(checkTokenProviderOption(property, ctx));
    };
    const listeners = (own: TSESLint.RuleListener): TSESLint.RuleListener =>
      identityTokens ? mergeListeners(own, identityTokenListeners(context, ctx, report)) : own;
    const providerOptions = {
      Property: collectProperty,
      'Program:exit': checkProviderOptions,
    } satisfies TSESLint.RuleListener;
    if (!snapshots && tokens)
      return listeners({
        ...providerOptions,
        CallExpression(node) {
          report(checkKeptElsewhere(node, ctx) ?? checkKeepingClient(node, ctx));
        },
        NewExpression(node) {
          report(checkKeepingClient(node, ctx));
        },
      } satisfies TSESLint.RuleListener);
    if (!snapshots) return listeners(providerOptions);
    return listeners({
      CallExpression(node) {
        report(
          checkResolution(node, ctx) ??
            checkKeepingClient(node, ctx) ??
            checkMemoizeForever(node, ctx) ??
            checkV2StaticCopy(node, ctx) ??
            checkKeysHandedOnce(node, ctx) ??
            checkFetchedKeysIntoClient(node, ctx) ??
            checkCapturedLogins(node, ctx) ??
            checkTokenFileReadOnce(node, ctx) ??
            checkStaticProviderSink(node, ctx),
        );
        google.collect(node);
      },
      NewExpression(node) {
        report(
          checkKeepingClient(node, ctx) ??
            checkV2StaticCopy(node, ctx) ??
            checkCapturedLogins(node, ctx) ??
            checkTokenFileReadOnce(node, ctx) ??
            checkStaticProviderSink(node, ctx),
        );
      },
      AssignmentExpression(node) {
        google.collect(node);
      },
      MemberExpression(node) {
        report(checkV2GlobalRead(node, ctx) ?? checkGoogleClientTokenRead(node, ctx));
      },
      Property: collectProperty,
      VariableDeclarator(node) {
        report(checkV2GlobalDestructure(node, ctx));
      },
      'Program:exit'() {
        for (const finding of google.findings(ctx)) report(finding);
        checkProviderOptions();
      },
    } satisfies TSESLint.RuleListener);
  },
});
