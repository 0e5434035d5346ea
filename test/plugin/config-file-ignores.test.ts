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

describe('the JSON and YAML blocks of configs.recommended', () => {
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

  it('skips translation catalogs, JSON and YAML alike, and nothing merely named like one', () => {
    const catalogs = [
      '/repo/src/locales/en.json',
      '/repo/public/locales/de/common.json',
      '/repo/extension/_locales/fr/messages.json',
      '/repo/src/i18n/pt-BR.json',
      '/repo/config/locales/en.yml',
      '/repo/app/translations/es.yaml',
    ];
    for (const file of catalogs) {
      expect(messages(file).map((m) => m.message)).toEqual([expect.stringMatching(/no matching configuration/i)]);
    }
    const yaml = 'AWS_SESSION_TOKEN: ' + JSON.parse(credentials).SessionToken + '\n';
    const lookAlikes = [
      '/repo/src/locales.json',
      '/repo/src/locale-keys/credentials.json',
      '/repo/config/translation/app.json',
    ];
    for (const file of lookAlikes) expect(ruleIds(file)).toContain('credential-expiry/no-embedded-credentials');
    const yamlRules = linter.verify(
      yaml,
      plugin.configs.recommended as Linter.Config[],
      '/repo/config/i18n-deploy.yml',
    );
    expect(yamlRules.map((m) => m.ruleId)).toContain('credential-expiry/no-embedded-credentials');
  });
});
