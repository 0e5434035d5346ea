import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The value of an expression when it can be known without running the code: literals, arithmetic, string
 * concatenation, `const` bindings, properties of const objects (all via eslint-utils' getStaticValue), and, when
 * type information is present, identifiers whose type is a literal (constants imported from other files).
 */
export function staticValue(node: TSESTree.Node, context: Context): { value: unknown } | null {
  const local = ASTUtils.getStaticValue(node as TSESTree.Expression, context.sourceCode.getScope(node));
  if (local) return local;
  return literalTypeValue(node, context);
}

/** A finite number, also from numeric strings (`'3600'`), or undefined. */
export function staticNumber(node: TSESTree.Node, context: Context): number | undefined {
  const result = staticValue(node, context);
  if (!result) return undefined;
  const { value } = result;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

export function staticString(node: TSESTree.Node, context: Context): string | undefined {
  const result = staticValue(node, context);
  return result && typeof result.value === 'string' ? result.value : undefined;
}

/** With `parserServices.program`: the literal type the checker sees (`export const TTL = 3600` in another file). */
function literalTypeValue(node: TSESTree.Node, context: Context): { value: unknown } | null {
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
  if (!tsNode) return null;
  const type = services.program.getTypeChecker().getTypeAtLocation(tsNode);
  if (type.isNumberLiteral() || type.isStringLiteral()) return { value: type.value };
  return null;
}
