import { describe, expect, it } from 'vitest';
import * as knowledge from '../../src/knowledge/index.js';

const { AWS_V3_PROVIDER_FACTORIES, CREDENTIAL_METHODS, PRESIGNERS, REFRESHING_CLASSES } = knowledge;

/** Every exported knowledge list whose entries carry an id. */
const LISTS = Object.entries(knowledge as Record<string, unknown>).filter(
  (entry): entry is [string, readonly { id: string }[]] =>
    Array.isArray(entry[1]) && entry[1].every((item: unknown) => typeof (item as { id?: unknown })?.id === 'string'),
);

describe('knowledge ids', () => {
  it('are found in the lists that carry them', () => {
    expect(LISTS.map(([name]) => name)).toEqual(
      expect.arrayContaining(['PRESIGNERS', 'OUTLIVING_SINKS', 'TOKEN_ENDPOINTS']),
    );
  });

  it.each(LISTS)('%s: every id is unique', (_name, list) => {
    const ids = list.map((entry) => entry.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('are literal types: a misspelt id is a type error (npm run typecheck checks the directives below)', () => {
    // @ts-expect-error a typo in a presigner id
    expect(PRESIGNERS.some((p) => p.id === 'aws-v3:getSignedUrll')).toBe(false);
    // @ts-expect-error a typo in a provider factory id (the provider() maker keeps the literal)
    expect(AWS_V3_PROVIDER_FACTORIES.some((p) => p.id === 'aws-v3:fromInstanceMetdata')).toBe(false);
    // @ts-expect-error a typo in a refreshing class id (built by the refreshing()/credential() makers)
    expect(REFRESHING_CLASSES.some((c) => c.id === 'azure:DefaultAzureCredentials')).toBe(false);
    // @ts-expect-error a typo in a token method id
    expect(CREDENTIAL_METHODS.some((m) => m.id === 'google:getAccesToken')).toBe(false);
    // The correctly spelt ids compile and are found.
    expect(PRESIGNERS.some((p) => p.id === 'aws-v3:getSignedUrl')).toBe(true);
    expect(AWS_V3_PROVIDER_FACTORIES.some((p) => p.id === 'aws-v3:fromInstanceMetadata')).toBe(true);
    expect(REFRESHING_CLASSES.some((c) => c.id === 'azure:DefaultAzureCredential')).toBe(true);
    expect(CREDENTIAL_METHODS.some((m) => m.id === 'google:getAccessToken')).toBe(true);
  });

  it('SELF_CACHING_TOKEN_CALLS name calls the other lists know, by the same method', () => {
    const known = [...CREDENTIAL_METHODS, ...knowledge.IDENTITY_PLATFORM_TOKENS].map((entry) => [
      entry.id,
      'method' in entry ? entry.method : undefined,
    ]);
    for (const call of knowledge.SELF_CACHING_TOKEN_CALLS) expect(known).toContainEqual([call.id, call.method]);
  });
});
