// The codemod's migrated share on the labelled real-world cases (issue 15): of the true A, B and D findings (a
// labelled line the rules report with a rule of that kind), how many does `credential-expiry migrate` remove?
//   node bench/migrated-share.js [--dir test/fixtures/engine-heldout-3] [--list]
// Runs the built CLI (npm run build first) on a copy of a labelled set (default test/fixtures/realworld; --dir names
// another set with the same labels.json format, such as a held-out set) in a temporary git repository.
// A finding counts as migrated when the report lists a change for its file at its line (stage 1 records the line
// in the original file; stage 2 the line of the rewritten export), and it is not among the findings left for a person.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { REPO_ROOT } from './corpus.js';

const KIND_OF_RULE = {
  'credential-expiry/no-static-snapshot': 'A',
  'credential-expiry/no-module-token-cache': 'B',
  'credential-expiry/presign-within-session': 'D',
  'credential-expiry/presign-max-lifetime': 'D',
};
const REALWORLD = join(REPO_ROOT, 'test', 'fixtures', 'realworld');
const BUILT_CLI = join(REPO_ROOT, 'dist', 'src', 'codemod', 'cli.js');
const JSX_FILES = { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } };

export async function migratedShare(dir = REALWORLD) {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  const repo = mkdtempSync(join(tmpdir(), 'credential-expiry-share-'));
  try {
    cpSync(dir, repo, { recursive: true });
    // A React project's own config reads JSX in .jsx files (as bench/heldout.js does); the plugin's configs leave
    // parsing JavaScript to the user, so without it `migrate` skips every .jsx file as unparsable.
    writeFileSync(join(repo, 'eslint.config.mjs'), `export default [${JSON.stringify(JSX_FILES)}];\n`);
    const git = (...args) =>
      execFileSync('git', ['-c', 'user.email=b@example.com', '-c', 'user.name=b', ...args], {
        cwd: repo,
        stdio: 'ignore',
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'cases');

    const { default: plugin } = await import(join(REPO_ROOT, 'dist', 'src', 'index.js'));
    const eslint = new ESLint({
      cwd: repo,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, JSX_FILES],
    });
    const results = await eslint.lintFiles(labels.map((label) => label.file));
    const reported = new Set(
      results.flatMap((result) =>
        result.messages
          .filter((m) => KIND_OF_RULE[m.ruleId])
          .map((m) => `${result.filePath.slice(repo.length + 1)}:${m.line}:${KIND_OF_RULE[m.ruleId]}`),
      ),
    );
    // One truth per required A/B/D line; the optional lines of the same kind (held-out sets: the keeper, the
    // hand-over of the same defect) count as the same truth, found or migrated when any of its lines is.
    const truths = labels.flatMap((label) =>
      label.expect
        .filter((e) => 'ABD'.includes(e.kind) && !e.optional)
        .map((e) => ({
          file: label.file,
          line: e.line,
          kind: e.kind,
          lines: [e.line, ...label.expect.filter((o) => o.optional && o.kind === e.kind).map((o) => o.line)],
        })),
    );
    const keys = (t) => t.lines.map((line) => `${t.file}:${line}:${t.kind}`);
    const found = truths.filter((t) => keys(t).some((key) => reported.has(key)));

    const run = spawnSync(process.execPath, [BUILT_CLI, 'migrate', '--dry', '--json', '--concurrency', 'off'], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const report = JSON.parse(run.stdout);
    const changed = new Set(
      report.changes.filter((c) => KIND_OF_RULE[c.rule]).map((c) => `${c.file}:${c.line}:${KIND_OF_RULE[c.rule]}`),
    );
    const migrated = found.filter((t) => keys(t).some((key) => changed.has(key)));
    const left = report.needsPerson.filter((f) => KIND_OF_RULE[f.rule]);
    // Stricter: a finding of the same kind still left in that file (a second defect on the same value, e.g. a
    // clamp to 7 d that leaves the assumed session) means the file still needs a person for that kind.
    const leftInFile = new Set(left.map((f) => `${f.file}:${KIND_OF_RULE[f.rule]}`));
    const migratedClean = migrated.filter((t) => !leftInFile.has(`${t.file}:${t.kind}`));
    return {
      migratedClean,
      truths: truths.length,
      found: found.length,
      migrated,
      notMigrated: found.filter((t) => !migrated.includes(t)),
      left,
      report,
    };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, list: { type: 'boolean', default: false } },
  });
  const share = await migratedShare(values.dir ? resolve(REPO_ROOT, values.dir) : REALWORLD);
  const byKind = (list, kind) => list.filter((t) => t.kind === kind).length;
  console.log(`true A/B/D findings reported: ${share.found} of ${share.truths} labelled`);
  const percent = share.found === 0 ? 'n/a' : `${((100 * share.migrated.length) / share.found).toFixed(1)}%`;
  console.log(
    `migrated: ${share.migrated.length} (${percent})  A ${byKind(share.migrated, 'A')}, B ${byKind(share.migrated, 'B')}, D ${byKind(share.migrated, 'D')}`,
  );
  console.log(
    `migrated with no finding of the same kind left in the file: ${share.migratedClean.length} (${((100 * share.migratedClean.length) / share.found).toFixed(1)}%)`,
  );
  console.log(
    `files changed: ${share.report.summary.filesChanged}; A/B/D findings left for a person: ${share.left.length}`,
  );
  if (values.list) {
    for (const t of share.notMigrated) console.log(`  not migrated: ${t.file}:${t.line} ${t.kind}`);
    for (const f of share.left)
      console.log(`  left: ${f.file}:${f.line} ${f.rule} ${f.messageId}: ${f.why.slice(0, 140)}`);
  }
}
