import type { TSESTree } from '@typescript-eslint/utils';
import { type FlowNode, traceValue } from '../../src/analysis/value-flow.js';
import type { Finding, SnapshotContext } from './context.js';
import { checkCapturedProvider } from './captured-provider.js';
import { checkFixedCalledAgainOption } from './called-again-option.js';
import { checkTokenKeptByClient, clientTokenResolution, keepingClientResolution } from './client-token.js';
import { checkDropsExpiration } from './drops-expiration.js';
import { checkFetchedKeysKept } from './fetched-keys-kept.js';
import { checkGoogleTokenStored } from './google-token.js';
import { checkHelperResult, helperResolution } from './helper-result.js';
import { checkOutlivingSink } from './outliving-sink.js';
import { checkCopiedIntoEnvironment } from './process-env.js';
import { checkKeptInSignInSession } from './sign-in-session.js';
import { checkCliOutputKept } from './cli-output.js';
import { checkCapturedByLongLivedCallback } from './long-lived-callback.js';
import { checkSharedClientCredentials } from './shared-client-credentials.js';
import { isConstantOnPlatform } from './session.js';
import { keptElsewhereResolution, type Resolution, resolutionOf } from './sources.js';
import { responseFlow } from './fetched-keys.js';
import { checkStaticWrapper } from './static-wrapper.js';
import { checkStoredCredentials } from './stored-credentials.js';
import { checkStsCopy } from './sts-copy.js';
import { checkV2ChainCopy } from './v2-chain-copy.js';

type ResolutionCheck = (resolution: Resolution, flow: readonly FlowNode[], ctx: SnapshotContext) => Finding | null;

/** Most specific first: one finding per resolution, from the first check that recognises its shape. */
const CHECKS: readonly ResolutionCheck[] = [
  checkOutlivingSink,
  checkCopiedIntoEnvironment,
  checkKeptInSignInSession,
  checkCapturedProvider,
  checkSharedClientCredentials,
  checkStaticWrapper,
  checkDropsExpiration,
  checkStsCopy,
  checkV2ChainCopy,
  checkGoogleTokenStored,
  checkStoredCredentials,
  checkHelperResult,
  checkCliOutputKept,
  checkCapturedByLongLivedCallback,
];

/**
 * Keepers that outlive any value whatever its source, and that no-module-token-cache (which owns a token or STS
 * output kept in storage) does not follow: a sink that outlives the process, the environment of a running process,
 * a callback registered for the life of the process, a client that asks a function again but was given the value.
 */
const OUTLIVING_KEEPER_CHECKS: readonly ResolutionCheck[] = [
  checkOutlivingSink,
  checkCopiedIntoEnvironment,
  checkCapturedByLongLivedCallback,
  checkFetchedKeysKept,
  checkFixedCalledAgainOption,
];

/** If `call` resolves a refreshing source once, follows where the value goes and returns the snapshot finding, if any. */
export function checkResolution(call: TSESTree.CallExpression, ctx: SnapshotContext): Finding | null {
  const resolution =
    resolutionOf(call, ctx) ??
    helperResolution(call, ctx) ??
    clientTokenResolution(call, ctx) ??
    keptElsewhereResolution(call, ctx);
  if (!resolution || isConstantOnPlatform(resolution.sessionId, ctx)) return null;
  return checkFlow(resolution, ctx);
}

/** The same for the sources only no-static-snapshot's keeper checks follow, in a file its own gate keeps out. */
export function checkKeptElsewhere(call: TSESTree.CallExpression, ctx: SnapshotContext): Finding | null {
  const resolution = keptElsewhereResolution(call, ctx);
  return resolution && !isConstantOnPlatform(resolution.sessionId, ctx) ? checkFlow(resolution, ctx) : null;
}

/** A token for a client that keeps it is followed into such clients only (client-token.ts). */
const CLIENT_TOKEN_CHECKS: readonly ResolutionCheck[] = [checkTokenKeptByClient];

function checksOf(resolution: Resolution): readonly ResolutionCheck[] {
  if (resolution.kind === 'kept-elsewhere') return OUTLIVING_KEEPER_CHECKS;
  return resolution.kind === 'client-token' ? CLIENT_TOKEN_CHECKS : CHECKS;
}

/** A client that keeps the token it is built with, given one that says it expires (client-token.ts). */
export function checkKeepingClient(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  ctx: SnapshotContext,
): Finding | null {
  const resolution = keepingClientResolution(node, ctx);
  return resolution && !isConstantOnPlatform(resolution.sessionId, ctx) ? checkFlow(resolution, ctx) : null;
}

function checkFlow(resolution: Resolution, ctx: SnapshotContext): Finding | null {
  const flow = resolution.request
    ? responseFlow(resolution.call, ctx)
    : traceValue(resolution.valueStart, ctx.refs, ctx.sourceCode);
  for (const check of checksOf(resolution)) {
    const finding = check(resolution, flow, ctx);
    if (finding) return finding;
  }
  return null;
}
