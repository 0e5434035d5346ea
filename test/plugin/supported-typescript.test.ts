import { describe, expect, it } from 'vitest';
import { unsupportedTypeScriptMessage } from '../../src/util/supported-typescript.js';

describe('TypeScript version check at load', () => {
  it('names TypeScript 7 and the range typescript-eslint supports', () => {
    const message = unsupportedTypeScriptMessage('7.0.1');
    expect(message).toContain('TypeScript 7.0.1 is installed');
    expect(message).toContain('>=4.8.4 <6.1.0');
  });

  it('lets supported and absent versions through', () => {
    for (const version of ['4.8.4', '5.9.3', '6.0.3', undefined]) expect(unsupportedTypeScriptMessage(version)).toBeUndefined();
  });
});
