import path from 'node:path';
import type { PlatformId, Session } from '../knowledge/index.js';
import { readSettings, type ResolvedSettings } from '../settings.js';
import { citationText } from './cite.js';
import { placementOf, repositoryModel } from './index.js';

interface SettingsContext {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly cwd: string;
  readonly filename: string;
}

/**
 * The settings, completed by the repository model when they name no platform and no session: a file that the
 * infrastructure runs on ECS is treated as if `platform: 'ecs'` were set, and the session's phrase cites the
 * infrastructure line. The placement is looked up on first read of `platform` or `session` (getters), so a
 * file whose rule never asks builds no model. Explicit settings always win.
 */
export function settingsWithInfrastructure(context: SettingsContext): ResolvedSettings {
  const settings = readSettings(context.settings);
  if (settings.platform !== undefined || settings.sessionSeconds !== undefined || settings.infrastructure === false)
    return settings;
  let placed: { platform: PlatformId; session: Session } | null | undefined;
  const place = () => {
    if (placed !== undefined) return placed;
    const model = repositoryModel(context.cwd, settings.infrastructure);
    const found = model && placementOf(model, path.resolve(context.cwd, context.filename));
    placed = found && {
      platform: found.unit.platform,
      session: {
        ...found.session,
        phrase: `${found.session.phrase}, as ${found.unit.label} runs this code (${citationText(found.unit.declared)})`,
      },
    };
    return placed;
  };
  return Object.defineProperties<ResolvedSettings>(
    { ...settings },
    {
      platform: { get: () => place()?.platform, enumerable: true },
      session: { get: () => place()?.session, enumerable: true },
    },
  );
}
