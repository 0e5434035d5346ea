import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import type { Cell, RuleKind } from './compose.js';

const KIND_OF_RULE: Readonly<Record<string, RuleKind>> = {
  'credential-expiry/no-static-snapshot': 'A',
  'credential-expiry/no-module-token-cache': 'B',
};

const linter = new Linter({ configType: 'flat' });

/** 'ok', or what went wrong: "silent", "B at 4", "A at 9 (not a source or keeper line)", a parse error. */
export function outcomeOf(cell: Cell): string {
  const messages = linter.verify(cell.code, plugin.configs.recommended, 'src/matrix.js');
  const fatal = messages.find((m) => m.fatal);
  if (fatal) return `does not parse: ${fatal.message} at ${fatal.line}`;
  const found = messages.map((m) => ({ kind: KIND_OF_RULE[m.ruleId ?? ''] ?? m.ruleId, line: m.line }));
  const text = found.map((f) => `${f.kind} at ${f.line}`).join(', ');
  if (cell.expected === null) return found.length === 0 ? 'ok' : `reported: ${text}`;
  if (found.length === 0) return 'silent';
  const allowed = (kind: string | undefined) => kind === cell.expected || kind === cell.alsoAllowed;
  if (!found.some((f) => f.kind === cell.expected)) return `${cell.expected} silent, got ${text}`;
  const wrong = found.filter((f) => !allowed(f.kind) || !cell.lines.has(f.line));
  return wrong.length === 0 ? 'ok' : `expected ${cell.expected} at ${[...cell.lines].join('/')}, got ${text}`;
}
