import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from '../../src/analysis/ast.js';
import { formatDuration } from '../../src/analysis/format.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import { ModuleRefs, moduleSpecifiers } from '../../src/analysis/module-refs.js';
import { AZURE_EXPIRY_FIELDS, AZURE_TOKEN_REFRESH_WINDOW_MS } from '../../src/knowledge/index.js';
import type { TokenCacheMessageId } from './messages.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<TokenCacheMessageId, readonly unknown[]>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<TokenCacheMessageId>;

const AZURE_GET_TOKEN = 'azure:getToken';
const [EXPIRES_ON] = AZURE_EXPIRY_FIELDS;

/**
 * A kept Azure `AccessToken`, the whole object `credential.getToken(scope)` resolves to (`x = await
 * credential.getToken(scope)` at every write): each reuse test also asks that its own `expiresOnTimestamp` is more
 * than the SDK's refresh window away, so the cache asks the credential again in time. The value and its type stay.
 */
export function checkAccessTokenExpiry(
  context: Context,
  writes: readonly Node[],
  tests: readonly { test: Node; positive: boolean }[],
  name: string,
): Suggestion[] {
  if (writes.length === 0 || tests.length === 0 || !writes.every((write) => isWholeAccessToken(context, write)))
    return [];
  const { sourceCode } = context;
  const margin = `${AZURE_TOKEN_REFRESH_WINDOW_MS / 60_000} * 60 * 1000`;
  const edits = tests.map(({ test, positive }) => {
    const value = valueTested(test);
    if (!value) return null;
    const at = `${sourceCode.getText(value)}.${EXPIRES_ON} - Date.now()`;
    const text = sourceCode.getText(test);
    return { test, text: positive ? `${text} && ${at} > ${margin}` : `${text} || ${at} <= ${margin}` };
  });
  if (edits.some((e) => e === null)) return [];
  return [
    {
      messageId: 'checkExpiresOn',
      data: { name, field: EXPIRES_ON, margin: formatDuration(AZURE_TOKEN_REFRESH_WINDOW_MS / 1000) },
      fix: (fixer) => edits.map((edit) => fixer.replaceText(edit!.test, edit!.text)),
    },
  ];
}

/** `x = await credential.getToken(scope)`: the AccessToken itself (not its `.token` string). */
function isWholeAccessToken(context: Context, write: Node): boolean {
  const assignment = write.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== write) return false;
  const value = unwrap(assignment.right);
  if (value.type !== AST_NODE_TYPES.AwaitExpression || unwrap(value.argument).type !== AST_NODE_TYPES.CallExpression)
    return false;
  const { sourceCode } = context;
  const held = HeldValues.for(context, ModuleRefs.for(sourceCode), moduleSpecifiers(sourceCode)).heldBy(value);
  return held?.method === AZURE_GET_TOKEN && !held.promise && held.call?.node === unwrap(value.argument);
}

/** The cached value a test reads: `x` of `if (x)` / `if (!x)`; plain names and `this.x` only. */
function valueTested(test: Node): Node | null {
  const value = test.type === AST_NODE_TYPES.UnaryExpression ? test.argument : test;
  const inner = unwrap(value);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner;
  return inner.type === AST_NODE_TYPES.MemberExpression &&
    !inner.computed &&
    inner.object.type === AST_NODE_TYPES.ThisExpression
    ? inner
    : null;
}
