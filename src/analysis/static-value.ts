import { createRequire } from 'node:module';
import { findVariable } from './find-variable.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import type * as TS from 'typescript';
import { DefinitionType, findProperty, staticPropertyName, unwrap } from './ast.js';
import { isConstLike } from './module-refs.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Node = TSESTree.Node;
const MAX_DEPTH = 8;

/**
 * One budget for a whole evaluation: every recursive step (bindings, member reads, fallbacks, conversions) spends
 * from the same depth, and a binding already being followed is not followed again, so self-references
 * (`const ttl = ttl.region`, `const a = b.x, b = a.y`, `function f(o = o.x)`) end instead of recursing.
 */
interface Walk {
  readonly depth: number;
  readonly following: ReadonlySet<Node>;
}
const START: Walk = { depth: 0, following: new Set() };

function deeper(walk: Walk, through?: Node): Walk | null {
  if (walk.depth >= MAX_DEPTH || (through && walk.following.has(through))) return null;
  return { depth: walk.depth + 1, following: through ? new Set([...walk.following, through]) : walk.following };
}

/**
 * The value of an expression when it can be known without running the code: literals, arithmetic, string
 * concatenation, `const` bindings, properties of const objects (all via eslint-utils' getStaticValue), and, when
 * type information is present, identifiers whose type is a literal (constants imported from other files).
 */
function staticValue(node: TSESTree.Node, context: Context): { value: unknown } | null {
  const local = ASTUtils.getStaticValue(node, context.sourceCode.getScope(node));
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

/**
 * With `parserServices.program`: the literal type the checker sees (`export const TTL = 3600` in another file),
 * or, for a const whose type is widened (`export const WEEK = 7 * 24 * 60 * 60` is a `number`), its initializer
 * folded through the checker.
 */
function literalTypeValue(node: TSESTree.Node, context: Context): { value: unknown } | null {
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
  if (!tsNode) return null;
  const value = foldTs(tsNode, services.program.getTypeChecker(), 0);
  return value === undefined ? null : { value };
}

// Loaded only when type information is present, which means the parser has loaded TypeScript already.
let typescript: typeof TS | undefined;
function ts(): typeof TS {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return typescript;
}

/** Constant folding over TypeScript nodes: literals, arithmetic, and identifiers bound to consts in any file. */
function foldTs(node: TS.Node, checker: TS.TypeChecker, depth: number): number | string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const type = checker.getTypeAtLocation(node);
  if (type.isNumberLiteral() || type.isStringLiteral()) return type.value;
  const t = ts();
  if (t.isParenthesizedExpression(node) || t.isAsExpression(node) || t.isSatisfiesExpression(node)) {
    return foldTs(node.expression, checker, depth + 1);
  }
  if (t.isPrefixUnaryExpression(node) && node.operator === t.SyntaxKind.MinusToken) {
    const operand = foldTs(node.operand, checker, depth + 1);
    return typeof operand === 'number' ? -operand : undefined;
  }
  if (t.isBinaryExpression(node)) {
    const left = foldTs(node.left, checker, depth + 1);
    const right = foldTs(node.right, checker, depth + 1);
    return typeof left === 'number' && typeof right === 'number'
      ? arithmetic(node.operatorToken.kind, left, right)
      : undefined;
  }
  if (t.isIdentifier(node)) {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & t.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (
      declaration &&
      t.isVariableDeclaration(declaration) &&
      declaration.initializer &&
      t.getCombinedNodeFlags(declaration) & t.NodeFlags.Const
    ) {
      return foldTs(declaration.initializer, checker, depth + 1);
    }
  }
  return undefined;
}

function arithmetic(operator: TS.SyntaxKind, left: number, right: number): number | undefined {
  const kind = ts().SyntaxKind;
  switch (operator) {
    case kind.PlusToken:
      return left + right;
    case kind.MinusToken:
      return left - right;
    case kind.AsteriskToken:
      return left * right;
    case kind.SlashToken:
      return left / right;
    case kind.PercentToken:
      return left % right;
    case kind.AsteriskAsteriskToken:
      return left ** right;
    default:
      return undefined;
  }
}

/** A number and the expression that writes it: where a finding points and what a fix rewrites. */
export interface NumberSource {
  readonly value: number;
  readonly node: Node;
  /** Reached through a fallback (`x ?? 3600`, `x || 3600`, a parameter default): used when the caller passes nothing. */
  readonly defaulted: boolean;
  /** Read from a numeric string without an explicit conversion (`'3600'`): `new Date('3600')` is the year 3600. */
  readonly fromString: boolean;
}

/**
 * Like `staticNumber`, but also follows what a value falls back to and returns the expression that writes it:
 * const bindings to their initializer, const-object properties to their value, parameter and destructuring
 * defaults, `Number(x)` / `parseInt(x)` / `parseFloat(x)` / `+x`, and the right side of `??` / `||` when the
 * left side is unknown (`ttlSeconds ?? 7 * 24 * 3600` gives 604800, defaulted).
 */
export function staticNumberSource(node: Node, context: Context): NumberSource | null {
  return numberSource(node, context, START);
}

function numberSource(node: Node, context: Context, walk: Walk): NumberSource | null {
  const inner = unwrap(node);
  const followed = followValue(inner, context, walk);
  if (followed) {
    const found = followed.walk && numberSource(followed.node, context, followed.walk);
    return found && followed.defaulted ? { ...found, defaulted: true } : found;
  }
  const next = deeper(walk);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && (inner.operator === '??' || inner.operator === '||')) {
    const left = next && numberSource(inner.left, context, next);
    if (left && (inner.operator === '??' || left.value !== 0)) return left;
    const right = next && numberSource(inner.right, context, next);
    return right && { ...right, defaulted: true };
  }
  const converted = numberConversionArgument(inner, context);
  if (converted) {
    const found = next && numberSource(converted, context, next);
    return found && { ...found, fromString: false };
  }
  if (!next) return null;
  const value = staticNumber(inner, context);
  return value === undefined
    ? null
    : { value, node: inner, defaulted: false, fromString: typeof staticValue(inner, context)?.value === 'string' };
}

/** The object literal an expression holds: through const bindings, defaults and `??` / `||` fallbacks. */
export function staticObjectSource(node: Node, context: Context): TSESTree.ObjectExpression | null {
  return objectSource(node, context, START);
}

function objectSource(node: Node, context: Context, walk: Walk): TSESTree.ObjectExpression | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
  const followed = followValue(inner, context, walk);
  if (followed) return followed.walk && objectSource(followed.node, context, followed.walk);
  const next = deeper(walk);
  if (next && inner.type === AST_NODE_TYPES.LogicalExpression && (inner.operator === '??' || inner.operator === '||')) {
    return objectSource(inner.left, context, next) ?? objectSource(inner.right, context, next);
  }
  return null;
}

/** A point in time relative to now (`Date.now() + N`: N ms, with its source), or a fixed epoch-ms number. */
type StaticTime =
  | { readonly kind: 'from-now'; readonly offsetMs: number; readonly source: NumberSource | null }
  | { readonly kind: 'epoch'; readonly source: NumberSource };

/**
 * Evaluates times written relative to now: `Date.now() + N`, `new Date(Date.now() + N)`,
 * `new Date().getTime() + N`, `new Date().valueOf() + N`, `+new Date() + N`, `new Date()` (now), through const
 * bindings and `??` / `||` fallbacks; a plain number is an epoch time. Fixed dates (`new Date('2030-01-01')`,
 * date strings, numeric strings, which `new Date()` reads as years) depend on when the code runs and give null, like
 * anything unknown.
 */
export function staticTime(node: Node, context: Context): StaticTime | null {
  return time(node, context, START);
}

function time(node: Node, context: Context, walk: Walk): StaticTime | null {
  const inner = unwrap(node);
  if (isNow(inner, context)) return { kind: 'from-now', offsetMs: 0, source: null };
  const followed = followValue(inner, context, walk);
  if (followed) return followed.walk && time(followed.node, context, followed.walk);
  const next = deeper(walk);
  if (!next) return null;
  if (inner.type === AST_NODE_TYPES.LogicalExpression && (inner.operator === '??' || inner.operator === '||')) {
    return time(inner.left, context, next) ?? time(inner.right, context, next);
  }
  if (
    inner.type === AST_NODE_TYPES.NewExpression &&
    isGlobal(inner.callee, 'Date', context) &&
    inner.arguments.length === 1
  ) {
    return time(inner.arguments[0], context, next);
  }
  if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+') {
    const [now, offset] = isNow(unwrap(inner.left), context) ? [inner.left, inner.right] : [inner.right, inner.left];
    if (isNow(unwrap(now), context)) {
      const source = numberSource(offset, context, next);
      return source ? { kind: 'from-now', offsetMs: source.value, source } : null;
    }
    return null;
  }
  const source = numberSource(inner, context, next);
  return source && !source.fromString ? { kind: 'epoch', source } : null;
}

/**
 * What an identifier or const-object member stands for: its initializer, or the default it falls back to, with the
 * budget left to evaluate it (`walk: null` when the budget is spent or the binding is already being followed).
 */
function followValue(
  node: Node,
  context: Context,
  walk: Walk,
): { node: Node; defaulted: boolean; walk: Walk | null } | null {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(node);
    const next = deeper(walk);
    const object = name === null || !next ? null : objectSource(node.object, context, next);
    const property = object && name !== null ? findProperty(object, name) : undefined;
    return property && !property.computed && property.kind === 'init'
      ? { node: property.value, defaulted: false, walk: deeper(walk) }
      : null;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context.sourceCode.getScope(node), node);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  const name = def.name as Node;
  if (
    name.parent?.type === AST_NODE_TYPES.AssignmentPattern &&
    name.parent.left === name &&
    !reassigned(variable, name)
  ) {
    return { node: name.parent.right, defaulted: true, walk: deeper(walk, name) };
  }
  if (def.type === DefinitionType.Variable && def.node.id === name && def.node.init && isConstLike(variable)) {
    return { node: def.node.init, defaulted: false, walk: deeper(walk, name) };
  }
  return null;
}

/** Written anywhere but where it is declared (a parameter's or destructuring default is part of the declaration). */
function reassigned(variable: TSESLint.Scope.Variable, declared: Node): boolean {
  return variable.references.some((r) => r.isWrite() && r.identifier !== declared);
}

/** `Number(x)`, `parseInt(x)`, `parseFloat(x)`, `+x` (globals only) → x. */
function numberConversionArgument(node: Node, context: Context): Node | null {
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '+') return node.argument;
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length === 0) return null;
  const [first] = node.arguments;
  if (first.type === AST_NODE_TYPES.SpreadElement) return null;
  return NUMBER_CONVERSIONS.some((name) => isGlobal(node.callee, name, context)) ? first : null;
}
const NUMBER_CONVERSIONS = ['Number', 'parseInt', 'parseFloat'];

/** `Date.now()`, `new Date()`, `new Date().getTime()`, `new Date().valueOf()`, `+new Date()`. */
function isNow(node: Node, context: Context): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression)
    return node.arguments.length === 0 && isGlobal(node.callee, 'Date', context);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '+')
    return isNow(unwrap(node.argument), context);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee);
  if (method === 'now') return isGlobal(callee.object, 'Date', context);
  return (method === 'getTime' || method === 'valueOf') && isNow(unwrap(callee.object), context);
}

/** `name` refers to the global (not shadowed by a binding in the file). */
function isGlobal(node: Node, name: string, context: Context): boolean {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== name) return false;
  const variable = findVariable(context.sourceCode.getScope(inner), inner);
  return !variable || variable.defs.length === 0;
}
