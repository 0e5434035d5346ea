import type { TSESLint } from '@typescript-eslint/utils';
import { isPageRootComponent } from './page-root.js';
import { isKeptInLongLivedRegistry } from './registry-kept.js';
import { isMemoisedByExportedClass, isModuleSingleton, type Slot } from './storage-slot.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * An instance field that lives as long as the process: of a module singleton, memoised by an exported class, or of
 * instances the file keeps in a long-lived registry (registry-kept.ts).
 */
export function instanceFieldOutlivesCalls(slot: Slot, sourceCode: SourceCode): boolean {
  if (slot.kind !== 'member' || slot.owner.kind !== 'class') return false;
  return (
    isModuleSingleton(slot.owner.classNode, sourceCode) ||
    isMemoisedByExportedClass(slot, sourceCode) ||
    isPageRootComponent(slot.owner.classNode, sourceCode) ||
    (!slot.owner.isStatic && isKeptInLongLivedRegistry(slot.owner.classNode, sourceCode))
  );
}
