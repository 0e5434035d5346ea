import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, staticPropertyName } from '../../src/analysis/ast.js';
import { flowPath, type FlowNode } from '../../src/analysis/value-flow.js';
import {
  AWS_V3_CREDENTIAL_FIELDS,
  AWS_V3_EXPIRATION_FIELD,
  STS_CREDENTIAL_FIELDS,
  STS_EXPIRATION_FIELD,
} from '../../src/knowledge/index.js';
import { credentialsSlot } from './clients.js';
import { type Finding, type SnapshotContext } from './context.js';
import { sessionWords } from './session.js';
import type { Resolution } from './sources.js';

/** Where each credential field family keeps its expiry: `c.accessKeyId` → `c.expiration`, STS `k.AccessKeyId` → `k.Expiration`. */
const EXPIRY_OF_FIELD = new Map<string, string>([
  ...AWS_V3_CREDENTIAL_FIELDS.map((f) => [f, AWS_V3_EXPIRATION_FIELD] as const),
  ...STS_CREDENTIAL_FIELDS.map((f) => [f, STS_EXPIRATION_FIELD] as const),
]);

/**
 * Shape 4: a function passed as a v3 client's `credentials` that resolves a source and returns a rebuilt object
 * without `expiration`. The client then treats the first result as constant and never calls the function again
 * (smithy-lang/smithy-typescript: packages/core/src/legacy-root-exports/util-identity-and-auth/memoizeIdentityProvider.ts). Fix: return the source's expiry too.
 */
export function checkDropsExpiration(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  if (resolution.kind !== 'provider' && resolution.kind !== 'client-provider' && resolution.kind !== 'sts') return null;
  const fn = enclosingFunction(resolution.call);
  if (!fn || !isPassedAsCredentials(fn, ctx)) return null;
  for (const node of flow) {
    if (node.step.kind !== 'return' || node.step.fn !== fn || node.previous?.step.kind !== 'property') continue;
    const rebuilt = node.previous.step.object;
    if (
      rebuilt.properties.some(
        (p) => p.type === AST_NODE_TYPES.SpreadElement || staticPropertyName(p) === AWS_V3_EXPIRATION_FIELD,
      )
    )
      continue;
    const expiry = expirySource(node, ctx);
    return {
      // The object literal is what lacks `expiration` (and where the fix adds it).
      node: rebuilt,
      messageId: 'providerDropsExpiration',
      data: {
        source: `\`${resolution.sourceName}\``,
        ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
      },
      ...(expiry
        ? {
            fix: (fixer: TSESLint.RuleFixer) =>
              addProperty(fixer, ctx.sourceCode, rebuilt, `${AWS_V3_EXPIRATION_FIELD}: ${expiry}`),
          }
        : {}),
    };
  }
  return null;
}

/** The function is a client's `credentials` directly, or through a const that is. */
function isPassedAsCredentials(fn: TSESTree.FunctionLike, ctx: SnapshotContext): boolean {
  if (credentialsSlot(fn, ctx)) return true;
  const declarator = fn.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier)
    return false;
  const variable = ctx.refs.variableOf(declarator.id);
  return (variable?.references ?? []).some((r) => r.isRead() && credentialsSlot(r.identifier, ctx) !== null);
}

/** `c.expiration` for a rebuilt object whose keys were read as `c.accessKeyId` (the last field read before it). */
function expirySource(returned: FlowNode, ctx: SnapshotContext): string | null {
  const fields = flowPath(returned).filter((n) => n.step.kind === 'field');
  const last = fields.at(-1)?.step;
  if (!last || last.kind !== 'field' || last.node.type !== AST_NODE_TYPES.MemberExpression || last.name === null)
    return null;
  const expiry = EXPIRY_OF_FIELD.get(last.name);
  return expiry ? `${ctx.sourceCode.getText(last.node.object)}.${expiry}` : null;
}

/** Adds a last property to an object literal, on its own line when the object spans lines. */
function addProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix {
  const last = object.properties.at(-1);
  if (!last) return fixer.insertTextAfter(sourceCode.getFirstToken(object)!, ` ${text} `);
  const comma = sourceCode.getTokenAfter(last);
  const hasComma = comma?.value === ',';
  if (last.loc.start.line === object.loc.start.line) return fixer.insertTextAfter(last, `, ${text}`);
  const indent = ' '.repeat(last.loc.start.column);
  return hasComma
    ? fixer.insertTextAfter(comma, `\n${indent}${text},`)
    : fixer.insertTextAfter(last, `,\n${indent}${text}`);
}
