import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, findProperty, isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isExpiryName } from '../../src/analysis/expiry-terms.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { constInitializer } from '../../src/analysis/module-refs.js';
import { forEachDescendant, traceValue } from '../../src/analysis/value-flow.js';
import {
  AWS_V2_CREDENTIAL_FIELDS,
  AWS_V2_GLOBAL_CREDENTIALS,
  AWS_V2_REFRESHING_CLASSES,
  AWS_V3_PROVIDER_FACTORIES,
  findByApi,
  LOGIN_RENEWAL_EVENTS,
  LOGIN_RENEWAL_HOSTS,
  type LoginTokens,
  refMatches,
  SESSIONS,
  type SessionId,
} from '../../src/knowledge/index.js';
import { type Finding, type Node, type SnapshotContext, snippet } from './context.js';
import { keptBeyondCall } from './kept.js';
import { runsAgain } from './runs-again.js';
import { sessionWords } from './session.js';

const KEY_FIELDS: ReadonlySet<string> = new Set(AWS_V2_CREDENTIAL_FIELDS);

interface LoginSource {
  readonly name: string;
  readonly session: SessionId;
  readonly logins: LoginTokens;
}

/**
 * A refreshing Cognito source (v2 `new AWS.CognitoIdentityCredentials({ Logins })`, v3 `fromCognitoIdentityPool({
 * logins })`) built with an identity-provider token captured as a value, and kept: every refresh sends that same
 * token again, and once it has expired (an ID token lives about 1 h) Cognito refuses it, so the credentials stop
 * renewing. Silent when the map's value is a function (v3 calls it at each refresh), when the file puts a renewed
 * token in the map, when the source is built again under an expiry check or from a token-renewal callback, and
 * when its keys are copied out (that copy is the finding, v2-global-read.ts).
 */
export function checkCapturedLogins(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  ctx: SnapshotContext,
): Finding | null {
  const source = loginSourceOf(node, ctx);
  if (!source) return null;
  const options = node.arguments[0] ? objectLiteral(node.arguments[0], ctx) : null;
  const property = options && findProperty(options, source.logins.option);
  const map = property ? objectLiteral(property.value, ctx) : null;
  const captured = map?.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && isCapturedToken(p.value),
  );
  if (!map || !captured) return null;
  if (
    renewsLogins(map, source.logins, ctx) ||
    rebuiltWhenExpired(node, ctx) ||
    runsAgain(node, LOGIN_RENEWAL_EVENTS, ctx, { renewHosts: LOGIN_RENEWAL_HOSTS }) ||
    keysCopiedOffGlobal(node, ctx)
  )
    return null;
  if (!sourceKept(node, ctx)) return null;
  const token = SESSIONS[source.logins.session];
  return {
    node: captured.value,
    messageId: 'loginTokenCaptured',
    data: {
      token: snippet(ctx.sourceCode, captured.value, 40),
      option: source.logins.option,
      source: source.name,
      tokenPhrase: token.phrase,
      symptom: source.logins.symptom,
      fix: source.logins.acceptsProvider
        ? `Give \`${source.logins.option}\` a function that returns the current token (the provider calls it at each refresh)`
        : `Put the renewed token in \`${[...(source.logins.renewedAt ?? []), '[provider]'].join('.')}\` before the credentials refresh, or build them again from a fresh token`,
      ...sessionWords(source.session, ctx.settings),
    },
  };
}

function loginSourceOf(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  ctx: SnapshotContext,
): LoginSource | null {
  const ref = ctx.refs.resolve(node.callee);
  if (!ref) return null;
  const entry =
    node.type === AST_NODE_TYPES.NewExpression
      ? findByApi(AWS_V2_REFRESHING_CLASSES, ref)
      : findByApi(AWS_V3_PROVIDER_FACTORIES, ref);
  if (!entry?.loginTokens) return null;
  const name = entry.api.path.at(-1)!;
  return {
    name: node.type === AST_NODE_TYPES.NewExpression ? `new ${name}()` : `${name}()`,
    session: entry.session,
    logins: entry.loginTokens,
  };
}

/** An object literal, written out or bound to a const. */
export function objectLiteral(node: Node, ctx: SnapshotContext): TSESTree.ObjectExpression | null {
  let inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(inner, ctx.sourceCode.getScope(inner));
    inner = init ? unwrap(init) : inner;
  }
  return inner.type === AST_NODE_TYPES.ObjectExpression ? inner : null;
}

/** A token value, not a function the source calls, and not a placeholder literal. */
function isCapturedToken(value: Node): boolean {
  const inner = unwrap(value);
  if (isFunctionNode(inner)) return false;
  if (inner.type === AST_NODE_TYPES.Literal) return false;
  return !(inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0);
}

/**
 * The file writes into a logins map after building the source: `credentials.params.Logins[provider] = token`,
 * `AWS.config.credentials.params.Logins = { ... }`, or the const map itself (`logins[provider] = token`).
 */
function renewsLogins(map: TSESTree.ObjectExpression, logins: LoginTokens, ctx: SnapshotContext): boolean {
  const declarator = map.parent;
  const mapName =
    declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier
      ? declarator.id.name
      : null;
  return fileIndex(ctx.sourceCode).assignments.some((assignment) => {
    let target: Node = unwrap(assignment.left);
    while (target.type === AST_NODE_TYPES.MemberExpression) {
      if (staticPropertyName(target) === logins.option) return true;
      const object = unwrap(target.object);
      if (object.type === AST_NODE_TYPES.Identifier && object.name === mapName) return true;
      target = object;
    }
    return false;
  });
}

/** Built in a function that first checks whether the current credentials have expired (`expireTime`, `needsRefresh()`). */
function rebuiltWhenExpired(node: Node, ctx: SnapshotContext): boolean {
  const fn = enclosingFunction(node);
  if (!fn?.body) return false;
  let checked = false;
  forEachDescendant(fn.body, ctx.sourceCode, (inner) => {
    if (checked) return 'stop';
    if (isFunctionNode(inner)) return 'skip';
    if (inner.type !== AST_NODE_TYPES.IfStatement && inner.type !== AST_NODE_TYPES.ConditionalExpression) return;
    forEachDescendant(inner.test, ctx.sourceCode, (part) => {
      const name =
        part.type === AST_NODE_TYPES.MemberExpression
          ? staticPropertyName(part)
          : part.type === AST_NODE_TYPES.Identifier
            ? part.name
            : null;
      if (name !== null && isExpiryName(name)) checked = true;
    });
    return undefined;
  });
  return checked;
}

/** The file copies the keys off the global it assigns the source to: that copy is reported instead. */
function keysCopiedOffGlobal(node: Node, ctx: SnapshotContext): boolean {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || !isGlobal(parent.left, ctx)) return false;
  let copied = false;
  forEachDescendant(ctx.sourceCode.ast, ctx.sourceCode, (inner) => {
    if (copied) return 'stop';
    if (inner.type !== AST_NODE_TYPES.MemberExpression || !KEY_FIELDS.has(staticPropertyName(inner) ?? '')) return;
    if (isGlobal(inner.object, ctx)) copied = true;
    return undefined;
  });
  return copied;
}

function isGlobal(node: Node, ctx: SnapshotContext): boolean {
  const ref = ctx.refs.resolve(unwrap(node));
  return ref !== null && refMatches(ref, AWS_V2_GLOBAL_CREDENTIALS);
}

/**
 * The source outlives the code that built it: assigned to the v2 global (every service made later uses it), or
 * kept as any resolved value is (module scope, a field, a state store, a client built once).
 */
export function sourceKept(node: TSESTree.NewExpression | TSESTree.CallExpression, ctx: SnapshotContext): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && isGlobal(parent.left, ctx)) return true;
  return keptBeyondCall(node, traceValue(node, ctx.refs, ctx.sourceCode), ctx) !== null;
}
