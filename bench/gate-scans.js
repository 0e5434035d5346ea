// The text gate's work on a corpus, counted (exact, whatever the machine's load): every JS/TS file's text is asked
// each rule's trigger families, in the rules' order, as ESLint asks them file by file; the RegExp tests the gate makes
// and the characters they are given are counted, with the files each rule opens on.
//   node bench/gate-scans.js [--build dist] [--target app|sdk]
// (--build: the folder of a build of the plugin, for example a copy of an earlier commit's dist/).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { materializeAppCorpus } from './app-corpus.js';
import { materializeCorpus, REPO_ROOT } from './corpus.js';

const { values } = parseArgs({
  options: {
    build: { type: 'string', default: join(REPO_ROOT, 'dist') },
    target: { type: 'string', default: 'app' },
  },
});
if (!['app', 'sdk'].includes(values.target)) throw new Error(`--target must be app or sdk, got ${values.target}`);
const root =
  values.target === 'sdk'
    ? materializeCorpus(join(REPO_ROOT, 'bench', '.corpus')).root
    : materializeAppCorpus(join(REPO_ROOT, 'bench', '.generated', 'app')).root;
const JS_FILE = /\.[cm]?[jt]sx?$/u;
const texts = readdirSync(root, { recursive: true })
  .filter((file) => JS_FILE.test(file))
  .sort()
  .map((file) => readFileSync(join(root, file), 'utf8'));

const build = resolve(values.build);
const plugin = (await import(join(build, 'plugin.js'))).default;
const gate = await import(join(build, 'src', 'analysis', 'text-gate.js'));
const rules = Object.entries(plugin.rules).map(([name, rule]) => [name, rule.meta.docs?.triggers ?? []]);

const test = RegExp.prototype.test;
let tests = 0;
let characters = 0;
RegExp.prototype.test = function countedTest(text) {
  tests++;
  characters += String(text).length;
  return test.call(this, text);
};
const opens = Object.fromEntries(rules.map(([name]) => [name, 0]));
try {
  for (const text of texts) {
    const sourceCode = { text };
    for (const [name, families] of rules) if (gate.mayTrigger(sourceCode, families)) opens[name]++;
  }
} finally {
  RegExp.prototype.test = test;
}
const total = texts.reduce((sum, text) => sum + text.length, 0);
console.log(`${values.target}: ${texts.length} JS/TS files, ${total} characters; build ${build}`);
console.log(
  `gate RegExp tests ${tests} (${(tests / texts.length).toFixed(2)} per file), characters given ${characters} (${(characters / total).toFixed(2)} scans of every file)`,
);
console.log(`files each rule opens on: ${JSON.stringify(opens)}`);
