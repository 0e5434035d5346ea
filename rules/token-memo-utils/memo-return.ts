import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, enclosingFunction, findProperty, isNullish, unwrap } from '../../src/analysis/ast.js';
import { removeStatement } from '../../src/analysis/edits.js';
import { findVariable } from '../../src/analysis/find-variable.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import { ModuleRefs, moduleSpecifiers } from '../../src/analysis/module-refs.js';
import {
  IDENTITY_PLATFORM_TOKENS,
  SELF_CACHING_TOKEN_CALLS,
  type SelfCachingTokenCall,
} from '../../src/knowledge/index.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<typeof ASK_EACH_CALL>;

/** The suggestion's message id; both rules that report a memo offer it under this id, with this text. */
export const ASK_EACH_CALL = 'askEachCall' as const;
export const ASK_EACH_CALL_MESSAGE =
  'Drop the early return of `{{name}}` and ask `{{call}}` at each call: it keeps the token and renews it before it expires, so a call costs a cache lookup and always gets a valid token.';

/** How far a filled value is followed back to its call: `t.accessToken` of `const t = await app.acquire…(…)`. */
const MAX_STEPS = 4;

/**
 * `if (token) return token;` at the top of an async function that, when it goes on, fills `token` from a call whose
 * object keeps and renews the token itself (knowledge `SELF_CACHING_TOKEN_CALLS`: `user.getIdToken()`,
 * `auth.getAccessToken()`, MSAL `acquireTokenSilent`): the early return goes, so each call asks that object, which
 * answers from its cache while the token is valid and renews it before it expires. Only when every write of the
 * cache (but clearing ones) is such a call, and the rest of the function calls nothing else (dynamic `import()` and
 * `console` aside), so no other work runs again per call. Other reads of the cache are left as they are.
 */
export function askEachCall(
  context: Context,
  reads: readonly Node[],
  fills: readonly Node[],
  name: string,
): Suggestion[] {
  if (fills.length === 0) return [];
  const calls = fills.map((fill) => selfCachingCallOf(context, fill));
  if (calls.some((call) => call === null)) return [];
  const fillCalls = calls as TSESTree.CallExpression[];
  const returns = reads.flatMap((read) => memoReturnOf(read, context) ?? []);
  if (returns.length === 0) return [];
  for (const statement of returns) {
    const rest = restOfFunction(statement);
    if (!rest || !fillCalls.some((call) => rest.some((s) => contains(s, call)))) return [];
    if (rest.some((s) => callsOtherThan(s, fillCalls))) return [];
    const missCalls = fillCalls.filter((call) => rest.some((s) => contains(s, call)));
    if (!missCalls.every((call) => livesWithModule((unwrap(call.callee) as TSESTree.MemberExpression).object, context)))
      return [];
  }
  const { sourceCode } = context;
  const first = fillCalls[0];
  return [
    {
      messageId: ASK_EACH_CALL,
      data: { name, call: sourceCode.getText(first.callee) },
      fix: (fixer) => returns.map((statement) => removeStatement(fixer, sourceCode, statement)),
    },
  ];
}

/** The call a write stores the result of (`x = await c.m()`, `x = t` or `x = t.accessToken` with `const t = await c.m()`), when it is a self-caching one. */
function selfCachingCallOf(context: Context, write: Node): TSESTree.CallExpression | null {
  const assignment = write.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== write) return null;
  if (assignment.operator !== '=') return null;
  let value: Node = unwrap(assignment.right);
  for (let step = 0; step < MAX_STEPS; step++) {
    if (value.type === AST_NODE_TYPES.AwaitExpression) {
      const call = unwrap(value.argument);
      return call.type === AST_NODE_TYPES.CallExpression && isSelfCaching(context, value, call) ? call : null;
    }
    const kept = keptBranch(value);
    if (kept) value = kept;
    else if (value.type === AST_NODE_TYPES.MemberExpression && !value.computed) value = unwrap(value.object);
    else if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context.sourceCode.getScope(value), value);
      const def = variable?.defs[0];
      if (variable?.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator) return null;
      if (def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return null;
      if (def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return null;
      value = unwrap(def.node.init);
    } else return null;
  }
  return null;
}

/** `v ?? null`, `v || ''`, `user ? v : null`: the branch that is not empty. */
function keptBranch(value: Node): Node | null {
  if (value.type === AST_NODE_TYPES.LogicalExpression && ['??', '||'].includes(value.operator))
    return isEmpty(value.right) ? unwrap(value.left) : null;
  if (value.type !== AST_NODE_TYPES.ConditionalExpression) return null;
  if (isEmpty(value.alternate)) return unwrap(value.consequent);
  return isEmpty(value.consequent) ? unwrap(value.alternate) : null;
}

function isEmpty(node: Node): boolean {
  const inner = unwrap(node);
  return isNullish(inner) || (inner.type === AST_NODE_TYPES.Literal && inner.value === '');
}

function isSelfCaching(context: Context, awaited: Node, call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  const entries = SELF_CACHING_TOKEN_CALLS.filter((e) => e.method === name && !bypassesCache(call, e));
  if (entries.length === 0 || unwrap(call.callee).type !== AST_NODE_TYPES.MemberExpression) return false;
  const { sourceCode } = context;
  const held = HeldValues.for(context, ModuleRefs.for(sourceCode), moduleSpecifiers(sourceCode)).heldBy(awaited);
  if (!held) return false;
  // Identity platforms' tokens are recognised by their method name alone (held.method is unset for them).
  return entries.some((entry) =>
    IDENTITY_PLATFORM_TOKENS.some((t) => t.id === entry.id) ? held.method === undefined : held.method === entry.id,
  );
}

/**
 * The object the miss path asks is the same on every call: a module-level binding, an import or a global
 * (`auth.currentUser`, `msalClient`), also through a local const (`const user = auth.currentUser`). One handed in (`user` a parameter, `this`) may differ per call, and the memo is
 * what made every caller get the first one's token: dropping it would change whose token is returned.
 */
function livesWithModule(receiver: Node, context: Context): boolean {
  const refs = ModuleRefs.for(context.sourceCode);
  let root = unwrap(receiver);
  for (let step = 0; step < MAX_STEPS; step++) {
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = refs.variableOf(root);
    if (!variable || variable.defs.length === 0 || variable.scope.block.type === AST_NODE_TYPES.Program) return true;
    // A local const bound to such an object (`const user = auth.currentUser`) is that object.
    const def = variable.defs[0];
    const declaration = def.parent;
    if (
      def.node.type !== AST_NODE_TYPES.VariableDeclarator ||
      declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
      declaration.kind !== 'const' ||
      def.node.id !== def.name ||
      !def.node.init
    )
      return false;
    root = unwrap(def.node.init);
  }
  return false;
}

/** `user.getIdToken(true)`, `acquireTokenSilent({ ..., forceRefresh: true })`: this call skips the cache. */
function bypassesCache(call: TSESTree.CallExpression, entry: SelfCachingTokenCall): boolean {
  if (!entry.bypass) return false;
  const isFalse = (node: Node) => node.type === AST_NODE_TYPES.Literal && node.value === false;
  if ('argument' in entry.bypass) {
    const argument = call.arguments[entry.bypass.argument];
    return argument !== undefined && !isFalse(unwrap(argument));
  }
  const options = call.arguments.find((a) => unwrap(a).type === AST_NODE_TYPES.ObjectExpression);
  if (call.arguments.length > 0 && !options) return true;
  const object = options && unwrap(options);
  if (
    object?.type === AST_NODE_TYPES.ObjectExpression &&
    object.properties.some((p) => p.type !== AST_NODE_TYPES.Property)
  )
    return true;
  const property = object && findProperty(object, entry.bypass.option);
  return property !== undefined && !isFalse(unwrap(property.value));
}

/** `if (x) return x;` (or in a block of its own), with no `else`: the if statement. */
function memoReturnOf(read: Node, context: Context): TSESTree.IfStatement | null {
  const statement = read.parent;
  if (statement?.type !== AST_NODE_TYPES.IfStatement || statement.test !== read || statement.alternate) return null;
  const body =
    statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length === 1
      ? statement.consequent.body[0]
      : statement.consequent;
  if (body?.type !== AST_NODE_TYPES.ReturnStatement || !body.argument) return null;
  const { sourceCode } = context;
  return sourceCode.getText(unwrap(body.argument)) === sourceCode.getText(read) ? statement : null;
}

/** The statements after `statement` in the body of the async function it opens; null when it is nested deeper. */
function restOfFunction(statement: TSESTree.IfStatement): readonly Node[] | null {
  const fn = enclosingFunction(statement);
  if (!fn?.async || fn.body?.type !== AST_NODE_TYPES.BlockStatement || statement.parent !== fn.body) return null;
  return fn.body.body.slice(fn.body.body.indexOf(statement) + 1);
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** Whether `node` calls or constructs anything but `allowed` (a nested function's body counts: it may run here). */
function callsOtherThan(node: Node, allowed: readonly Node[]): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const callee = unwrap(node.callee);
    const console =
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'console';
    if (!allowed.includes(node) && !console) return true;
  }
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return true;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (
        child &&
        typeof child === 'object' &&
        typeof (child as Node).type === 'string' &&
        callsOtherThan(child as Node, allowed)
      )
        return true;
    }
  }
  return false;
}

/**
 * The memo's reads and the writes that fill it (not those that clear it: `token = null` at sign-out), for a module
 * variable: what askEachCall needs to know of the keeper.
 */
export function moduleMemoAccesses(variable: TSESLint.Scope.Variable): { reads: Node[]; fills: Node[] } {
  const writes = variable.references.filter((r) => r.isWrite() && !r.init).map((r) => r.identifier as Node);
  return {
    reads: variable.references.filter((r) => r.isRead()).map((r) => r.identifier as Node),
    fills: writes.filter((write) => !clearsMemo(write)),
  };
}

/** `x = null`, `this.x = undefined`: the memo is emptied. */
export function clearsMemo(write: Node): boolean {
  const assignment = write.parent;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression && isNullish(assignment.right);
}
