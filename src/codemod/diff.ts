import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { maskSecretsInText } from '../analysis/secret-scan.js';

/**
 * A git-style unified diff of one file (`--- a/file`, `+++ b/file`, 3 lines of context), with credential-looking
 * values masked: a hard-coded key next to a fixed line would otherwise be printed in full as context.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  return maskSecretsInText(
    createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY,
    }),
  );
}
