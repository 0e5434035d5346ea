import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/repository/discover.js';

const root = mkdtempSync(path.join(tmpdir(), 'discover-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('discover', () => {
  it('finds Dockerfiles by the names the Dockerfile language is given, not the files named after one', () => {
    const names = [
      'Dockerfile',
      'Dockerfile.dev',
      'api.Dockerfile',
      'worker.dockerfile',
      'Containerfile',
      'Containerfile.arm64',
      'Dockerfile.dockerignore',
      'Dockerfile.md',
      'Dockerfile.sh',
      'Dockerfiles.txt',
      'README',
    ];
    for (const name of names) writeFileSync(path.join(root, name), 'FROM node:20\n');
    const dockerfiles = discover([root])
      .filter((found) => found.kind === 'dockerfile')
      .map((found) => path.basename(found.file));
    expect(dockerfiles.sort()).toEqual(
      [
        'Containerfile',
        'Containerfile.arm64',
        'Dockerfile',
        'Dockerfile.dev',
        'api.Dockerfile',
        'worker.dockerfile',
      ].sort(),
    );
  });
});
