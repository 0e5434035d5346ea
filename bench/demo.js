// `npm run demo`: lint the examples/ app with the plugin, as its own eslint.config.js sets it up, and show what
// each rule finds there, then the codemod's dry-run diff. Findings are the point of the demo, so they do not fail
// it: the exit code is non-zero only when a tool itself fails (an ESLint crash, a config that does not load, the
// codemod exiting with an error).
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { REPO_ROOT } from './corpus.js';

const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
const PARSE_ERRORS = '(parse errors)';

async function lintExamples() {
  const eslint = new ESLint({ cwd: EXAMPLES_DIR, overrideConfigFile: join(EXAMPLES_DIR, 'eslint.config.js') });
  const results = await eslint.lintFiles(['.']);
  // Paths relative to the repo read better than absolute ones in the output.
  return { eslint, results: results.map((result) => ({ ...result, filePath: relative(REPO_ROOT, result.filePath) })) };
}

/** One group per rule id, each holding the results reduced to that rule's messages. */
function groupByRule(results) {
  const groups = new Map();
  for (const result of results) {
    for (const message of result.messages) {
      const rule = message.ruleId ?? PARSE_ERRORS;
      const perFile = groups.get(rule) ?? new Map();
      const messages = perFile.get(result.filePath) ?? [];
      messages.push(message);
      perFile.set(result.filePath, messages);
      groups.set(rule, perFile);
    }
  }
  return new Map(
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, perFile]) => [
        rule,
        [...perFile.entries()].map(([filePath, messages]) => ({
          filePath,
          messages,
          errorCount: messages.filter((message) => message.severity === 2).length,
          warningCount: messages.filter((message) => message.severity === 1).length,
          fatalErrorCount: messages.filter((message) => message.fatal).length,
          fixableErrorCount: messages.filter((message) => message.severity === 2 && message.fix).length,
          fixableWarningCount: messages.filter((message) => message.severity === 1 && message.fix).length,
          suppressedMessages: [],
          usedDeprecatedRules: [],
        })),
      ]),
  );
}

/** The codemod's dry-run diff of examples/ (issue 5): the built CLI, as `npx credential-expiry` runs it. */
async function showCodemodDryRun() {
  console.log('\n=== codemod dry run (credential-expiry migrate --dry examples) ===');
  const cli = join(REPO_ROOT, 'dist', 'src', 'codemod', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'migrate', '--dry', 'examples'], { cwd: REPO_ROOT, encoding: 'utf8' });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    console.error(`the codemod failed (exit ${run.status}):\n${run.stderr}`);
    process.exitCode = 2;
  }
}

async function main() {
  const { eslint, results } = await lintExamples();
  const stylish = await eslint.loadFormatter('stylish');
  const groups = groupByRule(results);

  console.log(
    `Linted ${results.length} file${results.length === 1 ? '' : 's'} in examples/ with examples/eslint.config.js\n`,
  );
  for (const [rule, ruleResults] of groups) {
    console.log(`=== ${rule} ===`);
    console.log((await stylish.format(ruleResults)).trim(), '\n');
  }

  console.log('=== findings per rule ===');
  if (groups.size === 0) console.log('none');
  for (const [rule, ruleResults] of groups) {
    const count = ruleResults.reduce((sum, result) => sum + result.messages.length, 0);
    console.log(`${String(count).padStart(4)}  ${rule}`);
  }

  await showCodemodDryRun();
}

main().catch((error) => {
  console.error('demo failed: ESLint could not lint examples/');
  console.error(error);
  process.exitCode = 2;
});
