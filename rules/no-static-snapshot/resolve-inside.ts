import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, unwrap } from '../../src/analysis/ast.js';
import { isAskableAgain, removeStatement } from '../../src/analysis/edits.js';
import { isConstLike } from '../../src/analysis/module-refs.js';
import type { Node, SnapshotContext, Suggestion } from './context.js';
import { containsIdentifier } from '../../src/util/words.js';
import { fetchInside } from './fetch-inside.js';

/** `Promise.resolve(x)`: the same value, as a promise. */
const PROMISE_GLOBAL = 'Promise';
const PROMISE_RESOLVE = 'resolve';

/**
 * A provider option that returns credentials resolved once outside it (`const creds = load(); ... getCredentials:
 * () => Promise.resolve(creds)`) → the resolving call inside it (`() => Promise.resolve(load())`): the object calls
 * the option whenever it needs credentials, and now resolves them each time. The captured name must be a const
 * whose initializer is the call (a promise kept) or its awaited result; an awaited one moves into an async option
 * (`fetchInside`) or into `Promise.resolve(...)`, which takes a promise as well as a value. The call must mean the
 * same inside the option (`isAskableAgain`); the declaration goes when nothing else reads it.
 */
export function resolveInside(
  fn: TSESTree.FunctionLike,
  captured: TSESTree.Identifier,
  ctx: SnapshotContext,
): Suggestion[] {
  const variable = ctx.refs.variableOf(captured);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable || def.node.id !== def.name)
    return [];
  if (!def.node.init) return [];
  const init = unwrap(def.node.init);
  const awaited = init.type === AST_NODE_TYPES.AwaitExpression;
  const fetched = awaited ? unwrap(init.argument) : init;
  if (fetched.type !== AST_NODE_TYPES.CallExpression) return [];
  if (awaited && fn.async) return fetchInside(fn, captured, fetched, ctx);
  const reads = variable.references.filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Identifier);
  const inside = reads.filter((read) => isInside(read, fn));
  if (inside.length === 0 || !inside.every((read) => askableAgain(fetched, read, ctx))) return [];
  // Awaited outside and read in a plain function: only `Promise.resolve(creds)` takes the promise as it took the value.
  if (awaited && !inside.every(isPromiseResolved)) return [];
  const statement = def.parent;
  const holder = statement.parent?.type;
  const removable =
    inside.length === reads.length &&
    statement.declarations.length === 1 &&
    (holder === AST_NODE_TYPES.BlockStatement || holder === AST_NODE_TYPES.Program);
  const hoisted = hoistedProvider(def.node, fetched, inside.length === reads.length, ctx);
  if (hoisted) return [hoisted];
  const call = ctx.sourceCode.getText(fetched);
  return [
    {
      messageId: 'resolveInProvider',
      data: { call },
      fix: (fixer) => [
        ...inside.map((read) => fixer.replaceText(read, replacementAt(read, call))),
        ...(removable ? [removeStatement(fixer, ctx.sourceCode, statement)] : []),
      ],
    },
  ];
}

/**
 * `const creds = await fromSSO({ profile })();` read only in the option → `const credsProvider = fromSSO({ profile });`
 * and `credsProvider()` there: the option asks the provider each time, and one provider (with its own cache, as the
 * default chain has) serves every call instead of a new one per signature.
 */
function hoistedProvider(
  declarator: TSESTree.VariableDeclarator,
  fetched: TSESTree.CallExpression,
  allInside: boolean,
  ctx: SnapshotContext,
): Suggestion | null {
  const factory = unwrap(fetched.callee);
  const id = declarator.id;
  if (factory.type !== AST_NODE_TYPES.CallExpression || fetched.arguments.length > 0 || !allInside) return null;
  if (id.type !== AST_NODE_TYPES.Identifier || id.typeAnnotation || !declarator.init) return null;
  const variable = ctx.refs.variableOf(id);
  if (!variable) return null;
  let name = `${id.name}Provider`;
  for (let i = 2; containsIdentifier(ctx.sourceCode.text, name); i++) name = `${id.name}Provider${i}`;
  const reads = variable.references.filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Identifier);
  const init = declarator.init;
  return {
    messageId: 'resolveInProvider',
    data: { call: `${name}()` },
    fix: (fixer) => [
      fixer.replaceText(id, name),
      fixer.replaceText(init, ctx.sourceCode.getText(factory)),
      ...reads.map((read) => fixer.replaceText(read, replacementAt(read, `${name}()`))),
    ],
  };
}

/**
 * The call may be made again from `read`; `fromSSO({ profile })()` too: a provider factory of an import, called with
 * arguments that mean the same there, and the provider it makes called with none.
 */
function askableAgain(call: TSESTree.CallExpression, read: Node, ctx: SnapshotContext): boolean {
  if (isAskableAgain(call, read, ctx.sourceCode, ctx.refs)) return true;
  const factory = unwrap(call.callee);
  return (
    call.arguments.length === 0 &&
    factory.type === AST_NODE_TYPES.CallExpression &&
    ctx.refs.resolve(factory.callee) !== null &&
    isAskableAgain(factory, read, ctx.sourceCode, ctx.refs)
  );
}

function isPromiseResolved(read: TSESTree.Identifier): boolean {
  const call = read.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== read) return false;
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === PROMISE_GLOBAL &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === PROMISE_RESOLVE
  );
}

/** `{ creds }` → `{ creds: load() }`; otherwise the call itself (a call binds as tightly as a name). */
function replacementAt(read: TSESTree.Identifier, call: string): string {
  const parent = read.parent;
  return parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === read
    ? `${read.name}: ${call}`
    : call;
}

function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}
