import type { TSESLint } from '@typescript-eslint/utils';
import type { CredentialFinding } from '../../src/analysis/credential-sites.js';
import { describeFinding, type EmbeddedMessageId } from './messages.js';

export type EmbeddedContext = Readonly<TSESLint.RuleContext<EmbeddedMessageId, []>>;
type Report = TSESLint.ReportDescriptor<EmbeddedMessageId>;
/** What a checker hands the rule for each problem it finds; the rule (index.ts) decides whether and how to report it. */
export type ReportProblem = (problem: Report) => void;

/** Any node with an ESLint location: ESTree, YAML, JSON (momoa) and our Dockerfile/.env nodes. */
export interface Located {
  loc: TSESLint.AST.SourceLocation;
  range: readonly [number, number] | [number, number];
}

/** Hands on findings at their nodes (or where `locate` puts them); `suggest` adds suggestions for a finding. */
export function reportFindings<Node extends Located>(
  report: ReportProblem,
  findings: readonly CredentialFinding<Node>[],
  suggest?: (finding: CredentialFinding<Node>) => Report['suggest'],
  locate?: (finding: CredentialFinding<Node>) => TSESLint.AST.SourceLocation | undefined,
): void {
  for (const finding of findings) {
    const suggestions = suggest?.(finding);
    report({
      loc: locate?.(finding) ?? finding.node.loc,
      ...describeFinding(finding),
      ...(suggestions?.length ? { suggest: suggestions } : {}),
    });
  }
}
