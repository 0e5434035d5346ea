import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import { YamlLanguage } from '../../src/languages/yaml/index.js';
import { indentQuotedContinuations, originalOffset } from '../../src/languages/yaml/lenient.js';
import { parserOf } from './lint-helpers.js';

// A language of its own: the plugin's `yaml` skips the parse of files without a trigger (test/languages/parse-gate.test.ts).
const { parse, parseError } = parserOf(new YamlLanguage(), 'deploy.yaml');

/** A compiled Kubeflow pipeline step: the quoted command's second line sits left of its key (PyYAML reads it). */
const UNDER_INDENTED = [
  'spec:',
  '  command:',
  '  - sh',
  '  - "pip install kfp &&',
  '  python3 -m train"',
  '  image: python:3.12',
  '',
].join('\n');

describe('YAML language', () => {
  it('reads valid YAML with a YAMLProgram root (not ESTree Program)', () => {
    expect(parse('a: 1\n').type).toBe('YAMLProgram');
  });

  it('reads multi-line quoted scalars indented less than their key, as Kubernetes and PyYAML do', () => {
    const root = parse(UNDER_INDENTED) as unknown as {
      body: {
        content: {
          pairs: {
            value: {
              pairs: {
                key: { value: string };
                value: { entries?: { value: string; loc: unknown; range: [number, number] }[]; value?: string };
              }[];
            };
          }[];
        };
      }[];
    };
    const [command, image] = root.body[0].content.pairs[0].value.pairs;
    const quoted = command.value.entries![1];
    expect(quoted.value).toBe('pip install kfp && python3 -m train');
    // Positions point into the original text, not the re-indented one.
    expect(UNDER_INDENTED.slice(...quoted.range)).toBe('"pip install kfp &&\n  python3 -m train"');
    expect(quoted.loc).toEqual({ start: { line: 4, column: 4 }, end: { line: 5, column: 19 } });
    expect(image.value.value).toBe('python:3.12');
  });

  it('leaves valid YAML to the strict parse (no re-indenting)', () => {
    expect(indentQuotedContinuations('a: "one\n  two"\nb: it\'s\n')).toBeUndefined();
  });

  it('maps offsets inside and after inserted spaces back', () => {
    const insertions = [{ offset: 10, count: 3 }];
    expect([
      originalOffset(5, insertions),
      originalOffset(11, insertions),
      originalOffset(13, insertions),
      originalOffset(20, insertions),
    ]).toEqual([5, 10, 10, 17]);
  });

  it('reports invalid YAML once, with its position and that secrets were not checked', () => {
    const error = parseError('a: [1, 2\nb: 3\n');
    expect(error.message).toMatch(/^This YAML file did not parse \(.+\); secrets in it were not checked\.$/u);
    expect(error.line).toBeGreaterThanOrEqual(1);
  });

  it('refuses binary and over-size files with one message each', () => {
    expect(parseError('a: 1\n\0\0').message).toContain('looks binary');
    expect(parseError(`a: "${'x'.repeat(2 * 1024 * 1024)}"\n`).message).toContain('larger than 2 MiB');
  });

  it('honours `# eslint-disable-next-line` comments', () => {
    const secret = 'Zp4Lk8Qw2Er6Ty0Ui3Op7As1Df5Gh9Jk/Lz+Xc2V';
    const lint = (text: string) =>
      new Linter().verify(text, plugin.configs.yaml as Linter.Config[], 'deploy.yaml').map((message) => message.line);
    expect(lint(`env:\n  AWS_SECRET_ACCESS_KEY: "${secret}"\n`)).toEqual([2]);
    expect(
      lint(
        `env:\n  # eslint-disable-next-line credential-expiry/no-embedded-credentials -- test fixture\n  AWS_SECRET_ACCESS_KEY: "${secret}"\n`,
      ),
    ).toEqual([]);
  });

  it('finds a credential after an under-indented scalar, on its own line', () => {
    const text = `${UNDER_INDENTED}  env:\n  - name: AWS_SECRET_ACCESS_KEY\n    value: "Zp4Lk8Qw2Er6Ty0Ui3Op7As1Df5Gh9Jk/Lz+Xc2V"\n`;
    const messages = new Linter().verify(text, plugin.configs.yaml as Linter.Config[], 'deploy.yaml');
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([
      ['credential-expiry/no-embedded-credentials', 9],
    ]);
  });
});
