import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { errorMessage } from './errors.js';
import type { SkippedFile } from './types.js';

type SourceRead = { kind: 'text'; text: string } | { kind: 'skipped'; reason: SkippedFile['reason']; message: string };

/** Throws on bytes that are not UTF-8; keeps a BOM in the text (ESLint keeps it in its output too). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
};

/**
 * The text of a file to migrate, or why it is left alone: a symbolic link is never written through (replacing it
 * would turn the link into a file, or change a file outside the repository that git cannot show or undo; its target
 * is migrated under its own path when it is in the repository), and a file that is not valid UTF-8 (Latin-1, say) is
 * not rewritten, since decoding it would replace its characters with U+FFFD.
 */
export function readSource(root: string, path: string): SourceRead {
  let bytes: Buffer;
  try {
    if (lstatSync(path).isSymbolicLink()) {
      const target = realpathSync(path);
      return inside(realpathSync(root), target)
        ? {
            kind: 'skipped',
            reason: 'symlink',
            message: `a symbolic link to ${relative(root, target).split(sep).join('/')}; not followed (its target is migrated under its own path)`,
          }
        : {
            kind: 'skipped',
            reason: 'symlink',
            message: 'a symbolic link to a file outside the repository; not followed',
          };
    }
    if (!inside(realpathSync(root), realpathSync(path)))
      return {
        kind: 'skipped',
        reason: 'symlink',
        message: 'under a symbolic link that leads outside the repository; not followed',
      };
    // Synchronous: thousands of small reads, one after the other, are faster without the thread-pool round trip.
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'skipped', reason: 'unreadable', message: errorMessage(error) };
  }
  try {
    return { kind: 'text', text: UTF8.decode(bytes) };
  } catch {
    return {
      kind: 'skipped',
      reason: 'not-utf8',
      message: 'not valid UTF-8 (another encoding, such as Latin-1?); left as it is',
    };
  }
}
