import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, staticPropertyName } from '../../src/analysis/ast.js';
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
  CLIENT_TOKEN_SETTER_PATTERN,
  EXPIRY_SYMPTOMS,
  LOGIN_RENEWAL_EVENTS,
  LOGIN_RENEWAL_HOSTS,
  RENEWING_TOKEN_METHODS,
} from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext } from './context.js';
import { askAtUse, readRoles } from './identity-token-at-use.js';
import { runsAgain } from './runs-again.js';
import { displayName, keeperWords } from '../../src/analysis/keeper-words.js';
import { runsPerRequest } from '../../src/analysis/request-hooks.js';

/** The state the copy sits in, in the words of the message. */
function stateName(slot: Slot): string {
  return slot.kind === 'variable' ? slot.name : `this.state.${slot.name}`;
}

/** Where the copy sits and who reads it, in the words of the message (no-module-token-cache's outside state). */
function whereKept(candidate: Candidate, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const name = stateName(candidate.slot);
  switch (candidate.appState) {
    case 'signal':
      return `in the signal \`${name}\`, which every later reader gets for as long as it lives`;
    case 'store':
      return `in the store \`${name}\`, which hands it to every later subscriber and reader`;
    case 'client':
      return `in the API client \`${name}\` as its bearer token, which it sends with every later request`;
    default:
      return candidate.componentState
        ? `in component state \`${name}\`, which every later render and handler reads while the component is mounted`
        : `in \`${displayName(candidate.slot)}\`, ${keeperWords(candidate, sourceCode)}`;
  }
}

/** The cheap gate: the file names one of the token calls (RENEWING_TOKEN_METHODS). */
export function mayKeepIdentityTokens(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return RENEWING_TOKEN_METHODS.some((method) => sourceCode.text.includes(method));
}

/**
 * A token whose SDK keeps and renews it when it is asked again (Firebase `user.getIdToken()`, Auth0
 * `getAccessTokenSilently()`, a Cognito session's `getJwtToken()`; IdentityPlatformToken.renewsWhenAskedAgain), asked
 * once and kept in a component's state, which every later render and handler reads, or in app-wide state (a signal,
 * a store, the app's API client as its bearer). The candidates are those
 * no-module-token-cache collects (kept-candidates.ts); it leaves these to this rule (isSnapshotOfRenewingSdk), which
 * reports at the write. Silent when the write runs again on renewal
 * (`onIdTokenChanged`, Amplify's `tokenRefresh`, a timer) or per request (an HTTP client's request interceptor), when
 * the copy is tested against its expiry before use, and when no read sends it (each asks the SDK first:
 * identity-token-at-use.ts).
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
  // The app's client sends the token with the requests it makes for other modules: giving it the token is the read.
  if (
    candidate.appState !== 'client' &&
    !isReadBackLater(candidate, occurrencesOf(candidate.slot, context.sourceCode), context.sourceCode)
  )
    return null;
  if (expiryGuardOf(candidate.target, context).kind === 'guarded') return null;
  if (runsAgain(value, LOGIN_RENEWAL_EVENTS, ctx, { renewHosts: LOGIN_RENEWAL_HOSTS })) return null;
  if (runsPerRequest(value) || (candidate.appState === 'client' && clientUsedAfterInSameCall(candidate))) return null;
  // Every read only tests it, names it as a dependency, or stands in where the SDK is asked first: nothing sends it.
  if (candidate.appState === undefined && readRoles(candidate, ctx)?.every(({ role }) => role !== 'use')) return null;
  return {
    node: value,
    messageId: 'identityTokenKept',
    data: {
      what: held.what,
      where: whereKept(candidate, context.sourceCode),
      lifetime: held.lifetime,
      symptom: EXPIRY_SYMPTOMS[held.symptom].text,
      fix: held.fix.endsWith('.') ? held.fix : `${held.fix}.`,
    },
    suggest: askAtUse(candidate, ctx),
  };
}

/**
 * `client.setToken(await user.getIdToken()); return client.get(path)`: the function that gives the client its token
 * also makes the request with it, so the token is asked for again at each use.
 */
function clientUsedAfterInSameCall(candidate: Candidate): boolean {
  const { slot, value } = candidate;
  const fn = enclosingFunction(value);
  if (!fn || slot.kind !== 'variable') return false;
  return slot.variable.references.some(
    (r) => r.identifier.range[0] > value.range[1] && r.identifier.range[1] <= fn.range[1] && !setsToken(r.identifier),
  );
}

/** `client.setToken(...)` again (the sign-out branch's `setToken(null)`): another write, not a use. */
function setsToken(reference: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const member = reference.parent;
  return (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === reference &&
    CLIENT_TOKEN_SETTER_PATTERN.test(staticPropertyName(member) ?? '')
  );
}
