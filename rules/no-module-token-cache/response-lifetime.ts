import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, isNullish, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isMovable } from '../../src/analysis/edits.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import type { Held } from '../../src/analysis/held.js';
import { isConstLike, ModuleRefs, moduleSpecifiers } from '../../src/analysis/module-refs.js';
import { freshIdentifier } from '../../src/util/words.js';
import { tokenHelperOf, type TokenHelper } from './helper-response.js';
import {
  HTTP_BODY_METHODS,
  HTTP_UNTYPED_BODIES,
  OAUTH_ACCESS_TOKEN_FIELD,
  OAUTH_EXPIRES_IN_FIELD,
  STATED_DEADLINES,
  type StatedDeadline,
} from '../../src/knowledge/index.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** `ts.TypeFlags.Any` (a const enum of typescript, which rules do not load at run time). */
const TYPE_FLAG_ANY = 1;

/** The expression that reads the stated lifetime, and the asserted type literal that must get the field first. */
export interface StatedLifetime {
  readonly text: string;
  /** The response field `text` reads. */
  readonly field: string;
  /** `expires_in` states seconds from now; a stated deadline's field a time (`expires_at`) or a `Date` (`expiresOn`). */
  readonly at: 'lifetime' | StatedDeadline['form'];
  readonly addFieldTo?: TSESTree.TSTypeLiteral;
  /** The type the field gets in that literal. */
  readonly fieldType: string;
  /**
   * The token came from a helper of the file (`slot = await fetchToken()`): the stamp goes just before the helper's
   * return, where the response is in reach; `bind` is the body read inline there (`return (await res.json())
   * .access_token`), which a const of that name first holds.
   */
  readonly inHelper?: TokenHelper & { readonly bind?: { readonly body: Node; readonly name: string } };
}

/** Which field holds the token and which states when it ends. */
interface ResponseShape {
  readonly tokenField: string;
  readonly field: string;
  readonly at: StatedLifetime['at'];
  readonly fieldType: string;
}

const OAUTH_SHAPE: ResponseShape = {
  tokenField: OAUTH_ACCESS_TOKEN_FIELD,
  field: OAUTH_EXPIRES_IN_FIELD,
  at: 'lifetime',
  fieldType: 'number',
};

/**
 * At a write `slot = value` of a token cache (`slot` a variable or `this.field`): the expression that reads the
 * lifetime the token response itself states (`body.expires_in`, RFC 6749 §5.1), or null when the code does not hold
 * that response there.
 * - `slot = body.access_token` (or `body?.access_token`, `res.data.access_token`, or a const local holding one of
 *   these): `body.expires_in`;
 * - `slot = await res.json()` where the body is an OAuth token response: `slot.expires_in`;
 * - from an endpoint or SDK method that states a deadline instead (`STATED_DEADLINES`), `slot = body.token`
 *   reads `body.expires_at` (GitHub installation tokens) and `slot = result.accessToken` reads `result.expiresOn`
 *   (MSAL's `AuthenticationResult`).
 * In TypeScript the read must type-check: the object is `any` (as `Response.json()` gives) or has the field, or it is
 * a body asserted to a type literal, which then gets the field (`as { access_token: string; expires_in: number }`),
 * or to a type alias of the file used for nothing else, whose literal gets it.
 */
export function responseLifetimeAt(
  write: TSESTree.Identifier | TSESTree.MemberExpression,
  context: Context,
): StatedLifetime | null {
  const assignment = write.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== write) return null;
  const { sourceCode } = context;
  const values = HeldValues.for(context, ModuleRefs.for(sourceCode), moduleSpecifiers(sourceCode));
  const held = values.heldBy(assignment.right);
  if (!held || held.promise) return null;
  const deadline = STATED_DEADLINES.find(
    (d) =>
      (d.session !== undefined && d.session === held.endpointSession) ||
      (held.method !== undefined && d.methods?.includes(held.method)),
  );
  const shape: ResponseShape = deadline
    ? {
        tokenField: deadline.tokenField,
        field: deadline.deadlineField,
        at: deadline.form,
        fieldType: deadline.form === 'date' ? 'Date | null' : 'string',
      }
    : OAUTH_SHAPE;
  const right = withoutEmptyFallback(unwrap(assignment.right));
  const value = tokenFieldRead(right, context, shape.tokenField);
  const helper = value ? null : tokenHelperOf(right, context);
  if (helper) return lifetimeInHelper(helper, context, shape, held);
  if (value) {
    const object = unwrap(value.object);
    const root = referenceRoot(object);
    if (!root || (write.type === AST_NODE_TYPES.Identifier && root.name === write.name)) return null;
    if (!isMovable(object, write, sourceCode)) return null;
    const text = `${sourceCode.getText(object)}${value.optional ? '?.' : '.'}${shape.field}`;
    const stated = { text, field: shape.field, at: shape.at, fieldType: shape.fieldType };
    const untyped = () =>
      (object === root && declaredAsParsedBody(root, context)) ||
      isUntypedClientBody(object, context) ||
      (held.method !== undefined && object === root && declaredAsResultOf(root, held, context));
    if (mayReadField(object, context, untyped, shape.field)) return stated;
    const asserted = object === root ? assertedBodyType(root, context) : null;
    return asserted ? { ...stated, addFieldTo: asserted } : null;
  }
  // The whole body of a token endpoint's response (not an SDK method's result, whose shape varies by call).
  if (write.type !== AST_NODE_TYPES.Identifier || held.kind !== 'token-response' || held.method !== undefined)
    return null;
  const untyped = () => isUntypedBody(assignment.right) && !isAnnotated(write, context);
  if (deadline || !mayReadField(assignment.right, context, untyped, OAUTH_EXPIRES_IN_FIELD)) return null;
  return { text: `${write.name}.${OAUTH_EXPIRES_IN_FIELD}`, ...OAUTH_SHAPE };
}

/**
 * The token a helper of the file returns (`return body.access_token`, `return (await res.json()).access_token`):
 * its response's lifetime read just before that return.
 */
function lifetimeInHelper(
  helper: TokenHelper,
  context: Context,
  shape: ResponseShape,
  held: Held,
): StatedLifetime | null {
  const { sourceCode } = context;
  const value = tokenFieldRead(unwrap(helper.returned.argument!), context, shape.tokenField);
  if (!value || value.optional) return null;
  const object = unwrap(value.object);
  const stated = { field: shape.field, at: shape.at, fieldType: shape.fieldType };
  if (isUntypedBody(object)) {
    // A name the helper does not mention: the const neither shadows what it reads nor puts an earlier read in its TDZ.
    const name = freshIdentifier('tokenResponse', sourceCode.getText(helper.fn));
    return { ...stated, text: `${name}.${shape.field}`, inHelper: { ...helper, bind: { body: object, name } } };
  }
  const root = referenceRoot(object);
  if (!root || !declaredIn(root, helper.fn, context)) return null;
  const text = `${sourceCode.getText(object)}.${shape.field}`;
  const untyped = () =>
    (object === root && (declaredAsParsedBody(root, context) || declaredWithField(root, shape.field, context))) ||
    isUntypedClientBody(object, context) ||
    (held.method !== undefined && object === root && declaredAsResultOf(root, held, context));
  if (mayReadField(object, context, untyped, shape.field)) return { ...stated, text, inHelper: helper };
  const asserted = object === root ? assertedBodyType(root, context) : null;
  return asserted ? { ...stated, text, addFieldTo: asserted, inHelper: helper } : null;
}

/** A local of the helper itself (not a module value another call may have replaced meanwhile). */
function declaredIn(identifier: TSESTree.Identifier, fn: TSESTree.FunctionLike, context: Context): boolean {
  const def = ModuleRefs.for(context.sourceCode).variableOf(identifier)?.defs[0];
  if (def?.type !== DefinitionType.Variable) return false;
  return def.node.range[0] >= fn.range[0] && def.node.range[1] <= fn.range[1];
}

/**
 * `const response: TokenResponse = await ...` where the annotation is a type literal, or a file's alias of one (also
 * inside `Readonly<...>`), that declares `field`: the read type-checks.
 */
function declaredWithField(identifier: TSESTree.Identifier, field: string, context: Context): boolean {
  const def = ModuleRefs.for(context.sourceCode).variableOf(identifier)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
  const literal = typeLiteralOf(def.node.id.typeAnnotation?.typeAnnotation, context);
  return (
    literal?.members.some(
      (m) => m.type === AST_NODE_TYPES.TSPropertySignature && !m.optional && memberName(m.key) === field,
    ) ?? false
  );
}

function memberName(key: Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : null;
}

function typeLiteralOf(type: TSESTree.TypeNode | undefined, context: Context): TSESTree.TSTypeLiteral | null {
  if (!type) return null;
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return type;
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
  const args = type.typeArguments?.params ?? [];
  if (type.typeName.name === 'Readonly' && args.length === 1) return typeLiteralOf(args[0], context);
  if (args.length > 0) return null;
  const def = ModuleRefs.for(context.sourceCode).variableOf(type.typeName)?.defs[0];
  if (def?.node.type !== AST_NODE_TYPES.TSTypeAliasDeclaration || def.node.typeParameters) return null;
  return typeLiteralOf(def.node.typeAnnotation, context);
}

/**
 * `x ?? null`, `x || ''`: the cache is emptied when the response holds no token, so the response's lifetime
 * belongs to `x`.
 */
function withoutEmptyFallback(value: Node): Node {
  if (value.type !== AST_NODE_TYPES.LogicalExpression || value.operator === '&&') return value;
  const fallback = unwrap(value.right);
  const empty = isNullish(fallback) || (fallback.type === AST_NODE_TYPES.Literal && fallback.value === '');
  return empty ? unwrap(value.left) : value;
}

/**
 * `body.access_token` (or the shape's token field), or a local declared once with it (`const accessToken =
 * body['access_token']; slot = accessToken;`), read nowhere but there and in the write.
 */
function tokenFieldRead(value: Node, context: Context, tokenField: string): TSESTree.MemberExpression | null {
  if (value.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(value) === tokenField ? value : null;
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ModuleRefs.for(context.sourceCode).variableOf(value);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable) return null;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return null;
  const init = unwrap(def.node.init);
  return init.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(init) === tokenField ? init : null;
}

/** `const body = (await res.json()) as { ... }` or `const body: { ... } = await res.json()`: that type literal. */
function assertedBodyType(identifier: TSESTree.Identifier, context: Context): TSESTree.TSTypeLiteral | null {
  const def = ModuleRefs.for(context.sourceCode).variableOf(identifier)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init)
    return null;
  const init = def.node.init;
  const annotation = def.node.id.typeAnnotation?.typeAnnotation;
  if (annotation) return isUntypedBody(init) ? bodyTypeLiteral(annotation, context) : null;
  if (init.type !== AST_NODE_TYPES.TSAsExpression && init.type !== AST_NODE_TYPES.TSTypeAssertion) return null;
  return isUntypedBody(init.expression) ? bodyTypeLiteral(init.typeAnnotation, context) : null;
}

/**
 * The type literal itself, or the literal of a type alias of this file (`type TokenResponse = { access_token: string
 * }`, not exported) that is used only to type untyped bodies: the field added there reaches nothing else.
 */
function bodyTypeLiteral(type: TSESTree.TypeNode, context: Context): TSESTree.TSTypeLiteral | null {
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return type;
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeArguments) return null;
  if (type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ModuleRefs.for(context.sourceCode).variableOf(type.typeName);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.TSTypeAliasDeclaration) return null;
  const alias = def.node;
  if (alias.typeParameters || alias.typeAnnotation.type !== AST_NODE_TYPES.TSTypeLiteral) return null;
  if (alias.parent?.type !== AST_NODE_TYPES.Program) return null;
  const onlyBodies = variable.references.every((reference) => typesUntypedBody(reference.identifier));
  return onlyBodies ? alias.typeAnnotation : null;
}

/** `X` in `(await res.json()) as X` or `const body: X = await res.json()`. */
function typesUntypedBody(name: Node): boolean {
  const reference = name.parent;
  if (reference?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const holder = reference.parent;
  if (holder?.type === AST_NODE_TYPES.TSAsExpression || holder?.type === AST_NODE_TYPES.TSTypeAssertion)
    return holder.typeAnnotation === reference && isUntypedBody(holder.expression);
  const declarator = holder?.type === AST_NODE_TYPES.TSTypeAnnotation ? holder.parent?.parent : null;
  return (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init !== null && isUntypedBody(declarator.init)
  );
}

/** `body`, `res.data`: a local and plain property reads (re-reading them has no effect), else null. */
function referenceRoot(node: Node): TSESTree.Identifier | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node;
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.optional) return null;
  return referenceRoot(unwrap(node.object));
}

/**
 * With type information: the expression is `any` or its type has `field`. Without it: JavaScript reads any
 * field; TypeScript only what `untyped()` shows to be `any`.
 */
function mayReadField(node: Node, context: Context, untyped: () => boolean, field: string): boolean {
  const services = context.sourceCode.parserServices;
  if (services?.program && services.esTreeNodeToTSNodeMap) {
    const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
    if (!tsNode) return false;
    const checker = services.program.getTypeChecker();
    const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
    return (type.flags & TYPE_FLAG_ANY) !== 0 || type.getProperty(field) !== undefined;
  }
  return !/\.[cm]?tsx?$/u.test(context.filename) || untyped();
}

/** `await res.json()` with no type arguments or assertion: `Response.json()` resolves to `any`. */
function isUntypedBody(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const call = node.argument;
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    !call.typeArguments &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    HTTP_BODY_METHODS.includes(staticPropertyName(call.callee) ?? '')
  );
}

/**
 * `response.data` where `const response = await axios.post(...)` (no type argument, no annotation): a body the
 * client types `any` (`HTTP_UNTYPED_BODIES`).
 */
function isUntypedClientBody(node: Node, context: Context): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return false;
  const response = unwrap(node.object);
  if (response.type !== AST_NODE_TYPES.Identifier) return false;
  const refs = ModuleRefs.for(context.sourceCode);
  const variable = refs.variableOf(response);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable || !def.node.init) return false;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier || def.node.id.typeAnnotation) return false;
  const init = def.node.init;
  const call = init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : null;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.typeArguments) return false;
  const module = refs.resolve(call.callee)?.module;
  const property = staticPropertyName(node);
  return HTTP_UNTYPED_BODIES.some((body) => body.module === module && body.property === property);
}

/** `const body = await res.json()`, without a type annotation. */
function declaredAsParsedBody(identifier: TSESTree.Identifier, context: Context): boolean {
  const def = ModuleRefs.for(context.sourceCode).variableOf(identifier)?.defs[0];
  return (
    def?.type === DefinitionType.Variable &&
    def.node.id.type === AST_NODE_TYPES.Identifier &&
    !def.node.id.typeAnnotation &&
    def.node.init !== null &&
    isUntypedBody(def.node.init)
  );
}

/** Declared with a type other than `any`: after `x = await res.json()` it keeps that type, not `any`. */
function isAnnotated(identifier: TSESTree.Identifier, context: Context): boolean {
  const def = ModuleRefs.for(context.sourceCode).variableOf(identifier)?.defs[0];
  if (def?.type !== DefinitionType.Variable) return true;
  const annotation = def.node.id.typeAnnotation?.typeAnnotation;
  return annotation !== undefined && annotation.type !== AST_NODE_TYPES.TSAnyKeyword;
}

/**
 * `const result = await client.method(...)` without a type annotation, the call the held value came from: the
 * result has the SDK's type (or `any`), which declares the stated deadline's field.
 */
function declaredAsResultOf(identifier: TSESTree.Identifier, held: Held, context: Context): boolean {
  const def = ModuleRefs.for(context.sourceCode).variableOf(identifier)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
  if (def.node.id.typeAnnotation || !def.node.init) return false;
  const init = unwrap(def.node.init);
  const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : null;
  return call !== null && call === held.call?.node;
}
