import { settingsWithInfrastructure } from '../../src/repository/settings.js';
import { JS_ONLY } from '../../src/languages/ids.js';
import { createRule } from '../../src/util/create-rule.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, unwrap } from '../../src/analysis/ast.js';
import { persistedMirrors } from './persisted-mirror.js';
import { displayName, keeperWords } from '../../src/analysis/keeper-words.js';
import { expiryGuardOf } from '../../src/analysis/expiry-guard.js';
import { ModuleRefs, moduleSpecifiers } from '../../src/analysis/module-refs.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { handsToCalledAgainOption } from '../../src/analysis/called-again-option.js';
import { isWrite, type Occurrence, occurrencesOf } from '../../src/analysis/storage-slot.js';
import { reportLocation } from './report-location.js';
import { EXPIRY_SYMPTOMS } from '../../src/knowledge/index.js';
import type { ResolvedSettings } from '../../src/settings.js';
import {
  type Candidate,
  CandidateCollector,
  isReadBackLater,
  isSnapshotOfRenewingSdk,
} from '../../src/analysis/kept-candidates.js';
import { mayHoldTokens } from './gate.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import { suggestionsFor } from './suggestions.js';
import { mocksModules } from '../../src/analysis/test-doubles.js';
import { skipsTestCode } from '../../src/analysis/test-code.js';
import {
  MANUAL_REASONS,
  MIGRATION_SAFE_SUGGESTIONS,
  TOKEN_CACHE_MESSAGES,
  type TokenCacheMessageId,
} from './messages.js';

type Context = Readonly<TSESLint.RuleContext<TokenCacheMessageId, readonly unknown[]>>;
type Node = TSESTree.Node;

/**
 * The listeners of no-module-token-cache. Test code (under the `testCode: 'skip'` default), files that mock modules,
 * and files that neither import a module handing out tokens nor mention a token endpoint or token field (the cheap
 * gate) get none.
 */
function tokenCacheListeners(context: Context): TSESLint.RuleListener {
  const { sourceCode } = context;
  const specifiers = moduleSpecifiers(sourceCode);
  if (
    skipsTestCode(context) ||
    !mayHoldTokens(sourceCode, specifiers) ||
    mocksModules(sourceCode, specifiers, () => true)
  )
    return {};
  // Read after the cheap checks (skipsTestCode has validated the settings by then): most files stop before.
  const settings = settingsWithInfrastructure(context);
  const refs = ModuleRefs.for(sourceCode);
  const collector = new CandidateCollector(context, HeldValues.for(context, refs, specifiers));
  return {
    VariableDeclarator: (node) => collector.declarator(node),
    AssignmentExpression: (node) => collector.assignment(node),
    CallExpression: (node) => collector.call(node),
    PropertyDefinition: (node) => collector.property(node),
    'Program:exit'() {
      const candidates = [...collector.candidates];
      // A one-shot script's module scope dies with it, long before what it holds expires (asked only when there is
      // something to report: the answer walks the whole file).
      if (candidates.length === 0 || isOneShotScript(sourceCode)) return;
      // A variable whose value is persisted to storage is reported only when its storage copy is not.
      const mirrors = persistedMirrors(candidates, sourceCode);
      const reported = new Set<Candidate>();
      const ordered = [...candidates.filter((c) => !mirrors.has(c)), ...mirrors.keys()];
      for (const candidate of ordered) {
        const stored = mirrors.get(candidate);
        if (stored && reported.has(stored)) continue;
        // Handed to an option the client asks again when given a function: no-static-snapshot's finding, at the source.
        if (handsToCalledAgainOption(candidate.slot, refs, sourceCode)) continue;
        // A token its SDK renews when asked again, kept in component state: no-static-snapshot's finding, at the write.
        if (isSnapshotOfRenewingSdk(candidate)) continue;
        if (report(context, candidate, settings)) reported.add(candidate);
      }
    },
  };
}

/** Reports the candidate unless it is read back only at once or its reuse is guarded; whether it did. */
function report(context: Context, candidate: Candidate, settings: ResolvedSettings): boolean {
  const { slot, held } = candidate;
  const occurrences = occurrencesOf(slot, context.sourceCode);
  const backToIssuer = writtenBackToIssuer(candidate);
  // The client's own logins are how the token got there, and its uses right after the login in the same function
  // send the token just got: neither reads back a kept one.
  const reads = backToIssuer ? readsOfKeptToken(occurrences, context) : occurrences;
  if (!isReadBackLater(candidate, reads, context.sourceCode)) return false;
  const guard = expiryGuardOf(candidate.target, context);
  if (guard.kind === 'guarded') return false;
  const lifetime = held.kind === 'aws-credentials' && settings.session ? settings.session.phrase : held.lifetime;
  const data = {
    name: displayName(slot),
    what: held.promise ? `a promise of ${held.what}` : held.what,
    storage: keeperWords(candidate, context.sourceCode),
    lifetime,
    symptom: EXPIRY_SYMPTOMS[held.symptom].text,
    fix: held.fix.endsWith('.') ? held.fix : `${held.fix}.`,
    line: guard.kind === 'inverted' ? String(guard.by.loc.start.line) : '',
  };
  context.report({
    node: backToIssuer ? candidate.target : reportLocation(candidate, occurrences),
    messageId: guard.kind === 'inverted' ? 'invertedExpiryCheck' : 'moduleTokenCache',
    data,
    suggest: suggestionsFor(context, candidate, guard, data.name),
  });
  return true;
}

/**
 * `vault.token = (await vault.approleLogin(...)).auth.client_token`: the token written back onto the client that issued
 * it. The client is declared for other work too; the write is where it starts to keep the token.
 */
function writtenBackToIssuer({ slot, target, held }: Candidate): boolean {
  if (slot.kind !== 'variable' || unwrap(target).type !== AST_NODE_TYPES.MemberExpression) return false;
  const callee = held.call ? unwrap(held.call.node.callee) : null;
  const issuer = callee?.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : null;
  return issuer?.type === AST_NODE_TYPES.Identifier && slot.variable.references.some((r) => r.identifier === issuer);
}

/**
 * The uses of a client that read back the token it keeps: not its logins (how the token got there), nor a use right
 * after a login or a write of the token in the same function (it sends the token just got).
 */
function readsOfKeptToken(occurrences: readonly Occurrence[], context: Context): Occurrence[] {
  const logins = new Set(occurrences.filter((o) => receivesIssuingCall(o.node, context)));
  const fills = occurrences.filter((o) => isWrite(o.access) || logins.has(o));
  return occurrences.filter((use) => {
    if (logins.has(use)) return false;
    const fn = enclosingFunction(use.node);
    return !fills.some((f) => f !== use && enclosingFunction(f.node) === fn && f.node.range[1] <= use.node.range[0]);
  });
}

/** `vault` of `vault.approleLogin(...)`: the receiver of a call that hands out a short-lived value. */
function receivesIssuingCall(node: Node, context: Context): boolean {
  const member = node.parent;
  const call = member?.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return false;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  const { sourceCode } = context;
  const held = HeldValues.for(context, ModuleRefs.for(sourceCode), moduleSpecifiers(sourceCode)).heldBy(call);
  return held?.call?.node === call;
}

export default createRule<[], TokenCacheMessageId>({
  name: 'no-module-token-cache',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow keeping tokens, temporary credentials or presigned URLs in long-lived storage without an expiry check before reuse',
      triggers: ['token-sources', 'token-text'],
      recommended: 'error',
      migrationSafeSuggestions: MIGRATION_SAFE_SUGGESTIONS,
      // A kept token in module scope: exported, its readers get a getter; filled lazily, each read asks the client.
      codemodTriggers: { 'exported-snapshot': ['moduleTokenCache'], 'lazy-token-cache': ['moduleTokenCache'] },
      manualReasons: MANUAL_REASONS,
    },
    languages: JS_ONLY,
    hasSuggestions: true,
    messages: TOKEN_CACHE_MESSAGES,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return tokenCacheListeners(context);
  },
});
