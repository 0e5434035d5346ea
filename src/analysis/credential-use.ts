import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CREDENTIAL_HEADER, CREDENTIAL_OPTION_KEYS, CREDENTIAL_SCHEME_BEFORE_VALUE } from '../knowledge/index.js';
import { declaredFunctionName, enclosingFunction, staticPropertyName, unwrap } from './ast.js';
import { findVariable } from './find-variable.js';
import { callsThatMayRun } from './local-calls.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many hand-overs (a local, a function's return to its callers) a value is followed through. */
const MAX_HOPS = 3;

/**
 * The value read at `node` is spent as a credential: written after `Bearer ` (or GitHub's `token `) in a string, as
 * an `Authorization` header, or as an `auth` / `bearer` / `password` option (CREDENTIAL_OPTION_KEYS), there or after
 * it is bound to a local or returned by a function of the file to a caller that does so.
 */
export function sentAsCredential(node: Node, sourceCode: SourceCode, hops = 0): boolean {
  let current: Node = node;
  for (;;) {
    const parent: Node | undefined = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.LogicalExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return false;
        current = parent;
        continue;
      case AST_NODE_TYPES.TemplateLiteral: {
        const index = parent.expressions.indexOf(current as TSESTree.Expression);
        if (index >= 0 && CREDENTIAL_SCHEME_BEFORE_VALUE.test(parent.quasis[index].value.cooked ?? '')) return true;
        current = parent;
        continue;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (parent.operator !== '+') return false;
        const left = unwrap(parent.left);
        if (
          parent.right === current &&
          left.type === AST_NODE_TYPES.Literal &&
          typeof left.value === 'string' &&
          CREDENTIAL_SCHEME_BEFORE_VALUE.test(left.value)
        )
          return true;
        current = parent;
        continue;
      }
      case AST_NODE_TYPES.Property:
        return parent.value === current && isCredentialKey(staticPropertyName(parent));
      case AST_NODE_TYPES.AssignmentExpression:
        return (
          parent.right === current &&
          parent.left.type === AST_NODE_TYPES.MemberExpression &&
          isCredentialKey(staticPropertyName(parent.left))
        );
      case AST_NODE_TYPES.CallExpression:
        // `headers.set('Authorization', v)`, `req.setHeader('authorization', v)`.
        return parent.arguments[1] === current && isHeaderName(parent.arguments[0]);
      case AST_NODE_TYPES.VariableDeclarator:
        return (
          parent.init === current &&
          parent.id.type === AST_NODE_TYPES.Identifier &&
          hops < MAX_HOPS &&
          readsOf(parent.id, sourceCode).some((read) => sentAsCredential(read, sourceCode, hops + 1))
        );
      case AST_NODE_TYPES.ReturnStatement:
        return returnedToCredentialUse(enclosingFunction(parent), sourceCode, hops);
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === current && returnedToCredentialUse(parent, sourceCode, hops);
      default:
        return false;
    }
  }
}

/** A caller of `fn` (found by its name, local-calls.ts) spends what it returns as a credential. */
function returnedToCredentialUse(fn: TSESTree.FunctionLike | null, sourceCode: SourceCode, hops: number): boolean {
  const name = fn && declaredFunctionName(fn);
  if (!fn || name === null || hops >= MAX_HOPS) return false;
  return callsThatMayRun(fn, name, sourceCode).some((call) => sentAsCredential(call, sourceCode, hops + 1));
}

function readsOf(id: TSESTree.Identifier, sourceCode: SourceCode): Node[] {
  const variable = findVariable(sourceCode.getScope(id), id);
  return (variable?.references ?? []).filter((r) => r.isRead()).map((r) => r.identifier as Node);
}

function isCredentialKey(name: string | null): boolean {
  return name !== null && CREDENTIAL_OPTION_KEYS.has(name.toLowerCase());
}

function isHeaderName(node: Node | undefined): boolean {
  const inner = node && unwrap(node);
  return (
    inner?.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string' && CREDENTIAL_HEADER.test(inner.value)
  );
}
