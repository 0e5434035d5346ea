import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/languages/nesting.js';
import { lintAll } from './lint-all.js';

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('files nested too deep to parse get a clear parse error with a position', () => {
  it.each([
    ['config.json', deep(20_000), 'This JSON file'],
    ['config.json', '{"a":'.repeat(5_000), 'This JSON file'],
    ['config.yaml', `key: ${deep(20_000)}`, 'This YAML file'],
  ])('%s', (filename, text, what) => {
    const messages = lintAll(text, filename);
    expect(messages).toHaveLength(1);
    const [error] = messages;
    expect(error.fatal).toBe(true);
    expect(error.message).toContain(`${what} is nested more than ${MAX_NESTING} levels deep`);
    expect(error.message).not.toMatch(/call stack/u);
    expect(error.line).toBe(1);
    expect(error.column).toBeGreaterThan(MAX_NESTING);
  });

  it('nesting a real file has is parsed and checked as usual', () => {
    const nested = (depth: number, inner: string) => '{"a":'.repeat(depth) + inner + '}'.repeat(depth);
    const key = `"AccessKeyId": "ASIA${'Z7QX3PLMW4RT8KVN'}", "SecretAccessKey": "h7Gk2pQ9xR4mT8vW1zB6nL3cY5dF0sJ2aE9uK4oP"`;
    const messages = lintAll(nested(50, `{${key}}`), 'config.json');
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.length).toBeGreaterThan(0);
    expect(lintAll(`key: ${deep(100)}`, 'config.yaml').filter((m) => m.fatal)).toEqual([]);
  });
});
