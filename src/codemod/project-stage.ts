import { resolve } from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { relativeName, walkRepository } from './discover.js';
import { isOwnFile } from './journal.js';
import { readSource } from './read-source.js';
import { cleanupEdits } from './transforms/cleanup.js';
import { planSnapshotRewrite, type SnapshotPlan, snapshotAt } from './transforms/exported-snapshot.js';
import { lazyCacheEdits } from './transforms/lazy-token-cache.js';
import { tidyRemovals } from './transforms/tidy-removals.js';
import { applyEdits, compatible, lineColumnOf, type TextEdit } from './transforms/text-edits.js';
import { triggers } from './triggers.js';
import type { FileState, Finding, MigrationPlan } from './types.js';
import { containsIdentifier } from '../util/words.js';

const CODE_FILE = /\.[cm]?[jt]sx?$/;
const MODULE_SYNTAX = /\bimport\b|\brequire\s*\(/;

const isTrigger = (finding: Finding) => triggers('exported-snapshot', finding);

/**
 * Stage 2: what one file cannot do, in the run's one ts-morph Project, driven by stage-1 findings (rule id, message
 * id, location), never by a detector of its own. Analyses everything first, then applies the text edits of each
 * file in one go. Returns the files whose text it changed (stage 1 re-lints them).
 */
export function runProjectStage(
  plan: MigrationPlan,
  project: Project,
  choice: { rewriteExports: boolean },
): FileState[] {
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

  let outsiders: FileState[] | undefined;
  // A declaration two rules report (a kept token is both a snapshot and a cache) is rewritten once.
  const planned = new Map<string, { file: FileState; line: number; description: string } | 'blocked'>();
  for (const producer of choice.rewriteExports ? codeFiles : []) {
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
        const mentions = (file: FileState) =>
          file !== producer && containsIdentifier(file.text, snapshot.name) && MODULE_SYNTAX.test(file.text);
        const outside = (outsiders ??= filesOutsideTheRun(plan)).filter(mentions);
        const importers = [...codeFiles.filter(mentions), ...outside];
        for (const importer of importers) load(importer);
        const rewrite = refuseOutsiders(planSnapshotRewrite(snapshot, project, importers), outside, snapshot.name);
        if (rewrite.kind === 'blocked') {
          planned.set(key, 'blocked');
          for (const reason of rewrite.reasons) {
            plan.projectNeedsPerson.push({
              ...finding,
              // At an importer, the exporter's message would describe the other file: say what this line is.
              ...(reason.file === producer
                ? {}
                : {
                    message: `This reads \`${snapshot.name}\` from ${producer.file}, which resolves it once and keeps it for the life of the process (reported there); this read keeps that export from being rewritten.`,
                  }),
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

  // Lazily filled module-level tokens whose client refreshes them: each read calls the client (see lazy-token-cache.ts).
  for (const file of choice.rewriteExports ? codeFiles : []) {
    for (const finding of file.remaining.filter((candidate) => triggers('lazy-token-cache', candidate))) {
      project.forgetNodesCreatedInBlock(() => {
        const edits = lazyCacheEdits(finding, file, load(file));
        if (!edits.length || !compatible(pending.get(file) ?? [], edits)) return;
        pending.set(file, [...(pending.get(file) ?? []), ...edits]);
        recordChange(plan, finding, {
          file,
          line: finding.line,
          description: 'the module-level token became a call to the client that refreshes it, at each read',
        });
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
    const text = tidyRemovals(file.original, edits.length ? applyEdits(file.text, edits) : file.text);
    if (text === file.text) continue;
    file.stageOneText ??= file.text;
    file.text = text;
    touched.add(file);
  }
  return [...touched];
}

/**
 * The repository's JS/TS files this run does not migrate (outside the given paths, or ignored by .gitignore or the
 * ESLint config): an importer among them would keep the old name, so it must be seen to refuse the rewrite.
 */
function filesOutsideTheRun(plan: MigrationPlan): FileState[] {
  const inRun = new Set([
    ...plan.files.map((file) => file.path),
    ...plan.skipped.map((skipped) => resolve(plan.root, skipped.file)),
  ]);
  const outsiders: FileState[] = [];
  for (const path of walkRepository(plan.root)) {
    if (!CODE_FILE.test(path) || inRun.has(path) || isOwnFile(path)) continue;
    const read = readSource(plan.root, path);
    if (read.kind !== 'text') continue;
    outsiders.push({
      path,
      file: relativeName(plan.root, path),
      original: read.text,
      text: read.text,
      fixed: [],
      remaining: [],
    });
  }
  return outsiders;
}

/** A rewrite that would edit a file outside the run is refused, naming that importer. */
function refuseOutsiders(rewrite: SnapshotPlan, outside: readonly FileState[], name: string): SnapshotPlan {
  if (rewrite.kind === 'blocked') return rewrite;
  const reached = outside.filter((file) => rewrite.edits.has(file));
  if (!reached.length) return rewrite;
  return {
    kind: 'blocked',
    reasons: reached.map((file) => ({
      file,
      ...lineColumnOf(file.text, Math.min(...(rewrite.edits.get(file) ?? []).map((edit) => edit.start))),
      reason: `\`${name}\` is imported by ${file.file}, which this run does not migrate (outside the given paths, or ignored by .gitignore or the ESLint config), so renaming it would break that file; migrate both together`,
    })),
  };
}

function recordChange(
  plan: MigrationPlan,
  finding: Finding,
  change: { file: FileState; line: number; description: string },
): void {
  plan.projectChanges.push({
    file: change.file.file,
    line: change.line,
    rule: finding.rule,
    ...(finding.messageId ? { messageId: finding.messageId } : {}),
    description: change.description,
  });
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
