import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import writeFileAtomic from 'write-file-atomic';
import type { FileState } from './types.js';

/** Test hook: milliseconds to pause after each written file, so a test can kill the process mid-phase. */
export const WRITE_PAUSE_ENV = 'CREDENTIAL_EXPIRY_TEST_WRITE_PAUSE_MS';

export interface WriteFailure {
  file: string;
  message: string;
}

/**
 * Stage 3: each changed file written atomically (a temporary file in the same folder, then a rename), so an
 * interrupted run leaves every file either old or new. A file that changed on disk since it was read is not
 * overwritten. Stops at the first failure.
 */
export async function writeChangedFiles(
  files: readonly FileState[],
  onWritten: (file: FileState, index: number) => void,
): Promise<WriteFailure | undefined> {
  const pause = Number(process.env[WRITE_PAUSE_ENV] ?? 0);
  for (const [index, file] of files.entries()) {
    try {
      const onDisk = await readFile(file.path, 'utf8');
      if (onDisk !== file.original) return { file: file.file, message: 'changed on disk during the run; run migrate again' };
      await writeFileAtomic(file.path, file.text, { encoding: 'utf8' });
    } catch (error) {
      return { file: file.file, message: error instanceof Error ? error.message : String(error) };
    }
    onWritten(file, index);
    if (pause > 0 && index < files.length - 1) await sleep(pause);
  }
  return undefined;
}
