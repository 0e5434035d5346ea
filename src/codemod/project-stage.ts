import type { Project } from 'ts-morph';
import type { FileState, MigrationPlan } from './types.js';

/**
 * Stage 2: what one file cannot do, in the run's one ts-morph Project, driven by stage-1 findings.
 * Returns the files whose text it changed.
 */
export async function runProjectStage(plan: MigrationPlan, project: Project): Promise<FileState[]> {
  void project;
  void plan;
  return [];
}
