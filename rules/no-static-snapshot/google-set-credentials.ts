import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { importsAnyOf, madeFromAny } from '../../src/analysis/receiver.js';
import { GOOGLE_AUTH_MODULES, GOOGLE_REFRESHING_CLASSES, GOOGLE_SET_CREDENTIALS } from '../../src/knowledge/index.js';
import { type Finding, type Node, type SnapshotContext, snippet } from './context.js';
import { keepOwnCredentials } from './google-own-token.js';
import { isPerRequestClient, isPerRequestValue } from './per-request-client.js';
import { sessionWords } from './session.js';

const TOKEN_SESSION = 'google-access-token';

/** `client.setCredentials(...)` calls and `client.refreshHandler = ...` assignments, collected while walking the file. */
export class GoogleCredentialCalls {
  private readonly calls: TSESTree.CallExpression[] = [];
  private readonly handlerTargets: Node[] = [];

  /** Keeps `node` when it is a `setCredentials` call or a `refreshHandler` assignment. */
  collect(node: TSESTree.CallExpression | TSESTree.AssignmentExpression): void {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        staticPropertyName(callee) === GOOGLE_SET_CREDENTIALS.method
      )
        this.calls.push(node);
      return;
    }
    const left = unwrap(node.left);
    if (
      left.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(left) === GOOGLE_SET_CREDENTIALS.refreshHandlerProperty
    ) {
      this.handlerTargets.push(left.object);
    }
  }

  /**
   * Shape 7: `setCredentials({ access_token })` on a Google auth client with no `refresh_token` in the object and
   * no `refreshHandler` assigned on the same client anywhere in the file (googleapis/google-auth-library-nodejs: src/auth/oauth2client.ts).
   */
  findings(ctx: SnapshotContext): Finding[] {
    const findings: Finding[] = [];
    for (const call of this.calls) {
      const receiver = (unwrap(call.callee) as TSESTree.MemberExpression).object;
      if (!setsBareToken(call) || isPerRequest(call, receiver, ctx)) continue;
      if (!isGoogleClient(receiver, ctx) && !handsBackOwnToken(call, receiver, ctx)) continue;
      if (this.handlerTargets.some((target) => sameReceiver(target, receiver, ctx))) continue;
      findings.push({
        node: call,
        messageId: 'googleNoRefresh',
        data: {
          call: `${snippet(ctx.sourceCode, call.callee, 40)}({ ${GOOGLE_SET_CREDENTIALS.tokenField} })`,
          refreshField: GOOGLE_SET_CREDENTIALS.refreshFields.join('` or `'),
          handler: GOOGLE_SET_CREDENTIALS.refreshHandlerProperty,
          phrase: sessionWords(TOKEN_SESSION, ctx.settings).phrase,
        },
        suggest: keepOwnCredentials(call, receiver, ctx, (a, b) => sameReceiver(a, b, ctx)),
      });
    }
    return findings;
  }
}

function isGoogleClient(receiver: Node, ctx: SnapshotContext): boolean {
  const classes = GOOGLE_REFRESHING_CLASSES.map((c) => c.api);
  return madeFromAny(receiver, classes, ctx.refs) ?? importsAnyOf(ctx.imports, GOOGLE_AUTH_MODULES);
}

/**
 * `const t = await client.getAccessToken(); client.setCredentials({ access_token: t.token })`: the pair of calls on
 * one receiver is an OAuth2Client even when it comes from the app's own module (`import { google } from '@api/clients'`).
 */
function handsBackOwnToken(call: TSESTree.CallExpression, receiver: Node, ctx: SnapshotContext): boolean {
  const token = findProperty(call.arguments[0], GOOGLE_SET_CREDENTIALS.tokenField);
  const issuer = token ? tokenCallOf(token.value, ctx) : null;
  if (!issuer) return false;
  const callee = unwrap(issuer.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(callee) === GOOGLE_SET_CREDENTIALS.issuedBy &&
    sameReceiver(callee.object, receiver, ctx)
  );
}

/** The call a token expression was read from: `t.token` or `token` bound to `await x.getAccessToken()` (or destructured from it). */
function tokenCallOf(value: Node, ctx: SnapshotContext): TSESTree.CallExpression | null {
  let expression = unwrap(value);
  if (expression.type === AST_NODE_TYPES.MemberExpression) expression = unwrap(expression.object);
  if (expression.type === AST_NODE_TYPES.CallExpression) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const def = ctx.refs.variableOf(expression)?.defs[0];
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return null;
  const init = unwrap(def.node.init);
  const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : init;
  return call.type === AST_NODE_TYPES.CallExpression ? call : null;
}

/** An object literal with the token field, none of the refresh fields and no spread (which might bring them). */
function setsBareToken(call: TSESTree.CallExpression): boolean {
  const credentials = call.arguments[0] ? unwrap(call.arguments[0]) : null;
  if (credentials?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const names = new Set<string>();
  for (const property of credentials.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return false;
    const name = staticPropertyName(property);
    if (name !== null) names.add(name);
  }
  return (
    names.has(GOOGLE_SET_CREDENTIALS.tokenField) && !GOOGLE_SET_CREDENTIALS.refreshFields.some((f) => names.has(f))
  );
}

/** A client built per request with the caller's token, which dies with the request: no token is kept. */
function isPerRequest(call: TSESTree.CallExpression, receiver: Node, ctx: SnapshotContext): boolean {
  const token = findProperty(call.arguments[0], GOOGLE_SET_CREDENTIALS.tokenField);
  return (
    token !== undefined && isPerRequestValue(token.value, ctx.refs) && isPerRequestClient(receiver, call, ctx.refs)
  );
}

function sameReceiver(a: Node, b: Node, ctx: SnapshotContext): boolean {
  const left = unwrap(a);
  const right = unwrap(b);
  if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) {
    return ctx.refs.variableOf(left) === ctx.refs.variableOf(right);
  }
  return ctx.sourceCode.getText(left) === ctx.sourceCode.getText(right);
}
