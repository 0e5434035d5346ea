import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, unwrap } from '../../src/analysis/ast.js';
import { indentOf, isRepeatable } from '../../src/analysis/edits.js';
import { forEachDescendant } from '../../src/analysis/value-flow.js';
import { formatDuration } from '../../src/analysis/format.js';
import { isConstLike, ModuleRefs } from '../../src/analysis/module-refs.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import { CONNECTION_SETTINGS_PROVIDERS, findByApi } from '../../src/knowledge/index.js';
import { freshIdentifier } from '../../src/util/words.js';
import type { TokenCacheMessageId } from './messages.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<TokenCacheMessageId, readonly unknown[]>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<TokenCacheMessageId>;

/** Settings are signed again this long before the token they hold typically expires. */
const MARGIN_SECONDS = 300;
/** Global conversions that read their argument and nothing else: `port: Number(process.env.PG_PORT ?? 5432)`. */
const PURE_CONVERSIONS: ReadonlySet<string> = new Set(['Number', 'String', 'Boolean', 'parseInt', 'parseFloat']);

/**
 * `knex({ client: 'pg', connection: { host, user, password: signer.getAuthToken({...}) } })` → `connection: () => {
 * const signedAt = Date.now(); return { host, user, password: signer.getAuthToken({...}), expirationChecker: () =>
 * Date.now() - signedAt >= 10 * 60 * 1000 }; }`: the library calls the function for a new connection's settings and
 * again once the checker says they expired (CONNECTION_SETTINGS_PROVIDERS), so connections opened later get a token
 * signed then. Only when the token is signed in the settings themselves by a call that can be made again as written,
 * and every other setting is a plain value (read again per refresh, the same value).
 */
export function settingsPerConnection(context: Context, candidate: Candidate): Suggestion[] {
  const { held } = candidate;
  const kept = held.keptIn;
  const call = held.call?.node;
  if (!kept || !call) return [];
  const { sourceCode } = context;
  const refs = ModuleRefs.for(sourceCode);
  const { construction } = kept;
  const entry = findByApi(CONNECTION_SETTINGS_PROVIDERS, refs.resolve(construction.callee));
  const options = construction.arguments[entry?.argument ?? 0];
  const settingsProperty = entry && options ? findProperty(options, entry.option) : null;
  const settings = settingsProperty ? unwrap(settingsProperty.value) : null;
  if (!entry || !settingsProperty || settings?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  if (!within(call, settings) || findProperty(settings, entry.expiryOption)) return [];
  // The setting that holds the token (`password`), signed right there.
  const property = settings.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && within(call, p.value),
  );
  if (!property || !signsAgain(call, refs, sourceCode)) return [];
  const others = settings.properties.filter((p) => p !== property);
  if (!others.every(isPlainSetting)) return [];
  const secret = unwrap(property.value);
  if (secret !== call && !(secret.type === AST_NODE_TYPES.AwaitExpression && unwrap(secret.argument) === call))
    return [];
  const lifetime = Math.max(held.seconds - MARGIN_SECONDS, 60);
  const stamp = freshIdentifier('signedAt', sourceCode.getText(settings));
  const text = sourceCode.text;
  const outer = indentOf(settingsProperty, text);
  const inner = `${outer}  `;
  const body = reindent(sourceCode.getText(settings), '  ');
  const checker = `${entry.expiryOption}: () => Date.now() - ${stamp} >= ${millisecondsText(lifetime)}`;
  const returned = withProperty(body, checker, `${inner}  `, inner);
  const asyncPrefix = /\bawait\b/u.test(body) ? 'async ' : '';
  const fn = `${asyncPrefix}() => {\n${inner}const ${stamp} = Date.now();\n${inner}return ${returned};\n${outer}}`;
  return [
    {
      messageId: 'settingsPerConnection',
      data: {
        option: entry.option,
        checker: entry.expiryOption,
        call: sourceCode.getText(call),
        lifetime: formatDuration(lifetime),
      },
      fix: (fixer) => fixer.replaceText(settingsProperty.value, fn),
    },
  ];
}

function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** A setting whose value reads the same again later: a plain value, or a global conversion of one. */
function isPlainSetting(setting: TSESTree.ObjectLiteralElement): boolean {
  if (setting.type === AST_NODE_TYPES.SpreadElement) return isPlainValue(setting.argument);
  return (!setting.computed || isPlainValue(setting.key)) && isPlainValue(setting.value);
}

/** What isRepeatable accepts, and global conversions of such values (`Number(process.env.PG_PORT ?? 5432)`). */
function isPlainValue(node: Node): boolean {
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(inner.callee);
      return (
        callee.type === AST_NODE_TYPES.Identifier &&
        PURE_CONVERSIONS.has(callee.name) &&
        inner.arguments.every(isPlainValue)
      );
    }
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.every(isPlainSetting);
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return (
        inner.left.type !== AST_NODE_TYPES.PrivateIdentifier && isPlainValue(inner.left) && isPlainValue(inner.right)
      );
    case AST_NODE_TYPES.ConditionalExpression:
      return isPlainValue(inner.test) && isPlainValue(inner.consequent) && isPlainValue(inner.alternate);
    default:
      return isRepeatable(inner);
  }
}

/**
 * The token call signs again as written: its callee and arguments are plain values, and every name in it is bound
 * once (isAskableAgain, with the conversions isPlainValue allows in its arguments).
 */
function signsAgain(call: TSESTree.CallExpression, refs: ModuleRefs, sourceCode: Context['sourceCode']): boolean {
  if (!isRepeatable(call.callee) || !call.arguments.every(isPlainValue)) return false;
  let boundOnce = true;
  forEachDescendant(call, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return;
    const variable = refs.variableOf(node);
    if (variable && variable.defs.length > 0 && !isConstLike(variable)) boundOnce = false;
  });
  return boundOnce;
}

/** `600` seconds as `10 * 60 * 1000` (whole minutes) or `600 * 1000`. */
function millisecondsText(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} * 60 * 1000` : `${seconds} * 1000`;
}

/** Every line but the first one level deeper: the object moves into a function body. */
function reindent(text: string, by: string): string {
  return text.replace(/\n/gu, `\n${by}`);
}

/** The object's text with one more property at its end, in its own layout (one per line, or inline). */
function withProperty(object: string, property: string, propertyIndent: string, closingIndent: string): string {
  const close = object.lastIndexOf('}');
  const head = object.slice(0, close).trimEnd();
  const separator = head.endsWith(',') || head.endsWith('{') ? '' : ',';
  if (!object.includes('\n')) return `${head}${separator} ${property} }`;
  return `${head}${separator}\n${propertyIndent}${property},\n${closingIndent}}`;
}
