import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheConfig } from '../../src/cache/cacheConfig.js';
import { createCaching } from '../../src/cache/caching.js';
import type { Caching } from '../../src/cache/caching.js';
import { createObservability } from '../../src/observability/observability.js';
import { caseReply, distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { client, startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { Harness } from '../support/harness.js';
import { parseMetrics, total } from '../support/prometheus.js';
import { memoryLogger, startCachedSubgraph } from '../support/redisSubgraphs.js';

let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
let caching: Caching;
let off: Caching;
let h: Harness;
let uncached: Harness;

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
  confirma.records.push(distributionRecord(260100001));
  confirma.cases.set('480001', caseReply(480001));
  confirma.cases.set('480002', caseReply(480002));
  factorCloud.clients.set('CL-1', client('CL-1'));
  // Wired as index.ts wires it: cache lookups counted by the instance's metrics.
  const observability = createObservability();
  caching = createCaching(defaultCacheConfig({ mode: 'memory' }), {
    logger: memoryLogger().logger,
    onCacheEvent: (cache, result) => observability.metrics.recordCacheRequest(cache, result),
  });
  off = createCaching(defaultCacheConfig({ mode: 'off' }), { logger: memoryLogger().logger });
  h = await startCachedSubgraph({ caching, confirma, factorCloud, observability });
  uncached = await startCachedSubgraph({ caching: off, confirma, factorCloud });
});
afterAll(async () => {
  await Promise.all([h?.close(), uncached?.close()]);
  await Promise.all([caching?.close(), off?.close()]);
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});
beforeEach(() => h.resetRequests());

describe('Cache-Control of responses', () => {
  const cacheControl = async (query: string, variables?: Record<string, unknown>) => {
    const reply = await h.query(query, variables);
    return reply.headers.get('cache-control');
  };

  it('marks tenant data private, for the shortest maxAge of what the response holds', async () => {
    expect(await cacheControl(`{ client(clientKey: "CL-1") { name } }`)).toBe('max-age=300, private');
    expect(await cacheControl(`{ settlements { nodes { settlementId } } }`)).toBe('max-age=60, private');
    expect(
      await cacheControl(
        `{ invoice(invoiceNumber: "260100001") { distribution { status } paymentControl { case { stage } } } }`,
      ),
    ).toBe('max-age=30, private');
    expect(
      await cacheControl(`{ ledgerSyncStatus { nodes { state } } client(clientKey: "CL-1") { name } }`),
    ).toBe('max-age=5, private');
  });

  it('is never public, and no-store for live checks, mutations and errors', async () => {
    const replies = [
      `{ invoices { nodes { invoiceNumber } } }`,
      `{ collectionCase(caseId: "480001") { balance { totalAmount { amount } } } }`,
      `{ accessTokenStatus { valid } }`,
      `{ factorCloudConnectionCheck { ok } }`,
      `mutation { upsertClient(input: { clientKey: "CL-1", name: "Renamed" }) { userErrors { code } } }`,
      `{ collectionCase(caseId: "not-a-number") { caseId } }`,
    ].map((query) => cacheControl(query));
    const headers = await Promise.all(replies);
    expect(headers.filter((header) => header?.includes('public'))).toEqual([]);
    expect(headers.slice(2)).toEqual(['no-store', 'no-store', 'no-store', 'no-store']);
  });
});

describe('cache metrics', () => {
  it('counts hits and misses by resource in cache_requests_total', async () => {
    const query = `{ collectionCase(caseId: "480002") { caseId } }`;
    const metrics = async () =>
      parseMetrics(await (await fetch(h.url.replace('/graphql', '/metrics'))).text());
    const count = (samples: Awaited<ReturnType<typeof metrics>>, result: string) =>
      total(samples, 'cache_requests_total', { cache: 'confirma.case', result });
    const before = await metrics();
    for (let i = 0; i < 3; i += 1) await h.query(query);
    const after = await metrics();
    expect(count(after, 'miss') - count(before, 'miss')).toBe(1);
    expect(count(after, 'hit') - count(before, 'hit')).toBe(2);
    expect(confirma.requestsTo('/invoice/case')).toHaveLength(1);
  });
});

describe('CACHE_MODE=off', () => {
  it('reads upstream on every request', async () => {
    uncached.resetRequests();
    const query = `{ collectionCase(caseId: "480001") { caseId } }`;
    await uncached.query(query);
    await uncached.query(query);
    expect(confirma.requestsTo('/invoice/case')).toHaveLength(2);
  });
});

describe('calls the cache never answers', () => {
  it('sends token and connection checks upstream every time, with the cache on', async () => {
    const query = `{ accessTokenStatus { valid } factorCloudConnectionCheck { ok endpoint } }`;
    const first = await h.query(query);
    const second = await h.query(query);
    for (const reply of [first, second]) {
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.data).toMatchObject({ factorCloudConnectionCheck: { endpoint: 'test-get' } });
    }
    expect(confirma.requestsTo('/validate')).toHaveLength(2);
    expect(factorCloud.requests.filter((r) => r.path.includes('test-get'))).toHaveLength(2);
  });
});
