import { formatDuration } from '../../src/analysis/format.js';
import {
  CONSTANT_DEFAULT_CHAIN_PLATFORMS,
  type Session,
  type SessionId,
  sessionOf,
} from '../../src/knowledge/index.js';
import type { ResolvedSettings } from '../../src/settings.js';
import type { TSESLint } from '@typescript-eslint/utils';
import { exportsLambdaEntry } from './per-invocation.js';

interface SessionWords {
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

/**
 * On Lambda the default chain's result never expires within the process: not a snapshot. Lambda is known from the
 * `platform` setting (or the infrastructure), else from an import of the Lambda handler types or an exported
 * Lambda-style entry point (`exports.handler = async (event) => …`).
 */
export function isConstantOnPlatform(
  sessionId: SessionId,
  ctx: {
    readonly settings: ResolvedSettings;
    readonly imports: ReadonlySet<string>;
    readonly sourceCode: Readonly<TSESLint.SourceCode>;
  },
): boolean {
  const { platforms, sessions, handlerTypeModules } = CONSTANT_DEFAULT_CHAIN_PLATFORMS;
  if (!(sessions as readonly string[]).includes(sessionId)) return false;
  const looksLikeLambda = handlerTypeModules.some((m) => ctx.imports.has(m)) || exportsLambdaEntry(ctx.sourceCode.ast);
  const platform = ctx.settings.platform ?? (looksLikeLambda ? platforms[0] : undefined);
  return platform !== undefined && (platforms as readonly string[]).includes(platform);
}
