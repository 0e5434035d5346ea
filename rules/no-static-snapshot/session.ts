import { formatDuration } from '../../src/analysis/format.js';
import {
  CONSTANT_DEFAULT_CHAIN_PLATFORMS,
  type Session,
  type SessionId,
  sessionOf,
} from '../../src/knowledge/index.js';
import type { ResolvedSettings } from '../../src/settings.js';

export interface SessionWords {
  /** "the EC2 instance-profile session" */
  readonly session: string;
  /** "typically within 6 h" */
  readonly phrase: string;
}

/** How a message names the session a snapshot dies with, from the knowledge base or the settings. */
export function sessionWords(sessionId: SessionId, settings: ResolvedSettings, durationSeconds?: number): SessionWords {
  const known = sessionOf(sessionId);
  // A session the code cannot determine is the one the `platform` / `sessionSeconds` settings name.
  const session: Session = known.undeterminedFromCode && settings.session ? settings.session : known;
  if (durationSeconds !== undefined)
    return { session: session.label, phrase: `after ${formatDuration(durationSeconds)} (its DurationSeconds)` };
  return { session: session.label, phrase: session.phrase };
}

/** On Lambda (by the `platform` setting) the default chain's result never expires within the process: not a snapshot. */
export function isConstantOnPlatform(sessionId: SessionId, settings: ResolvedSettings): boolean {
  const { platforms, sessions } = CONSTANT_DEFAULT_CHAIN_PLATFORMS;
  return (
    settings.platform !== undefined &&
    (platforms as readonly string[]).includes(settings.platform) &&
    (sessions as readonly string[]).includes(sessionId)
  );
}
