import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from './ast.js';
import { fileIndex } from './file-index.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The calls of the file that can run `fn` by `name` as local-function.ts resolves a call: `name(x)` through the
 * variable `fn` is bound to, `object.name(x)` through the const bound to the object literal that holds `fn`, and
 * for a class method any `receiver.name(x)` of the file (`this.name(x)`, a static `Class.name(x)`, an instance's).
 * Found from the scope manager's references and the file index's members by name instead of a walk over the whole
 * file; a superset of the calls that resolve to `fn`, in the order of the
 * file index (fileIndex(sourceCode).calls), so callers filter them as they filtered the index's calls.
 */
export function callsThatMayRun(fn: TSESTree.FunctionLike, name: string, sourceCode: SourceCode): CallList {
  const found = new Set<TSESTree.CallExpression>();
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    for (const id of referencesOf(fn, sourceCode, name)) addCallOf(id, found);
  } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator) {
    for (const id of referencesOf(parent, sourceCode, name)) addCallOf(id, found);
  } else if (parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const holder = declaratorOf(parent.parent);
    for (const id of holder ? referencesOf(holder, sourceCode) : []) {
      const member = outermostWrapper(id).parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && unwrap(member.object) === id) addCallOf(member, found);
    }
  } else if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    // `this.keep(t)` inside the class, and (local-function.ts resolves them too) `Keeper.keep(t)` of a static method
    // or `keeper.keep(t)` on a const made by `new Keeper()`, anywhere in the file, the class's own body included.
    for (const member of fileIndex(sourceCode).membersByName.get(name) ?? []) addCallOf(member, found);
  }
  return [...found].sort(inIndexOrder);
}

type CallList = readonly TSESTree.CallExpression[];

/** The identifiers that refer to the variables `node` declares (of that name, if one is given). */
function referencesOf(node: Node, sourceCode: SourceCode, name?: string): TSESTree.Identifier[] {
  return sourceCode
    .scopeManager!.getDeclaredVariables(node)
    .flatMap((variable) =>
      name === undefined || variable.name === name
        ? variable.references.map((reference) => reference.identifier as TSESTree.Identifier)
        : [],
    );
}

/** The declarator whose initialiser is `object` (through the wrappers unwrap() removes). */
function declaratorOf(object: TSESTree.ObjectExpression): TSESTree.VariableDeclarator | null {
  const parent = outermostWrapper(object).parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator ? parent : null;
}

/** `node` inside the wrappers unwrap() sees through (`x!`, `x as T`, `a?.b`), the outermost of them. */
function outermostWrapper(node: Node): Node {
  let current = node;
  while (current.parent && 'expression' in current.parent && unwrap(current.parent) === unwrap(node))
    current = current.parent;
  return current;
}

function addCallOf(callee: Node, found: Set<TSESTree.CallExpression>): void {
  const call = outermostWrapper(callee).parent;
  if (call?.type === AST_NODE_TYPES.CallExpression && unwrap(call.callee) === callee) found.add(call);
}

/**
 * The file index's order: its walk (forEachDescendant) pops the last child first, so an enclosing call comes before
 * the calls inside it, and of two apart the later one comes first. For calls that is a later end first (an enclosing
 * call ends after every call inside it), then an earlier start.
 */
function inIndexOrder(a: Node, b: Node): number {
  return b.range[1] - a.range[1] || a.range[0] - b.range[0];
}
