// Held values carried by text: templates, concatenations, URLs and connection strings written with a token, and
// tokens read out of the URL fragment (`location.hash`).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  AWS_V3_URL_FORMATTERS,
  EKS_TOKEN,
  refMatches,
  TOKEN_RESPONSE_FIELDS,
  URL_FRAGMENT_TOKENS,
} from '../knowledge/index.js';
import { DefinitionType, staticPropertyName, unwrap } from './ast.js';
import { globalPath } from './global-path.js';
import { MAX_DEPTH, MAX_LITERAL_ENTRIES, type Value, type ValueReader } from './held-value-kinds.js';
import { type Held, heldFromUrlFragment } from './held.js';
import { constInitializer, isConstLike } from './module-refs.js';
import { staticString } from './static-value.js';

type Node = TSESTree.Node;

/**
 * `sasParameters.toString()`, `url.toString()`: the same value as text; `formatUrl(req).replace('https://', '')`
 * strips a scheme and keeps the signature.
 */
export const TEXT_KEEPING_METHODS: readonly string[] = ['toString', 'replace', 'replaceAll', 'trim'];

/**
 * The token field whose value a fragment regex captures first: `/access_token=([^&]+)/` → `access_token`; none for
 * `/state=([^&]+)&access_token/`, whose match is the state.
 */
function capturedField(pattern: string): string | undefined {
  const group = /(?<!\\)\((?!\?)/.exec(pattern);
  const before = group ? pattern.slice(0, group.index) : '';
  return [...TOKEN_RESPONSE_FIELDS].find((f) => before.endsWith(`${f}=`));
}

export function isStringLiteral(node: Node): boolean {
  const inner = unwrap(node);
  return (
    (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') ||
    (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0)
  );
}

/** The global URL class, its text field, and how many consts a connection string is followed through. */
const URL_CLASS = 'URL';
const URL_TEXT_FIELD = 'href';
const MAX_TEXT_HOPS = 3;

/** `'k8s-aws-v1.' + x` (however the `+` chain is grouped). */
export function startsWithEksPrefix(node: TSESTree.BinaryExpression): boolean {
  let left: Node = node;
  for (let i = 0; left.type === AST_NODE_TYPES.BinaryExpression && i < MAX_DEPTH; i++) left = left.left;
  return (
    left.type === AST_NODE_TYPES.Literal && typeof left.value === 'string' && left.value.startsWith(EKS_TOKEN.prefix)
  );
}

export function isStringy(node: Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node.type === AST_NODE_TYPES.TemplateLiteral
  );
}

export function templateText(node: Node): string | undefined {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.TemplateLiteral
    ? inner.quasis.map((q) => q.value.cooked ?? '').join('{}')
    : undefined;
}

/**
 * A token field read from the URL fragment: `new URLSearchParams(location.hash.substring(1)).get('access_token')`
 * (the parser written there or bound to a const), or `location.hash.match(/access_token=([^&]+)/)`.
 */
export function urlFragmentToken(reader: ValueReader, call: TSESTree.CallExpression, name: string | null): Held | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !call.arguments[0]) return null;
  const argument = unwrap(call.arguments[0]);
  if (name === URL_FRAGMENT_TOKENS.getter) {
    const field = staticString(argument, reader.context);
    if (field === undefined || !TOKEN_RESPONSE_FIELDS.has(field)) return null;
    const parser = constValue(reader, unwrap(callee.object));
    return parser.type === AST_NODE_TYPES.NewExpression &&
      parser.callee.type === AST_NODE_TYPES.Identifier &&
      parser.callee.name === URL_FRAGMENT_TOKENS.parser &&
      !reader.refs.variableOf(parser.callee)?.defs.length &&
      parser.arguments[0] !== undefined &&
      readsUrlFragment(reader, parser.arguments[0])
      ? heldFromUrlFragment(field)
      : null;
  }
  if (name !== URL_FRAGMENT_TOKENS.matcher || argument.type !== AST_NODE_TYPES.Literal || !('regex' in argument))
    return null;
  const field = capturedField(argument.regex.pattern);
  return field !== undefined && readsUrlFragment(reader, callee.object) ? heldFromUrlFragment(field) : null;
}

/** `location.hash`, `window.location.hash.substring(1)`, or a const bound to one of them. */
function readsUrlFragment(reader: ValueReader, node: Node, steps = 0): boolean {
  const inner = constValue(reader, unwrap(node));
  if (steps > MAX_LITERAL_ENTRIES) return false;
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(inner.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      URL_FRAGMENT_TOKENS.stringSteps.includes(staticPropertyName(callee) ?? '') &&
      readsUrlFragment(reader, callee.object, steps + 1)
    );
  }
  const path = inner.type === AST_NODE_TYPES.MemberExpression ? globalPath(inner, reader.refs)?.join('.') : undefined;
  return path !== undefined && URL_FRAGMENT_TOKENS.hashPaths.some((p) => p.join('.') === path);
}

/** What a const (never reassigned) is bound to, else the node itself. */
export function constValue(reader: ValueReader, node: Node): Node {
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const variable = reader.refs.variableOf(node);
  const def = variable?.defs[0];
  return def?.type === DefinitionType.Variable &&
    def.node.id.type === AST_NODE_TYPES.Identifier &&
    def.node.init &&
    isConstLike(variable!)
    ? unwrap(def.node.init)
    : node;
}

/** Text the file writes out: a template with values, a concatenation, a URL built from one or its `toString()`. */
export function isWrittenText(reader: ValueReader, node: Node, hops: number): boolean {
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.length > 0;
    case AST_NODE_TYPES.BinaryExpression:
      return inner.operator === '+';
    case AST_NODE_TYPES.NewExpression:
      return (
        unwrap(inner.callee).type === AST_NODE_TYPES.Identifier &&
        (unwrap(inner.callee) as TSESTree.Identifier).name === URL_CLASS
      );
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(inner.callee);
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        TEXT_KEEPING_METHODS.includes(staticPropertyName(callee) ?? '') &&
        isWrittenText(reader, callee.object, hops)
      );
    }
    case AST_NODE_TYPES.MemberExpression:
      return staticPropertyName(inner) === URL_TEXT_FIELD && isWrittenText(reader, inner.object, hops);
    case AST_NODE_TYPES.Identifier: {
      if (hops >= MAX_TEXT_HOPS) return false;
      const init = constInitializer(inner, reader.context.sourceCode.getScope(inner));
      return init !== null && isWrittenText(reader, init, hops + 1);
    }
    default:
      return false;
  }
}

export function formatsUrl(reader: ValueReader, callee: TSESTree.Identifier): boolean {
  const ref = reader.refs.resolve(callee);
  return ref !== null && AWS_V3_URL_FORMATTERS.some((api) => refMatches(ref, api));
}

/** What `node` holds, as text: a settled value, not a response or resolved credentials. */
export function asText(reader: ValueReader, node: Node, depth: number): Value | null {
  const object = reader.valueOf(node, depth);
  return object && object.kind !== 'http' && object.kind !== 'resolved' && !object.promise ? object : null;
}
