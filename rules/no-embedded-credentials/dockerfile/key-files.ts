import { posix } from 'node:path';
import { CREDENTIAL_FILE_POINTERS, KEY_FILE_NAMES } from '../../../src/knowledge/secrets.js';
import type { InstructionNode, StageNode } from '../../../src/languages/dockerfile/index.js';
import type { ReportProblem } from '../context.js';
import { resolvePath, unquote, withWorkdir } from './stages.js';

interface Copy {
  instruction: InstructionNode;
  sources: string[];
  /** Absolute destination; `directory` when it ends with `/` or several sources go into it. */
  destination: string;
  directory: boolean;
}

interface Pointer {
  instruction: InstructionNode;
  name: string;
  path: string;
}

const POINTER_NAMES: ReadonlySet<string> = new Set(CREDENTIAL_FILE_POINTERS.envNames);

function normalise(path: string): string {
  return withoutTrailingSlashes(unquote(path).replace(/\\/gu, '/'));
}

/** A scan, not `/\/+$/`: that regex retries from every slash of a long run of slashes (quadratic). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

function keyFileName(path: string) {
  const normalised = normalise(path);
  return normalised ? KEY_FILE_NAMES.find((entry) => entry.pattern.test(normalised)) : undefined;
}

function copyOf(instruction: InstructionNode, workdir: string): Copy | undefined {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.heredocs.length > 0)
    return undefined;
  const words = instruction.execForm ?? instruction.args.map((arg) => arg.value);
  if (words.length < 2) return undefined;
  const destinationWord = words[words.length - 1];
  return {
    instruction,
    sources: words.slice(0, -1),
    destination: resolvePath(workdir, destinationWord),
    directory: destinationWord.endsWith('/') || words.length > 2,
  };
}

/** Paths the stage uses as credential files: ENV GOOGLE_APPLICATION_CREDENTIALS=..., RUN ... --key-file PATH. */
function pointersOf(instruction: InstructionNode, workdir: string): Pointer[] {
  const pointers: Pointer[] = [];
  for (const property of instruction.keyword === 'ENV' ? instruction.properties : []) {
    if (POINTER_NAMES.has(property.name) && property.value)
      pointers.push({ instruction, name: property.name, path: resolvePath(workdir, property.value) });
  }
  if (instruction.keyword === 'RUN') {
    for (const match of instruction.command.matchAll(CREDENTIAL_FILE_POINTERS.flags)) {
      pointers.push({ instruction, name: match[0].split(/[=\s]/u)[0], path: resolvePath(workdir, match[1]) });
    }
  }
  return pointers;
}

/**
 * COPY/ADD of credential files into a shipped stage: by name (`sa.json`, `.aws/credentials`, `*.p12`), or because
 * the stage uses exactly the copied path as a key (`--key-file`, GOOGLE_APPLICATION_CREDENTIALS). When the key only
 * arrives inside a copied directory (`COPY . /app`), the COPY line names no key, so the pointer is reported instead.
 */
export function checkKeyFileCopies(report: ReportProblem, stage: StageNode): void {
  const copies: Copy[] = [];
  const pointers: Pointer[] = [];
  for (const { instruction, workdir } of withWorkdir(stage)) {
    const copy = copyOf(instruction, workdir);
    if (copy) copies.push(copy);
    pointers.push(...pointersOf(instruction, workdir));
  }

  const reported = new Set<Copy>();
  const reportedByName = new Set<Copy>();
  for (const copy of copies) {
    const paths = copy.directory ? copy.sources : [...copy.sources, copy.destination];
    const named = paths
      .map((path) => ({ path: normalise(path), entry: keyFileName(path) }))
      .find((candidate) => candidate.entry);
    const usedBy = pointers.find((pointer) => pointer.path === copy.destination);
    if (!named && !usedBy) continue;
    reported.add(copy);
    if (named) reportedByName.add(copy);
    const what = named
      ? named.entry!.what
      : `used as a credential file by ${usedBy!.name} on line ${usedBy!.instruction.loc.start.line}`;
    report({
      loc: copy.instruction.loc,
      messageId: 'dockerKeyFileCopy',
      data: { keyword: copy.instruction.keyword, path: named?.path ?? copy.destination, what },
    });
  }

  for (const pointer of pointers) {
    // An ENV pointer ships too (it makes the container use the baked key): reported on its own line, unless the COPY
    // was reported because of it (its message names the pointer). A RUN step's `--key-file` only uses it at build time.
    const named =
      pointer.instruction.keyword === 'ENV'
        ? copies.find((copy) => reportedByName.has(copy) && copy.destination === pointer.path)
        : undefined;
    if (
      !named &&
      copies.some(
        (copy) => reported.has(copy) && (copy.destination === pointer.path || isInside(pointer.path, copy.destination)),
      )
    )
      continue;
    const copy = named ?? copies.find((candidate) => isInside(pointer.path, candidate.destination));
    if (!copy) continue;
    report({
      loc: pointer.instruction.loc,
      messageId: 'dockerCredentialPath',
      data: {
        name: pointer.name,
        path: pointer.path,
        keyword: copy.instruction.keyword,
        line: String(copy.instruction.loc.start.line),
      },
    });
  }
}

function isInside(path: string, directory: string): boolean {
  const relative = posix.relative(directory, path);
  return relative !== '' && !relative.startsWith('..') && !posix.isAbsolute(relative);
}
