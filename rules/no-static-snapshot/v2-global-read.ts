import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { forEachDescendant, traceValue } from '../../src/analysis/value-flow.js';
import {
  AWS_V2_GLOBAL_CREDENTIALS,
  AWS_V2_GLOBAL_LOADERS,
  AWS_V2_REFRESH_METHODS,
  refMatches,
} from '../../src/knowledge/index.js';
import type { Finding, SnapshotContext } from './context.js';
import type { Resolution } from './sources.js';
import { checkV2ChainCopy } from './v2-chain-copy.js';
import { globalSession } from './v2-sinks.js';

const REFRESH_METHODS: ReadonlySet<string> = new Set(AWS_V2_REFRESH_METHODS);
const LOADS = new WeakMap<object, TSESTree.CallExpression | null>();
const REPORTED = new WeakMap<object, Set<TSESTree.Node>>();

/**
 * Keys read off the global `AWS.config.credentials` once it is loaded (`get(cb)`, `await getPromise()`,
 * `AWS.config.getCredentials(cb)`): the live object refreshes when something calls `get()` again, the keys copied
 * out of it do not. A read whose copy is kept is a v2 chain copy (checkV2ChainCopy), reported once per keeper.
 */
export function checkV2GlobalRead(member: TSESTree.MemberExpression, ctx: SnapshotContext): Finding | null {
  const object = unwrap(member.object);
  if (!isGlobalCredentials(object, ctx)) return null;
  // `AWS.config.credentials.get()` itself is the load, not a read.
  if (member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) return null;
  const load = loadCall(ctx);
  if (!load) return null;
  const resolution: Resolution = {
    kind: 'v2-chain',
    call: load,
    reportNode: member,
    valueStart: object,
    sourceName: ctx.sourceCode.getText(object),
    sessionId: globalSession(ctx),
  };
  const finding = checkV2ChainCopy(resolution, traceValue(object, ctx.refs, ctx.sourceCode), ctx);
  return finding && firstForKeeper(finding, member, ctx);
}

/** `const { accessKeyId } = AWS.config.credentials` reads it too. */
export function checkV2GlobalDestructure(
  declarator: TSESTree.VariableDeclarator,
  ctx: SnapshotContext,
): Finding | null {
  if (!declarator.init || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return null;
  const object = unwrap(declarator.init);
  if (!isGlobalCredentials(object, ctx)) return null;
  const load = loadCall(ctx);
  if (!load) return null;
  const resolution: Resolution = {
    kind: 'v2-chain',
    call: load,
    reportNode: declarator.init,
    valueStart: object,
    sourceName: ctx.sourceCode.getText(object),
    sessionId: globalSession(ctx),
  };
  return checkV2ChainCopy(resolution, traceValue(object, ctx.refs, ctx.sourceCode), ctx);
}

function isGlobalCredentials(node: TSESTree.Node, ctx: SnapshotContext): boolean {
  // Checked by name first: the listener sees every member expression of the file.
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    staticPropertyName(node) !== AWS_V2_GLOBAL_CREDENTIALS.path.at(-1)
  )
    return false;
  const ref = ctx.refs.resolve(node);
  return ref !== null && refMatches(ref, AWS_V2_GLOBAL_CREDENTIALS);
}

/** The file's first call that loads the global credentials, memoized per file. */
function loadCall(ctx: SnapshotContext): TSESTree.CallExpression | null {
  const known = LOADS.get(ctx.sourceCode);
  if (known !== undefined) return known;
  let found: TSESTree.CallExpression | null = null;
  forEachDescendant(ctx.sourceCode.ast, ctx.sourceCode, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const name = staticPropertyName(callee) ?? '';
    const onGlobal = REFRESH_METHODS.has(name) && isGlobalCredentials(unwrap(callee.object), ctx);
    const ref = onGlobal ? null : ctx.refs.resolve(callee);
    if (onGlobal || (ref && AWS_V2_GLOBAL_LOADERS.some((api) => refMatches(ref, api)))) found = node;
  });
  LOADS.set(ctx.sourceCode, found);
  return found;
}

/** Three keys copied into one object are one defect: report the first read only. */
function firstForKeeper(finding: Finding, read: TSESTree.MemberExpression, ctx: SnapshotContext): Finding | null {
  let seen = REPORTED.get(ctx.sourceCode);
  if (!seen) REPORTED.set(ctx.sourceCode, (seen = new Set()));
  const statement = enclosingStatement(read);
  if (seen.has(statement)) return null;
  seen.add(statement);
  return finding;
}

function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !/Statement|Declaration$/.test(current.parent.type)) current = current.parent;
  return current.parent ?? current;
}
