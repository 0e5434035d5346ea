import type { Project, SourceFile } from 'ts-morph';
import { cleanupEdits } from './transforms/cleanup.js';
import { EXPORTED_SNAPSHOT_TRIGGERS, planSnapshotRewrite, snapshotAt } from './transforms/exported-snapshot.js';
import { applyEdits, compatible, type TextEdit } from './transforms/text-edits.js';
import type { FileState, Finding, MigrationPlan } from './types.js';
import { containsIdentifier } from '../util/words.js';

const CODE_FILE = /\.[cm]?[jt]sx?$/;
const MODULE_SYNTAX = /\bimport\b|\brequire\s*\(/;

const isTrigger = (finding: Finding) => EXPORTED_SNAPSHOT_TRIGGERS[finding.rule]?.includes(finding.messageId ?? '') ?? false;

/**
 * Stage 2: what one file cannot do, in the run's one ts-morph Project, driven by stage-1 findings (rule id, message
 * id, location), never by a detector of its own. Analyses everything first, then applies the text edits of each
 * file in one go. Returns the files whose text it changed (stage 1 re-lints them).
 */
export async function runProjectStage(plan: MigrationPlan, project: Project): Promise<FileState[]> {
  const pending = new Map<FileState, TextEdit[]>();
  const codeFiles = plan.files.filter((file) => CODE_FILE.test(file.path));
  const loaded = new Map<FileState, SourceFile>();
  // Files enter the Project only when a rewrite needs them, with the text stage 1 produced.
  const load = (file: FileState) => {
    let sourceFile = loaded.get(file);
    if (!sourceFile) {
      sourceFile = project.createSourceFile(file.path, file.text, { overwrite: true });
      loaded.set(file, sourceFile);
    }
    return sourceFile;
  };

  // A declaration two rules report (a kept token is both a snapshot and a cache) is rewritten once.
  const planned = new Map<string, { file: FileState; line: number; description: string } | 'blocked'>();
  for (const producer of codeFiles) {
    for (const finding of producer.remaining.filter(isTrigger)) {
      project.forgetNodesCreatedInBlock(() => {
        const snapshot = snapshotAt(finding, producer, load(producer));
        if (!snapshot) return;
        const key = `${producer.path}:${snapshot.declaration.start}`;
        const earlier = planned.get(key);
        if (earlier === 'blocked') return;
        if (earlier) {
          recordChange(plan, finding, earlier);
          return;
        }
        const importers = codeFiles.filter((file) => file !== producer && containsIdentifier(file.text, snapshot.name) && MODULE_SYNTAX.test(file.text));
        for (const importer of importers) load(importer);
        const rewrite = planSnapshotRewrite(snapshot, project, importers);
        if (rewrite.kind === 'blocked') {
          planned.set(key, 'blocked');
          for (const reason of rewrite.reasons) {
            plan.projectNeedsPerson.push({
              ...finding,
              file: reason.file.file,
              line: reason.line,
              column: reason.column,
              whatToDo: `${upperFirst(reason.reason)}. The export \`${snapshot.name}\` in ${producer.file} was left as it is: turn it into a function that asks again on each use, and await it where it is read.`,
            });
          }
          return;
        }
        if (![...rewrite.edits].every(([file, edits]) => compatible(pending.get(file) ?? [], edits))) return;
        for (const [file, edits] of rewrite.edits) pending.set(file, [...(pending.get(file) ?? []), ...edits]);
        for (const change of rewrite.summary) recordChange(plan, finding, change);
        if (rewrite.summary[0]) planned.set(key, rewrite.summary[0]);
      });
    }
  }

  const touched = new Set<FileState>();
  for (const [file, edits] of pending) {
    file.stageOneText = file.text;
    file.text = applyEdits(file.text, edits);
    touched.add(file);
  }
  for (const file of codeFiles) {
    if (file.text === file.original) continue;
    const edits = cleanupEdits(file);
    if (!edits.length) continue;
    file.stageOneText ??= file.text;
    file.text = applyEdits(file.text, edits);
    touched.add(file);
  }
  return [...touched];
}

function recordChange(plan: MigrationPlan, finding: Finding, change: { file: FileState; line: number; description: string }): void {
  plan.projectChanges.push({ file: change.file.file, line: change.line, rule: finding.rule, ...(finding.messageId ? { messageId: finding.messageId } : {}), description: change.description });
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
