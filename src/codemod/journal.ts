import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { errorMessage } from './errors.js';
import { gitDir } from './git.js';

/**
 * The write journal: which temporary file becomes which file. It is written (atomically) before the first
 * temporary file, marked `committed` once every temporary file is complete, and removed after the last rename, so
 * the next run can tell a write that never started renaming (roll back) from one killed between renames (complete).
 */
export interface Journal {
  version: 1;
  state: 'prepared' | 'committed';
  files: JournalEntry[];
}

interface JournalEntry {
  /** Absolute path of the file being replaced. */
  path: string;
  /** Absolute path of its temporary file, in the same folder (a rename never crosses a file system). */
  temp: string;
  /** sha256 of the text before and after the migration. */
  before: string;
  after: string;
}

const JOURNAL_NAME = 'credential-expiry-migrate.journal.json';

/** Names of this tool's temporary files: `<name>.credential-expiry-<pid>.tmp`, beside the file they replace. */
export const TEMP_FILE = /\.credential-expiry-\d+\.tmp$/;

/** Whether a path is one of this tool's own files (a temporary file or the journal), never to be migrated. */
export function isOwnFile(path: string): boolean {
  return TEMP_FILE.test(path) || basename(path) === JOURNAL_NAME || basename(path) === `.${JOURNAL_NAME}`;
}

export function tempPathFor(path: string): string {
  return `${path}.credential-expiry-${process.pid}.tmp`;
}

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Inside git the journal lives in the git directory (it never shows as a change); outside git, at the root. */
export function journalPath(root: string): string {
  const dir = gitDir(root);
  return dir ? join(dir, JOURNAL_NAME) : join(root, `.${JOURNAL_NAME}`);
}

export async function writeJournal(path: string, journal: Journal): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(journal, null, 2)}\n`, { encoding: 'utf8' });
}

export function removeJournal(path: string): void {
  rmSync(path, { force: true });
}

function readJournal(path: string): Journal | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    return journal.version === 1 && Array.isArray(journal.files) ? journal : undefined;
  } catch {
    return undefined;
  }
}

const hashOf = (path: string) => (existsSync(path) ? sha256(readFileSync(path)) : undefined);

/** What recovering an interrupted run did: a sentence for the user, and the files it put into their migrated state. */
interface Recovery {
  message: string;
  completed: string[];
}

/**
 * Finishes what an interrupted run left: a `prepared` journal is rolled back (its temporary files removed, no file
 * had been replaced yet), a `committed` one is completed (the remaining renames done). A file that changed since
 * is left as it is and said so. Returns undefined when there was nothing to recover.
 */
export function recoverInterruptedRun(root: string): Recovery | undefined {
  const path = journalPath(root);
  const journal = readJournal(path);
  if (!journal) {
    if (existsSync(path)) removeJournal(path);
    return undefined;
  }
  const completed: string[] = [];
  const untouched: string[] = [];
  for (const entry of journal.files) {
    if (journal.state === 'prepared') {
      rmSync(entry.temp, { force: true });
      continue;
    }
    const current = hashOf(entry.path);
    try {
      if (existsSync(entry.temp) && current === entry.before && hashOf(entry.temp) === entry.after)
        renameSync(entry.temp, entry.path);
      else rmSync(entry.temp, { force: true });
    } catch (error) {
      untouched.push(`${entry.path} (${errorMessage(error)})`);
      continue;
    }
    if (hashOf(entry.path) === entry.after) completed.push(entry.path);
    else untouched.push(entry.path);
  }
  removeJournal(path);
  const count = journal.files.length;
  const message =
    journal.state === 'prepared'
      ? `an earlier run was interrupted before it replaced any file; rolled it back (${count} temporary file${count === 1 ? '' : 's'} removed, every file is as it was)`
      : `an earlier run was interrupted while replacing files; completed it (${completed.length} of ${count} file${count === 1 ? '' : 's'} now migrated)` +
        (untouched.length ? `; changed since, so left as they are: ${untouched.join(', ')}` : '');
  return { message, completed };
}
