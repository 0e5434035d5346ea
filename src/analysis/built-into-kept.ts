// A value read only right after it is written can still live on: the object built from it there
// (`docClient = new AWS.DynamoDB.DocumentClient({ accessKeyId: roleCreds.accessKeyId, ... })`) is kept in another
// long-lived slot and read back later, so the value is reused as long as that object is.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import { ModuleRefs } from './module-refs.js';
import { isLongLived, storageOf } from './storage.js';
import { isRead, isReadBack, type Occurrence, occurrencesOf, sameSlot, slotOf } from './storage-slot.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** How far up an options literal a read may sit (`{ credentials: { accessKeyId: creds.accessKeyId } }`). */
const MAX_OPTION_DEPTH = 4;

/** Some read of the slot is built into an object (`new X({ key: slot.key })`) kept in a long-lived slot read later. */
export function isBuiltIntoKeptObject(occurrences: readonly Occurrence[], sourceCode: SourceCode): boolean {
  const own = occurrences.find((o) => isRead(o.access));
  if (!own) return false;
  const ownSlot = slotOf(own.node, sourceCode);
  const refs = ModuleRefs.for(sourceCode);
  return occurrences.some((read) => {
    if (!isRead(read.access)) return false;
    const built = constructionAround(read.node);
    const target = built ? assignedTo(built) : null;
    if (!target || !isLongLived(storageOf(target, refs))) return false;
    const keeper = slotOf(target, sourceCode);
    return (
      keeper !== null &&
      (ownSlot === null || !sameSlot(keeper, ownSlot)) &&
      isReadBack(occurrencesOf(keeper, sourceCode), sourceCode)
    );
  });
}

/** The `new X({ ... })` whose options literal holds `node` (through member reads and nested literals). */
function constructionAround(node: Node): TSESTree.NewExpression | null {
  let current: Node = node;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current)
    current = current.parent;
  for (let depth = 0; depth < MAX_OPTION_DEPTH; depth += 1) {
    const property = current.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== current) return null;
    const literal = property.parent;
    if (literal.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const holder = literal.parent;
    if (holder?.type === AST_NODE_TYPES.NewExpression && holder.arguments.includes(literal)) return holder;
    current = literal;
  }
  return null;
}

/** `kept = new X(...)`: the assignment target the construction is written to. */
function assignedTo(built: TSESTree.NewExpression): Node | null {
  const parent = built.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && unwrap(parent.right) === built) return parent.left;
  return null;
}
