import {
  AWS_KEY_ID_PREFIXES,
  BUNDLED_CREDENTIAL_NAME,
  BUNDLER_ENV_PREFIXES,
  CREDENTIAL_NAMES,
  type CredentialValueKind,
  PLACEHOLDER_VALUES,
  SAS_SIGNATURE,
  SECRET_SHAPES,
  type SecretLifetime,
} from '../knowledge/secrets.js';

/** Shorter strings cannot hold any of the shapes (an access key id, the shortest, has 20 characters). */
/** No credential value is shorter: key ids are 20 characters, tokens and secrets longer (TOKEN_LIKE, shapes). */
export const MIN_CREDENTIAL_LENGTH = 20;
const MIN_SHAPE_LENGTH = MIN_CREDENTIAL_LENGTH;
/** A token-like value: one run of token characters, long enough not to be a word or a test stub. */
const TOKEN_LIKE = new RegExp(`^[A-Za-z0-9/+=_.~-]{${MIN_CREDENTIAL_LENGTH},}$`, 'u');
const KNOWN_EXAMPLES: ReadonlySet<string> = new Set([...PLACEHOLDER_VALUES.awsExampleKeys, ...PLACEHOLDER_VALUES.googlePlaceholderTokens]);

export type ShapeId = Exclude<keyof typeof SECRET_SHAPES, 'awsSecretKey'>;

/** One secret recognised by its text. `text` is the matched secret: never print it, mask it. */
export interface ShapeMatch {
  shape: ShapeId;
  text: string;
  index: number;
  lifetime: SecretLifetime;
  /** When a temporary secret dies, if the text says so (JWT `exp`, SAS `se=`). */
  expiresAt?: Date;
}

const SHAPE_SCANS = (Object.keys(SECRET_SHAPES) as (keyof typeof SECRET_SHAPES)[])
  .filter((id): id is ShapeId => id !== 'awsSecretKey')
  .map((id) => ({ id, pattern: new RegExp(SECRET_SHAPES[id].pattern.source, 'gu') }));
/** One cheap test before the per-shape scans: every shape but the bare 40-character key contains one of these. */
export const ANY_SHAPE_MARKER = /A[KS]IA|ya29\.|PRIVATE KEY-----|eyJ|AccountKey=|sig=/u;
const SECRET_KEY_SCAN = new RegExp(SECRET_SHAPES.awsSecretKey.pattern.source, 'gu');
const EXACT_SECRET_KEY = new RegExp(`^${SECRET_SHAPES.awsSecretKey.pattern.source}$`, 'u');

/** Documentation examples and placeholders (`AKIAIOSFODNN7EXAMPLE`, `<your-token>`, `${TOKEN}`, `xxxx`). */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || KNOWN_EXAMPLES.has(trimmed)) return true;
  if (PLACEHOLDER_VALUES.words.test(trimmed) || PLACEHOLDER_VALUES.markers.test(trimmed) || PLACEHOLDER_VALUES.reference.test(trimmed) || PLACEHOLDER_VALUES.runs.test(trimmed)) return true;
  // `AKIAXXXXXXXXXXXXXXXX`, `********`: almost no variety after a short prefix.
  return trimmed.length >= 8 && new Set(trimmed.slice(4)).size <= 3;
}

/** Every secret shape in `text`, placeholders and JWTs without a known `exp` left out. */
export function findSecretShapes(text: string): ShapeMatch[] {
  if (text.length < MIN_SHAPE_LENGTH || !ANY_SHAPE_MARKER.test(text)) return [];
  const found: ShapeMatch[] = [];
  for (const { id, pattern } of SHAPE_SCANS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const result = describeShape(id, match[0], text, match.index);
      if (result) found.push(result);
    }
  }
  return found;
}

function describeShape(shape: ShapeId, text: string, source: string, index: number): ShapeMatch | undefined {
  switch (shape) {
    case 'awsKeyId': {
      if (isPlaceholder(text)) return undefined;
      const prefix = AWS_KEY_ID_PREFIXES.find((entry) => text.startsWith(entry.prefix));
      return { shape, text, index, lifetime: prefix?.lifetime ?? 'long-lived' };
    }
    case 'privateKey': {
      // The header alone proves nothing: a real key has hundreds of base64 characters after it.
      const body = source.slice(index + text.length, index + text.length + 400).split('-----END')[0];
      const base64 = body.replace(/\\[nr]|[^A-Za-z0-9+/=]/gu, '');
      return base64.length >= 64 && !isPlaceholder(body) ? { shape, text, index, lifetime: 'long-lived' } : undefined;
    }
    case 'jwt': {
      const expiresAt = jwtExpiry(text);
      return expiresAt ? { shape, text, index, lifetime: 'temporary', expiresAt } : undefined;
    }
    case 'azureSas': {
      if (!SAS_SIGNATURE.test(text) || isPlaceholder(text)) return undefined;
      const expiry = /(?:^|&)se=([^&]+)/u.exec(text)?.[1];
      const expiresAt = expiry ? new Date(safeDecode(expiry)) : undefined;
      return { shape, text, index, lifetime: 'temporary', ...(expiresAt && !Number.isNaN(expiresAt.getTime()) ? { expiresAt } : {}) };
    }
    default:
      return isPlaceholder(text) ? undefined : { shape, text, index, lifetime: SECRET_SHAPES[shape].lifetime };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The `exp` of a JWT as a Date, when header and payload decode to JSON and `exp` is a number. */
export function jwtExpiry(token: string): Date | undefined {
  const [header, payload] = token.split('.');
  try {
    const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    const head = decode(header) as { alg?: unknown };
    const claims = decode(payload) as { exp?: unknown };
    if (typeof head?.alg !== 'string' || typeof claims?.exp !== 'number' || !Number.isFinite(claims.exp)) return undefined;
    return new Date(claims.exp * 1000);
  } catch {
    return undefined;
  }
}

/** 40-character strings shaped like an AWS secret access key (mixed case, not hex), placeholders left out. */
export function findSecretKeyCandidates(text: string): string[] {
  if (text.length < 40) return [];
  SECRET_KEY_SCAN.lastIndex = 0;
  return [...text.matchAll(SECRET_KEY_SCAN)].map((match) => match[0]).filter(looksLikeSecretKey);
}

/** `value` is, as a whole, an AWS secret access key. */
export function isSecretKey(value: string): boolean {
  return EXACT_SECRET_KEY.test(value) && looksLikeSecretKey(value);
}

function looksLikeSecretKey(text: string): boolean {
  return /[a-z]/u.test(text) && /[A-Z]/u.test(text) && /[0-9/+]/u.test(text) && !/^[0-9a-fA-F]+$/u.test(text) && !isPlaceholder(text);
}

/** A value that could be a token (one run of token characters, 20+ long) and is not a placeholder. */
export function isTokenLike(value: string): boolean {
  return TOKEN_LIKE.test(value) && !isPlaceholder(value);
}

/** What a credential name says its value holds, if it is one (`siblings`: the other names in the same object). */
export function credentialNameKind(name: string, siblings?: ReadonlySet<string>): CredentialValueKind | undefined {
  const entry = CREDENTIAL_NAMES.find((candidate) => candidate.name === name);
  if (!entry) return undefined;
  if ('onlyWithSibling' in entry && !siblings?.has(entry.onlyWithSibling)) return undefined;
  return entry.holds;
}

/** `REACT_APP_AWS_SESSION_TOKEN` → the bundler that inlines it into browser code, when the rest names a cloud credential. */
export function bundledCredential(name: string): { bundler: string } | undefined {
  const prefix = BUNDLER_ENV_PREFIXES.find((entry) => name.startsWith(entry.prefix));
  if (!prefix) return undefined;
  return BUNDLED_CREDENTIAL_NAME.pattern.test(name.slice(prefix.prefix.length)) ? { bundler: prefix.bundler } : undefined;
}

/** The one masking function for every output channel (implemented beside this scanner). */
export { maskSecretsInText } from './secret-mask.js';
