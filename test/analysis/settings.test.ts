import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../src/settings.js';

const read = (value: unknown) => readSettings({ 'credential-expiry': value });

describe('readSettings', () => {
  it('is empty when nothing is configured', () => {
    expect(readSettings(undefined)).toEqual({});
    expect(readSettings({ other: 1 })).toEqual({});
  });

  it('maps platform presets to their session', () => {
    expect(read({ platform: 'ecs' }).session?.seconds).toBe(21600);
    expect(read({ platform: 'role-chaining' }).session?.seconds).toBe(3600);
    expect(read({ platform: 'iam-user' }).session?.temporary).toBe(false);
  });

  it('lets sessionSeconds override the preset', () => {
    const resolved = read({ platform: 'ec2', sessionSeconds: 1800 });
    expect(resolved.session?.seconds).toBe(1800);
    expect(resolved.session?.label).toContain('instance-profile');
  });

  it('keeps the infrastructure setting: false, or a list of folders', () => {
    expect(read({ infrastructure: false }).infrastructure).toBe(false);
    expect(read({ infrastructure: ['infra/', 'deploy/'] }).infrastructure).toEqual(['infra/', 'deploy/']);
    expect(read({ platform: 'ecs' }).infrastructure).toBeUndefined();
  });

  it.each([
    [{ infrastructure: true }, /infrastructure must be false or a non-empty list of folders/],
    [{ infrastructure: 'infra/' }, /infrastructure must be false or a non-empty list of folders/],
    [{ infrastructure: [] }, /infrastructure must be false or a non-empty list of folders/],
    [{ infrastructure: ['infra/', 3] }, /infrastructure must be false or a non-empty list of folders/],
    [{ platform: 'heroku' }, /platform must be one of ec2, ecs, lambda/],
    [{ sessionSeconds: -5 }, /sessionSeconds must be a whole number/],
    [{ sessionSeconds: '3600' }, /sessionSeconds must be a whole number/],
    [{ sessionSecond: 3600 }, /unknown key "sessionSecond"/],
    ['ecs', /must be an object/],
    [null, /must be an object/],
  ])('rejects %j with one clear message', (value, message) => {
    expect(() => read(value)).toThrow(SettingsError);
    expect(() => read(value)).toThrow(message);
  });
});
