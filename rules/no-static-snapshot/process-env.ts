import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { environmentReadLater } from '../../src/analysis/environment-read-later.js';
import { keepsProcessRunning } from '../../src/analysis/process-lifetime.js';
import { isProcessEnv } from '../../src/analysis/storage.js';
import { alongTokenPath } from '../../src/analysis/token-path.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import { staticString } from '../../src/analysis/static-value.js';
import {
  ENV_CREDENTIAL_VARIABLES,
  PATH_SETTERS,
  refMatches,
  SECRET_CARRYING_FIELDS,
} from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext } from './context.js';
import { sessionWords } from './session.js';
import { valueWords } from './keeper-words.js';
import { type Resolution, tokenPathsOf, yieldsToken } from './sources.js';

const VARIABLES: ReadonlyMap<string, (typeof ENV_CREDENTIAL_VARIABLES)[number]> = new Map(
  ENV_CREDENTIAL_VARIABLES.map((v) => [v.name, v]),
);

/**
 * A resolved value's secret written into the process's own environment (`process.env.AWS_SESSION_TOKEN = c.SessionToken`,
 * `Object.assign(process.env, { ... })`) by a file that then keeps the process running (a server, a timer, a
 * consumer): every client built later reads the variables as static credentials and none renews them. A script that
 * exits, or a file that starts nothing long-lived, is left alone (its children die with it, long before the session).
 */
export function checkCopiedIntoEnvironment(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  for (const node of flow) {
    const variable = environmentVariableAt(node, ctx, yieldsToken(resolution));
    if (!variable || !carriesSecret(node, resolution) || !keepsProcessRunning(ctx.sourceCode)) continue;
    // A variable of the app's own naming is read by the app's own code only: kept when a read comes later.
    if (!VARIABLES.has(variable.name) && !environmentReadLater(writeOf(node), variable.name, ctx.sourceCode, ctx.refs))
      continue;
    return {
      node: resolution.reportNode,
      messageId: 'copiedIntoEnvironment',
      data: {
        ...valueWords(resolution, 'environment', ctx),
        variable: variable.name,
        reader: variable.reader,
        ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
      },
    };
  }
  return null;
}

/**
 * `process.env.NAME = value`, `Object.assign(process.env, { NAME: value })` or `set(process.env, 'NAME', value)`, for
 * a credential variable; a token (a bearer token, a signature, a registry password) is kept under whatever name it is
 * given (`API_TOKEN`).
 */
function environmentVariableAt(
  node: FlowNode,
  ctx: SnapshotContext,
  token: boolean,
): { readonly name: string; readonly reader: string } | null {
  const { step } = node;
  const known = (name: string | null) =>
    name === null ? null : (VARIABLES.get(name) ?? (token ? { name, reader: TOKEN_READER } : null));
  if (step.kind === 'store') {
    const target = unwrap(step.target);
    if (target.type !== AST_NODE_TYPES.MemberExpression || !isProcessEnv(unwrap(target.object), ctx.refs)) return null;
    return known(staticPropertyName(target));
  }
  if (step.kind === 'argument' && step.node.type === AST_NODE_TYPES.CallExpression) {
    const written = pathSetOnEnv(step.node, step.index, ctx);
    if (written !== undefined) return known(written);
  }
  if (step.kind !== 'argument' || step.index === 0 || !isAssignToEnv(step.node, ctx)) return null;
  const property = flowPath(node).findLast((n) => n.step.kind === 'property');
  return property?.step.kind === 'property' ? known(property.step.name) : null;
}

/** `set(process.env, 'AWS_SESSION_TOKEN', value)` (PATH_SETTERS): the variable the value at `index` is written to. */
function pathSetOnEnv(call: TSESTree.CallExpression, index: number, ctx: SnapshotContext): string | null | undefined {
  const ref = ctx.refs.resolve(call.callee);
  const setter = ref ? PATH_SETTERS.find((s) => refMatches(ref, s.api)) : undefined;
  const target = setter ? call.arguments[setter.object] : undefined;
  if (!setter || index !== setter.value || !target || !isProcessEnv(unwrap(target), ctx.refs)) return undefined;
  const path = call.arguments[setter.path];
  return (path && staticString(path, ctx.rule)) ?? null;
}

/** The node that writes the variable: the assigned member, or the call that sets it. */
function writeOf(node: FlowNode): TSESTree.Node {
  return node.step.kind === 'store' ? node.step.target : node.step.node;
}

/** Who reads a token from a variable of the app's own naming. */
const TOKEN_READER = 'client or child process';

function isAssignToEnv(call: TSESTree.CallExpression | TSESTree.NewExpression, ctx: SnapshotContext): boolean {
  const callee = unwrap(call.callee);
  const target = call.arguments[0];
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(callee) === 'assign' &&
    unwrap(callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrap(callee.object) as TSESTree.Identifier).name === 'Object' &&
    target !== undefined &&
    isProcessEnv(unwrap(target), ctx.refs)
  );
}

/**
 * The secret itself reaches the variable: through its key fields, never through `Expiration` or a role ARN; a token
 * whose result carries more, along its knowledge entry's `tokenPaths` only.
 */
function carriesSecret(node: FlowNode, resolution: Resolution): boolean {
  const tokenPaths = tokenPathsOf(resolution);
  if (tokenPaths) return alongTokenPath(flowPath(node), tokenPaths);
  return flowPath(node).every(
    ({ step }) => step.kind !== 'field' || (step.name !== null && SECRET_CARRYING_FIELDS.has(step.name)),
  );
}
