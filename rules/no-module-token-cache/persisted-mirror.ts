// One defect, one report: a token kept in a module variable and persisted from it to browser storage
// (`cached = token; localStorage.setItem(KEY, cached)`) is one cache; the storage copy, which outlives the page and
// refills the variable, is where it is reported.
import type { TSESLint } from '@typescript-eslint/utils';
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
    if (!from) continue;
    for (const kept of candidates)
      if (kept !== stored && kept.storage === 'module' && !kept.container && sameSlot(kept.slot, from))
        mirrors.set(kept, stored);
  }
  return mirrors;
}
