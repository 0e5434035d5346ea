// no-embedded-credentials finds the strings stored under a credential name from the names in the text (one scan),
// on files with no secret shape. It must find every string the rule's visit of every literal would: compared here
// string by string on the SDK corpus, the real-world cases, the held-out sets and examples/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { corpusLanguageBlocks, listCorpusFiles, REPO_ROOT } from '../../../bench/corpus.js';
import { credentialNameKind, MIN_CREDENTIAL_LENGTH } from '../../../src/analysis/secret-scan.js';
import { mayHoldSecretShape, mayTrigger } from '../../../src/analysis/text-gate.js';
import { storedUnder } from '../../../rules/no-embedded-credentials/js.js';
import { stringsNearCredentialNames, stringValueOf } from '../../../rules/no-embedded-credentials/named-strings.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** What the rule keeps of a string on a file without shapes: long enough, and stored under a credential name. */
function isNamedCredentialString(node: TSESTree.Node): boolean {
  const value = stringValueOf(node);
  if (value === undefined || value.length < MIN_CREDENTIAL_LENGTH) return false;
  const stored = storedUnder(node);
  return stored.name !== null && credentialNameKind(stored.name, stored.siblings) !== undefined;
}

const describeNode = (node: TSESTree.Node) => `${node.type}@${node.range[0]}`;

/** Per file: the strings the text scan finds, and those a visit of every literal finds, each filtered alike. */
function bothWays(files: { text: string; filename: string }[], languageBlocks: Linter.Config[]) {
  const found: { filename: string; byText: string[]; byVisit: string[] }[] = [];
  let current: { byText: string[]; byVisit: string[] } = { byText: [], byVisit: [] };
  const probe: TSESLint.RuleModule<string, []> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      const visit = (node: TSESTree.Node) => {
        if (isNamedCredentialString(node)) current.byVisit.push(describeNode(node));
      };
      return {
        Literal: visit,
        TemplateLiteral: visit,
        'Program:exit'() {
          current.byText = stringsNearCredentialNames(context.sourceCode)
            .filter(isNamedCredentialString)
            .map(describeNode);
        },
      };
    },
  };
  const linter = new Linter({ cwd: REPO_ROOT });
  const config = [
    ...languageBlocks,
    { plugins: { probe: { rules: { strings: probe } } }, rules: { 'probe/strings': 'error' } },
  ] as Linter.Config[];
  for (const file of files) {
    current = { byText: [], byVisit: [] };
    const fatal = linter.verify(file.text, config, file.filename).filter((message) => message.fatal);
    expect(fatal.map((message) => `${file.filename}: ${message.message}`)).toEqual([]);
    found.push({ filename: file.filename, ...current });
  }
  return found;
}

const TS_BLOCK: Linter.Config = {
  files: ['**/*.{ts,tsx,mts,cts}'],
  languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
};
const JSX_BLOCK: Linter.Config = {
  files: ['**/*.{js,jsx,mjs,cjs}'],
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
};

/**
 * The escapes that open `mayHoldSecretShape` (they can spell a name the text does not hold). Without one, the scan
 * must find every named string whatever else the file holds; so files with secret shapes, where the rule visits every
 * literal instead, are compared too: they are the ones with credential strings in them.
 */
const SPELLING_ESCAPE = /\\(?:[ux1-7]|0[0-7]|\r|\n|\u2028|\u2029)/u;

/** JS/TS files under `folder` the scan can run on: the rule's gate open, and no escape that spells a name. */
function scannedFilesUnder(folder: string): { text: string; filename: string }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    if (!entry.isFile() || !/\.[cm]?[jt]sx?$/u.test(entry.name)) return [];
    const filename = path.join(entry.parentPath, entry.name);
    const text = readFileSync(filename, 'utf8');
    return mayTrigger({ text }, ['secrets']) && !SPELLING_ESCAPE.test(text) ? [{ text, filename }] : [];
  });
}

describe('strings near credential names (no-embedded-credentials without shapes)', () => {
  it('finds the strings under a name in every position, spelled with identity escapes too, and no others', () => {
    const code = [
      "const secretAccessKey: string = 'wJalrXUtnFEMIxK7MDENGxbPxRfiCYzzzzzzzzzz';",
      "const a = { sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLExxxxxxxxxxxxxx', other: 'not a credential, just long text' };",
      "const b = { 'secretAccessKey': 'wJalrXUtnFEMIxK7MDENGxbPxRfiCYyyyyyyyyyy' };",
      "const c = { ['sessionToken']: 'IQoJb3JpZ2luX2VjEXAMPLEyyyyyyyyyyyyyy' };",
      'const d = { [`secretAccessKey`]: `wJalrXUtnFEMIxK7MDENGxbPxRfiCYxxxxxxxxxx` };',
      "config.sessionToken = 'IQoJb3JpZ2luX2VjEXAMPLEzzzzzzzzzzzzzz';",
      "config['secretAccessKey'] = 'wJalrXUtnFEMIxK7MDENGxbPxRfiCYwwwwwwwwww';",
      "config[`sessionToken`] = 'IQoJb3JpZ2luX2VjEXAMPLEwwwwwwwwwwwwww';",
      String.raw`const e = { 'secret\AccessKey': 'wJalrXUtnFEMIxK7MDENGxbPxRfiCYvvvvvvvvvv' };`,
      "const f = { AccessKeyId: id, Token: 'IQoJb3JpZ2luX2VjEXAMPLEvvvvvvvvvvvvvv' };",
      // Look-alikes: a longer name, a bare Token without its sibling, a short value, a name in a comment.
      "const g = { secretAccessKeyHint: 'wJalrXUtnFEMIxK7MDENGxbPxRfiCYuuuuuuuuuu', Token: 'IQoJb3JpZ2luX2VjEXAMPLEuuuuuu' };",
      "const h = { sessionToken: 'short' }; // sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEtttttttttttttt'",
    ].join('\n');
    const [result] = bothWays([{ text: code, filename: path.join(HERE, 'probe.ts') }], [TS_BLOCK]);
    expect(result.byVisit).toHaveLength(10);
    expect(result.byText).toEqual(result.byVisit);
  });

  it('finds the same strings as a visit of every literal, on every SDK corpus file it runs on', () => {
    const files = listCorpusFiles().flatMap((file) => {
      const text = readFileSync(file.absolutePath, 'utf8');
      return mayTrigger({ text }, ['secrets']) && !mayHoldSecretShape(text)
        ? [{ text, filename: path.join(REPO_ROOT, 'sdk-corpus', file.corpusPath) }]
        : [];
    });
    expect(files.length).toBeGreaterThan(50);
    const results = bothWays(files, corpusLanguageBlocks());
    const differing = results.filter((result) => result.byText.join() !== result.byVisit.join());
    expect(differing).toEqual([]);
  });

  it('finds the same strings on the real-world cases, the held-out sets and examples/', () => {
    const fixtures = path.join(HERE, '../../fixtures');
    const folders = readdirSync(fixtures)
      .filter((name) => name === 'realworld' || name.startsWith('engine-heldout'))
      .map((name) => path.join(fixtures, name))
      .concat(path.join(REPO_ROOT, 'examples'));
    const files = folders.flatMap(scannedFilesUnder);
    expect(files.length).toBeGreaterThan(20);
    const results = bothWays(files, [TS_BLOCK, JSX_BLOCK]);
    const differing = results.filter((result) => result.byText.join() !== result.byVisit.join());
    expect(differing).toEqual([]);
  });
});
