import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dotenv } from '../../src/languages/index.js';
import { assertLocsAgreeWithLineTable, lint, parserOf } from './lint-helpers.js';

const { file, parse, parseError } = parserOf(dotenv, '.env');

function values(text: string) {
  return parse(text).body.map((entry) => [entry.key.name, entry.value?.value ?? null]);
}

describe('.env language: values as dotenv loads them', () => {
  it('reads plain, exported, colon and bare entries', () => {
    const ast = parse('A=1\nexport B=two words  \nC: 3\nD\nE=\n');
    expect(ast.body.map((entry) => [entry.key.name, entry.exported, entry.value?.value ?? null])).toEqual([
      ['A', false, '1'],
      ['B', true, 'two words'],
      ['C', false, '3'],
      ['D', false, null],
      ['E', false, ''],
    ]);
  });

  it('reads the three quote kinds, with dotenv escapes only inside double quotes', () => {
    expect(values(`S='a\\nb'\nD="a\\nb"\nB=\`a "b" 'c'\`\nQ="say \\"hi\\""\n`)).toEqual([
      ['S', 'a\\nb'],
      ['D', 'a\nb'],
      ['B', `a "b" 'c'`],
      ['Q', 'say \\"hi\\"'],
    ]);
  });

  it('reads multi-line quoted values and normalises their CRLF', () => {
    const text = 'KEY="-----BEGIN KEY-----\r\nabc\r\n-----END KEY-----"\r\nNEXT=1\r\n';
    const ast = parse(text);
    expect(ast.body[0].value?.value).toBe('-----BEGIN KEY-----\nabc\n-----END KEY-----');
    expect(ast.body[0].value?.loc).toEqual({ start: { line: 1, column: 5 }, end: { line: 3, column: 19 } });
    expect(ast.body[1].loc.start).toEqual({ line: 4, column: 1 });
  });

  it('keeps full-line and trailing comments, and `#` ends an unquoted value as in dotenv', () => {
    const ast = parse('# top\nA=1 # trailing\nB="x # y" # after quote\nC=abc#def\n');
    expect(ast.body.map((entry) => entry.value?.value)).toEqual(['1', 'x # y', 'abc']);
    expect(ast.comments.map((comment) => [comment.value, comment.loc.start.line, comment.loc.start.column])).toEqual([
      [' top', 1, 1],
      [' trailing', 2, 5],
      [' after quote', 3, 11],
      ['def', 4, 6],
    ]);
  });
});

describe('.env language: positions', () => {
  it('places keys and values on their lines with CRLF and indentation', () => {
    const text = 'A=1\r\n\r\n  export TOKEN = "abc"\r\n';
    const entry = parse(text).body[1];
    expect(entry.key.loc).toEqual({ start: { line: 3, column: 10 }, end: { line: 3, column: 15 } });
    expect(entry.value?.loc).toEqual({ start: { line: 3, column: 18 }, end: { line: 3, column: 23 } });
    expect(text.slice(...entry.range)).toBe('export TOKEN = "abc"');
    expect(entry.value?.raw).toBe('"abc"');
  });

  it('agrees with the SourceCode line table for every node, whatever the line ends', () => {
    const lines = fc.constantFrom(
      'A=1',
      'export B=2',
      '# note',
      '',
      'C="multi',
      'line"',
      "D='x'  # t",
      'E',
      '  F = spaced ',
    );
    assertLocsAgreeWithLineTable(dotenv, '.env', lines);
  });
});

describe('.env language: parse errors', () => {
  it('reports an unclosed quote where it opens', () => {
    expect(parseError('A=1\nB = "abc\nC=2\n')).toEqual({
      line: 2,
      column: 5,
      message: 'The double-quoted value of B is never closed.',
    });
  });

  it('reports a line that is not KEY=value without echoing its text', () => {
    const error = parseError('A=1\nnot an assignment\n');
    expect(error).toMatchObject({ line: 2, column: 5, message: "Expected '=' after not." });
    expect(parseError('=value\n')).toMatchObject({
      line: 1,
      column: 1,
      message: expect.stringContaining('Expected a line like KEY=value'),
    });
  });

  it('reports text after a closing quote', () => {
    expect(parseError('A="x" y\n')).toMatchObject({ line: 1, column: 7 });
  });

  it('refuses binary text and files over 2 MiB', () => {
    expect(parseError('A=1\nB=\0\n')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining('binary') });
    expect(parseError(`A="${'x'.repeat(2 * 1024 * 1024)}"`)).toMatchObject({
      line: 1,
      message: expect.stringContaining('larger than 2 MiB'),
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('A', '=', ' ', '\n', '\r', '"', "'", '`', '#', '\\', 'export ', ':', '.') }),
        (text) => {
          expect(typeof dotenv.parse(file(text)).ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('turns a parse error into one ESLint parsing error', () => {
    expect(lint("A='open\n", '.env')).toEqual([
      { line: 1, column: 3, message: 'Parsing error: The single-quoted value of A is never closed.' },
    ]);
  });
});

describe('.env language: inline ESLint comments', () => {
  it('honours eslint-disable-next-line and eslint-disable-line', () => {
    const text =
      'A=1\n# eslint-disable-next-line credential-expiry/report-everything\nB=2\nC=3 # eslint-disable-line\nD=4\n';
    expect(lint(text, '.env').map((problem) => problem.line)).toEqual([1, 5]);
  });

  it('honours eslint-disable / eslint-enable blocks', () => {
    const text = '# eslint-disable\nA=1\nB="multi\nline"\n# eslint-enable\nC=3\n';
    expect(lint(text, '.env').map((problem) => problem.line)).toEqual([6]);
  });

  it('does not read `#` inside a quoted value as a directive', () => {
    const text = 'A="# eslint-disable-line"\n';
    expect(lint(text, '.env').map((problem) => problem.line)).toEqual([1]);
  });
});
