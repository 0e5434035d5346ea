import { describe, expect, it } from 'vitest';
import {
  AWS_TOKEN_COMMANDS,
  AWS_V2_GLOBAL_CREDENTIALS,
  AWS_V2_STS_OPERATIONS,
  AWS_V3_CLIENT_PROVIDER_PATH,
  AWS_V3_PROVIDER_FACTORIES,
  AWS_V3_STS_OPERATIONS,
  CREDENTIAL_METHODS,
  CREDENTIAL_RESOLVERS,
  IDENTITY_PLATFORM_TOKENS,
  REFRESHING_CLASSES,
  TOKEN_ENDPOINTS,
} from '../../src/knowledge/index.js';
import { cells } from './compose.js';
import { KNOWN_GAPS } from './known-gaps.js';
import { outcomeOf } from './outcome.js';
import { SOURCES } from './sources.js';

/**
 * The generated matrix (test/matrix/compose.ts): every source of the knowledge base through every flow and into
 * every keeper, look-alikes included, linted with the recommended config and no type information. What the engine
 * cannot see yet is listed, with its reason, in known-gaps.ts.
 */
const SESSION_OF: ReadonlyMap<string, string> = new Map(
  [
    ...AWS_V3_PROVIDER_FACTORIES,
    ...REFRESHING_CLASSES,
    ...CREDENTIAL_METHODS,
    ...AWS_V3_STS_OPERATIONS,
    ...AWS_V2_STS_OPERATIONS,
    ...AWS_TOKEN_COMMANDS,
    ...CREDENTIAL_RESOLVERS,
    ...TOKEN_ENDPOINTS,
    ...IDENTITY_PLATFORM_TOKENS,
  ].map((entry) => [entry.id, entry.session]),
);
/** Sources the knowledge base names by a constant rather than an entry; their session comes from the settings. */
const STRUCTURAL_ENTRIES: Readonly<Record<string, unknown>> = {
  'aws-v3:client.config.credentials': AWS_V3_CLIENT_PROVIDER_PATH,
  'aws-v2:config.credentials': AWS_V2_GLOBAL_CREDENTIALS,
};

const all = cells();
const gapReason: ReadonlyMap<string, string> = new Map(
  KNOWN_GAPS.flatMap(({ reason, cells: ids }) => ids.map((id) => [id, reason] as const)),
);

describe('the matrix tables', () => {
  it.each(SOURCES.map((s) => [s.id, s] as const))('%s samples a knowledge entry with its session', (_, source) => {
    if (source.entry in STRUCTURAL_ENTRIES) {
      expect(STRUCTURAL_ENTRIES[source.entry]).toBeDefined();
      expect(source.session).toBe('default-chain');
    } else {
      expect(SESSION_OF.get(source.entry), `no knowledge entry ${source.entry}`).toBe(source.session);
    }
  });

  it('samples every provider factory, STS operation, token command and token method of the knowledge base', () => {
    const sampled = new Set(SOURCES.map((s) => s.entry));
    const families = [
      ...AWS_V3_PROVIDER_FACTORIES,
      ...AWS_V3_STS_OPERATIONS,
      ...AWS_V2_STS_OPERATIONS,
      ...AWS_TOKEN_COMMANDS,
      ...REFRESHING_CLASSES.filter((c) => c.ecosystem === 'aws-v2'),
    ];
    expect(families.map((e) => e.id).filter((id) => !sampled.has(id))).toEqual([]);
    // Token methods: at least one sample per module (the MSK, DSQL and MSAL variants share their module's path).
    const moduleOf = (m: (typeof CREDENTIAL_METHODS)[number]) => m.receivers[0]!.modules[0];
    const modules = new Set(CREDENTIAL_METHODS.map(moduleOf));
    const sampledModules = new Set(CREDENTIAL_METHODS.filter((m) => sampled.has(m.id)).map(moduleOf));
    expect([...modules].filter((module) => !sampledModules.has(module))).toEqual([]);
  });

  it('lists only generated combinations as gaps, each once', () => {
    const ids = new Set(all.map((cell) => cell.id));
    const listed = KNOWN_GAPS.flatMap((gap) => gap.cells);
    expect(listed.filter((id) => !ids.has(id))).toEqual([]);
    expect(listed.length).toBe(gapReason.size);
  });

  it('has both reported and silent combinations for every source', () => {
    for (const source of SOURCES) {
      const own = all.filter((cell) => cell.id.startsWith(`${source.id} × `));
      expect(own.some((cell) => cell.expected === null)).toBe(true);
      expect(own.some((cell) => cell.expected !== null)).toBe(true);
    }
  });
});

describe('source × flow × keeper', () => {
  it.each(all.filter((cell) => !gapReason.has(cell.id)).map((cell) => [cell.id, cell] as const))('%s', (_, cell) => {
    expect(outcomeOf(cell), cell.code).toBe('ok');
  });

  it.each(all.filter((cell) => gapReason.has(cell.id)).map((cell) => [cell.id, cell] as const))(
    'known gap: %s',
    (id, cell) => {
      expect(outcomeOf(cell), `${id} now passes: remove it from test/matrix/known-gaps.ts`).not.toBe('ok');
    },
  );
});
