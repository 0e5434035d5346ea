import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

const contains = (node: Node, index: number): boolean => node.range[0] <= index && index < node.range[1];

/** The child in `list` (in source order, as every list of an ESTree node is) whose range holds `index`. */
function childIn(list: readonly (Node | null)[], index: number): Node | undefined {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = list[middle];
    // A hole (`[, a]`) leaves nothing to compare with: the rare list that has one is searched in full.
    if (!child) return list.find((node): node is Node => node !== null && contains(node, index));
    if (index < child.range[0]) high = middle - 1;
    else if (index >= child.range[1]) low = middle + 1;
    else return child;
  }
  return undefined;
}

function childContaining(node: Node, index: number, visitorKeys: VisitorKeys): Node | undefined {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      const child = childIn(value as (Node | null)[], index);
      if (child) return child;
    } else if ((value as Node | null)?.range && contains(value as Node, index)) return value as Node;
  }
  return undefined;
}

/**
 * The nodes whose range holds a text offset, from the root down to the innermost one, found by descending through
 * the visitor keys (a binary search in each list) instead of a walk of the tree: what a rule that finds its
 * candidates in the text uses to reach their nodes. Comments are not nodes: an offset inside one ends at the node
 * around it. Offsets asked in ascending order (a scan's matches) start from the last answer's deepest node that
 * still holds the offset, so nearby offsets cost a few steps.
 */
export class NodesAt {
  private readonly path: Node[];

  constructor(
    root: Node,
    private readonly visitorKeys: VisitorKeys,
  ) {
    this.path = [root];
  }

  /** The nodes that hold `index`, outermost first; empty when the root does not. The array is reused: copy to keep. */
  at(index: number): readonly Node[] {
    const { path } = this;
    while (path.length > 1 && !contains(path[path.length - 1], index)) path.pop();
    if (!contains(path[0], index)) return [];
    for (let next = childContaining(path[path.length - 1], index, this.visitorKeys); next;) {
      path.push(next);
      next = childContaining(next, index, this.visitorKeys);
    }
    return path;
  }
}
