import { describe, expect, it } from 'vitest';
import { json } from '../../src/languages/index.js';
import { parserOf } from './lint-helpers.js';

const { file } = parserOf(json, 'config.json');
const parse = (text: string) => json.parse(file(text), { languageOptions: { allowTrailingCommas: true } });

describe('JSON language', () => {
  it('reads JSONC (comments, trailing commas) without being told to', () => {
    expect(json.parse(file('{\n  // note\n  "a": 1,\n}\n'), { languageOptions: {} }).ok).toBe(true);
    expect(json.parse(file('{ "a": 1, }'), { languageOptions: { allowTrailingCommas: false } }).ok).toBe(false);
  });

  it('refuses binary and over-size files with one message each', () => {
    const binary = parse('{"a": "\0"}');
    const large = parse(`{"a": "${'x'.repeat(2 * 1024 * 1024)}"}`);
    expect(binary.ok ? [] : binary.errors.map((error) => error.message)).toEqual([
      expect.stringContaining('This JSON file looks binary'),
    ]);
    expect(large.ok ? [] : large.errors.map((error) => error.message)).toEqual([
      expect.stringContaining('This JSON file is larger than 2 MiB'),
    ]);
  });

  it('accepts the JavaScript language options of configs without `files`, and still checks its own', () => {
    expect(() => json.validateLanguageOptions({ parser: {}, sourceType: 'module', globals: {} })).not.toThrow();
    expect(() => json.validateLanguageOptions({ allowTrailingCommas: 'yes' })).toThrow(/boolean/u);
  });
});
