// Recall and precision of anti-patterns A (no-static-snapshot) and B (no-module-token-cache) on a held-out set.
//   node bench/heldout.js [--dir test/fixtures/engine-heldout-2] [--json]      (after `npm run build`)
// The set is re-created public code the rules were not written against (provenance in the set's sources.md). Each
// case is linted with `configs.recommended` from the built package (dist/), as a user would run it, and compared
// with its labels.json entry ({ file, pattern, expect: [{ line, kind, optional? }] }):
// - a defect is found when the rule of its kind reports at its required line or at one of its optional lines (the
//   other places where the same defect shows: the keeper, the hand-over); recall = found defects / defects;
// - a finding of either rule at a line the case does not list (any finding in a look-alike) is a false alarm;
//   precision = findings at listed lines / all findings;
// - a finding of the other rule at a listed line counts as right for precision but not for the kind's recall
//   (the other rule's name on the right defect); it is listed under "found by the other rule".
// "A defect found by either rule" counts those too: the rules split A and B by the source, a labeller may by keeper.
// Line-exact scoring is the figure; the "anywhere in the file" recall beside it shows how much is lost to position.
// The set and the engine change in parallel, so this is a measure, not a test: it asserts no threshold.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { REPO_ROOT } from './corpus.js';
import { scoreCase } from './heldout-score.js';

const KIND_OF_RULE = {
  'credential-expiry/no-static-snapshot': 'A',
  'credential-expiry/no-module-token-cache': 'B',
};
const KINDS = ['A', 'B'];

async function loadPlugin() {
  try {
    // The published entry point (dist/), reached by the package's own name, exactly as a user imports it.
    return (await import('eslint-plugin-credential-expiry')).default;
  } catch (error) {
    throw new Error(`cannot load eslint-plugin-credential-expiry (run \`npm run build\` first): ${error.message}`);
  }
}

/** Lints every labelled case and returns, per file, the A/B findings and any parse error. */
async function lintCases(dir, labels, plugin) {
  // A React project's own config reads JSX in .jsx files; the plugin's configs leave parsing JavaScript to the user.
  const jsx = { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } };
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    // A case keeps its original's `eslint-disable` comments for rules the project had; unused here, they are no finding.
    overrideConfig: [...plugin.configs.recommended, jsx, { linterOptions: { reportUnusedDisableDirectives: 'off' } }],
  });
  const results = await eslint.lintFiles(labels.map((label) => label.file));
  return new Map(
    results.map((result) => [
      basename(result.filePath),
      {
        fatal: result.messages.filter((m) => m.fatal || !m.ruleId).map((m) => `${m.line}: ${m.message}`),
        findings: result.messages
          .filter((m) => m.ruleId in KIND_OF_RULE)
          .map((m) => ({ line: m.line, kind: KIND_OF_RULE[m.ruleId], message: m.message })),
      },
    ]),
  );
}

function ratio(numerator, denominator) {
  return denominator === 0 ? 'n/a' : `${(numerator / denominator).toFixed(2)} (${numerator}/${denominator})`;
}

function summarise(labels, scores) {
  const perKind = {};
  for (const kind of KINDS) {
    const cases = labels.filter((l) => scores.get(l.file).expectedKinds.includes(kind));
    const hits = cases.filter((l) => scores.get(l.file).found[kind]);
    const anywhere = cases.filter((l) => scores.get(l.file).anywhere[kind]);
    const reported = [...scores.values()].flatMap((s) => s.findings.filter((f) => f.kind === kind));
    const wrong = [...scores.values()].flatMap((s) => s.falseAlarms.filter((f) => f.kind === kind));
    perKind[kind] = {
      defects: cases.length,
      found: hits.length,
      foundAnywhere: anywhere.length,
      findings: reported.length,
      falseAlarms: wrong.length,
      misses: cases.filter((l) => !scores.get(l.file).found[kind]).map((l) => l.file),
    };
  }
  const all = [...scores.values()].flatMap((s) => s.findings);
  const wrong = [...scores.values()].flatMap((s) => s.falseAlarms);
  // The A/B split is the rules' (by the source: a refreshing source's value is A, a short-lived value cached is B)
  // and a labeller may split by the keeper instead; this counts a defect reported at a listed line by either rule.
  const defectCases = labels.filter((l) => scores.get(l.file).expectedKinds.some((kind) => KINDS.includes(kind)));
  const foundByEither = defectCases.filter((l) => {
    const s = scores.get(l.file);
    return s.expectedKinds.some((kind) => s.found[kind]) || s.otherRule.length > 0;
  });
  return {
    perKind,
    findings: all.length,
    falseAlarms: wrong.length,
    eitherRule: { defects: defectCases.length, found: foundByEither.length },
  };
}

function report(dir, labels, scores, summary) {
  const lines = [];
  const defects = labels.filter((l) => scores.get(l.file).expectedKinds.some((kind) => KINDS.includes(kind))).length;
  const lookAlikes = labels.filter((l) => l.expect.length === 0).length;
  lines.push(`Held-out A/B set: ${dir} (${labels.length} cases: ${defects} A/B defects, ${lookAlikes} look-alikes)`);
  for (const kind of KINDS) {
    const k = summary.perKind[kind];
    const precision = ratio(k.findings - k.falseAlarms, k.findings);
    lines.push(
      `${kind}: recall ${ratio(k.found, k.defects)}, anywhere in the file ${ratio(k.foundAnywhere, k.defects)}; ` +
        `precision of its rule ${precision}`,
    );
  }
  lines.push(
    `Both rules: precision ${ratio(summary.findings - summary.falseAlarms, summary.findings)}; ` +
      `a defect found at a listed line by either rule ${ratio(summary.eitherRule.found, summary.eitherRule.defects)}`,
  );
  const fatal = labels.filter((l) => scores.get(l.file).fatal.length > 0);
  if (fatal.length > 0) {
    lines.push('', 'Not parsed (fix the case first):');
    for (const l of fatal) lines.push(`  ${l.file}: ${scores.get(l.file).fatal.join('; ')}`);
  }
  lines.push('', 'Misses (line, or anywhere in the file when the finding is elsewhere):');
  for (const kind of KINDS) {
    for (const file of summary.perKind[kind].misses) {
      const s = scores.get(file);
      const required = labels.find((l) => l.file === file).expect.find((e) => !e.optional && e.kind === kind);
      const elsewhere = s.findings.filter((f) => f.kind === kind).map((f) => `reported at ${f.line}`);
      lines.push(`  ${kind} ${file}:${required.line}${elsewhere.length ? ` (${elsewhere.join(', ')})` : ''}`);
    }
  }
  const otherRule = labels.filter((l) => scores.get(l.file).otherRule.length > 0);
  if (otherRule.length > 0) {
    lines.push('', 'Found by the other rule:');
    for (const l of otherRule) {
      for (const f of scores.get(l.file).otherRule) lines.push(`  ${l.file}:${f.line} as ${f.kind}: ${f.message}`);
    }
  }
  lines.push('', 'False alarms:');
  const alarms = labels.flatMap((l) => scores.get(l.file).falseAlarms.map((f) => ({ file: l.file, ...f })));
  if (alarms.length === 0) lines.push('  none');
  for (const f of alarms) lines.push(`  ${f.kind} ${f.file}:${f.line}: ${f.message}`);
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: join('test', 'fixtures', 'engine-heldout-2') },
      json: { type: 'boolean', default: false },
    },
  });
  const dir = resolve(REPO_ROOT, values.dir);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  const plugin = await loadPlugin();
  const linted = await lintCases(dir, labels, plugin);
  const scores = new Map(labels.map((label) => [label.file, scoreCase(label, linted.get(label.file))]));
  const summary = summarise(labels, scores);
  if (values.json) {
    console.log(JSON.stringify({ summary, cases: Object.fromEntries(scores) }, null, 1));
  } else {
    console.log(report(values.dir, labels, scores, summary));
  }
}

await main();
