import { describe, expect, it } from 'vitest';
import { lintAll } from './lint-all.js';

const PRESIGN = `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\ndeclare const ttl: number;\n`;

/** The text after applying the first suggestion of the presign-max-lifetime finding. */
function clampSuggestion(code: string): string {
  const finding = lintAll(code, 'file.ts').find((m) => m.ruleId === 'credential-expiry/presign-max-lifetime');
  const fix = finding?.suggestions?.[0]?.fix;
  if (!fix) throw new Error('expected a clamp suggestion');
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

describe('clamp suggestions leave no dead fallback (TS2872)', () => {
  it('a lifetime read from the left of `||` / `??` replaces the whole fallback chain', () => {
    for (const operator of ['||', '??']) {
      const fixed = clampSuggestion(`${PRESIGN}getSignedUrl(s3, cmd, { expiresIn: 8 * 86400 ${operator} ttl });`);
      expect(fixed).not.toContain(operator);
      expect(fixed).toMatch(/expiresIn: [\d_ *]+ \}/u);
    }
  });

  it('a lifetime read from the right (the default) keeps the fallback', () => {
    const fixed = clampSuggestion(`${PRESIGN}getSignedUrl(s3, cmd, { expiresIn: ttl || 8 * 86400 });`);
    expect(fixed).toMatch(/expiresIn: ttl \|\| [\d_ *]+ \}/u);
  });
});
