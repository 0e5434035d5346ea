import { chmod, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from './errors.js';
import { type Journal, journalPath, removeJournal, sha256, tempPathFor, writeJournal } from './journal.js';
import type { FileState } from './types.js';

/** Test hook: the step (`prepared <file>` or `wrote <file>`) after which to stall, so a test can kill the process there. */
export const WRITE_PAUSE_ENV = 'CREDENTIAL_EXPIRY_TEST_STALL_AFTER';
const STALL_MS = 600_000;

interface WriteFailure {
  file: string;
  message: string;
}

interface WriteProgress {
  /** A file's temporary file is complete (nothing replaced yet). */
  onPrepared(file: FileState): void;
  /** A file was replaced by its migrated text. */
  onWritten(file: FileState): void;
}

async function writeTemp(path: string, temp: string, text: string): Promise<void> {
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(temp, (await stat(path)).mode & 0o7777);
}

/**
 * Stage 3, all or nothing: every changed file is first written to a temporary file in its own folder; only when all
 * of them are complete are they renamed over the originals. A journal (see journal.ts) records the plan, so a run
 * killed between renames is completed by the next one, and one killed before is rolled back. A file that changed
 * on disk since it was read stops the write before anything is replaced.
 */
export async function writeChangedFiles(
  root: string,
  files: readonly FileState[],
  progress: WriteProgress,
): Promise<WriteFailure | undefined> {
  const step = async (label: string) => {
    if (process.env[WRITE_PAUSE_ENV] === label) await sleep(STALL_MS);
  };
  for (const file of files) {
    try {
      if ((await readFile(file.path, 'utf8')) !== file.original)
        return { file: file.file, message: 'changed on disk during the run; nothing was written; run migrate again' };
    } catch (error) {
      return { file: file.file, message: `${errorMessage(error)}; nothing was written` };
    }
  }
  const path = journalPath(root);
  const journal: Journal = {
    version: 1,
    state: 'prepared',
    files: files.map((file) => ({
      path: file.path,
      temp: tempPathFor(file.path),
      before: sha256(file.original),
      after: sha256(file.text),
    })),
  };
  await writeJournal(path, journal);
  for (const [index, file] of files.entries()) {
    try {
      await writeTemp(file.path, journal.files[index].temp, file.text);
    } catch (error) {
      await Promise.all(journal.files.map((entry) => rm(entry.temp, { force: true })));
      removeJournal(path);
      return { file: file.file, message: `${errorMessage(error)}; nothing was written` };
    }
    progress.onPrepared(file);
    await step(`prepared ${file.file}`);
  }
  await writeJournal(path, { ...journal, state: 'committed' });
  for (const [index, file] of files.entries()) {
    try {
      await rename(journal.files[index].temp, file.path);
    } catch (error) {
      return {
        file: file.file,
        message: `${errorMessage(error)}; the files before it were replaced; run migrate again to complete the rest`,
      };
    }
    progress.onWritten(file);
    await step(`wrote ${file.file}`);
  }
  removeJournal(path);
  return undefined;
}
