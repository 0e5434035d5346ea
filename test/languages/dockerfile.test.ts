import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerfile } from '../../src/languages/index.js';
import { assertLocsAgreeWithLineTable, lint, parserOf } from './lint-helpers.js';

const { file, parse, parseError } = parserOf(dockerfile, 'Dockerfile');

describe('Dockerfile language: structure', () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    'ARG NODE_VERSION=20',
    'FROM node:${NODE_VERSION} AS build',
    '# install',
    'RUN --mount=type=secret,id=aws,target=/root/.aws/credentials npm ci',
    'ENV A=1 B="two words"',
    'ENV LEGACY some value',
    'ARG TOKEN',
    '',
    'FROM build',
    'COPY --from=build /app /app',
    'CMD ["node", "server.js"]',
    'ONBUILD RUN echo hi',
    '',
  ].join('\n');
  const ast = parse(text);

  it('splits global ARGs, stages and instructions', () => {
    expect(ast.directives.map((directive) => [directive.name, directive.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
    ]);
    expect(ast.globalArgs.map((node) => node.keyword)).toEqual(['ARG']);
    expect(ast.stages.map((stage) => [stage.index, stage.name, stage.image])).toEqual([
      [0, 'build', 'node:${NODE_VERSION}'],
      [1, null, 'build'],
    ]);
    expect(ast.stages[0].instructions.map((node) => node.keyword)).toEqual(['RUN', 'ENV', 'ENV', 'ARG']);
    expect(ast.stages[1].instructions.map((node) => node.keyword)).toEqual(['COPY', 'CMD', 'ONBUILD']);
    expect(ast.comments.map((comment) => comment.value)).toEqual([' install']);
  });

  it('keeps flags with their options, and the command after them', () => {
    const run = ast.stages[0].instructions[0];
    expect(run.flags).toHaveLength(1);
    expect(run.flags[0]).toMatchObject({ name: 'mount', value: 'type=secret,id=aws,target=/root/.aws/credentials' });
    expect(run.flags[0].options).toEqual([
      { name: 'type', value: 'secret' },
      { name: 'id', value: 'aws' },
      { name: 'target', value: '/root/.aws/credentials' },
    ]);
    expect(run.command).toBe('npm ci');
    expect(ast.stages[1].instructions[0].flags.map((flag) => [flag.name, flag.value])).toEqual([['from', 'build']]);
  });

  it('gives ENV/ARG properties with unquoted values, the legacy form and bare names', () => {
    const [, env, legacy, arg] = ast.stages[0].instructions;
    expect(env.properties.map((property) => [property.name, property.value])).toEqual([
      ['A', '1'],
      ['B', 'two words'],
    ]);
    expect(legacy.properties.map((property) => [property.name, property.value])).toEqual([['LEGACY', 'some value']]);
    expect(arg.properties.map((property) => [property.name, property.value, property.valueRange])).toEqual([
      ['TOKEN', null, null],
    ]);
    expect(text.slice(...env.properties[1].valueRange!)).toBe('"two words"');
    expect(text.slice(...env.properties[1].nameRange)).toBe('B');
  });

  it('parses the exec form as JSON and leaves the shell form alone', () => {
    const [, cmd, onbuild] = ast.stages[1].instructions;
    expect(cmd.execForm).toEqual(['node', 'server.js']);
    expect(ast.stages[0].instructions[0].execForm).toBeNull();
    expect(onbuild.trigger).toMatchObject({ keyword: 'RUN', command: 'echo hi' });
  });
});

describe('Dockerfile language: positions', () => {
  it('gives 1-based loc and 0-based range for every node, with CRLF line ends', () => {
    const text = 'FROM alpine\r\nENV KEY=value\r\nRUN echo a \\\r\n  && echo b\r\n';
    const ast = parse(text);
    const [env, run] = ast.stages[0].instructions;
    expect(env.loc).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 14 } });
    expect(text.slice(...env.range)).toBe('ENV KEY=value');
    expect(env.properties[0].loc).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 14 } });
    expect(run.loc).toEqual({ start: { line: 3, column: 1 }, end: { line: 4, column: 12 } });
    expect(run.command).toBe('echo a && echo b');
    expect(ast.loc.end).toEqual({ line: 5, column: 1 });
  });

  it('places a property written on a continuation line on that line', () => {
    const text = 'FROM alpine\nENV A=1 \\\n    SECRET_TOKEN=abc\n';
    const property = parse(text).stages[0].instructions[0].properties[1];
    expect(property.name).toBe('SECRET_TOKEN');
    expect(property.loc.start).toEqual({ line: 3, column: 5 });
    expect(text.slice(...property.valueRange!)).toBe('abc');
  });

  it('follows the escape directive (backtick continuation, backslash is a plain character)', () => {
    const text =
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN echo C:\\path `\n    && echo done\nCOPY a b\n';
    const ast = parse(text);
    expect(ast.escapeChar).toBe('`');
    expect(ast.directives[0]).toMatchObject({ name: 'escape', value: '`' });
    const [run, copy] = ast.stages[0].instructions;
    expect(run.command).toBe('echo C:\\path && echo done');
    expect(run.loc.end.line).toBe(4);
    expect(copy.loc.start).toEqual({ line: 5, column: 1 });
  });

  it('keeps heredoc bodies with their positions, and does not read # lines inside them as comments', () => {
    const text =
      'FROM alpine\nRUN <<EOF\n# not a comment\ncurl -s example.com\nEOF\nRUN cat <<-EOT > /f\n\tline\n\tEOT\n';
    const ast = parse(text);
    const [first, second] = ast.stages[0].instructions;
    expect(first.heredocs).toHaveLength(1);
    expect(first.heredocs[0]).toMatchObject({ name: 'EOF', content: '# not a comment\ncurl -s example.com' });
    expect(first.heredocs[0].loc).toEqual({ start: { line: 2, column: 5 }, end: { line: 5, column: 4 } });
    expect(first.loc.end.line).toBe(5);
    expect(second.heredocs[0]).toMatchObject({ name: 'EOT', content: '\tline' });
    expect(ast.comments).toEqual([]);
  });

  it('agrees with the SourceCode line table for every node, whatever the line ends', () => {
    const lines = fc.constantFrom(
      'ENV A=1 B=2',
      'ARG TOKEN',
      'RUN echo a \\',
      '  && echo b',
      '# comment',
      '',
      'COPY --chown=1:1 a b',
      'RUN <<EOF',
      'echo in heredoc',
      'EOF',
      'LABEL x="y z"',
    );
    assertLocsAgreeWithLineTable(dockerfile, 'Dockerfile', lines, (body) => ['FROM alpine', ...body, 'CMD ["x"]']);
  });
});

describe('Dockerfile language: parse errors', () => {
  it('reports an unknown instruction where it starts', () => {
    expect(parseError('FROM alpine\nRUN echo a\n  && echo b\n')).toMatchObject({
      line: 3,
      column: 3,
      message: expect.stringContaining("Unknown instruction '&&'"),
    });
  });

  it('reports an instruction before the first FROM (only ARG may come first)', () => {
    expect(parseError('RUN echo\nFROM alpine\n')).toMatchObject({
      line: 1,
      column: 1,
      message: 'RUN comes before the first FROM; only ARG may.',
    });
  });

  it('reports an instruction without arguments', () => {
    expect(parseError('FROM alpine\nENV\n')).toMatchObject({ line: 2, column: 1, message: 'ENV needs arguments.' });
  });

  it('reports a heredoc that is never closed', () => {
    expect(parseError('FROM alpine\nRUN <<EOF\necho\n')).toMatchObject({
      line: 2,
      message: expect.stringContaining("'<<EOF' is never closed"),
    });
  });

  it('refuses binary text at the first NUL byte', () => {
    expect(parseError('FROM alpine\nRUN x\0y\n')).toMatchObject({
      line: 2,
      column: 6,
      message: expect.stringContaining('binary'),
    });
  });

  it('refuses files over 2 MiB quickly', () => {
    const huge = `FROM alpine\n${'RUN echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'.repeat(60_000)}`;
    const started = performance.now();
    expect(parseError(huge)).toMatchObject({
      line: 1,
      column: 1,
      message: expect.stringContaining('larger than 2 MiB'),
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('accepts an empty file and a file of comments', () => {
    expect(parse('').stages).toEqual([]);
    expect(parse('# just a note\n').comments).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'F',
            'R',
            'O',
            'M',
            'U',
            'N',
            ' ',
            '\n',
            '\r',
            '\\',
            '`',
            '<',
            'E',
            '#',
            '=',
            '"',
            '[',
            ']',
            'a',
          ),
        }),
        (text) => {
          const result = dockerfile.parse(file(text));
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('turns a parse error into one ESLint parsing error', () => {
    expect(lint('FROM alpine\nECHO hi\n', 'Dockerfile')).toEqual([
      {
        line: 2,
        column: 1,
        message: "Parsing error: Unknown instruction 'ECHO' (is a line continuation missing on the line before?).",
      },
    ]);
  });
});

describe('Dockerfile language: inline ESLint comments', () => {
  it('honours eslint-disable-next-line, also before a continued instruction', () => {
    const text =
      'FROM alpine\n# eslint-disable-next-line credential-expiry/report-everything\nRUN echo a \\\n  && echo b\nENV A=1\n';
    expect(lint(text, 'Dockerfile').map((problem) => problem.line)).toEqual([1, 5]);
  });

  it('parses the rule list of a directive (an unknown rule is reported on the comment, the next line still checked)', () => {
    const text = 'FROM alpine\n# eslint-disable-next-line some-other-rule\nENV A=1\n';
    expect(lint(text, 'Dockerfile')).toEqual([
      { line: 1, column: 1, message: 'saw FROM' },
      { line: 2, column: 1, message: "Definition for rule 'some-other-rule' was not found." },
      { line: 3, column: 1, message: 'saw ENV' },
    ]);
  });

  it('honours eslint-disable / eslint-enable blocks with a justification', () => {
    const text = 'FROM alpine\n# eslint-disable -- build-only stage\nENV A=1\nENV B=2\n# eslint-enable\nENV C=3\n';
    expect(lint(text, 'Dockerfile').map((problem) => problem.line)).toEqual([1, 6]);
  });

  it('honours an inline rule configuration comment', () => {
    const text = '# eslint credential-expiry/report-everything: off\nFROM alpine\nENV A=1\n';
    expect(lint(text, 'Dockerfile')).toEqual([]);
  });

  it('does not treat `#` after an instruction as a comment (Docker does not either)', () => {
    const text = 'FROM alpine\nENV A=1 # eslint-disable-line\n';
    expect(lint(text, 'Dockerfile').map((problem) => problem.line)).toEqual([1, 2]);
  });

  it('does not treat `#` lines inside a heredoc as comments', () => {
    const text = 'FROM alpine\nRUN <<EOF\n# eslint-disable-next-line\necho\nEOF\nENV A=1\n';
    expect(lint(text, 'Dockerfile').map((problem) => problem.line)).toEqual([1, 2, 6]);
  });

  it('reports columns 1-based as ESLint expects', () => {
    expect(lint('FROM alpine\n  ENV A=1\n', 'Dockerfile')[1]).toEqual({ line: 2, column: 3, message: 'saw ENV' });
  });
});
