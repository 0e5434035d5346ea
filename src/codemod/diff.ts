import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** A git-style unified diff of one file (`--- a/file`, `+++ b/file`, 3 lines of context). */
export function unifiedDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
