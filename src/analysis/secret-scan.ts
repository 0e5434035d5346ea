import {
  AWS_KEY_ID_PREFIXES,
  BUNDLED_CREDENTIAL_NAME,
  BUNDLER_ENV_PREFIXES,
  CLOUD_JWT,
  CREDENTIAL_NAMES,
  type CredentialValueKind,
  NAMED_TOKEN_SHAPES,
  PLACEHOLDER_STUBS,
  PLACEHOLDER_VALUES,
  PUBLIC_TEST_CREDENTIALS,
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
const KNOWN_EXAMPLES: ReadonlySet<string> = new Set([
  ...PLACEHOLDER_VALUES.awsExampleKeys,
  ...PLACEHOLDER_VALUES.googlePlaceholderTokens,
  ...PUBLIC_TEST_CREDENTIALS.flatMap((entry) => entry.values),
]);
const PUBLIC_MARKERS: readonly string[] = PUBLIC_TEST_CREDENTIALS.flatMap((entry) => entry.markers);
const STUB_WORDS: ReadonlySet<string> = new Set(PLACEHOLDER_STUBS.words);
const ALPHABET_RUNS: readonly string[] = PLACEHOLDER_STUBS.alphabetRuns.map((run) =>
  run.slice(0, PLACEHOLDER_STUBS.minRun),
);
const ELLIPSIS_START = /^(?:…|\.{3})/u;
/** Words joined by `-`, `_` or `.` (`dynamic-session-token`, `Static_Token_2`): a description, not a token. */
const DESCRIPTION_SEGMENT = /^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+|\d{1,4})$/u;

type ShapeId = Exclude<keyof typeof SECRET_SHAPES, 'awsSecretKey'>;

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

/**
 * The one placeholder test of every rule and file type: documentation examples and emulator credentials
 * (`AKIAIOSFODNN7EXAMPLE`, Azurite's key, `minioadmin`), placeholders (`<your-token>`, `${TOKEN}`, `xxxx`), stub words
 * alone or joined (`foo`, `test`, `mock-token`, `invalid_token`, `expired`), and runs of the alphabet (`abcdef...`).
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || KNOWN_EXAMPLES.has(trimmed) || mentionsPublicTestCredential(trimmed)) return true;
  if (
    PLACEHOLDER_VALUES.words.test(trimmed) ||
    PLACEHOLDER_VALUES.markers.test(trimmed) ||
    PLACEHOLDER_VALUES.reference.test(trimmed) ||
    PLACEHOLDER_VALUES.runs.test(trimmed) ||
    PLACEHOLDER_VALUES.elided.test(trimmed)
  )
    return true;
  if (ALPHABET_RUNS.some((run) => trimmed.includes(run))) return true;
  if (trimmed.split(/[^A-Za-z0-9]+/u).some((segment) => STUB_WORDS.has(segment.toLowerCase()))) return true;
  // `AKIAXXXXXXXXXXXXXXXX`, `********`: almost no variety after a short prefix.
  return trimmed.length >= 8 && new Set(trimmed.slice(4)).size <= 3;
}

/** The secret that ends at `end` is followed by an ellipsis: what is there is the start of an excerpt. */
function isElided(text: string, end: number): boolean {
  return ELLIPSIS_START.test(text.slice(end, end + 3));
}

/** The text names an emulator's published account (`AccountName=devstoreaccount1`, `UseDevelopmentStorage=true`). */
function mentionsPublicTestCredential(text: string): boolean {
  return PUBLIC_MARKERS.some((marker) => text.includes(marker));
}

/** Words joined by separators (`rotating-refresh-token`): what a value is, not the value. */
export function isDescription(value: string): boolean {
  const segments = value.split(/[-_.]/u);
  return segments.length >= 2 && segments.every((segment) => DESCRIPTION_SEGMENT.test(segment));
}

/** Every secret shape in `text`, placeholders and JWTs that cannot be a cloud credential left out. */
export function findSecretShapes(text: string): ShapeMatch[] {
  if (text.length < MIN_SHAPE_LENGTH || !ANY_SHAPE_MARKER.test(text)) return [];
  const found: ShapeMatch[] = [];
  for (const { id, pattern } of SHAPE_SCANS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (isElided(text, match.index + match[0].length)) continue;
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
      // The header alone proves nothing: a real key has hundreds of base64 characters after it, all of them present.
      const body = pemBody(source, index + text.length);
      return hasKeyBody(body) && !isTruncatedDer(body) ? { shape, text, index, lifetime: 'long-lived' } : undefined;
    }
    case 'jwt': {
      const expiresAt = cloudJwtExpiry(text);
      return expiresAt ? { shape, text, index, lifetime: 'temporary', expiresAt } : undefined;
    }
    case 'azureAccountKey':
      return isPlaceholder(text) ||
        mentionsPublicTestCredential(source) ||
        KNOWN_EXAMPLES.has(text.slice('AccountKey='.length))
        ? undefined
        : { shape, text, index, lifetime: 'long-lived' };
    case 'azureSas': {
      if (!SAS_SIGNATURE.test(text) || isPlaceholder(text)) return undefined;
      const expiry = /(?:^|&)se=([^&]+)/u.exec(text)?.[1];
      const expiresAt = expiry ? new Date(safeDecode(expiry)) : undefined;
      return {
        shape,
        text,
        index,
        lifetime: 'temporary',
        ...(expiresAt && !Number.isNaN(expiresAt.getTime()) ? { expiresAt } : {}),
      };
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

/** A key's base64 body is at least this long (a 256-bit EC key in PKCS#8 has about 184 characters). */
const MIN_PEM_BODY = 64;
/** A line of a PEM body, after any comment prefix (` * `, `# `, `// `) and quotes: base64 only. */
const PEM_LINE = /^[A-Za-z0-9+/=]+$/u;
const PEM_HEADER_LINE = /^[A-Za-z-]+: /u;
const COMMENT_PREFIX = /^(?:\*|#|\/\/)/u;

function hasKeyBody(body: string): boolean {
  return body.length >= MIN_PEM_BODY && !isPlaceholder(body);
}

/**
 * A PEM private key with a body, even one cut short: for places whose structure already says the text is a key
 * (a Google service-account file's `private_key`), where a shortened copy is still the key file's secret.
 */
export function holdsPrivateKey(text: string): boolean {
  const header = new RegExp(SECRET_SHAPES.privateKey.pattern.source, 'u').exec(text);
  return header !== null && hasKeyBody(pemBody(text, header.index + header[0].length));
}

/**
 * The base64 body of a PEM block that starts at `start` in `source`: up to `-----END`, a quote that closes the
 * string, or the first line that is not base64 (code or prose after a truncated example). Escaped line breaks
 * (`\n` in a JSON or JS string) separate lines like real ones.
 */
function pemBody(source: string, start: number): string {
  const end = source.indexOf('-----END', start);
  const block = source.slice(start, end < 0 ? undefined : end);
  let body = '';
  for (const raw of block.split(/\r?\n|\\r?\\n/u)) {
    const quote = raw.search(/["'`]/u);
    const line = (quote < 0 ? raw : raw.slice(0, quote)).trim().replace(COMMENT_PREFIX, '').trim();
    if (line !== '' && !PEM_HEADER_LINE.test(line)) {
      if (!PEM_LINE.test(line)) break;
      body += line;
    }
    if (quote >= 0) break;
  }
  return body;
}

/**
 * A DER body whose outer SEQUENCE declares far more bytes than are present: a key cut short in an example or a
 * test (`MIIEvQIBADAN...` and two lines). Bodies that are not DER (OpenSSH keys) are not judged.
 */
function isTruncatedDer(base64: string): boolean {
  const der = Buffer.from(base64, 'base64');
  if (der.length < 4 || der[0] !== 0x30 || (der[1] & 0x80) === 0) return false;
  const lengthBytes = der[1] & 0x7f;
  if (lengthBytes === 0 || lengthBytes > 3 || der.length < 2 + lengthBytes) return false;
  let declared = 0;
  for (let i = 0; i < lengthBytes; i++) declared = declared * 256 + der[2 + i];
  return der.length < (2 + lengthBytes + declared) * 0.9;
}

/**
 * The `exp` of a JWT that can be a credential of a known platform (CLOUD_JWT): an issuer or audience of Google,
 * Cognito, EKS or Azure/Entra, a signature as long as its `alg` makes, and not a public sample.
 */
export function cloudJwtExpiry(token: string): Date | undefined {
  const expiresAt = jwtExpiry(token);
  if (!expiresAt) return undefined;
  const [header, payload, signature = ''] = token.split('.');
  const head = decodeJwtPart(header) as { alg?: string };
  const claims = decodeJwtPart(payload) as { iss?: unknown; aud?: unknown } & Record<string, unknown>;
  const sizes = CLOUD_JWT.signatureBytes[String(head.alg)];
  if (!sizes?.includes(Math.floor((signature.length * 3) / 4))) return undefined;
  if (CLOUD_JWT.publicSamples.some((sample) => Object.entries(sample).every(([key, value]) => claims[key] === value)))
    return undefined;
  const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).filter(
    (aud): aud is string => typeof aud === 'string',
  );
  const issued =
    typeof claims.iss === 'string' && CLOUD_JWT.issuers.some((issuer) => issuer.pattern.test(claims.iss as string));
  return issued || audiences.some((aud) => CLOUD_JWT.audiences.some((audience) => audience.pattern.test(aud)))
    ? expiresAt
    : undefined;
}

function decodeJwtPart(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** The `exp` of a JWT as a Date, when header and payload decode to JSON and `exp` is a number. */
export function jwtExpiry(token: string): Date | undefined {
  const [header, payload] = token.split('.');
  try {
    const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    const head = decode(header) as { alg?: unknown };
    const claims = decode(payload) as { exp?: unknown };
    if (typeof head?.alg !== 'string' || typeof claims?.exp !== 'number' || !Number.isFinite(claims.exp))
      return undefined;
    return new Date(claims.exp * 1000);
  } catch {
    return undefined;
  }
}

/** 40-character strings shaped like an AWS secret access key (mixed case, not hex), placeholders left out. */
export function findSecretKeyCandidates(text: string): string[] {
  if (text.length < 40) return [];
  SECRET_KEY_SCAN.lastIndex = 0;
  return [...text.matchAll(SECRET_KEY_SCAN)]
    .filter((match) => !isElided(text, match.index + match[0].length))
    .map((match) => match[0])
    .filter(looksLikeSecretKey);
}

/** `value` is, as a whole, an AWS secret access key. */
export function isSecretKey(value: string): boolean {
  return EXACT_SECRET_KEY.test(value) && looksLikeSecretKey(value);
}

function looksLikeSecretKey(text: string): boolean {
  return (
    /[a-z]/u.test(text) &&
    /[A-Z]/u.test(text) &&
    /[0-9/+]/u.test(text) &&
    !/^[0-9a-fA-F]+$/u.test(text) &&
    !isPlaceholder(text)
  );
}

/** A value that could be a token (one run of token characters, 20+ long), not a placeholder nor joined words. */
export function isTokenLike(value: string): boolean {
  return TOKEN_LIKE.test(value) && !isPlaceholder(value) && !isDescription(value);
}

/** A value under a credential name that has the shape of what the name promises (NAMED_TOKEN_SHAPES). */
export function hasNamedTokenShape(kind: keyof typeof NAMED_TOKEN_SHAPES, value: string): boolean {
  return NAMED_TOKEN_SHAPES[kind].pattern.test(value) && isTokenLike(value);
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
  return BUNDLED_CREDENTIAL_NAME.pattern.test(name.slice(prefix.prefix.length))
    ? { bundler: prefix.bundler }
    : undefined;
}

/** The one masking function for every output channel (implemented beside this scanner). */
export { maskSecretsInText } from './secret-mask.js';
