import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

// A JSON value no-embedded-credentials reports: a session token (hundreds of base64 characters) under its own name.
const credentials = JSON.stringify(
  {
    AccessKeyId: 'ASIA',
    SessionToken:
      'IQoJb3JpZ2luX2VjUvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkprJIoekk6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBXunJJm/oSHoNrKsFXJu59awr2qxPDjpLK',
  },
  null,
  2,
);

describe('the JSON block of configs.recommended', () => {
  const linter = new Linter({ cwd: '/repo' });
  const messages = (file: string) => linter.verify(credentials, plugin.configs.recommended as Linter.Config[], file);
  const ruleIds = (file: string) => messages(file).map((m) => m.ruleId);

  it('lints ordinary JSON files', () => {
    expect(ruleIds('/repo/config/credentials.json')).toContain('credential-expiry/no-embedded-credentials');
    expect(ruleIds('/repo/package.json')).toContain('credential-expiry/no-embedded-credentials');
  });

  it("never parses npm's lockfiles (generated, often megabytes, holding no credentials)", () => {
    for (const file of ['/repo/package-lock.json', '/repo/packages/web/npm-shrinkwrap.json']) {
      expect(messages(file).map((m) => m.message)).toEqual([expect.stringMatching(/no matching configuration/i)]);
    }
  });
});
