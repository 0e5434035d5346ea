import {
  PLATFORM_PRESETS,
  type PlatformId,
  type Session,
  sessionOf,
  TEST_CODE_POLICIES,
  type TestCodePolicy,
} from './knowledge/index.js';

export const SETTINGS_KEY = 'credential-expiry';
const ALLOWED_KEYS = ['platform', 'sessionSeconds', 'testCode', 'infrastructure'] as const;
/** GetSessionToken's maximum: no AWS or Google session lasts longer. */
const MAX_SESSION_SECONDS = 129_600;

export interface CredentialExpirySettings {
  /** Where the code runs; implies the session that authenticates and signs (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html, https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html). */
  platform?: PlatformId;
  /** Overrides the platform's session length, in seconds. */
  sessionSeconds?: number;
  /** What the rules do in test code (src/knowledge/test-code.ts): `skip` (the default) or `report`. */
  testCode?: TestCodePolicy;
  /**
   * Where the repository model reads infrastructure code (CDK, Terraform, CloudFormation/SAM, serverless.yml,
   * Kubernetes, ECS task definitions): folders relative to ESLint's working directory, or `false` to turn it off.
   * Absent: the whole working directory.
   */
  infrastructure?: false | readonly string[];
}

export interface ResolvedSettings extends CredentialExpirySettings {
  /** The session implied by the settings, or undefined when they say nothing. */
  session?: Session;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Reads and validates `settings['credential-expiry']`; throws one clear error on a bad value. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): ResolvedSettings {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === undefined) return {};
  const where = `settings['${SETTINGS_KEY}']`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SettingsError(`${where} must be an object like { platform: 'ecs' }, got ${describe(raw)}.`);
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(ALLOWED_KEYS as readonly string[]).includes(key)) {
      throw new SettingsError(`${where} has an unknown key "${key}"; allowed keys: ${ALLOWED_KEYS.join(', ')}.`);
    }
  }
  const { platform, sessionSeconds, testCode, infrastructure } = record;
  if (platform !== undefined && !(typeof platform === 'string' && Object.hasOwn(PLATFORM_PRESETS, platform))) {
    throw new SettingsError(
      `${where}.platform must be one of ${Object.keys(PLATFORM_PRESETS).join(', ')}; got ${describe(platform)}.`,
    );
  }
  if (
    sessionSeconds !== undefined &&
    !(
      typeof sessionSeconds === 'number' &&
      Number.isInteger(sessionSeconds) &&
      sessionSeconds > 0 &&
      sessionSeconds <= MAX_SESSION_SECONDS
    )
  ) {
    throw new SettingsError(
      `${where}.sessionSeconds must be a whole number of seconds from 1 to ${MAX_SESSION_SECONDS}; got ${describe(sessionSeconds)}.`,
    );
  }
  if (
    testCode !== undefined &&
    !(typeof testCode === 'string' && (TEST_CODE_POLICIES as readonly string[]).includes(testCode))
  ) {
    throw new SettingsError(
      `${where}.testCode must be one of ${TEST_CODE_POLICIES.join(', ')}; got ${describe(testCode)}.`,
    );
  }
  if (
    infrastructure !== undefined &&
    infrastructure !== false &&
    !(
      Array.isArray(infrastructure) &&
      infrastructure.length > 0 &&
      infrastructure.every((f) => typeof f === 'string' && f.trim() !== '' && !f.includes('\0'))
    )
  ) {
    throw new SettingsError(
      `${where}.infrastructure must be false or a non-empty list of folders like ['infra/', 'deploy/']; got ${describe(infrastructure)}.`,
    );
  }
  const resolved: ResolvedSettings = {};
  if (testCode !== undefined) resolved.testCode = testCode as TestCodePolicy;
  if (infrastructure !== undefined) resolved.infrastructure = infrastructure as false | string[];
  if (platform !== undefined) resolved.platform = platform as PlatformId;
  if (sessionSeconds !== undefined) resolved.sessionSeconds = sessionSeconds;
  const preset = resolved.platform ? sessionOf(PLATFORM_PRESETS[resolved.platform]) : undefined;
  if (resolved.sessionSeconds !== undefined) {
    resolved.session = {
      label: preset ? `${preset.label} (sessionSeconds setting)` : 'the session (sessionSeconds setting)',
      seconds: resolved.sessionSeconds,
      phrase: `after ${resolved.sessionSeconds} s (sessionSeconds setting)`,
      temporary: true,
      source: `${where}.sessionSeconds`,
    };
  } else if (preset) {
    resolved.session = preset;
  }
  return resolved;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'number' ? String(value) : typeof value;
}
