import type { TSESLint } from '@typescript-eslint/utils';
import { expiryGuardOf } from '../../src/analysis/expiry-guard.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import {
  type Candidate,
  CandidateCollector,
  isReadBackLater,
  isSnapshotOfRenewingSdk,
} from '../../src/analysis/kept-candidates.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { occurrencesOf, type Slot } from '../../src/analysis/storage-slot.js';
import {
  EXPIRY_SYMPTOMS,
  LOGIN_RENEWAL_EVENTS,
  LOGIN_RENEWAL_HOSTS,
  RENEWING_IDENTITY_TOKEN_METHODS,
} from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext } from './context.js';
import { askAtUse, readRoles } from './identity-token-at-use.js';
import { runsAgain } from './runs-again.js';

/** The state the copy sits in, in the words of the message. */
function stateName(slot: Slot): string {
  return slot.kind === 'variable' ? slot.name : `this.state.${slot.name}`;
}

/** The cheap gate: the file names one of the token calls (RENEWING_IDENTITY_TOKEN_METHODS). */
export function mayKeepIdentityTokens(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return RENEWING_IDENTITY_TOKEN_METHODS.some((method) => sourceCode.text.includes(method));
}

/**
 * A token whose SDK keeps and renews it when it is asked again (Firebase `user.getIdToken()`, Auth0
 * `getAccessTokenSilently()`, a Cognito session's `getJwtToken()`; IdentityPlatformToken.renewsWhenAskedAgain), asked
 * once and kept in a component's state, which every later render and handler reads. The candidates are those
 * no-module-token-cache collects (kept-candidates.ts); it leaves these to this rule (isSnapshotOfRenewingSdk), which
 * reports at the write. Silent when the write runs again on renewal
 * (`onIdTokenChanged`, Amplify's `tokenRefresh`, a timer), when the copy is tested against its expiry before use, and
 * when no read sends it (each asks the SDK first: identity-token-at-use.ts).
 */
export function identityTokenListeners(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  ctx: SnapshotContext,
  report: (finding: Finding | null) => void,
): TSESLint.RuleListener {
  const { sourceCode } = context;
  const collector = new CandidateCollector(context, HeldValues.for(context, ctx.refs, ctx.imports));
  return {
    VariableDeclarator: (node) => collector.declarator(node),
    AssignmentExpression: (node) => collector.assignment(node),
    CallExpression: (node) => collector.call(node),
    PropertyDefinition: (node) => collector.property(node),
    'Program:exit'() {
      const kept = [...collector.candidates].filter(isSnapshotOfRenewingSdk);
      if (kept.length === 0 || isOneShotScript(sourceCode)) return;
      for (const candidate of kept) report(findingOf(candidate, context, ctx));
    },
  };
}

function findingOf(
  candidate: Candidate,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  ctx: SnapshotContext,
): Finding | null {
  const { held, value } = candidate;
  if (!isReadBackLater(candidate, occurrencesOf(candidate.slot, context.sourceCode), context.sourceCode)) return null;
  if (expiryGuardOf(candidate.target, context).kind === 'guarded') return null;
  if (runsAgain(value, LOGIN_RENEWAL_EVENTS, ctx, { renewHosts: LOGIN_RENEWAL_HOSTS })) return null;
  // Every read only tests it, names it as a dependency, or stands in where the SDK is asked first: nothing sends it.
  if (readRoles(candidate, ctx)?.every(({ role }) => role !== 'use')) return null;
  return {
    node: value,
    messageId: 'identityTokenKept',
    data: {
      what: held.what,
      state: stateName(candidate.slot),
      lifetime: held.lifetime,
      symptom: EXPIRY_SYMPTOMS[held.symptom].text,
      fix: held.fix.endsWith('.') ? held.fix : `${held.fix}.`,
    },
    suggest: askAtUse(candidate, ctx),
  };
}
