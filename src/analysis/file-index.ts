import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from './ast.js';
import { forEachDescendant } from './value-flow.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const RELATIONAL = new Set(['<', '<=', '>', '>=']);

/** What one walk over a file collects, so that questions about the file need no further walks. */
export interface FileIndex {
  readonly membersByName: ReadonlyMap<string, readonly TSESTree.MemberExpression[]>;
  readonly comparisons: readonly TSESTree.BinaryExpression[];
  readonly calls: readonly TSESTree.CallExpression[];
  readonly assignments: readonly TSESTree.AssignmentExpression[];
  readonly constructions: readonly TSESTree.NewExpression[];
  /** Classes with a base class (`class A extends B`). */
  readonly subclasses: readonly ClassNode[];
}

const indexes = new WeakMap<SourceCode, FileIndex>();

/** The file's index, built on first use by one walk over the AST. */
export function fileIndex(sourceCode: SourceCode): FileIndex {
  const cached = indexes.get(sourceCode);
  if (cached) return cached;
  const membersByName = new Map<string, TSESTree.MemberExpression[]>();
  const index = {
    membersByName,
    comparisons: [] as TSESTree.BinaryExpression[],
    calls: [] as TSESTree.CallExpression[],
    assignments: [] as TSESTree.AssignmentExpression[],
    constructions: [] as TSESTree.NewExpression[],
    subclasses: [] as ClassNode[],
  };
  forEachDescendant(sourceCode.ast, sourceCode, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticPropertyName(node);
        if (name === null) break;
        const list = membersByName.get(name);
        if (list) list.push(node);
        else membersByName.set(name, [node]);
        break;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (RELATIONAL.has(node.operator)) index.comparisons.push(node);
        break;
      case AST_NODE_TYPES.CallExpression:
        index.calls.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        index.assignments.push(node);
        break;
      case AST_NODE_TYPES.NewExpression:
        index.constructions.push(node);
        break;
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        if (node.superClass) index.subclasses.push(node);
        break;
      default:
        break;
    }
  });
  indexes.set(sourceCode, index);
  return index;
}

const membersByClass = new WeakMap<ClassNode, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();

/** The member expressions inside a class, by property name, in the order of the file index. */
export function classMembersByName(
  classNode: ClassNode,
  sourceCode: SourceCode,
): ReadonlyMap<string, readonly TSESTree.MemberExpression[]> {
  const known = membersByClass.get(classNode);
  if (known) return known;
  const byName = new Map<string, TSESTree.MemberExpression[]>();
  forEachDescendant(classNode, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression) return;
    const name = staticPropertyName(node);
    if (name === null) return;
    const list = byName.get(name);
    if (list) list.push(node);
    else byName.set(name, [node]);
  });
  membersByClass.set(classNode, byName);
  return byName;
}
