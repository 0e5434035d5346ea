import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { NodesAt } from '../../src/analysis/nodes-at.js';
import { CREDENTIAL_NAMES } from '../../src/knowledge/index.js';

type Node = TSESTree.Node;

/** The string a literal or an expression-free template holds, as the rule reads it; undefined for any other node. */
export function stringValueOf(node: Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal)
    return typeof node.value === 'string' && node.parent?.type !== AST_NODE_TYPES.ImportDeclaration
      ? node.value
      : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
    return node.quasis[0].value.cooked ?? node.quasis[0].value.raw;
  return undefined;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, String.raw`\$&`);
const NAMES = [...new Set(CREDENTIAL_NAMES.map((entry) => entry.name))].map(escapeRegExp).join('|');

/** Credential names are matched exactly (`credentialNameKind`), and are words. */
const NAME_IN_TEXT = new RegExp(String.raw`\b(?:${NAMES})\b`, 'gu');
/**
 * An identity escape of a character a name can hold: `'secret\AccessKey'` is `secretAccessKey`, a name its text does
 * not hold. The other escapes (`\x`, `\u`, octal, line continuations) open `mayHoldSecretShape`, so the scan never runs
 * where they could spell one.
 */
const NAME_CHARACTER_ESCAPED = /[ac-eg-mo-qswyzA-Z89_]/u;

/** Where the name a string is stored under can be in the text: each name, then each escape that can spell one. */
function* nameOffsets(text: string): Generator<number> {
  for (const match of text.matchAll(NAME_IN_TEXT)) yield match.index;
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', at + 2))
    if (NAME_CHARACTER_ESCAPED.test(text.charAt(at + 1))) yield at;
}

/** How far above the node at a name its value can be: `obj[\`name\`] = value` is a template element, 3 levels down. */
const LEVELS_ABOVE_NAME = 4;

/** The value side of a node that stores one under a name: a property, an assignment, a declarator. */
function storedValue(node: Node): Node | null {
  if (node.type === AST_NODE_TYPES.Property) return node.value;
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return node.right;
  if (node.type === AST_NODE_TYPES.VariableDeclarator) return node.init;
  return null;
}

/**
 * The strings of a file that may be stored under a credential name, in source order, found from one scan of the
 * text for the names instead of a visit of every literal: at each name, the strings that the property, assignment
 * or declarator around it stores. A superset of the strings whose `storedUnder` name is a credential name; the
 * caller applies the same test to each as to every literal.
 */
export function stringsNearCredentialNames(sourceCode: Readonly<TSESLint.SourceCode>): Node[] {
  const found = new Set<Node>();
  const { ast, text, visitorKeys } = sourceCode;
  const nodesAt = new NodesAt(ast, visitorKeys);
  for (const offset of nameOffsets(text)) {
    const path = nodesAt.at(offset);
    for (const node of path.slice(-1 - LEVELS_ABOVE_NAME)) {
      const value = storedValue(node);
      if (value && stringValueOf(value) !== undefined) found.add(value);
    }
  }
  return [...found].sort((a, b) => a.range[0] - b.range[0]);
}
