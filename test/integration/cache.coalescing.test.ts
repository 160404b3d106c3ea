import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeUpstream } from '../support/fakeUpstream.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { CachedSubgraph, TestCaching } from '../support/redisSubgraphs.js';

const CONCURRENT = 12;
let confirma: FakeUpstream;
let factorCloud: FactorCloudFake;
let caching: TestCaching;
let h: CachedSubgraph<FakeUpstream, FactorCloudFake>;
/** Confirma answers once this resolves. */
let gate: Promise<void> = Promise.resolve();

beforeAll(async () => {
  // Confirma's distribution endpoint, answering only when the test opens the gate.
  confirma = await startFakeUpstream(async (request) => {
    await gate;
    const number = Number(request.query.invoiceNumber ?? 260100001);
    return { json: { metaData: { totalCount: 1 }, invoices: [distributionRecord(number)] } };
  });
  factorCloud = await startFactorCloudFake();
  caching = testCaching({ mode: 'memory' });
  h = await startCachedSubgraph({ caching, confirma, factorCloud });
});
afterAll(async () => {
  await h?.close();
  await caching?.close();
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});
beforeEach(() => {
  h.resetRequests();
  caching.events.length = 0;
});

/**
 * Holds Confirma until `lookups` lookups of `cache` were made: then every request is known to
 * be waiting at the same time (no timing involved), and the answer is let through.
 */
function holdUntilLookups(cache: string, lookups: number): void {
  let open!: () => void;
  gate = new Promise<void>((resolve) => (open = resolve));
  caching.onEvent = () => {
    if (caching.events.filter((e) => e.cache === cache).length >= lookups) open();
  };
}

describe('identical reads of concurrent requests', () => {
  it(`share one upstream call: ${CONCURRENT} GraphQL requests for one invoice`, async () => {
    holdUntilLookups('confirma.distribution', CONCURRENT);
    const replies = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        h.query(`{ invoice(invoiceNumber: "260100002") { invoiceNumber distribution { status } } }`),
      ),
    );
    for (const reply of replies) {
      expect(reply.body).toEqual({
        data: { invoice: { invoiceNumber: '260100002', distribution: { status: 'DELIVERED' } } },
      });
    }
    expect(confirma.requests).toHaveLength(1);
    expect(caching.events.map((e) => e.result).sort()).toEqual([
      ...Array<string>(CONCURRENT - 1).fill('hit'),
      'miss',
    ]);
  });

  it('share one call for a list too, and each request gets its own copy of the answer', async () => {
    holdUntilLookups('confirma.distributionList', CONCURRENT);
    const query = `{ invoices(filter: { from: "2026-11-01", to: "2026-11-22" }) { totalCount nodes { invoiceNumber } } }`;
    const replies = await Promise.all(Array.from({ length: CONCURRENT }, () => h.query(query)));
    expect(new Set(replies.map((reply) => reply.text)).size).toBe(1);
    expect(replies[0]?.body.data).toEqual({
      invoices: { totalCount: 1, nodes: [{ invoiceNumber: '260100001' }] },
    });
    expect(confirma.requests).toHaveLength(1);
  });

  it('do not share a call with a different key: two invoices, two calls', async () => {
    gate = Promise.resolve();
    caching.onEvent = undefined;
    await Promise.all([
      h.query(`{ invoice(invoiceNumber: "260100003") { invoiceNumber } }`),
      h.query(`{ invoice(invoiceNumber: "260100004") { invoiceNumber } }`),
    ]);
    expect(confirma.requests.map((r) => r.query.invoiceNumber).sort()).toEqual(['260100003', '260100004']);
  });
});
