// Runs credentialExpiry.configs.recommended over whole repositories and prints the findings per rule and per 50k
// lines, each finding with its file and line (the secret masked by the rule's own message), for triage.
//   npm run build && node bench/sweep.js <repo-path> [<repo-path> ...] [--json out.json] [--no-list] [--test-code report]
//     [--typed]
// The repositories stay outside this one: check them out at the commits in test/fixtures/realworld/sources.md §repos.
// Every file a config block of the plugin matches is linted, test code included (as a user's `npx eslint .` would);
// node_modules, build output and minified bundles are left out, as a repository's own ESLint config would.
// --typed gives TypeScript files type information (typescript-eslint's project service: each file's nearest
// tsconfig.json), as a repository with typed linting would; the rules then follow values across files.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { maskSecretsInText } from '../dist/src/analysis/secret-mask.js';
import { isTestPath } from '../dist/src/analysis/test-code.js';
import credentialExpiry from '../dist/src/index.js';

const LINES_PER_UNIT = 50_000;
const IGNORES = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/coverage/**',
  '**/.next/**',
  '**/*.min.js',
  '**/vendor/**',
  '**/lib-esm/**',
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'string' },
    'no-list': { type: 'boolean', default: false },
    'test-code': { type: 'string', default: 'skip' },
    typed: { type: 'boolean', default: false },
  },
});
if (positionals.length === 0) {
  console.error(
    'usage: node bench/sweep.js <repo-path> [<repo-path> ...] [--json out.json] [--no-list] [--test-code skip|report] [--typed]',
  );
  process.exit(2);
}

const summaries = [];
for (const path of positionals) {
  const root = resolve(path);
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    // The repository's own inline directives name rules of other plugins: read none of them.
    overrideConfig: [
      { ignores: IGNORES },
      { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
      { settings: { 'credential-expiry': { testCode: values['test-code'] } } },
      ...credentialExpiry.configs.recommended,
      ...(values.typed
        ? [
            {
              files: ['**/*.{ts,cts,mts,tsx}'],
              languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
            },
          ]
        : []),
    ],
    errorOnUnmatchedPattern: false,
  });
  const started = Date.now();
  const results = await eslint.lintFiles(['.']);
  let lines = 0;
  const findings = [];
  const notParsed = [];
  for (const result of results) {
    lines += readFileSync(result.filePath, 'utf8').split('\n').length;
    const file = relative(root, result.filePath);
    for (const message of result.messages) {
      // Files a parser rejects (templated YAML, JSON with comments the parser refuses) are counted, not findings.
      // The parser's message may quote the source: masked like the rules' own.
      if (message.fatal) notParsed.push({ file, message: maskSecretsInText(message.message) });
      // Only the plugin's findings (not ESLint's notes on the repository's own directives).
      if (!message.ruleId?.startsWith('credential-expiry/')) continue;
      findings.push({
        file,
        line: message.line,
        rule: message.ruleId,
        test: isTestPath(result.filePath, root),
        message: message.message,
      });
    }
  }
  const perRule = {};
  for (const finding of findings) perRule[finding.rule] = (perRule[finding.rule] ?? 0) + 1;
  const summary = {
    repo: basename(root),
    files: results.length,
    lines,
    findings: findings.length,
    inTestCode: findings.filter((f) => f.test).length,
    parseErrors: notParsed.length,
    per50k: Number(((findings.length * LINES_PER_UNIT) / Math.max(lines, 1)).toFixed(2)),
    perRule,
    seconds: Math.round((Date.now() - started) / 1000),
    list: findings,
    notParsed,
  };
  summaries.push(summary);
  console.log(
    `\n## ${summary.repo}: ${summary.files} files, ${summary.lines} lines, ${summary.findings} findings (${summary.inTestCode} in test code), ${summary.per50k} per 50k lines, ${notParsed.length} files not parsed, ${summary.seconds} s`,
  );
  for (const [rule, count] of Object.entries(perRule)) console.log(`  ${rule}: ${count}`);
  if (!values['no-list'])
    for (const f of findings)
      console.log(`  ${f.test ? '[test] ' : ''}${f.file}:${f.line} ${f.rule}: ${f.message.slice(0, 160)}`);
}

console.log('\n| repo | files | lines | findings | in test code | per 50k lines |\n|---|---|---|---|---|---|');
for (const s of summaries)
  console.log(`| ${s.repo} | ${s.files} | ${s.lines} | ${s.findings} | ${s.inTestCode} | ${s.per50k} |`);
if (values.json) writeFileSync(values.json, JSON.stringify(summaries, null, 1));
