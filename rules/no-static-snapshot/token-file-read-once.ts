import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, findProperty, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { importsAnyOf, madeFromAny } from '../../src/analysis/receiver.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { projectedTokenRead } from '../../src/analysis/projected-token.js';
import {
  AWS_V2_MODULES,
  AWS_V2_REFRESHING_CLASSES,
  AWS_V2_STS_OPERATIONS,
  AWS_V3_PROVIDER_FACTORIES,
  AWS_V3_STS_OPERATIONS,
  findByApi,
  PROJECTED_TOKEN_FILES,
  SESSIONS,
  type SessionId,
  type WebIdentityTokenOption,
} from '../../src/knowledge/index.js';
import { objectLiteral, sourceKept } from './captured-logins.js';
import { type Finding, type SnapshotContext, snippet } from './context.js';
import { runsOnSchedule } from './runs-on-schedule.js';
import { sessionWords } from './session.js';

interface WebIdentitySource {
  readonly name: string;
  readonly session: SessionId;
  readonly token: WebIdentityTokenOption;
  /** An STS request rather than a refreshing source: its output is the snapshot, reported where it is kept. */
  readonly request: boolean;
}

/**
 * A refreshing web-identity source (v2 `new AWS.WebIdentityCredentials({ WebIdentityToken })`, v3 `fromWebToken({
 * webIdentityToken })`) handed the text of a projected token file read once: every refresh sends that text again,
 * and the kubelet's next token only reaches the file. Reported when the source outlives the read (kept in module
 * scope, on the v2 global or a client built once) or when the text was read at module load for a source built
 * later, or for an STS `AssumeRoleWithWebIdentity` request sent later (each request sends the start-up token). Silent when the file is read where the source is built each time, for `fromTokenFile()` /
 * `TokenFileWebIdentityCredentials` (they read the file themselves), on a schedule, and in a one-shot script.
 */
export function checkTokenFileReadOnce(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  ctx: SnapshotContext,
): Finding | null {
  const source = webIdentitySourceOf(node, ctx);
  if (!source) return null;
  const options = node.arguments[0] ? objectLiteral(node.arguments[0], ctx) : null;
  const property = options && findProperty(options, source.token.option);
  const read = property ? projectedTokenRead(property.value, ctx.refs, ctx.sourceCode) : null;
  // Another platform's token file is read for the app's own libraries (no-module-token-cache's), not a web identity.
  if (!property || !read || read.platform || isOneShotScript(ctx.sourceCode) || runsOnSchedule(node, ctx)) return null;
  const readAtLoad = enclosingFunction(read.at) === null && enclosingFunction(node) !== null;
  if (!readAtLoad && (source.request || !sourceKept(node, ctx))) return null;
  const token = SESSIONS[PROJECTED_TOKEN_FILES.session];
  return {
    node: property.value,
    messageId: 'tokenFileReadOnce',
    data: {
      token: snippet(ctx.sourceCode, property.value, 40),
      file: snippet(ctx.sourceCode, read.read.arguments[0], 50),
      source: source.name,
      option: source.token.option,
      each: source.request ? 'every later request' : 'every refresh',
      tokenPhrase: token.phrase,
      symptom: source.token.symptom,
      replacement: source.token.renewedBy.code,
      ...sessionWords(source.session, ctx.settings),
    },
  };
}

function webIdentitySourceOf(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  ctx: SnapshotContext,
): WebIdentitySource | null {
  const v2Request = node.type === AST_NODE_TYPES.CallExpression ? v2StsRequestOf(node, ctx) : null;
  if (v2Request) return v2Request;
  const ref = ctx.refs.resolve(node.callee);
  if (!ref) return null;
  const entry =
    node.type === AST_NODE_TYPES.NewExpression
      ? (findByApi(AWS_V2_REFRESHING_CLASSES, ref) ?? findByApi(AWS_V3_STS_OPERATIONS, ref))
      : findByApi(AWS_V3_PROVIDER_FACTORIES, ref);
  if (!entry || !('webIdentityToken' in entry) || !entry.webIdentityToken) return null;
  const name = entry.api.path.at(-1)!;
  return {
    name: node.type === AST_NODE_TYPES.NewExpression ? `new ${name}()` : `${name}()`,
    session: entry.session,
    token: entry.webIdentityToken,
    request: 'durationParam' in entry,
  };
}

/** v2 `sts.assumeRoleWithWebIdentity({ WebIdentityToken })` on an STS client (or any receiver in a v2 file). */
function v2StsRequestOf(call: TSESTree.CallExpression, ctx: SnapshotContext): WebIdentitySource | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = staticPropertyName(callee);
  const operation = AWS_V2_STS_OPERATIONS.find((op) => op.method === name && op.webIdentityToken);
  if (!operation?.webIdentityToken) return null;
  if (!(madeFromAny(callee.object, [operation.api], ctx.refs) ?? importsAnyOf(ctx.imports, AWS_V2_MODULES)))
    return null;
  return { name: `${name}()`, session: operation.session, token: operation.webIdentityToken, request: true };
}
