import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempRepo } from './helpers.js';

// Fake but well-formed values (not AWS's documented examples), so the scanners treat them as real.
const KEY_ID = 'ASIAZ7QX3PLMW4RT8KVN';
const SECRET_KEY = 'h7Gk2pQ9xR4mT8vW1zB6nL3cY5dF0sJ2aE9uK4oP';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJGMEQCIQm7Rt2Vx9Lp4Ks8Wz5Nd7Ty3Hq';

const FILES = {
  'src/store.ts': [
    "import { S3Client } from '@aws-sdk/client-s3';",
    "import { fromInstanceMetadata } from '@aws-sdk/credential-providers';",
    `const fallback = { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET_KEY}', sessionToken: '${SESSION_TOKEN}' };`,
    'const creds = await fromInstanceMetadata()();',
    'export const s3 = new S3Client({ credentials: creds });',
    'export const backup = new S3Client({ credentials: fallback });',
    '',
  ].join('\n'),
};

describe('credential-expiry migrate never prints a secret', () => {
  it('masks credentials in diff context lines, findings and the JSON report', async () => {
    const repo = tempRepo(FILES);
    const run = await cli(repo, ['migrate', '--dry', '--report', 'report.json']);
    expect(run.code).toBe(0);
    // The fixed line is in the diff, so the secrets' line is printed as context: masked.
    expect(run.stdout).toContain('+export const s3 = new S3Client({ credentials: fromInstanceMetadata() });');
    expect(run.stdout).toContain('ASIA****');
    const report = readFileSync(join(repo, 'report.json'), 'utf8');
    for (const output of [run.stdout, run.stderr, report]) {
      for (const secret of [KEY_ID, SECRET_KEY, SESSION_TOKEN]) expect(output).not.toContain(secret);
    }
  });
});
