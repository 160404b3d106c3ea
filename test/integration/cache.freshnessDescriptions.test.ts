import { readFileSync } from 'node:fs';
import { Kind } from 'graphql';
import type { ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TTLS } from '../../src/cache/cacheConfig.js';
import type { TtlTable } from '../../src/cache/cacheConfig.js';
import { loadTypeDefs } from '../../src/schema.js';
import { TYPE_READS } from '../../src/schemaFreshness.js';
import { startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { RunningSubgraph } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

/**
 * Each cached type's description states how stale it may be, from its `@cacheControl` hint and
 * the read cache's TTLs of the running configuration, as introspection and the printed
 * schema.graphql show it.
 */
/** Types with `@cacheControl(maxAge > 0)` in the SDL, with their maxAge. */
function cachedTypes(): Map<string, number> {
  const found = new Map<string, number>();
  for (const definition of loadTypeDefs().definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const maxAge = maxAgeOf(definition);
    if (maxAge > 0) found.set(definition.name.value, maxAge);
  }
  return found;
}

function maxAgeOf(definition: ObjectTypeDefinitionNode): number {
  const hint = definition.directives?.find((d) => d.name.value === 'cacheControl');
  const value = hint?.arguments?.find((a) => a.name.value === 'maxAge')?.value;
  return value?.kind === Kind.INT ? Number(value.value) : 0;
}

async function descriptions(subgraph: RunningSubgraph): Promise<Map<string, string>> {
  const { body } = await subgraph.query('{ __schema { types { name description } } }');
  expect(body.errors).toBeUndefined();
  const types = (body.data as { __schema: { types: Array<{ name: string; description: string | null }> } })
    .__schema.types;
  return new Map(types.map((type) => [type.name, type.description ?? '']));
}

let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
const cachings: TestCaching[] = [];
const subgraphs: RunningSubgraph[] = [];

async function cachedSubgraph(ttlSeconds: TtlTable = DEFAULT_TTLS): Promise<RunningSubgraph> {
  const caching = testCaching({ mode: 'memory', ttlSeconds: { ...ttlSeconds } });
  cachings.push(caching);
  const subgraph = await startCachedSubgraph({ caching, confirma, factorCloud });
  subgraphs.push(subgraph);
  return subgraph;
}

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
});
afterAll(async () => {
  await Promise.all(subgraphs.map((s) => s.close()));
  await Promise.all(cachings.map((c) => c.close()));
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});

describe('cached types, by introspection', () => {
  it('every type with a maxAge states its staleness, at least its maxAge plus its longest read TTL', async () => {
    const types = cachedTypes();
    expect(types.size).toBeGreaterThan(10);
    const described = await descriptions(await cachedSubgraph());
    for (const [name, maxAge] of types) {
      const text = described.get(name) ?? '';
      const bound = /Freshness: at most (\d+) s old\./.exec(text);
      expect(bound, `${name}: ${text}`).not.toBeNull();
      const reads = TYPE_READS[name];
      expect(reads, `${name} is registered in TYPE_READS`).toBeDefined();
      const ttls = [...(reads?.changing ?? []), ...(reads?.settled ?? [])].map((t) => DEFAULT_TTLS[t]);
      expect(Number(bound?.[1])).toBe(maxAge + Math.max(...ttls));
      expect(text).toContain('`Cache-Control: no-cache`');
    }
  });

  it('states the read cache’s real bound where it keeps answers longer than the maxAge', async () => {
    const described = await descriptions(await cachedSubgraph());
    // A closed case is kept an hour while its hint says 30 s.
    expect(described.get('CollectionCase')).toContain(
      'Freshness: at most 3630 s old. This graph caches it per tenant for up to 30 s (3600 s once closed), then a response may be reused for 30 s',
    );
    expect(described.get('FactoringDocument')).toContain('Freshness: at most 3900 s old.');
  });

  it('follows the configured TTLs, so a TTL change cannot leave a description wrong', async () => {
    const described = await descriptions(
      await cachedSubgraph({ ...DEFAULT_TTLS, caseOpen: 45, caseClosed: 7_200 }),
    );
    expect(described.get('CollectionCase')).toContain(
      'Freshness: at most 7230 s old. This graph caches it per tenant for up to 45 s (7200 s once closed)',
    );
  });

  it('says each request reads the upstream when the read cache is off', async () => {
    const uncached = await startHarness();
    subgraphs.push(uncached);
    const described = await descriptions(uncached);
    expect(described.get('CollectionCase')).toContain(
      'Freshness: read from the upstream for each request; a response may be reused for 30 s',
    );
  });

  it('the printed schema.graphql carries the same sentences as a default deployment', async () => {
    const printed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    const described = await descriptions(await cachedSubgraph());
    for (const name of cachedTypes().keys()) {
      const sentence = /Freshness: [^\n]*/.exec(described.get(name) ?? '')?.[0] ?? `(none for ${name})`;
      expect(printed).toContain(sentence);
    }
  });
});
