/** Exit codes of `credential-expiry`, as documented in `--help`. */
export const EXIT = {
  ok: 0,
  /** `--check`: a migration is pending. */
  pending: 1,
  /** Bad usage or input the run cannot start with: unknown option, missing path, tsconfig that does not load. */
  usage: 2,
  /** Refused to write: the git working tree has uncommitted changes (use --force). */
  dirtyTree: 3,
  /** Writing a file failed; files already written are complete, the rest untouched. */
  writeFailed: 4,
} as const;

/** An error the CLI prints as one line and exits with `EXIT.usage`. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The first line of an error's message: what a one-line report shows. */
export function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
