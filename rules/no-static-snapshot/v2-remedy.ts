import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as TS from 'typescript';
import { DefinitionType, staticPropertyName } from '../../src/analysis/ast.js';
import {
  AWS_V2_CREDENTIAL_FIELDS,
  AWS_V2_CREDENTIALS_OPTION,
  AWS_V2_GLOBAL_CREDENTIALS,
  AWS_V2_GLOBAL_CREDENTIALS_DEFAULT,
  AWS_V2_REFRESHING_CLASSES,
  type SessionId,
} from '../../src/knowledge/index.js';
import { type Node, resolvesTo, type SnapshotContext, snippet, type Suggestion } from './context.js';

const KEY_FIELDS: ReadonlySet<string> = new Set(AWS_V2_CREDENTIAL_FIELDS);
/** The name the v2 SDK is imported under in its own documentation. */
const V2_NAMESPACE = 'AWS';

/**
 * The live object in place of the copy. Into an options object (`AWS.config.update`, `new AWS.S3`) it goes as
 * `credentials`, which takes any credentials. In place of `new AWS.Credentials(...)` itself, a refreshing class
 * instance or a chain's result is an `AWS.Credentials` too; the global `AWS.config.credentials` is typed
 * `Credentials | CredentialsOptions | null`, so it is passed only where that type is accepted: left out as the
 * `masterCredentials` it is by default, or where the checker says the slot takes it. Elsewhere the suggestion asks a
 * person (the codemod does not apply it) and casts in TypeScript.
 */
export function liveObjectSuggestion(
  sink: TSESTree.NewExpression | TSESTree.CallExpression,
  options: TSESTree.ObjectExpression | null,
  object: Node,
  ctx: SnapshotContext,
): Suggestion {
  const { sourceCode } = ctx;
  const text = sourceCode.getText(object);
  const data = { object: snippet(sourceCode, object, 40) };
  if (options)
    return { messageId: 'passLiveObject', data, fix: (fixer) => replaceV2Keys(fixer, sourceCode, options, text) };
  if (!resolvesTo(object, AWS_V2_GLOBAL_CREDENTIALS, ctx) || typeAccepts(sink, object, ctx))
    return { messageId: 'passLiveObject', data, fix: (fixer) => fixer.replaceText(sink, text) };
  const master = defaultedMasterCredentials(sink, ctx);
  if (master)
    return { messageId: 'leaveOutMasterCredentials', data, fix: (fixer) => removeProperty(fixer, sourceCode, master) };
  const cast = typeScriptFile(ctx) ? castToCredentials(text, sink, ctx) : text;
  return { messageId: 'passGlobalCredentials', data, fix: (fixer) => fixer.replaceText(sink, cast) };
}

/**
 * Keys fetched by hand from a metadata endpoint (`http://169.254.169.254/.../security-credentials/role`) copied into
 * static v2 credentials: the SDK's own refreshing class for that endpoint (`new AWS.EC2MetadataCredentials()`),
 * which fetches the same role's keys (an instance or task has one) and again before they expire. Named on the
 * namespace the copy used (`AWS.Credentials` → `AWS.EC2MetadataCredentials`); none for a class imported by name.
 */
export function metadataCredentialsSuggestion(
  sink: TSESTree.NewExpression | TSESTree.CallExpression,
  options: TSESTree.ObjectExpression | null,
  session: SessionId,
  ctx: SnapshotContext,
): Suggestion | null {
  const refreshing = AWS_V2_REFRESHING_CLASSES.find((c) => c.session === session);
  const namespace = namespaceOf(sink);
  if (!refreshing || !namespace) return null;
  const replacement = `new ${ctx.sourceCode.getText(namespace)}.${refreshing.api.path.at(-1)}()`;
  return {
    messageId: 'useMetadataCredentials',
    data: { replacement },
    fix: (fixer) =>
      options ? replaceV2Keys(fixer, ctx.sourceCode, options, replacement) : fixer.replaceText(sink, replacement),
  };
}

/**
 * What a v2 file is told to do instead of copying keys it fetched by hand from a metadata endpoint: hand over the SDK's
 * refreshing class for that endpoint, or leave the global credentials to the default chain, which ends with the same
 * classes (aws/aws-sdk-js: lib/node_loader.js, `CredentialProviderChain.defaultProviders`). Null when v2 has no class
 * for the endpoint's session. Named on the namespace the copy used, else `AWS`.
 */
export function metadataCredentialsFix(
  sink: TSESTree.NewExpression | TSESTree.CallExpression,
  session: SessionId,
  ctx: SnapshotContext,
): string | null {
  const refreshing = AWS_V2_REFRESHING_CLASSES.find((c) => c.session === session);
  if (!refreshing) return null;
  const found = namespaceOf(sink);
  const namespace = found ? ctx.sourceCode.getText(found) : V2_NAMESPACE;
  return `Hand over \`new ${namespace}.${refreshing.api.path.at(-1)}()\` instead, which fetches the same role's keys and again before they expire, or leave \`${namespace}.config.credentials\` unset so that the SDK's default chain finds them.`;
}

/** `AWS` of `new AWS.Credentials(...)` or `AWS.config.update(...)`; null for a class imported by name. */
function namespaceOf(sink: TSESTree.NewExpression | TSESTree.CallExpression): Node | null {
  const callee = sink.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
  return sink.type === AST_NODE_TYPES.NewExpression ? callee.object : rootOf(callee);
}

/** `AWS` in `AWS.config.update`. */
function rootOf(node: Node): Node {
  let root = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  return root;
}

/** `new AWS.ChainableTemporaryCredentials({ masterCredentials: <sink> })`: the property, which defaults to the global. */
function defaultedMasterCredentials(sink: Node, ctx: SnapshotContext): TSESTree.Property | null {
  const property = sink.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== sink) return null;
  if (staticPropertyName(property) !== AWS_V2_GLOBAL_CREDENTIALS_DEFAULT.option) return null;
  const holder = property.parent;
  const made = holder?.parent;
  return made?.type === AST_NODE_TYPES.NewExpression &&
    made.arguments[0] === holder &&
    resolvesTo(made.callee, AWS_V2_GLOBAL_CREDENTIALS_DEFAULT.api, ctx)
    ? property
    : null;
}

/** With type information: the type of `object` fits where `sink` stands (its contextual type). */
function typeAccepts(sink: Node, object: Node, ctx: SnapshotContext): boolean {
  const services = ctx.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return false;
  const checker = services.program.getTypeChecker();
  const target = services.esTreeNodeToTSNodeMap.get(sink as never) as TS.Expression | undefined;
  const source = services.esTreeNodeToTSNodeMap.get(object as never);
  if (!target || !source) return false;
  // No contextual type (`const copy = new AWS.Credentials(...)`): the variable would take the wider type.
  const expected = checker.getContextualType(target);
  return expected !== undefined && checker.isTypeAssignableTo(checker.getTypeAtLocation(source), expected);
}

function typeScriptFile(ctx: SnapshotContext): boolean {
  return /\.[cm]?tsx?$/u.test(ctx.rule.filename);
}

/**
 * `AWS.config.credentials as AWS.Credentials`, naming the type after the constructor the copy called: as written
 * when its root is an import (a namespace), else through `typeof` (`const AWS = require(...)` binds a value only).
 */
function castToCredentials(
  text: string,
  sink: TSESTree.NewExpression | TSESTree.CallExpression,
  ctx: SnapshotContext,
): string {
  const { sourceCode } = ctx;
  const callee = sourceCode.getText(sink.callee);
  let root: Node = sink.callee;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  const definition = root.type === AST_NODE_TYPES.Identifier ? ctx.refs.variableOf(root)?.defs[0] : undefined;
  const imported = definition?.type === DefinitionType.ImportBinding;
  const cast = `${text} as ${imported ? callee : `InstanceType<typeof ${callee}>`}`;
  return bareAsAllowed(sink) ? cast : `(${cast})`;
}

/** Places where `x as T` needs no parentheses: a property value, an argument, an initializer, a right-hand side. */
function bareAsAllowed(node: Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.Property:
      return parent.value === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.arguments.includes(node as TSESTree.CallExpressionArgument);
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    default:
      return false;
  }
}

/** Removes an object property with the comma that separates it (and its line when it stands alone). */
function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): TSESLint.RuleFix {
  const object = property.parent as TSESTree.ObjectExpression;
  if (object.properties.length === 1) return fixer.replaceText(object, '{}');
  const after = sourceCode.getTokenAfter(property)!;
  const text = sourceCode.text;
  if (after.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true })!;
    const lineStart = text.lastIndexOf('\n', property.range[0] - 1) + 1;
    const nextLineStart = text.lastIndexOf('\n', next.range[0] - 1) + 1;
    const ownLine = /^[ \t]*$/u.test(text.slice(lineStart, property.range[0])) && nextLineStart > lineStart;
    return fixer.removeRange(ownLine ? [lineStart, nextLineStart] : [property.range[0], next.range[0]]);
  }
  const before = sourceCode.getTokenBefore(property)!;
  return fixer.removeRange([before.range[0], property.range[1]]);
}

/**
 * Replaces the key properties of a v2 options object with one `credentials: <object>`: the first key property is
 * rewritten, each later one is removed with the comma before it (so the edits never overlap).
 */
export function replaceV2Keys(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: TSESTree.ObjectExpression,
  objectText: string,
): TSESLint.RuleFix[] {
  const keys = options.properties.filter(
    (p) => p.type === AST_NODE_TYPES.Property && KEY_FIELDS.has(staticPropertyName(p) ?? ''),
  );
  const [first, ...rest] = keys;
  if (!first) return [];
  return [
    fixer.replaceText(first, `${AWS_V2_CREDENTIALS_OPTION}: ${objectText}`),
    ...rest.map((p) => fixer.removeRange([sourceCode.getTokenBefore(p)!.range[0], p.range[1]])),
  ];
}
