import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Whether a write of a slot runs on every call of its function that can use the value: it sits in the body directly
 * or behind `if`s that only choose a configuration (`if (this.credential && !process.env.API_KEY)`): tests without
 * calls or awaits that read neither the slot (`if (!client)` is a memo) nor anything the function itself writes (a
 * flag set next to the value: `if (!ready) { …; ready = true }`). A read after such a write sees the value that call
 * just built (`this.client = new OpenAI({ apiKey: (await credential.getToken(scope)).token })` before each request),
 * not one kept from an earlier call. `inSlot` says whether a node is an occurrence of the slot.
 */
export function rebuiltWheneverReached(
  write: Node,
  body: TSESTree.BlockStatement,
  inSlot: (node: Node) => boolean,
  sourceCode: SourceCode,
): boolean {
  let current: Node = write;
  let written: ReadonlySet<string> | undefined;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent === body) return true;
    switch (parent.type) {
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.left !== current) return false;
        break;
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.SequenceExpression:
      case AST_NODE_TYPES.BlockStatement:
        break;
      case AST_NODE_TYPES.IfStatement:
        if (parent.test === current) return false;
        written ??= namesWrittenIn(body, sourceCode);
        if (!choosesConfiguration(parent.test, written, inSlot, sourceCode)) return false;
        break;
      default:
        return false;
    }
  }
  return false;
}

/** A test that reads settings only: no call, no await, no slot occurrence, no name the function writes. */
function choosesConfiguration(
  test: Node,
  written: ReadonlySet<string>,
  inSlot: (node: Node) => boolean,
  sourceCode: SourceCode,
): boolean {
  let plain = true;
  forEachDescendant(test, sourceCode, (node) => {
    const name = writtenName(node);
    if (
      node.type === AST_NODE_TYPES.CallExpression ||
      node.type === AST_NODE_TYPES.AwaitExpression ||
      isFunctionNode(node) ||
      inSlot(node) ||
      (name !== null && written.has(name))
    ) {
      plain = false;
      return 'stop';
    }
    return undefined;
  });
  return plain;
}

/** The names (`x`, or `this.x` as `this.x`) assigned or updated anywhere in `body`, nested functions included. */
function namesWrittenIn(body: Node, sourceCode: SourceCode): ReadonlySet<string> {
  const names = new Set<string>();
  forEachDescendant(body, sourceCode, (node) => {
    const target =
      node.type === AST_NODE_TYPES.AssignmentExpression
        ? node.left
        : node.type === AST_NODE_TYPES.UpdateExpression
          ? node.argument
          : null;
    const name = target ? writtenName(unwrap(target)) : null;
    if (name !== null) names.add(name);
  });
  return names;
}

function writtenName(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && unwrap(node.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = staticPropertyName(node);
    return name === null ? null : `this.${name}`;
  }
  return null;
}
