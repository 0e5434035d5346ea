import { heldFromMethod } from '../../src/analysis/held.js';
import { EXPIRY_SYMPTOMS, sessionOf } from '../../src/knowledge/index.js';
import type { SnapshotContext } from './context.js';
import { type Resolution, yieldsToken } from './sources.js';

/** The keepers that outlive any value whatever its source, whose messages these words complete. */
type OutlivingKeeper = 'sink' | 'environment' | 'callback';

interface ValueWords {
  /** "An access token from `credential.getToken(…)` is", "Credentials resolved once from `fromIni()` are" */
  readonly what: string;
  /** The pronoun for the value: "it" (a token) or "them" (credentials). */
  readonly them: 'it' | 'them';
  /** What a caller sees once it has expired (EXPIRY_SYMPTOMS). */
  readonly error: string;
  /** One sentence: what to do instead, for this keeper. */
  readonly instead: string;
}

/** An AWS token (an IAM auth token, a SigV4 signature, a registry password) is refused by the service it is for. */
const AWS_TOKEN_REFUSED = 'an authentication error from the service it is for';

/**
 * How the messages of the outliving keepers name the value, the error its reader gets and the refreshing
 * replacement, for credentials and tokens alike: the token's own source says which token it is and what replaces it
 * (its knowledge entry's `replacement`, an endpoint's SDK object, a CLI's `instead`).
 */
export function valueWords(resolution: Resolution, keeper: OutlivingKeeper, ctx: SnapshotContext): ValueWords {
  const token = yieldsToken(resolution);
  return {
    what: whatWords(resolution, token),
    them: token ? 'it' : 'them',
    error: errorWords(resolution, token),
    instead: token ? tokenInstead(resolution, keeper, ctx) : credentialsInstead(resolution, keeper),
  };
}

function whatWords(resolution: Resolution, token: boolean): string {
  if (resolution.held) return `${capitalized(resolution.held.what)} ${token ? 'is' : 'are'}`;
  if (resolution.kind === 'v2-chain') return `Keys copied out of the live credentials \`${resolution.sourceName}\` are`;
  return token
    ? `A token from \`${resolution.sourceName}\` is`
    : `Credentials resolved once from \`${resolution.sourceName}\` are`;
}

function errorWords(resolution: Resolution, token: boolean): string {
  const symptom = resolution.held?.symptom ?? sessionOf(resolution.sessionId).symptom ?? (token ? null : 'aws');
  return symptom ? EXPIRY_SYMPTOMS[symptom].text : AWS_TOKEN_REFUSED;
}

const CREDENTIALS_INSTEAD: Readonly<Record<OutlivingKeeper, string>> = {
  sink: 'Hand the reader a refreshing source instead (the provider itself, a profile with `credential_process`, or the role to assume).',
  environment:
    'Leave the environment alone and pass the refreshing source to the clients (or to the child process, as a profile or role to assume).',
  callback:
    'Resolve inside the callback (the provider caches and refreshes), or pass the provider or client instead of its result.',
};

/** Keys fetched by hand have no provider to pass: the endpoint's SDK provider is the refreshing source. */
const FETCHED_KEYS_INSTEAD: Readonly<Record<OutlivingKeeper, (provider: string) => string>> = {
  sink: (provider) =>
    `Hand the reader a refreshing source instead (a profile with \`credential_process\`, or the role to assume); this code can use \`${provider}\`, which fetches the keys again before they expire.`,
  environment: (provider) =>
    `Leave the environment alone and give the clients \`${provider}\`, which fetches the keys again before they expire.`,
  callback: (provider) =>
    `Use \`${provider}\` inside the callback instead: it fetches the keys again before they expire.`,
};

function credentialsInstead(resolution: Resolution, keeper: OutlivingKeeper): string {
  const provider = resolution.request?.endpoint?.replacement?.code;
  if (provider) return FETCHED_KEYS_INSTEAD[keeper](provider);
  return resolution.held ? sentence(resolution.held.fix) : CREDENTIALS_INSTEAD[keeper];
}

const TOKEN_INSTEAD: Readonly<Record<OutlivingKeeper, string>> = {
  sink: 'Hand the reader a way to get its own token where it uses it instead (a credential helper, or the client that issued the token):',
  environment: 'Leave the environment alone and have each client get the token where it uses it:',
  callback: 'Get the token inside the callback, on every run:',
};

function tokenInstead(resolution: Resolution, keeper: OutlivingKeeper, ctx: SnapshotContext): string {
  return `${TOKEN_INSTEAD[keeper]} ${lowered(sentence(tokenFix(resolution, ctx)))}`;
}

/** The refreshing replacement of the token's source, in a sentence. */
function tokenFix(resolution: Resolution, ctx: SnapshotContext): string {
  if (resolution.held) return resolution.held.fix;
  // A replacement written as words (`a new \`signer.sign(request)\` for each request`) is not code to quote.
  const words = resolution.token?.replacement.code.includes('`');
  if (resolution.token && words) return `Use ${resolution.token.replacement.code} instead`;
  if (resolution.token) return heldFromMethod(resolution.token, resolution.call, ctx.rule).fix;
  if (resolution.command) return `Use ${resolution.command.replacement.code} instead`;
  if (resolution.cli) return resolution.cli.instead;
  return `Call \`${resolution.sourceName}\` again where the token is used`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowered = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);
