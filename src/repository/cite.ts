import path from 'node:path';
import { maskSecretsInText } from '../analysis/secret-scan.js';
import type { Citation } from './types.js';
import { replacePlaceholders } from './placeholders.js';

const MAX_TEXT = 80;

/** A repository-relative path with `/` separators (the form messages and unit paths use). */
export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** A citation for messages; the quoted text is masked like every other output (an infrastructure line may hold a key). */
export function cite(root: string, file: string, line: number, text: string): Citation {
  const oneLine = maskSecretsInText(text.replace(/\s+/g, ' ').trim());
  return {
    file: relativePath(root, file),
    line,
    text: oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}…` : oneLine,
  };
}

/** `infra/stack.ts:42, \`maxSessionDuration: Duration.hours(2)\`` */
export function citationText(citation: Citation): string {
  return `${citation.file}:${citation.line}, \`${citation.text}\``;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const IAM_NAME = /^[\w+=,.@-]+$/u;

/**
 * The role name an IAM role ARN ends with (`arn:aws:iam::123456789012:role/service/Export` → `Export`); the
 * account and partition may be placeholders (`${AWS::AccountId}`, `${account}`). Null for anything else.
 */
export function roleNameOfArn(arn: string): string | null {
  // Placeholders may hold `::` (`${AWS::AccountId}`): replaced by a neutral word before the parts are split.
  const parts = replacePlaceholders(arn.trim(), 'x').split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== 'iam' || parts[3] !== '') return null;
  const [kind, ...segments] = parts[5].split('/');
  const name = segments.at(-1);
  return kind === 'role' && name !== undefined && segments.every((segment) => IAM_NAME.test(segment)) ? name : null;
}
