// The clean-up after fixes, on texts shaped like what a rule's fix leaves behind (today's rules remove their own
// dead declarations, so these shapes are built here rather than taken from a rule).
import { describe, expect, it } from 'vitest';
import { cleanupEdits } from '../../src/codemod/transforms/cleanup.js';
import { applyEdits, offsetOf } from '../../src/codemod/transforms/text-edits.js';
import type { FileState, Finding } from '../../src/codemod/types.js';

function fixedAt(text: string, needle: string): Finding {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return {
    file: 'src/a.ts',
    line,
    column: offset - before.lastIndexOf('\n'),
    rule: 'credential-expiry/no-static-snapshot',
    message: 'm',
    whatToDo: 'w',
  };
}

function cleaned(path: string, original: string, text: string, fixed: Finding[] = []): string {
  const file: FileState = { path, file: path, original, text, fixed, remaining: [] };
  return applyEdits(text, cleanupEdits(file));
}

describe('cleanup after fixes', () => {
  it('removes a variable whose last read a fix removed, when the fixed finding was in its initializer', () => {
    const original =
      'const imds = await fromInstanceMetadata()();\nexport const s3 = new S3Client({ credentials: imds });\n';
    const text =
      'const imds = await fromInstanceMetadata()();\nexport const s3 = new S3Client({ credentials: fromInstanceMetadata() });\n';
    expect(offsetOf(original, 1, 20)).toBe(original.indexOf('fromInstanceMetadata'));
    expect(cleaned('/r/a.ts', original, text, [fixedAt(original, 'fromInstanceMetadata()()')])).toBe(
      'export const s3 = new S3Client({ credentials: fromInstanceMetadata() });\n',
    );
  });

  it('keeps a variable that became unused without a fixed finding in its initializer, or that is exported', () => {
    const original = 'const a = load();\nexport const b = load();\nuse(a, b);\n';
    const text = 'const a = load();\nexport const b = load();\nuse(1, 2);\n';
    expect(cleaned('/r/a.ts', original, text, [fixedAt(original, 'use(')])).toBe(text);
    expect(cleaned('/r/a.ts', original, text, [fixedAt(original, 'load();\nexport')])).toBe(
      'export const b = load();\nuse(1, 2);\n',
    );
  });

  it('removes imports whose last use the migration removed, and only those', () => {
    const original =
      "import { fromStatic, other } from '@smithy/property-provider';\nimport { unused } from 'x';\nfromStatic(other);\n";
    const text =
      "import { fromStatic, other } from '@smithy/property-provider';\nimport { unused } from 'x';\nother;\n";
    expect(cleaned('/r/a.ts', original, text)).toBe(
      "import { other } from '@smithy/property-provider';\nimport { unused } from 'x';\nother;\n",
    );
  });

  it("adds an import a fix needs, in the file's quote and semicolon style, next to an import of the same module", () => {
    const original =
      'import { S3Client } from "@aws-sdk/client-s3"\n\nexport const s3 = new S3Client({ credentials: creds })\n';
    const text =
      'import { S3Client } from "@aws-sdk/client-s3"\n\nexport const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn } }) })\n';
    expect(cleaned('/r/a.ts', original, text)).toBe(
      'import { S3Client } from "@aws-sdk/client-s3"\nimport { fromTemporaryCredentials } from "@aws-sdk/credential-providers"\n\n' +
        'export const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn } }) })\n',
    );
    const existing = "import { fromIni } from '@aws-sdk/credential-providers';\nuse(fromIni);\n";
    expect(cleaned('/r/a.ts', existing, `${existing}fromTemporaryCredentials();\n`)).toBe(
      "import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';\nuse(fromIni);\nfromTemporaryCredentials();\n",
    );
  });

  it('adds a require() in a CommonJS file, and nothing for names the file declares', () => {
    const original =
      "'use strict';\nconst { S3Client } = require('@aws-sdk/client-s3');\nnew S3Client({ credentials: c });\n";
    const text =
      "'use strict';\nconst { S3Client } = require('@aws-sdk/client-s3');\nnew S3Client({ credentials: fromTemporaryCredentials({}) });\n";
    expect(cleaned('/r/a.cjs', original, text)).toBe(
      "'use strict';\nconst { S3Client } = require('@aws-sdk/client-s3');\nconst { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');\nnew S3Client({ credentials: fromTemporaryCredentials({}) });\n",
    );
    const declared = 'function fromTemporaryCredentials() {}\nfromTemporaryCredentials();\n';
    expect(cleaned('/r/a.js', 'function fromTemporaryCredentials() {}\n', declared)).toBe(declared);
  });

  it('removes an STS client only the removed declaration read, and then its import', () => {
    const original =
      "import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';\n" +
      "const sts = new STSClient({ region: 'us-east-1' });\n" +
      'const out = await sts.send(new AssumeRoleCommand(params));\n' +
      'export const s3 = new S3Client({ credentials: out.Credentials });\n';
    const text = original.replace('out.Credentials', 'fromTemporaryCredentials({ params })');
    expect(cleaned('/r/a.ts', original, text, [fixedAt(original, 'sts.send')])).toBe(
      "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\n" +
        'export const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params }) });\n',
    );
  });

  it('keeps an STS client still read, built with a call in its options, exported, or another client', () => {
    const kept = (client: string) => {
      const original = `${client}\nconst out = await sts.assumeRole(p).promise();\nuse(out);\n`;
      const text = `${client}\nconst out = await sts.assumeRole(p).promise();\nuse(1);\n`;
      return cleaned('/r/a.js', original, text, [fixedAt(original, 'sts.assumeRole')]);
    };
    expect(kept('const sts = new AWS.STS();')).toBe('use(1);\n');
    expect(kept('const sts = new AWS.STS({ credentials: fromIni() });')).toBe(
      'const sts = new AWS.STS({ credentials: fromIni() });\nuse(1);\n',
    );
    expect(kept('export const sts = new AWS.STS();')).toBe('export const sts = new AWS.STS();\nuse(1);\n');
    expect(kept('const sts = new AWS.S3();')).toBe('const sts = new AWS.S3();\nuse(1);\n');
    const stillRead = 'const sts = new AWS.STS();\nconst out = await sts.assumeRole(p).promise();\nuse(out, sts);\n';
    expect(
      cleaned('/r/a.js', stillRead, stillRead.replace('use(out, sts)', 'use(1, sts)'), [
        fixedAt(stillRead, 'sts.assumeRole'),
      ]),
    ).toBe('const sts = new AWS.STS();\nuse(1, sts);\n');
  });
});
