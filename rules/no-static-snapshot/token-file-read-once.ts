import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, findProperty } from '../../src/analysis/ast.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { projectedTokenRead } from '../../src/analysis/projected-token.js';
import {
  AWS_V2_REFRESHING_CLASSES,
  AWS_V3_PROVIDER_FACTORIES,
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
}

/**
 * A refreshing web-identity source (v2 `new AWS.WebIdentityCredentials({ WebIdentityToken })`, v3 `fromWebToken({
 * webIdentityToken })`) handed the text of a projected token file read once: every refresh sends that text again,
 * and the kubelet's next token only reaches the file. Reported when the source outlives the read (kept in module
 * scope, on the v2 global or a client built once) or when the text was read at module load for a source built
 * later. Silent when the file is read where the source is built each time, for `fromTokenFile()` /
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
  if (!property || !read || isOneShotScript(ctx.sourceCode) || runsOnSchedule(node, ctx)) return null;
  const readAtLoad = enclosingFunction(read) === null && enclosingFunction(node) !== null;
  if (!readAtLoad && !sourceKept(node, ctx)) return null;
  const token = SESSIONS[PROJECTED_TOKEN_FILES.session];
  return {
    node: property.value,
    messageId: 'tokenFileReadOnce',
    data: {
      token: snippet(ctx.sourceCode, property.value, 40),
      file: snippet(ctx.sourceCode, read.arguments[0], 50),
      source: source.name,
      option: source.token.option,
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
  const ref = ctx.refs.resolve(node.callee);
  if (!ref) return null;
  const entry =
    node.type === AST_NODE_TYPES.NewExpression
      ? findByApi(AWS_V2_REFRESHING_CLASSES, ref)
      : findByApi(AWS_V3_PROVIDER_FACTORIES, ref);
  if (!entry || !('webIdentityToken' in entry) || !entry.webIdentityToken) return null;
  const name = entry.api.path.at(-1)!;
  return {
    name: node.type === AST_NODE_TYPES.NewExpression ? `new ${name}()` : `${name}()`,
    session: entry.session,
    token: entry.webIdentityToken,
  };
}
