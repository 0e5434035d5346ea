// Stage 1 through ESLint's worker threads (the built CLI hands them eslint-options.js) gives the same migration as
// stage 1 in one thread.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/codemod/report.js';
import { BUILT_CLI, ensureBuilt, tempRepo } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('fixtures', import.meta.url));

describe('stage 1 on worker threads', () => {
  beforeAll(ensureBuilt, 120_000);

  it('reports the same changes and findings as one thread', () => {
    const files: Record<string, string> = {
      'eslint.config.js': 'export default [{}];\n',
      'package.json': '{ "type": "module" }\n',
    };
    for (const name of readdirSync(FIXTURES)) {
      for (const file of readdirSync(join(FIXTURES, name)).filter((entry) => /^input\.[cm]?[jt]s$/.test(entry))) {
        files[`src/${name}.${file.split('.').pop()}`] = readFileSync(join(FIXTURES, name, file), 'utf8');
      }
    }
    expect(Object.keys(files).length).toBeGreaterThan(6);
    const repo = tempRepo(files);
    const run = (concurrency: string) => {
      const out = execFileSync(
        process.execPath,
        [BUILT_CLI, 'migrate', '--dry', '--json', '--concurrency', concurrency],
        { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const { files: diffs, changes, needsPerson, skipped, summary, warnings } = JSON.parse(out) as MigrationReport;
      return { diffs, changes, needsPerson, skipped, summary, warnings };
    };
    const single = run('off');
    expect(single.summary.filesChanged).toBeGreaterThan(5);
    expect(single.warnings).toEqual([]); // so the threaded run below did not fall back to one thread
    expect(run('2')).toEqual(single);
  }, 120_000);
});
