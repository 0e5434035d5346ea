import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestPath } from '../../src/analysis/test-code.js';
import { TEST_CODE } from '../../src/knowledge/test-code.js';

// isTestPath judges a path relative to the working directory; where both are plain paths it slices instead of
// calling path.relative. The answers must be those of path.relative, for plain paths and for those it resolves.
describe('isTestPath', () => {
  const reference = (filename: string, cwd: string): boolean => {
    const relative = path.relative(cwd, filename);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filename;
    const parts = inside.split(/[/\\]/u);
    const name = parts.at(-1) ?? '';
    if (TEST_CODE.fileName.test(name) || TEST_CODE.globalSetupFileName.test(name)) return true;
    return parts.slice(0, -1).some((part) => (TEST_CODE.directories as readonly string[]).includes(part));
  };

  it('judges the path below the working directory, so a checkout under a test folder is not all tests', () => {
    expect(isTestPath('/home/me/test/app/src/index.ts', '/home/me/test/app')).toBe(false);
    expect(isTestPath('/repo/test/setup.ts', '/repo')).toBe(true);
    expect(isTestPath('/repo/src/client.test.ts', '/repo')).toBe(true);
    expect(isTestPath('/repo/src/client.ts', '/repo')).toBe(false);
  });

  it('answers as path.relative would, for plain paths and for those it resolves', () => {
    const cases: [string, string][] = [
      ['/repo/src/client.ts', '/repo'],
      ['/repo/test/client.ts', '/repo'],
      ['/repo-test/test/client.ts', '/repo'],
      ['/repo/test/client.ts', '/repo/'],
      ['/repo/./test/client.ts', '/repo'],
      ['/repo/src/../test/client.ts', '/repo'],
      ['/repo//test/client.ts', '/repo'],
      ['/test/client.ts', '/test/repo'],
      ['/work/test/app/src/client.ts', '/work/test/app/./'],
      ['/work/test/app/src/client.ts', '/work/test/app/../app'],
      ['/work/test/app', '/work/test/app'],
    ];
    for (const [filename, cwd] of cases)
      expect(isTestPath(filename, cwd), `${cwd} ${filename}`).toBe(reference(filename, cwd));
  });
});
