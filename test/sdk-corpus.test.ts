// The SDKs' own published code is full of look-alikes: providers that resolve credentials and hand them on,
// token caches with expiry checks, fetches of the metadata endpoints, presigners with expiry arguments.
// The recommended config must stay silent there, or every remaining finding must be explained below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { corpusLanguageBlocks, listCorpusFiles, REPO_ROOT } from '../bench/corpus.js';
import plugin from '../src/index.js';

interface Finding {
  file: string;
  ruleId: string | null;
  line: number;
  message: string;
  fatal: boolean;
}

interface ExplainedFinding {
  file: string;
  ruleId: string;
  line: number;
  why: string;
}

/**
 * Findings on the corpus that are accepted, each with the reason. The list must match exactly: an entry that
 * no longer occurs fails the test too, so it cannot go stale.
 */
const EXPLAINED_FINDINGS: readonly ExplainedFinding[] = [];

// Files are linted under a virtual path outside node_modules (ESLint ignores node_modules by default); the
// path keeps the package layout, so the dist-es/esm globs of corpusLanguageBlocks() still apply.
const VIRTUAL_ROOT = join(REPO_ROOT, 'sdk-corpus');

const config: Linter.Config[] = [...(plugin.configs.recommended as Linter.Config[]), ...corpusLanguageBlocks()];

function lint(linter: Linter, corpusPath: string, text: string): Finding[] {
  return linter.verify(text, config, join(VIRTUAL_ROOT, corpusPath)).map((message) => ({
    file: corpusPath,
    ruleId: message.ruleId,
    line: message.line,
    message: message.message,
    fatal: message.fatal === true,
  }));
}

function samePlace(finding: Finding, explained: ExplainedFinding): boolean {
  return finding.file === explained.file && finding.ruleId === explained.ruleId && finding.line === explained.line;
}

describe('the recommended config on the SDKs own code', () => {
  it('still reports the snapshot shape when it is written in a corpus file (so silence below means something)', () => {
    const snapshot = [
      "import { S3Client } from '@aws-sdk/client-s3';",
      "import { fromInstanceMetadata } from '@aws-sdk/credential-providers';",
      'const credentials = await fromInstanceMetadata()();',
      'export const s3 = new S3Client({ credentials });',
    ].join('\n');
    const findings = lint(new Linter({ cwd: REPO_ROOT }), '@aws-sdk/client-s3/dist-es/canary.js', snapshot);
    expect(findings.map((finding) => finding.ruleId)).toContain('credential-expiry/no-static-snapshot');
  });

  it('reports nothing on the corpus except the explained findings', () => {
    // The whole corpus (about 480 files, 2.8 MiB): small enough to stay well under a minute on two cores.
    const files = listCorpusFiles();
    expect(files.length).toBeGreaterThanOrEqual(400);

    const linter = new Linter({ cwd: REPO_ROOT });
    const messages = files.flatMap((file) => lint(linter, file.corpusPath, readFileSync(file.absolutePath, 'utf8')));

    // A file that does not parse is linted by no rule: that would make "no findings" meaningless.
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    // Other messages come from the SDK authors' own eslint-disable comments naming rules this config does not load.
    const findings = messages.filter((message) => message.ruleId?.startsWith(`${plugin.meta.namespace}/`));
    const unexplained = findings.filter(
      (finding) => !EXPLAINED_FINDINGS.some((explained) => samePlace(finding, explained)),
    );
    expect(unexplained).toEqual([]);
    const stale = EXPLAINED_FINDINGS.filter((explained) => !findings.some((finding) => samePlace(finding, explained)));
    expect(stale).toEqual([]);
  });
});
