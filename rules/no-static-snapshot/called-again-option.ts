import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isMovable, isRepeatable, removeStatement } from '../../src/analysis/edits.js';
import { isConstLike } from '../../src/analysis/module-refs.js';
import {
  calledAgainHandOver,
  type CalledAgainHandOver,
  setsOptionAgain,
} from '../../src/analysis/called-again-option.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { isOneShotScript } from '../../src/analysis/process-lifetime.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import type { CalledAgainOption } from '../../src/knowledge/index.js';
import { type Finding, type Node, type SnapshotContext, type Suggestion, snippet } from './context.js';
import { keptBeyondCall } from './kept.js';
import { valueWords } from './keeper-words.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

/**
 * A short-lived token handed as a plain value to an option the library also accepts as a function it calls again
 * (CALLED_AGAIN_OPTIONS: AppSync's `auth.jwtToken`, socket.io's `auth`), where the client lives longer than the
 * token: kept beyond the call (module scope, a memo), or a socket that re-sends the value at each reconnection for
 * as long as it is open. Silent for the function form, and for a socket whose `auth` the file sets again.
 */
export function checkFixedCalledAgainOption(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  const handOver = calledAgainHandOver(flow, ctx.refs);
  if (!handOver) return null;
  const { entry, node, call } = handOver;
  const where = entry.reusedWhileOpen
    ? reusedWhileOpen(entry, ctx)
    : keptBeyondCall(resolution.reportNode, flow, ctx, (n) => flowPath(n).includes(node))?.where;
  if (!where) return null;
  const made = call.type === AST_NODE_TYPES.NewExpression ? 'new ' : '';
  const words = valueWords(resolution, 'callback', ctx);
  const suggest = entry.returnsValue ? askedPerUse(resolution, handOver, ctx) : [];
  return {
    node: resolution.reportNode,
    ...(suggest.length > 0 && { suggest }),
    messageId: 'fixedCalledAgainOption',
    data: {
      what: words.what,
      option: entry.path.join('.'),
      client: `${made}${snippet(ctx.sourceCode, call.callee, 40)}(...)`,
      where,
      per: entry.calledPer,
      phrase: sessionWords(resolution.sessionId, ctx.settings).phrase,
      error: words.error,
      functionForm: entry.functionForm,
    },
  };
}

/** A socket re-sends its fixed `auth` at every reconnection while open, unless the file sets `.auth` again. */
function reusedWhileOpen(entry: CalledAgainOption, ctx: SnapshotContext): string | null {
  const [option] = entry.path;
  if (setsOptionAgain(option, fileIndex(ctx.sourceCode).assignments, staticPropertyName)) return null;
  return isOneShotScript(ctx.sourceCode) ? null : 'by the open connection, which reconnects by itself';
}

/**
 * `jwtToken: (await Auth.currentSession()).getIdToken().getJwtToken()` → `jwtToken: async () => (await
 * Auth.currentSession()).getIdToken().getJwtToken()`: the option's whole value is the source call followed by reads
 * and calls on its result, so the same expression, moved into the function form, asks the source on each use.
 * Only when every name in it is bound once (the function runs later, and must read the same things).
 */
function askedPerUse(resolution: Resolution, handOver: CalledAgainHandOver, ctx: SnapshotContext): Suggestion[] {
  const property = optionProperty(handOver);
  if (!property || property.computed || property.kind !== 'init' || property.method) return [];
  const local = heldByLocal(property, ctx);
  const value = local ? local.init : property.value;
  if (!chainFrom(value, resolution.call) || !boundOnce(value, ctx)) return [];
  if (local && !isMovable(value, property.value, ctx.sourceCode)) return [];
  const text = ctx.sourceCode.getText(value);
  const fn = awaitsOutsideFunctions(value) ? `async () => ${text}` : `() => ${text}`;
  const option = handOver.entry.path.join('.');
  return [
    {
      messageId: 'askOptionPerUse',
      data: { option },
      fix: (fixer) => [
        property.shorthand
          ? fixer.replaceText(property, `${ctx.sourceCode.getText(property.key)}: ${fn}`)
          : fixer.replaceText(property.value, fn),
        ...(local ? [removeStatement(fixer, ctx.sourceCode, local.statement)] : []),
      ],
    },
  ];
}

/**
 * `jwtToken: token` (or `{ jwtToken }`) where `const token = <init>` is read only there, in a statement of its own:
 * the init moves into the function and the declaration goes.
 */
function heldByLocal(
  property: TSESTree.Property,
  ctx: SnapshotContext,
): { init: Node; statement: TSESTree.VariableDeclaration } | null {
  const value = unwrap(property.value);
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ctx.refs.variableOf(value);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable || !def.node.init) return null;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  const reads = variable.references.filter((r) => r.isRead());
  if (reads.length !== 1 || reads[0].identifier !== value) return null;
  const statement = def.parent;
  const holder = statement.parent?.type;
  if (
    statement.declarations.length !== 1 ||
    (holder !== AST_NODE_TYPES.BlockStatement && holder !== AST_NODE_TYPES.Program)
  )
    return null;
  return { init: def.node.init, statement };
}

/** The property that holds the option (the last name of the entry's path) in the object handed to the client. */
function optionProperty({ entry, node }: CalledAgainHandOver): TSESTree.Property | null {
  let depth = 0;
  for (let n = node.previous; n; n = n.previous) {
    if (n.step.kind === 'store') continue;
    if (n.step.kind !== 'property') return null;
    depth += 1;
    if (depth === entry.path.length)
      return n.step.node.type === AST_NODE_TYPES.Property && n.step.name === entry.path[depth - 1] ? n.step.node : null;
  }
  return null;
}

/**
 * `(await source()).a().b`: awaits, property reads and calls with repeatable arguments down to a plain receiver
 * (`Auth`, `this.auth`), passing through the source call on the way.
 */
function chainFrom(value: Node, source: TSESTree.CallExpression): boolean {
  let passed = false;
  let current = unwrap(value);
  for (;;) {
    if (current === source) passed = true;
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
    else if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.every((a) => isRepeatable(a)))
      current = unwrap(current.callee);
    else
      return passed && (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression);
  }
}

/** Every variable the expression reads is bound once (an import, a const, a parameter never written). */
function boundOnce(value: Node, ctx: SnapshotContext): boolean {
  let once = true;
  const visit = (node: Node): void => {
    if (!once) return;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = ctx.refs.variableOf(node);
      if (variable && variable.defs.length > 0 && !isConstLike(variable)) once = false;
      return;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      visit(node.object);
      if (node.computed) visit(node.property);
      return;
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(value);
  return once;
}

function awaitsOutsideFunctions(value: Node): boolean {
  if (value.type === AST_NODE_TYPES.AwaitExpression) return true;
  if (isFunctionNode(value)) return false;
  return childNodes(value).some(awaitsOutsideFunctions);
}

function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent') continue;
    for (const item of Array.isArray(child) ? child : [child])
      if (item && typeof item === 'object' && typeof (item as Node).type === 'string') children.push(item as Node);
  }
  return children;
}
