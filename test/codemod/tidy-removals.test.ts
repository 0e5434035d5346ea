import { describe, expect, it } from 'vitest';
import { tidyRemovals } from '../../src/codemod/transforms/tidy-removals.js';

const ORIGINAL = `import { x } from 'x';

// WRONG: resolved once at startup.
const creds = await x()(); // expect A

export const s3 = make(creds);
`;

describe('tidyRemovals', () => {
  it('drops the orphaned trailing comment, the comment that described the removed code, and the doubled blank line', () => {
    const fixed = ORIGINAL.replace('const creds = await x()();', '').replace('make(creds)', 'make(x())');
    expect(tidyRemovals(ORIGINAL, fixed)).toBe(`import { x } from 'x';

export const s3 = make(x());
`);
  });

  it('keeps CRLF line endings and a comment that also describes code still there', () => {
    const original = '// Clients\r\nconst a = 1; // one\r\nconst b = 2;\r\n';
    const fixed = '// Clients\r\n // one\r\nconst b = 2;\r\n';
    expect(tidyRemovals(original, fixed)).toBe('// Clients\r\nconst b = 2;\r\n');
  });

  it("keeps a file's opening comment, and a comment line the fix did not orphan", () => {
    const original = '// Copyright 2024\nconst a = await p()();\n\nuse();\n';
    expect(tidyRemovals(original, '// Copyright 2024\n\n\nuse();\n')).toBe('// Copyright 2024\n\nuse();\n');
    const moved = 'const a = 1;\n// kept: about b\nconst b = 2;\n';
    expect(tidyRemovals(moved, '// kept: about b\nconst b = 2;\n')).toBe('// kept: about b\nconst b = 2;\n');
  });

  it('changes nothing when nothing was removed', () => {
    expect(tidyRemovals(ORIGINAL, ORIGINAL)).toBe(ORIGINAL);
    const edited = ORIGINAL.replace('make(creds)', 'make(creds, 1)');
    expect(tidyRemovals(ORIGINAL, edited)).toBe(edited);
  });
});
