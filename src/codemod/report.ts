import { unifiedDiff } from './diff.js';
import type { Finding, MigrationPlan, SkippedFile } from './types.js';

const REPORT_SCHEMA_VERSION = 1;

/** One change the migration makes (a finding it fixed, or a project-wide rewrite). See docs/codemod.md. */
interface ReportChange {
  file: string;
  line: number;
  rule: string;
  messageId?: string;
  /** `lint`: a rule's fix or migration-safe suggestion; `project`: a stage-2 rewrite across files. */
  stage: 'lint' | 'project';
  /** The rule's message for a fixed finding, or what stage 2 rewrote. */
  description: string;
}

/** A finding the migration leaves for a person. */
interface ReportManualFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  messageId?: string;
  /** What fails and when: the rule's own message. */
  why: string;
  whatToDo: string;
  docs?: string;
}

/** The `--report` file (and `--json` output). The schema is documented in docs/codemod.md. */
export interface MigrationReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: 'credential-expiry migrate';
  toolVersion: string;
  root: string;
  mode: 'write' | 'dry' | 'check';
  /** Whether the files were written (false in --dry / --check, or when the run stopped before writing). */
  written: boolean;
  summary: {
    filesScanned: number;
    filesChanged: number;
    fixedByRule: Record<string, number>;
    needsPerson: number;
    skipped: number;
  };
  files: { file: string; diff: string }[];
  changes: ReportChange[];
  needsPerson: ReportManualFinding[];
  skipped: SkippedFile[];
  warnings: string[];
}

export function changedFiles(plan: MigrationPlan) {
  return plan.files.filter((file) => file.text !== file.original);
}

function manual(finding: Finding): ReportManualFinding {
  return {
    file: finding.file,
    line: finding.line,
    column: finding.column,
    rule: finding.rule,
    ...(finding.messageId === undefined ? {} : { messageId: finding.messageId }),
    why: finding.message,
    whatToDo: finding.whatToDo,
    ...(finding.docs === undefined ? {} : { docs: finding.docs }),
  };
}

const byPosition = <T extends { file: string; line: number }>(a: T, b: T) =>
  a.file.localeCompare(b.file) || a.line - b.line;

export function buildReport(
  plan: MigrationPlan,
  context: { toolVersion: string; mode: MigrationReport['mode']; written: boolean },
): MigrationReport {
  const changes: ReportChange[] = [
    ...plan.files.flatMap((file) =>
      file.fixed.map((finding) => ({
        file: finding.file,
        line: finding.line,
        rule: finding.rule,
        ...(finding.messageId === undefined ? {} : { messageId: finding.messageId }),
        stage: 'lint' as const,
        description: finding.message,
      })),
    ),
    ...plan.projectChanges.map((change) => ({ ...change, stage: 'project' as const })),
  ].sort(byPosition);
  const needsPerson = [...plan.files.flatMap((file) => file.remaining), ...plan.projectNeedsPerson]
    .map(manual)
    .sort(byPosition);
  const fixedByRule: Record<string, number> = {};
  for (const change of changes) fixedByRule[change.rule] = (fixedByRule[change.rule] ?? 0) + 1;
  const changed = changedFiles(plan);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'credential-expiry migrate',
    toolVersion: context.toolVersion,
    root: plan.root,
    mode: context.mode,
    written: context.written,
    summary: {
      filesScanned: plan.scanned,
      filesChanged: changed.length,
      fixedByRule,
      needsPerson: needsPerson.length,
      skipped: plan.skipped.length,
    },
    files: changed.map((file) => ({ file: file.file, diff: unifiedDiff(file.file, file.original, file.text) })),
    changes,
    needsPerson,
    skipped: plan.skipped,
    warnings: plan.warnings,
  };
}

/** The human summary printed at the end of every run. */
export function formatSummary(report: MigrationReport): string {
  const { summary } = report;
  const lines: string[] = [];
  for (const finding of report.needsPerson) {
    lines.push(`${finding.file}:${finding.line}:${finding.column}  ${finding.rule}  ${finding.why}`);
    lines.push(`    what to do: ${finding.whatToDo}`);
  }
  for (const skipped of report.skipped) lines.push(`${skipped.file}: skipped (${skipped.reason}): ${skipped.message}`);
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  if (lines.length) lines.push('');
  const verb = report.written ? 'changed' : 'would change';
  lines.push(
    `${summary.filesScanned} file${summary.filesScanned === 1 ? '' : 's'} scanned, ${summary.filesChanged} ${verb}.`,
  );
  const fixed = Object.entries(summary.fixedByRule).sort(([a], [b]) => a.localeCompare(b));
  lines.push(fixed.length ? `Fixed${report.written ? '' : ' (pending)'}:` : 'Nothing to fix automatically.');
  for (const [rule, count] of fixed) lines.push(`  ${String(count).padStart(4)}  ${rule}`);
  lines.push(
    `${summary.needsPerson} finding${summary.needsPerson === 1 ? '' : 's'} need${summary.needsPerson === 1 ? 's' : ''} a person${summary.needsPerson ? ' (listed above)' : ''}.`,
  );
  if (summary.skipped)
    lines.push(`${summary.skipped} file${summary.skipped === 1 ? '' : 's'} skipped and left untouched (listed above).`);
  return lines.join('\n');
}
