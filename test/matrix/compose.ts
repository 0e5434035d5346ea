import { FLOWS, type Flow } from './flows.js';
import { KEEPERS, LOOK_ALIKE_KEEPERS, type Keeper } from './keepers.js';
import { SOURCES, type Source } from './sources.js';
import { CREDENTIAL_METHODS, IDENTITY_PLATFORM_TOKENS } from '../../src/knowledge/index.js';

/**
 * Sources whose SDK renews the token when asked again (IdentityPlatformToken.renewsWhenAskedAgain,
 * CredentialMethod.renewsWhenAskedAgain).
 */
const RENEWED_BY_SOURCE: ReadonlySet<string> = new Set(
  [...IDENTITY_PLATFORM_TOKENS, ...CREDENTIAL_METHODS]
    .filter((t) => 'renewsWhenAskedAgain' in t && t.renewsWhenAskedAgain)
    .map((t) => t.id),
);
/** Of those, the identity platforms' user-session tokens, which are A's in a module variable too (isSnapshotOfRenewingSdk). */
const RENEWED_IN_MODULE_SCOPE: ReadonlySet<string> = new Set(
  IDENTITY_PLATFORM_TOKENS.filter((t) => 'renewsWhenAskedAgain' in t && t.renewsWhenAskedAgain).map((t) => t.id),
);

export type RuleKind = 'A' | 'B';

/** One generated file: the rule that must report it (null: silence) and the lines where a report belongs. */
export interface Cell {
  readonly id: string;
  readonly code: string;
  readonly expected: RuleKind | null;
  /** A rule that may report besides `expected`: a top-level `const` of the flow is a module-level keeper of its own. */
  readonly alsoAllowed?: RuleKind;
  readonly lines: ReadonlySet<number>;
}

const MODULE_LET = KEEPERS.find((k) => k.id === 'module let')!;
const flow = (id: string) => FLOWS.find((f) => f.id === id)!;

function fits(source: Source, flowUsed: Flow, keeper: Keeper): boolean {
  if (keeper.accepts !== 'any' && keeper.accepts !== source.yields) return false;
  return !(flowUsed.nests && keeper.declares);
}

function compose(source: Source, flowUsed: Flow, keeper: Keeper): Cell | null {
  if (!fits(source, flowUsed, keeper)) return null;
  const code = flowUsed.build(source, (value) => keeper.store(value, source));
  if (!code) return null;
  const imports = [...new Set([...source.imports, ...(keeper.imports ?? [])])];
  const text = [...imports, ...(source.setup ?? []), ...code.helpers, ...keeper.wrap(code.body, source)].join('\n');
  // A reports where the source is resolved, B on the storage's declaration (`// keeper`) or its one fill.
  const lines = new Set<number>();
  text.split('\n').forEach((line, i) => {
    const declares =
      line.includes('// keeper') ||
      (keeper.declaredBy && line.includes(keeper.declaredBy)) ||
      (keeper.filledAt && line.trimStart().startsWith(keeper.filledAt));
    const read = source.readAt !== undefined && line.includes(source.readAt);
    if (line.includes(source.call) || read || declares) lines.add(i + 1);
  });
  const topLevelConst = keeper.declares && code.body.some((line) => line.startsWith('const '));
  return {
    id: `${source.id} × ${flowUsed.id} × ${keeper.id}`,
    code: text,
    expected: ownerOf(source, keeper),
    ...(topLevelConst ? { alsoAllowed: source.owner } : {}),
    lines,
  };
}

function ownerOf(source: Source, keeper: Keeper): RuleKind | null {
  if (keeper.silent) return keeper.perRequest && source.reportedPerRequest ? source.owner : null;
  // The split is by source: a renewing token kept anywhere long-lived is a snapshot of its source.
  if (RENEWED_IN_MODULE_SCOPE.has(source.entry)) return 'A';
  if (keeper.keepsOutsideVariable && RENEWED_BY_SOURCE.has(source.entry)) return 'A';
  if (keeper.owner === 'source') return source.owner;
  if (keeper.owner === 'field') return source.fieldOwner ?? source.owner;
  return keeper.owner!;
}

/** The shortest flow that applies: `direct`, or a `const` when the direct form would repeat the call. */
const simplest = (source: Source, keeper: Keeper) =>
  compose(source, flow('direct'), keeper) ?? compose(source, flow('const'), keeper);

/**
 * Not all N³: every source through every flow into one keeper (module `let`), every source into every keeper by
 * the direct flow (or a `const`), and every source into every look-alike keeper through a `const` (which the provider look-alike
 * needs to read `expiration`).
 */
export function cells(): Cell[] {
  const all = [
    ...SOURCES.flatMap((s) => FLOWS.map((f) => compose(s, f, MODULE_LET))),
    ...SOURCES.flatMap((s) => KEEPERS.filter((k) => k !== MODULE_LET).map((k) => simplest(s, k))),
    ...SOURCES.flatMap((s) => LOOK_ALIKE_KEEPERS.map((k) => compose(s, flow('const'), k))),
  ];
  return all.filter((cell): cell is Cell => cell !== null);
}
