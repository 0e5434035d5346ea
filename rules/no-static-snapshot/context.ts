import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { maskSecretsInText } from '../../src/analysis/secret-mask.js';
import type { ModuleRefs } from '../../src/analysis/module-refs.js';
import { type ApiRef, refMatches } from '../../src/knowledge/index.js';
import type { ResolvedSettings } from '../../src/settings.js';
import type { StorageKind } from '../../src/analysis/storage.js';
import type { FlowNode } from '../../src/analysis/value-flow.js';
import type { SnapshotMessageId } from './messages.js';

export type Node = TSESTree.Node;
export type Finding = TSESLint.ReportDescriptor<SnapshotMessageId>;
export type Suggestion = TSESLint.SuggestionReportDescriptor<SnapshotMessageId>;

/** What an imported helper returns, from its body (with types) or its name (without). */
export interface HelperOrigin {
  readonly returns: 'credentials' | 'token' | 'built';
  /** "`fromNodeProviderChain()` in aws.ts", or "its name" */
  readonly from: string;
}

/** Where a resolved value outlives the call that resolved it, in words for the message. */
export interface Kept {
  readonly storage: StorageKind;
  readonly where: string;
  readonly step: FlowNode;
  /** Where a finding about several copies into one keeper belongs: the call that hands them to a state store. */
  readonly keeper?: Node;
}

/** What every snapshot check reads: the file, its import resolver, the shared settings and what it imports. */
export interface SnapshotContext {
  readonly rule: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly refs: ModuleRefs;
  readonly settings: ResolvedSettings;
  /** Module specifiers the file imports or requires (for receivers we cannot trace). */
  readonly imports: ReadonlySet<string>;
}

/** Message text for a code snippet: one line, at most `max` characters. */
export function snippet(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, max = 60): string {
  // Masked before it is cut: a cut token no longer has the shape the masker knows.
  const text = maskSecretsInText(sourceCode.getText(node)).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Whether an expression refers to `api` through the file's imports. */
export function resolvesTo(node: Node, api: ApiRef, ctx: SnapshotContext): boolean {
  const ref = ctx.refs.resolve(node);
  return ref !== null && refMatches(ref, api);
}
