import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { localFunction } from '../../src/analysis/local-function.js';
import { ModuleRefs } from '../../src/analysis/module-refs.js';
import { returnedValues } from '../../src/analysis/returned-values.js';
import { identifierCount } from '../../src/util/words.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A function of the file whose last statement returns the token a cache write takes. */
export interface TokenHelper {
  readonly fn: TSESTree.FunctionLike;
  /** The helper's one `return`, its last statement: the response is in reach just before it. */
  readonly returned: TSESTree.ReturnStatement;
}

/**
 * `slot = await fetchToken()` where `fetchToken` is an async function of this file (a declaration, a const bound to
 * a function, or `this.fetchToken()`, a private method of the writer's class) that this write alone calls and that returns
 * once, in its last statement. Whatever that return reads runs right before the write, and nothing else starts the
 * helper, so what the helper sees there is what the write keeps.
 */
export function tokenHelperOf(value: Node, context: Context): TokenHelper | null {
  if (value.type !== AST_NODE_TYPES.AwaitExpression) return null;
  const call = unwrap(value.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.optional) return null;
  const fn = localFunction(call, ModuleRefs.for(context.sourceCode), { bindings: 'written-once', thisMethods: true });
  if (!fn?.async || fn.body?.type !== AST_NODE_TYPES.BlockStatement || fn.generator) return null;
  const name = calledName(call);
  if (name === null || !calledOnlyHere(name, context.sourceCode.text) || isExported(fn)) return null;
  const returned = fn.body.body.at(-1);
  if (returned?.type !== AST_NODE_TYPES.ReturnStatement || !returned.argument) return null;
  return returnedValues(fn).length === 1 ? { fn, returned } : null;
}

function calledName(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : null;
}

/**
 * The name occurs twice in the file's text: where the helper is declared and at this call. Any other mention (an
 * export list, a second call, a reference handed on, a comment) may start the helper elsewhere: not here.
 */
function calledOnlyHere(name: string, text: string): boolean {
  return identifierCount(text, name) === 2;
}

/**
 * Others may call it: `export function fetchToken()`, `export const fetchToken = async () => …`, or a method other
 * files can reach on an instance (one not `private` or `#private`).
 */
function isExported(fn: TSESTree.FunctionLike): boolean {
  const method = fn.parent;
  if (method?.type === AST_NODE_TYPES.MethodDefinition)
    return method.accessibility !== 'private' && method.key.type !== AST_NODE_TYPES.PrivateIdentifier;
  for (let node: Node | undefined = method; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration)
      return true;
    if (node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.BlockStatement) return false;
  }
  return false;
}
