// Prints the peer comparison table of docs/peers.md from test/fixtures/peers/cases.json and a fresh lint of the
// fixtures (test/peers.test.ts asserts the same verdicts):   npm run build && node bench/peers.js
// PLUGIN=<path to a built src/index.js> runs another build of the plugin.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
const { default: credentialExpiry } = await import(process.env.PLUGIN ?? '../dist/src/index.js');

const PEERS = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/peers');
const cases = JSON.parse(readFileSync(join(PEERS, 'cases.json'), 'utf8'));
const eslint = new ESLint({
  cwd: PEERS,
  overrideConfigFile: true,
  overrideConfig: [
    ...credentialExpiry.configs.recommended,
    { settings: { 'credential-expiry': { testCode: 'report' } } },
  ],
});
const found = new Map(
  (await eslint.lintFiles(cases.map((entry) => entry.file))).map((result) => [
    basename(result.filePath),
    result.messages.filter((m) => m.ruleId?.startsWith('credential-expiry/')).map((m) => `${m.line}:${m.messageId}`),
  ]),
);

const cell = (text) => String(text).replaceAll('|', '\\|');
console.log('| peer | peer test | case | fixture | peer | ours | why they differ |');
console.log('|---|---|---|---|---|---|---|');
for (const entry of cases) {
  const ours = found.get(entry.file) ?? [];
  const verdict = ours.length === 0 ? 'silent' : ours.map((finding) => `\`${finding}\``).join(', ');
  console.log(
    `| ${entry.peer} | ${cell(entry.source)} | ${cell(entry.what)} | \`${entry.file}\` | ${entry.peerVerdict} | ${verdict} | ${cell(entry.scope === 'out' ? `out of scope: ${entry.note}` : (entry.note ?? ''))} |`,
  );
}
const count = (test) => cases.filter(test).length;
const reported = (entry) => (found.get(entry.file) ?? []).length > 0;
console.log(
  `\nPeer reports, in scope: ${count((e) => e.peerVerdict === 'reports' && e.scope === 'in')} cases, ours reports ${count((e) => e.peerVerdict === 'reports' && e.scope === 'in' && reported(e))}.` +
    ` Peer's negative cases and known false positives: ${count((e) => e.peerVerdict === 'silent' || e.peerVerdict === 'false positive')}, ours silent on ${count((e) => (e.peerVerdict === 'silent' || e.peerVerdict === 'false positive') && !reported(e))}.` +
    ` Peer's own known misses: ${count((e) => e.peerVerdict === 'misses')}, ours reports ${count((e) => e.peerVerdict === 'misses' && reported(e))}.` +
    ` Out of scope (peer reports, ours silent by design): ${count((e) => e.scope === 'out')}.`,
);
