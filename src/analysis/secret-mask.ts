import { SECRET_SHAPES } from '../knowledge/secrets.js';
import { maskSecret } from './format.js';

/**
 * The one masking function for every output channel (rule messages and suggestion descriptions, parse errors,
 * the codemod's summary, diffs and report): `text` exactly as given, except secret-shaped values, which show at
 * most their first 4 characters (maskSecret). Secret-shaped means the value's own shape, whatever name it is under:
 * AWS key ids, 40-character secret keys, long base64 runs (session tokens, PEM bodies, account keys), JWTs (with
 * or without `exp`), Google `ya29.` access and `1//` refresh tokens, SAS signatures, all of a PEM private key; and
 * generated-looking values written right after a credential-like name. Ordinary code
 * (`credentials: s3.config.credentials`, identifiers named token or secret, git hashes) is left alone.
 * Placeholders are masked too: masking an example costs nothing, printing a real secret does.
 */
export function maskSecretsInText(text: string): string {
  if (text.length < MIN_SECRET_LENGTH) return text;
  const ranges: Range[] = [];
  for (const find of FINDERS) find(text, ranges);
  return ranges.length === 0 ? text : replaceRanges(text, ranges);
}

/** Shorter than any value masked here (an access key id, the shortest shape, has 20 characters). */
const MIN_SECRET_LENGTH = 20;
/** How far a PEM body may run before its END line (a 4096-bit key is about 3,300 characters). */
const MAX_PEM_BODY = 10_000;
/** Base64 runs at least this long are masked whatever they hold: no identifier or path is written like that. */
const ALWAYS_SECRET_RUN = 100;
/** Shannon entropy (bits per character) above which a 40-99 character run is random rather than words. */
const RANDOM_ENTROPY = 4.4;

type Range = [start: number, end: number];
type Finder = (text: string, ranges: Range[]) => void;

const global = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
const KEY_ID = global(SECRET_SHAPES.awsKeyId.pattern);
const JWT = /(?<![\w.-])eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/gu;
const GOOGLE_ACCESS_TOKEN = global(SECRET_SHAPES.googleAccessToken.pattern);
/** Google OAuth refresh tokens: `1//0` and a long base64url tail. */
const GOOGLE_REFRESH_TOKEN = /(?<![\w/])1\/\/0[\w-]{20,}/gu;
const PEM_HEADER = global(SECRET_SHAPES.privateKey.pattern);
const PEM_END = '-----END';
const SAS_SIGNATURE_VALUE = /(?<=[?&]sig=)[A-Za-z0-9%/+=]{20,}/gu;
const BASE64_RUN = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}/gu;
/** `name` `:` or `=` value, starting at a word's start so no start inside a long word rescans it. */
const NAMED_VALUE = /(?<![\w$.-])([A-Za-z_$][\w$-]*)["'`]?\s*[:=]\s*["'`]?([A-Za-z0-9/+_.~-]{20,}={0,2})/gu;
const CREDENTIAL_WORD = /token|secret|passw(?:or)?d|private_?key|credential|api_?key|access_?key|auth/iu;
/** `s3.config.credentials`, `process.env.TOKEN`: a property chain is code, not a value. */
const PROPERTY_CHAIN = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/u;

function each(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) visit(match);
}

/** The base64 characters of a PEM body once line breaks (real or escaped `\n`) and other characters are dropped. */
function base64Length(body: string): number {
  return body.replace(/\\[nr]|[^A-Za-z0-9+/=]/gu, '').length;
}
const MIN_PEM_BASE64 = 64;

const byShape =
  (pattern: RegExp): Finder =>
  (text, ranges) =>
    each(pattern, text, (match) => ranges.push([match.index, match.index + match[0].length]));

/** All of a private key after its header: through the END line, or (cut off) through the base64 that follows. */
const privateKeys: Finder = (text, ranges) =>
  each(PEM_HEADER, text, (match) => {
    const bodyStart = match.index + match[0].length;
    const end = text.indexOf(PEM_END, bodyStart);
    let stop = end;
    if (end < 0 || end - bodyStart > MAX_PEM_BODY) {
      for (
        stop = bodyStart;
        stop < text.length && stop - bodyStart < MAX_PEM_BODY && /[A-Za-z0-9+/=\s\\]/u.test(text[stop]);
      )
        stop++;
    }
    // A key has hundreds of base64 characters; `<paste your key here>` is a placeholder, shown as written.
    if (base64Length(text.slice(bodyStart, stop)) >= MIN_PEM_BASE64) ranges.push([bodyStart, stop]);
  });

const base64Runs: Finder = (text, ranges) =>
  each(BASE64_RUN, text, (match) => {
    if (looksRandom(match[0])) ranges.push([match.index, match.index + match[0].length]);
  });

const namedValues: Finder = (text, ranges) =>
  each(NAMED_VALUE, text, (match) => {
    const [, name, value] = match;
    if (!CREDENTIAL_WORD.test(name) || PROPERTY_CHAIN.test(value) || !/\d/u.test(value) || !/[A-Za-z]/u.test(value))
      return;
    const end = match.index + match[0].length;
    ranges.push([end - value.length, end]);
  });

const FINDERS: readonly Finder[] = [
  byShape(KEY_ID),
  byShape(JWT),
  byShape(GOOGLE_ACCESS_TOKEN),
  byShape(GOOGLE_REFRESH_TOKEN),
  byShape(SAS_SIGNATURE_VALUE),
  privateKeys,
  base64Runs,
  namedValues,
];

/** Mixed case and digits, and either long or as varied as random text (git hashes and camelCase words are not). */
function looksRandom(run: string): boolean {
  if (!/[a-z]/u.test(run) || !/[A-Z]/u.test(run) || !/\d/u.test(run)) return false;
  return run.length >= ALWAYS_SECRET_RUN || entropy(run) >= RANDOM_ENTROPY;
}

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / text.length) * Math.log2(count / text.length);
  return bits;
}

/** Overlapping and adjacent ranges merged, each replaced by maskSecret of its text. */
function replaceRanges(text: string, ranges: Range[]): string {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (let i = 0; i < ranges.length;) {
    let [start, end] = ranges[i];
    for (i++; i < ranges.length && ranges[i][0] <= end; i++) end = Math.max(end, ranges[i][1]);
    start = Math.max(start, at);
    if (end <= start) continue;
    out += text.slice(at, start) + maskSecret(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}
