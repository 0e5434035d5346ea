import {
  bundledCredential,
  credentialNameKind,
  findSecretKeyCandidates,
  findSecretShapes,
  hasNamedTokenShape,
  isSecretKey,
  isTokenLike,
  type ShapeMatch,
} from './secret-scan.js';

/** How far (in lines) a secret access key may stand from its key id to count as its pair. */
const PAIR_DISTANCE_LINES = 5;

/** A value in a file, with the name it is stored under (env var, object key, field) when there is one. */
export interface ValueSite<Node> {
  node: Node;
  name: string | null;
  value: string;
  /** 1-based line where the value starts. */
  line: number;
  /** The other names in the same object (a bare `Token` is an AWS session token only next to `AccessKeyId`). */
  siblings?: ReadonlySet<string>;
}

export type CredentialKind =
  | 'temporaryKeyId'
  | 'longLivedKey'
  | 'secretKey'
  | 'temporarySecretKey'
  | 'sessionToken'
  | 'googleAccessToken'
  | 'jwt'
  | 'privateKey'
  | 'refreshToken'
  | 'azureAccountKey'
  | 'azureSas'
  | 'bundledCredential';

/** A credential found at a site. `secret` is the raw value: only ever show it through maskSecret(). */
export interface CredentialFinding<Node> {
  node: Node;
  kind: CredentialKind;
  secret: string;
  name: string | null;
  expiresAt?: Date;
  bundler?: string;
  /** Where the secret starts in the site's value, for shapes found inside a longer text (a comment, a template). */
  index?: number;
  /** For a key id: where its secret access key stands (reported together, at the key id). */
  pairedWith?: Node;
  /** Other parts of the same credential set on this line, reported with this finding (onePerCredentialSetLine). */
  sameLine?: Node[];
}

interface AssessOptions {
  /** Report an `ASIA` key id even without its secret nearby (config files: it is a dead snapshot either way). */
  loneTemporaryKeyIds: boolean;
  /** Report values stored under bundler-inlined names (`.env`, YAML); JS reports the reads instead. */
  bundledNames: boolean;
}

interface KeyId<Node> {
  site: ValueSite<Node>;
  match: ShapeMatch;
}

interface SecretCandidate<Node> {
  site: ValueSite<Node>;
  secret: string;
  named: boolean;
}

const SHAPE_KINDS = {
  googleAccessToken: 'googleAccessToken',
  privateKey: 'privateKey',
  jwt: 'jwt',
  azureAccountKey: 'azureAccountKey',
  azureSas: 'azureSas',
} as const satisfies Record<Exclude<ShapeMatch['shape'], 'awsKeyId'>, CredentialKind>;

/**
 * Finds the credentials among the values of one file. Key ids pair with the secret access keys near them: a pair
 * is reported at the key id (`AKIA`: long-lived key; `ASIA`: temporary), and at the secret when it stands on a
 * line of its own. A secret key stored under its own
 * name is reported alone; an unnamed 40-character string counts only as a key id's pair (alone it could be anything).
 * An `AKIA` key id alone is an identifier, not a secret, and is not reported.
 */
export function assessValues<Node>(
  sites: readonly ValueSite<Node>[],
  options: AssessOptions,
): CredentialFinding<Node>[] {
  const findings: CredentialFinding<Node>[] = [];
  const keyIds: KeyId<Node>[] = [];
  const candidates: SecretCandidate<Node>[] = [];
  const unnamed: ValueSite<Node>[] = [];

  for (const site of sites) {
    for (const match of findSecretShapes(site.value)) {
      if (match.shape === 'awsKeyId') keyIds.push({ site, match });
      else
        findings.push({
          node: site.node,
          kind: SHAPE_KINDS[match.shape],
          secret: match.text,
          name: site.name,
          index: match.index,
          ...(match.expiresAt ? { expiresAt: match.expiresAt } : {}),
        });
    }
    const value = site.value.trim();
    const holds = site.name === null ? undefined : credentialNameKind(site.name, site.siblings);
    if (holds === 'aws-secret-key' && isSecretKey(value)) candidates.push({ site, secret: value, named: true });
    else unnamed.push(site);
    if (holds === 'aws-session-token' && hasNamedTokenShape(holds, value))
      findings.push({ node: site.node, kind: 'sessionToken', secret: value, name: site.name });
    if (holds === 'refresh-token' && hasNamedTokenShape(holds, value))
      findings.push({ node: site.node, kind: 'refreshToken', secret: value, name: site.name });
    if (
      holds === 'google-access-token' &&
      hasNamedTokenShape(holds, value) &&
      !findings.some((f) => f.node === site.node && f.kind === 'googleAccessToken')
    ) {
      findings.push({ node: site.node, kind: 'googleAccessToken', secret: value, name: site.name });
    }
    const bundled = options.bundledNames && site.name !== null ? bundledCredential(site.name) : undefined;
    if (bundled && isTokenLike(value))
      findings.push({
        node: site.node,
        kind: 'bundledCredential',
        secret: value,
        name: site.name,
        bundler: bundled.bundler,
      });
  }

  // Unnamed 40-character strings matter only as a key id's pair: scan for them only when there is a key id.
  if (keyIds.length > 0) {
    for (const site of unnamed)
      for (const secret of findSecretKeyCandidates(site.value)) candidates.push({ site, secret, named: false });
  }
  const paired = new Set<SecretCandidate<Node>>();
  for (const { site, match } of keyIds) {
    const pair = candidates.find(
      (candidate) => !paired.has(candidate) && Math.abs(candidate.site.line - site.line) <= PAIR_DISTANCE_LINES,
    );
    if (pair) paired.add(pair);
    const pairedWith = pair ? { pairedWith: pair.site.node } : {};
    if (match.lifetime === 'temporary' && (pair || options.loneTemporaryKeyIds)) {
      findings.push({ node: site.node, kind: 'temporaryKeyId', secret: match.text, name: site.name, ...pairedWith });
    } else if (match.lifetime === 'long-lived' && pair) {
      findings.push({ node: site.node, kind: 'longLivedKey', secret: match.text, name: site.name, ...pairedWith });
    }
    // Every line that embeds a secret is reported: the secret on its own line too (on the key id's line, the pair
    // is one finding).
    if (pair && pair.site.line !== site.line) {
      const kind = match.lifetime === 'temporary' ? 'temporarySecretKey' : 'secretKey';
      findings.push({ node: pair.site.node, kind, secret: pair.secret, name: pair.site.name });
    }
  }

  const temporaryNearby = findings.some(
    (finding) => finding.kind === 'sessionToken' || finding.kind === 'temporaryKeyId',
  );
  for (const candidate of candidates) {
    if (!candidate.named || paired.has(candidate)) continue;
    findings.push({
      node: candidate.site.node,
      kind: temporaryNearby ? 'temporarySecretKey' : 'secretKey',
      secret: candidate.secret,
      name: candidate.site.name,
    });
  }
  const lineOf = new Map(sites.map((site) => [site.node, site.line] as const));
  return onePerCredentialSetLine(dedupe(withoutBundledDuplicates(findings)), lineOf);
}

/** The parts of one AWS credential set, in the order that names it best: one finding per line says it all. */
const AWS_SET_PARTS: readonly CredentialKind[] = [
  'temporaryKeyId',
  'longLivedKey',
  'sessionToken',
  'temporarySecretKey',
  'secretKey',
];

/**
 * Key id, secret and session token written on one line (`{ accessKeyId: 'ASIA…', …, sessionToken: '…' }`) are one
 * defect: it is reported once, at the part that names it best. Parts on lines of their own are each reported.
 */
function onePerCredentialSetLine<Node>(
  findings: CredentialFinding<Node>[],
  lineOf: ReadonlyMap<Node, number>,
): CredentialFinding<Node>[] {
  const best = new Map<number, CredentialFinding<Node>>();
  for (const finding of findings) {
    const rank = AWS_SET_PARTS.indexOf(finding.kind);
    const line = lineOf.get(finding.node);
    if (rank < 0 || line === undefined) continue;
    const kept = best.get(line);
    if (!kept || rank < AWS_SET_PARTS.indexOf(kept.kind)) best.set(line, finding);
  }
  const kept: CredentialFinding<Node>[] = [];
  for (const finding of findings) {
    const line = lineOf.get(finding.node);
    const winner = line === undefined || !AWS_SET_PARTS.includes(finding.kind) ? finding : best.get(line)!;
    if (winner === finding) kept.push(finding);
    else if (winner.node !== finding.node) (winner.sameLine ??= []).push(finding.node);
  }
  return kept;
}

/**
 * A value under a bundler-inlined name that is also recognised as what it is (`REACT_APP_AWS_SECRET_ACCESS_KEY=` a
 * secret key) is one defect: the finding that names the value stays, the bundler finding goes.
 */
function withoutBundledDuplicates<Node>(findings: CredentialFinding<Node>[]): CredentialFinding<Node>[] {
  const named = new Set(findings.filter((f) => f.kind !== 'bundledCredential').map((f) => f.node));
  return findings.filter((finding) => finding.kind !== 'bundledCredential' || !named.has(finding.node));
}

/** One finding per node and kind (a value may hold the same shape twice). */
function dedupe<Node>(findings: CredentialFinding<Node>[]): CredentialFinding<Node>[] {
  const seen = new Map<Node, Set<CredentialKind>>();
  return findings.filter((finding) => {
    const kinds = seen.get(finding.node) ?? new Set<CredentialKind>();
    seen.set(finding.node, kinds);
    if (kinds.has(finding.kind)) return false;
    kinds.add(finding.kind);
    return true;
  });
}
