// The TypeScript fixture pairs of test/codemod/fixtures type-check after the migration as well as before: each
// fixture's inputs and outputs are compiled (as virtual files beside the typed fixture project, where the installed
// SDKs resolve) and the outputs may have no type error that the inputs do not have.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TypeCheck } from '../robust/type-check.js';

const FIXTURES = fileURLToPath(new URL('fixtures', import.meta.url));
const INPUT = /^(?:(?<stem>.+)\.)?input\.ts$/u;

/** `TS<code> <message>` of one file, without its position (an edit moves the errors below it). */
const errorsOf = (errors: readonly string[], file: string) =>
  errors.filter((e) => e.startsWith(`${file}(`)).map((e) => e.replace(/^[^:]*: /u, ''));

describe('codemod fixtures type-check', () => {
  it('no TypeScript output has a type error its input does not have', () => {
    const files = new Map<string, string>();
    const pairs: { fixture: string; input: string; output: string }[] = [];
    for (const fixture of readdirSync(FIXTURES).sort()) {
      const names = readdirSync(join(FIXTURES, fixture));
      for (const name of names) {
        const stem = INPUT.exec(name)?.groups?.stem ?? (INPUT.test(name) ? 'index' : null);
        if (stem === null) continue;
        const input = readFileSync(join(FIXTURES, fixture, name), 'utf8');
        const outputName = name.replace(/input\.ts$/u, 'output.ts');
        const output = names.includes(outputName) ? readFileSync(join(FIXTURES, fixture, outputName), 'utf8') : input;
        // One folder per side, so that the files of a fixture import each other (`./token.js`).
        const inputFile = TypeCheck.fileName(`codemod-${fixture}-input/${stem}`);
        const outputFile = TypeCheck.fileName(`codemod-${fixture}-output/${stem}`);
        files.set(inputFile, input).set(outputFile, output);
        pairs.push({ fixture: `${fixture}/${name}`, input: inputFile, output: outputFile });
      }
    }
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    const errors = new TypeCheck().errors(files);
    // Every module resolves (an unresolved SDK would type everything `any`, and no output could fail).
    expect(errors.filter((e) => / TS2307 /u.test(e))).toEqual([]);
    const added = pairs.map(({ fixture, input, output }) => {
      const before = errorsOf(errors, TypeCheck.relative(input));
      return { fixture, added: errorsOf(errors, TypeCheck.relative(output)).filter((e) => !before.includes(e)) };
    });
    expect(added.filter((a) => a.added.length > 0)).toEqual([]);
  }, 600_000);
});
