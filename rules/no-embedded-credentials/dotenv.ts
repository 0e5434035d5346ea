import { assessValues } from '../../src/analysis/credential-sites.js';
import type { DotenvNode, EntryNode } from '../../src/languages/dotenv/index.js';
import { type EmbeddedContext, type ReportProblem, reportFindings } from './context.js';
import { removeLines } from './line-edits.js';
import { TEMPORARY_KINDS } from './messages.js';

/** no-embedded-credentials in .env files: temporary values always, long-lived AWS keys as long-lived, bundled names. */
export function checkDotenv(context: EmbeddedContext, report: ReportProblem) {
  return {
    Dotenv(root: DotenvNode) {
      const sites = root.body.flatMap((entry) =>
        entry.value
          ? [{ node: entry, name: entry.key.name, value: entry.value.value, line: entry.loc.start.line }]
          : [],
      );
      const findings = assessValues<EntryNode>(sites, { loneTemporaryKeyIds: true, bundledNames: true });
      reportFindings(report, findings, (finding) =>
        TEMPORARY_KINDS.has(finding.kind)
          ? [{ messageId: 'removeLine', fix: () => removeLines(context.sourceCode.text, finding.node.range) }]
          : undefined,
      );
    },
  };
}
