// One defect, one report: a token kept in a module variable and persisted from it to browser storage
// (`cached = token; localStorage.setItem(KEY, cached)`, or both written the same local: `cached = jwt;
// localStorage.setItem(KEY, jwt)`) is one cache; the storage copy, which outlives the page and refills the variable,
// is where it is reported.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { unwrap } from '../../src/analysis/ast.js';
import { findVariable } from '../../src/analysis/find-variable.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import { sameSlot, slotOf } from '../../src/analysis/storage-slot.js';

/**
 * The module-variable candidates whose value the file also writes, read from the variable, into browser storage,
 * each with the storage candidate it is persisted to.
 */
export function persistedMirrors(
  candidates: readonly Candidate[],
  sourceCode: Readonly<TSESLint.SourceCode>,
): ReadonlyMap<Candidate, Candidate> {
  const mirrors = new Map<Candidate, Candidate>();
  for (const stored of candidates) {
    if (stored.slot.kind !== 'member' || stored.slot.owner.kind !== 'browser-storage') continue;
    const from = slotOf(stored.value, sourceCode);
    const local = localOf(stored.value, sourceCode);
    if (!from && !local) continue;
    for (const kept of candidates)
      if (
        kept !== stored &&
        kept.storage === 'module' &&
        !kept.container &&
        ((from && sameSlot(kept.slot, from)) || (local !== null && localOf(kept.value, sourceCode) === local))
      )
        mirrors.set(kept, stored);
  }
  return mirrors;
}

/** The local variable or parameter `node` names (module-level variables are storage of their own). */
function localOf(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Variable | null {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(sourceCode.getScope(inner), inner);
  return variable && variable.scope.block.type !== AST_NODE_TYPES.Program ? variable : null;
}
