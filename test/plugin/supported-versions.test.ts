import { describe, expect, it } from 'vitest';
import { unsupportedEslintMessage, unsupportedTypeScriptMessage } from '../../src/util/supported-versions.js';

describe('version checks at load', () => {
  it('names ESLint before 9.6 and the supported range', () => {
    expect(unsupportedEslintMessage('9.5.0')).toContain(
      'ESLint 9.5.0 is installed; this plugin needs ESLint ^9.6.0 || ^10.0.0',
    );
    expect(unsupportedEslintMessage('8.57.1')).toContain('ESLint 8.57.1');
  });

  it('lets supported and unknown ESLint versions through', () => {
    for (const version of ['9.6.0', '9.39.5', '10.0.0', '10.15.0', undefined])
      expect(unsupportedEslintMessage(version)).toBeUndefined();
  });

  it('names TypeScript 7 and the range typescript-eslint supports', () => {
    const message = unsupportedTypeScriptMessage('7.0.1');
    expect(message).toContain('TypeScript 7.0.1 is installed');
    expect(message).toContain('>=4.8.4 <6.1.0');
  });

  it('lets supported and absent TypeScript versions through', () => {
    for (const version of ['4.8.4', '5.9.3', '6.0.3', undefined])
      expect(unsupportedTypeScriptMessage(version)).toBeUndefined();
  });
});
