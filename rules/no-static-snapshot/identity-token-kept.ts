import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, enclosingFunction, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { expiryGuardOf } from '../../src/analysis/expiry-guard.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import {
  type Candidate,
  CandidateCollector,
  isReadBackLater,
  isSnapshotOfRenewingSdk,
} from '../../src/analysis/kept-candidates.js';
import { handsToCalledAgainOption } from '../../src/analysis/called-again-option.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { isExported, isRead, occurrencesOf, type Slot } from '../../src/analysis/storage-slot.js';
import {
  CLIENT_TOKEN_SETTER_PATTERN,
  EXPIRY_SYMPTOMS,
  LOGIN_RENEWAL_EVENTS,
  LOGIN_RENEWAL_HOSTS,
  RENEWING_IDENTITY_TOKEN_HOLDERS,
  RENEWING_TOKEN_METHODS,
} from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext, Suggestion } from './context.js';
import { askAtUse, isPresenceTest, readRoles } from './identity-token-at-use.js';
import { runsAgain } from './runs-again.js';
import { displayName, keeperWords } from '../../src/analysis/keeper-words.js';
import { runsPerRequest } from '../../src/analysis/request-hooks.js';
import { askEachCall, moduleMemoAccesses } from '../token-memo-utils/memo-return.js';

/** How far down a kept object readsSecretField looks for the token's field (`state.session.access_token`). */
const MAX_FIELD_DEPTH = 4;

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

/**
 * The cheap gate: the file names one of the token calls (RENEWING_TOKEN_METHODS) or an object a renewing token is
 * read off (RENEWING_IDENTITY_TOKEN_HOLDERS).
 */
export function mayKeepIdentityTokens(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const { text } = sourceCode;
  return (
    RENEWING_TOKEN_METHODS.some((method) => text.includes(method)) ||
    RENEWING_IDENTITY_TOKEN_HOLDERS.some((holder) => text.includes(holder))
  );
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
  const occurrences = occurrencesOf(candidate.slot, context.sourceCode);
  if (candidate.appState !== 'client' && !isReadBackLater(candidate, occurrences, context.sourceCode)) return null;
  // Kept only as a signed-in flag (`return this.token !== null`), the bearer asked of the SDK where it is sent. An
  // object built with the token (an EventSource that reconnects with it) spends it without being read.
  if (
    candidate.appState === undefined &&
    !builtWithToken(candidate) &&
    !isExported(candidate.slot) &&
    onlyTestedForPresence(occurrences)
  )
    return null;
  if (held.secretFields && !readsSecretField(candidate, context.sourceCode)) return null;
  if (expiryGuardOf(candidate.target, context).kind === 'guarded') return null;
  // Handed to an option the client asks again when given a function: reported there (fixedCalledAgainOption).
  if (handsToCalledAgainOption(candidate.slot, ctx.refs, context.sourceCode)) return null;
  if (runsAgain(value, LOGIN_RENEWAL_EVENTS, ctx, { renewHosts: LOGIN_RENEWAL_HOSTS })) return null;
  if (writtenAgainOnRenewal(value, ctx)) return null;
  if (runsPerRequest(value) || (candidate.appState === 'client' && clientUsedAfterInSameCall(candidate))) return null;
  // Every read only tests it, names it as a dependency, or stands in where the SDK is asked first: nothing sends it.
  if (candidate.appState === undefined && readRoles(candidate, ctx)?.every(({ role }) => role !== 'use')) return null;
  return {
    node: reportedAt(candidate),
    messageId: 'identityTokenKept',
    data: {
      what: held.what,
      where: whereKept(candidate, context.sourceCode),
      lifetime: held.lifetime,
      symptom: EXPIRY_SYMPTOMS[held.symptom].text,
      fix: held.fix.endsWith('.') ? held.fix : `${held.fix}.`,
    },
    suggest: [...askAtUse(candidate, ctx), ...memoSuggestions(candidate, context)],
  };
}

/**
 * Where the copy is reported: a module variable of the file (a memo, a cache) at its declaration, where it starts to
 * keep the token for the module's life; any other keeper at the value written into it.
 */
function reportedAt(candidate: Candidate): TSESTree.Node {
  const { slot } = candidate;
  if (slot.kind !== 'variable' || candidate.componentState || candidate.appState || candidate.defaultHeaders)
    return candidate.value;
  const def = slot.variable.defs[0];
  return def && def.type !== DefinitionType.ImportBinding && slot.variable.scope.block.type === AST_NODE_TYPES.Program
    ? def.name
    : candidate.value;
}

/** The keeper holds an object built with the token (`new EventSource(url)`, a client's options), not the token. */
function builtWithToken(candidate: Candidate): boolean {
  let value = unwrap(candidate.value);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  return candidate.held.keptIn !== undefined || value.type === AST_NODE_TYPES.NewExpression;
}

/** Every read of the keeper in the file only tests whether it holds a token: none sends it. */
function onlyTestedForPresence(occurrences: ReturnType<typeof occurrencesOf>): boolean {
  const reads = occurrences.filter((o) => isRead(o.access));
  return reads.length > 0 && reads.every((o) => isPresenceTest(o.node));
}

/**
 * A memo in a module variable (`if (token) return token;` in front of `token = await user.getIdToken()`): its early
 * return goes, so each call asks the SDK (askEachCall, the rewrite no-module-token-cache offers for other
 * self-caching calls).
 */
function memoSuggestions(
  candidate: Candidate,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): Suggestion[] {
  const { slot } = candidate;
  if (slot.kind !== 'variable' || candidate.container || candidate.componentState || candidate.appState) return [];
  if (slot.variable.scope.block.type !== AST_NODE_TYPES.Program) return [];
  const { reads, fills } = moduleMemoAccesses(slot.variable);
  return askEachCall(context, reads, fills, slot.name);
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

/**
 * The same setter is also called from code that runs again on renewal (`setSession(session)` in Supabase's
 * `onAuthStateChange`, beside the first `getSession()`): the state follows the SDK after all.
 */
function writtenAgainOnRenewal(value: TSESTree.Node, ctx: SnapshotContext): boolean {
  const write = value.parent;
  if (write?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(write.callee);
  const setter = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
  if (setter.type !== AST_NODE_TYPES.Identifier) return false;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : null;
  const variable = ctx.refs.variableOf(setter);
  return (
    variable?.references.some((r) => {
      const use = r.identifier;
      if (use === setter) return false;
      if (method !== null) {
        const member = use.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(member) !== method) return false;
      }
      return runsAgain(use, LOGIN_RENEWAL_EVENTS, ctx, { renewHosts: LOGIN_RENEWAL_HOSTS });
    }) ?? false
  );
}

/**
 * The object around the token was kept whole (Supabase's `data.session`): only a read of the token's own field off
 * the kept object (`session.access_token`) uses the copy as a token; `session.user.email` does not.
 */
function readsSecretField(candidate: Candidate, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const fields = new Set((candidate.held.secretFields ?? []).map((path) => path.split('.').at(-1)));
  return occurrencesOf(candidate.slot, sourceCode).some((o) => {
    let node: TSESTree.Node = o.node;
    for (let steps = 0; steps < MAX_FIELD_DEPTH && node.parent?.type === AST_NODE_TYPES.MemberExpression; steps++) {
      node = node.parent;
      if (fields.has(staticPropertyName(node) ?? undefined)) return true;
    }
    return false;
  });
}
