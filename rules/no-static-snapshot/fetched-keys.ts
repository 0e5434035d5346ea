import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { addNamedImport } from '../../src/analysis/edits.js';
import { heldFromEndpoint } from '../../src/analysis/held.js';
import { httpRequestOf } from '../../src/analysis/http-request.js';
import { type FlowNode, flowPath, traceValue } from '../../src/analysis/value-flow.js';
import {
  AWS_V3_CREDENTIAL_FIELDS,
  HTTP_BODY_METHODS,
  HTTP_CLIENT_GLOBALS,
  SECRET_CARRYING_FIELDS,
  type TokenEndpoint,
} from '../../src/knowledge/index.js';
import { credentialsSlot, throughTypeWrappers } from './clients.js';
import { type Finding, type SnapshotContext, snippet, type Suggestion } from './context.js';
import { keptBeyondCall } from './kept.js';

const V3_KEY_FIELDS: ReadonlySet<string> = new Set(AWS_V3_CREDENTIAL_FIELDS);
const SESSION_TOKEN_FIELD = AWS_V3_CREDENTIAL_FIELDS[2];
const THEN = 'then';

/**
 * Keys fetched by hand from a metadata credentials endpoint (`fetch('http://169.254.169.254/.../security-credentials/role')`,
 * `axios.get('http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)`) handed field by field
 * as the static `credentials` of a v3 client that outlives the request (built at module load, or kept in module
 * scope or a field without an expiry check). The client never fetches them again. A client built and dropped per
 * request, or rebuilt behind an `Expiration` check, is fine.
 */
export function checkFetchedKeysIntoClient(call: TSESTree.CallExpression, ctx: SnapshotContext): Finding | null {
  const endpoint = metadataEndpointOf(call, ctx);
  if (!endpoint) return null;
  const reportNode = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  const flow = responseFlow(call, ctx);
  const copies = flow.flatMap((node) => {
    const credentials = clientCredentialsAt(node, ctx);
    return credentials ? [{ node, credentials }] : [];
  });
  if (copies.length === 0) return null;
  const kept = keptBeyondCall(reportNode, flow, ctx, (n) => copies.some((c) => flowPath(n).includes(c.node)));
  if (!kept) return null;
  const { credentials } = copies.find((c) => flowPath(kept.step).includes(c.node)) ?? copies[0];
  const construction = throughTypeWrappers(credentialsSlot(credentials, ctx)!.parent).parent as TSESTree.NewExpression;
  const held = heldFromEndpoint({ endpoint, grantType: false });
  const suggestion = replacementSuggestion(credentials, endpoint, ctx);
  return {
    node: reportNode,
    messageId: 'fetchedCredentialsCopied',
    data: {
      what: held.what,
      sink: `\`new ${snippet(ctx.sourceCode, construction.callee, 40)}(...)\` (kept ${kept.where})`,
      phrase: held.lifetime,
      fix: held.fix,
    },
    ...(suggestion ? { suggest: [suggestion] } : {}),
  };
}

/** Where the response goes, and its parsed body after `res.json()` (awaited, or in `.then((r) => r.json())`). */
/** Where a response goes, and its body once read (`await res.json()`, `.then((r) => r.json())`), each from its start. */
export function responseFlow(call: TSESTree.CallExpression, ctx: SnapshotContext): FlowNode[] {
  const flow = traceValue(call, ctx.refs, ctx.sourceCode);
  const bodies = flow.flatMap((n) =>
    n.step.kind === 'method' && HTTP_BODY_METHODS.includes(n.step.name ?? '')
      ? traceValue(n.step.node, ctx.refs, ctx.sourceCode)
      : [],
  );
  // `.then((r) => r.json())`: the body is what the `.then` call settles to.
  const settled = bodies.flatMap((n) => {
    const fn = n.step.kind === 'return' ? n.step.fn : null;
    const outer = fn?.parent;
    return outer?.type === AST_NODE_TYPES.CallExpression && outer.arguments[0] === fn && calleeName(outer) === THEN
      ? traceValue(outer, ctx.refs, ctx.sourceCode)
      : [];
  });
  return [...flow, ...bodies, ...settled];
}

/** A request to an endpoint that hands out temporary AWS keys, with the SDK provider that fetches them instead. */
function metadataEndpointOf(call: TSESTree.CallExpression, ctx: SnapshotContext): TokenEndpoint | null {
  const callee = unwrap(call.callee);
  const global =
    callee.type === AST_NODE_TYPES.Identifier &&
    HTTP_CLIENT_GLOBALS.includes(callee.name) &&
    !ctx.refs.variableOf(callee)?.defs.length;
  const endpoint = httpRequestOf(call, global, ctx.rule, ctx.refs)?.endpoint;
  return endpoint?.yields === 'aws-credentials' && endpoint.replacement ? endpoint : null;
}

/**
 * A key field of the response (`body.AccessKeyId`, `res.data.Token`) placed as `accessKeyId`/... in the
 * `credentials` object of a v3 client constructor, which also carries `sessionToken` (temporary keys need it):
 * that object, else null.
 */
function clientCredentialsAt(node: FlowNode, ctx: SnapshotContext): TSESTree.ObjectExpression | null {
  const { step } = node;
  if (step.kind !== 'property' || step.name === null || !V3_KEY_FIELDS.has(step.name)) return null;
  const credentials = step.object;
  if (credentials.type !== AST_NODE_TYPES.ObjectExpression || !credentialsSlot(credentials, ctx)) return null;
  const readsKey = flowPath(node).some((n) => n.step.kind === 'field' && SECRET_CARRYING_FIELDS.has(n.step.name ?? ''));
  const withToken = credentials.properties.some(
    (p) => p.type === AST_NODE_TYPES.Property && staticPropertyName(p) === SESSION_TOKEN_FIELD,
  );
  return readsKey && withToken ? credentials : null;
}

/** `credentials: fromInstanceMetadata()`: the SDK's provider for the same endpoint, which fetches again before expiry. */
function replacementSuggestion(
  credentials: TSESTree.ObjectExpression,
  endpoint: TokenEndpoint,
  ctx: SnapshotContext,
): Suggestion | null {
  const replacement = endpoint.replacement!;
  const [imported] = replacement.imports;
  if (!imported) return null;
  return {
    messageId: 'useMetadataCredentials',
    data: { replacement: replacement.code },
    fix: (fixer) => {
      const added = addNamedImport(fixer, imported.module, imported.name, ctx.refs, ctx.sourceCode);
      const code = replacement.code.replace(imported.name, added.local);
      return [...added.fixes, fixer.replaceText(credentials, code)];
    },
  };
}
