import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as DockerfileAst from 'dockerfile-ast';
import { lazyModule } from '../util/lazy-module.js';
import { relativePath } from './cite.js';
import { debug } from './debug.js';
import { replacePlaceholders } from './placeholders.js';

const dockerfileAst = lazyModule<typeof DockerfileAst>('dockerfile-ast');
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * What the Dockerfiles of a repository put into their images. An image is tied to a Dockerfile when the image's
 * repository name (`123.dkr.ecr.eu-west-1.amazonaws.com/report-worker:1.4` → `report-worker`) is the name of the
 * folder that holds the Dockerfile, the usual one-folder-per-service layout; the build context is taken to be
 * that folder.
 */
export class DockerImages {
  private readonly byFolderName = new Map<string, string[]>();

  constructor(
    private readonly root: string,
    dockerfiles: readonly string[],
  ) {
    for (const file of dockerfiles) {
      const name = path.basename(path.dirname(file));
      this.byFolderName.set(name, [...(this.byFolderName.get(name) ?? []), file]);
    }
  }

  /** Repository-relative source paths of the image, or null when no single Dockerfile builds it. */
  sourcesOf(image: string): string[] | null {
    const name = imageRepositoryName(image);
    const candidates = name ? this.byFolderName.get(name) : undefined;
    if (!candidates) return null;
    if (candidates.length > 1) {
      debug('image %s matches %d Dockerfiles; not tied to any', image, candidates.length);
      return null;
    }
    return copiedSources(this.root, candidates[0]);
  }
}

/** `registry/team/name:tag` or `name@sha256:…` → `name`; null for an image named only by an expression. */
function imageRepositoryName(image: string): string | null {
  const withoutExpressions = replacePlaceholders(image);
  const last = withoutExpressions.split('/').at(-1) ?? '';
  const name = last.split('@')[0].split(':')[0];
  return /^[a-z0-9][a-z0-9._-]*$/.test(name) ? name : null;
}

/**
 * The code a Dockerfile copies from its context (`COPY src ./src`, `COPY . .`; not `COPY --from=stage`):
 * folders and code files that exist, relative to the repository.
 */
function copiedSources(root: string, dockerfile: string): string[] {
  let text: string;
  try {
    text = readFileSync(dockerfile, 'utf8');
  } catch {
    return [];
  }
  const context = path.dirname(dockerfile);
  const sources = new Set<string>();
  for (const copy of dockerfileAst().DockerfileParser.parse(text).getCOPYs()) {
    if (copy.getFromFlag()) continue;
    const args = copy.getArguments().map((a) => a.getValue());
    for (const source of args.slice(0, -1)) {
      const absolute = path.resolve(context, source);
      if (!absolute.startsWith(context) || source.includes('*')) continue;
      if (!existsSync(absolute)) continue;
      if (statSync(absolute).isDirectory() || CODE_FILE.test(source)) sources.add(relativePath(root, absolute) || '.');
    }
  }
  return [...sources];
}
